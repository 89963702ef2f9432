import { createReadStream, fstatSync } from "node:fs";
import type { Readable } from "node:stream";
import split2 from "split2";
import type { InputRecord } from "./input-record.js";
import { LineGuard, overlongLength } from "./line-guard.js";

export const DEFAULT_MAX_LINE_BYTES = 16 * 1024 * 1024;

/** A line that could not become a record; the frame dead-letters it. */
export interface BadLine {
  bad: true;
  line: number;
  raw: string;
  source: string;
  kind: "invalid_json" | "not_an_object" | "line_too_long";
  reason: string;
}

export interface InputSource {
  name: string;
  open(): Readable;
  /** Size in bytes when known (a regular file), for progress ETA. */
  size?: number;
}

export function stdinSource(): InputSource {
  let size: number | undefined;
  try {
    // bigint: on Node 20, a plain fstat of a pipe corrupts the module loader's shared
    // stat buffer, and a later lazy require() of a symlinked package then fails.
    const st = fstatSync(0, { bigint: true });
    if (st.isFile()) size = Number(st.size);
  } catch {
    /* stdin closed or not stat-able: size stays unknown */
  }
  return { name: "stdin", open: () => process.stdin, size };
}

export function fileSource(path: string, size?: number): InputSource {
  return { name: path, open: () => createReadStream(path, { highWaterMark: 256 * 1024 }), size };
}

export interface ReadOptions {
  maxLineBytes?: number;
  /** Called with the number of bytes consumed so far (progress). */
  onBytes?: (bytes: number) => void;
}

/**
 * Reads NDJSON from a stream: split2 for lines (CRLF accepted), a byte guard for
 * over-long lines, blank lines skipped but counted, a UTF-8 BOM tolerated.
 * Yields records and bad lines in input order, with their line numbers.
 */
export async function* readNdjson(
  stream: Readable,
  source: string,
  opts: ReadOptions = {},
): AsyncGenerator<InputRecord | BadLine> {
  const max = opts.maxLineBytes ?? DEFAULT_MAX_LINE_BYTES;
  const guard = new LineGuard(max);
  let n = 0;
  const lines = split2((text: string) => {
    n += 1;
    return { n, text };
  });
  stream.on("error", (err) => lines.destroy(err));
  guard.on("error", (err) => lines.destroy(err));
  stream.pipe(guard).pipe(lines);
  try {
    for await (const { n: line, text: rawText } of lines as AsyncIterable<{ n: number; text: string }>) {
      opts.onBytes?.(guard.bytes);
      let text = rawText;
      if (line === 1 && text.charCodeAt(0) === 0xfeff) text = text.slice(1);
      if (isBlank(text)) continue;
      const overlong = overlongLength(text);
      if (overlong !== undefined) {
        yield {
          bad: true, line, source, kind: "line_too_long", raw: text.slice(0, 200),
          reason: `line is ${overlong} bytes, over the limit of ${max} bytes (raise it with --max-line-bytes)`,
        };
        continue;
      }
      let value: unknown;
      try {
        value = JSON.parse(text);
      } catch (err) {
        yield { bad: true, line, source, kind: "invalid_json", raw: text, reason: `invalid JSON: ${(err as Error).message}` };
        continue;
      }
      if (value === null || typeof value !== "object" || Array.isArray(value)) {
        const got = value === null ? "null" : Array.isArray(value) ? "an array" : typeof value;
        yield { bad: true, line, source, kind: "not_an_object", raw: text, reason: `expected a JSON object, got ${got}` };
        continue;
      }
      yield { value: value as Record<string, unknown>, line, raw: text, source };
    }
  } finally {
    // Stop reading when the consumer stops early (e.g. stdout closed by `head`).
    if (stream !== process.stdin) stream.destroy();
    else stream.unpipe(guard);
    guard.destroy();
    lines.destroy();
  }
}

function isBlank(text: string): boolean {
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c !== 32 && c !== 9 && c !== 13) return false;
  }
  return true;
}

export function isBadLine(x: InputRecord | BadLine): x is BadLine {
  return (x as BadLine).bad === true;
}
