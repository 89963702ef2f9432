/** One parsed input line, as every tool's transform receives it. */
export interface InputRecord<T = Record<string, unknown>> {
  value: T;
  /** 1-based line number within its source. */
  line: number;
  /** The line's text exactly as read (without its line end). */
  raw: string;
  /** "stdin" or the file name the record came from. */
  source: string;
  /** How the line ended in the input: "\n", "\r\n", or "" (the last line, without one). Unset for records not read from a stream. */
  lineEnd?: string;
  /** Line 1 began with a UTF-8 byte order mark (not part of `raw`). */
  bom?: boolean;
}

/** Wraps plain values as input records, for library use and tests. */
export async function* fromValues(
  values: Iterable<object> | AsyncIterable<object>,
  source = "memory",
): AsyncGenerator<InputRecord> {
  let line = 0;
  for await (const value of values) {
    line += 1;
    yield { value: value as Record<string, unknown>, line, raw: JSON.stringify(value), source };
  }
}
