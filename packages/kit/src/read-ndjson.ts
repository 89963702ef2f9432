import { isUtf8 } from "node:buffer";
import { createReadStream, fstatSync } from "node:fs";
import type { Readable } from "node:stream";
import type { InputRecord } from "./input-record.js";
import { HEAD_BYTES, LineSplitter, type LineHandler } from "./line-splitter.js";

export const DEFAULT_MAX_LINE_BYTES = 16 * 1024 * 1024;

/**
 * How deeply a record may nest objects and arrays (the record itself is level 1).
 * Real records nest fewer than 20 levels; code that walks a value recursively
 * (JSON.stringify, schema checks, the tools' own walks) overflows the stack
 * somewhere past 2,000 levels. 512 leaves room for tools that wrap a record a few
 * levels deeper (a Dialogue holds its Scenario, which holds its Persona).
 */
export const DEFAULT_MAX_DEPTH = 512;

/** A line that could not become a record; the frame dead-letters it. */
export interface BadLine {
  bad: true;
  line: number;
  /** The line's text (the first bytes only for a line over the limit). */
  raw: string;
  /** The line's bytes in base64, when `raw` cannot hold them exactly (they are not valid UTF-8). */
  rawBase64?: string;
  source: string;
  kind: "invalid_json" | "not_an_object" | "line_too_long" | "too_deep" | "invalid_utf8";
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
  maxLineBytes?: number | undefined;
  /** Deepest nesting of objects and arrays accepted (DEFAULT_MAX_DEPTH). */
  maxDepth?: number | undefined;
  /** Called with the number of bytes consumed so far (progress). */
  onBytes?: (bytes: number) => void;
  /**
   * Called once per non-blank line, in input order; a line for which it returns true is
   * passed over without being parsed or reported (`--shard`: another part's line).
   */
  skipLine?: () => boolean;
}

/**
 * Reads NDJSON from a stream, one array of records and bad lines per chunk read (in
 * input order, with their line numbers): the per-record path stays synchronous.
 * Lines are split on bytes (see LineSplitter); CRLF line ends and a UTF-8 BOM on
 * line 1 are accepted, blank lines skipped but counted.
 */
export async function* readNdjsonBatches(
  stream: Readable,
  source: string,
  opts: ReadOptions = {},
): AsyncGenerator<Array<InputRecord | BadLine>> {
  const maker = new RecordMaker(source, opts.maxLineBytes ?? DEFAULT_MAX_LINE_BYTES, opts.maxDepth ?? DEFAULT_MAX_DEPTH, opts.skipLine);
  const splitter = new LineSplitter(maker.maxLineBytes, maker);
  // Stop reading when the consumer stops early (e.g. stdout closed by `head`); stdin is
  // left open (destroying it can hang Node on some terminals), only no longer read.
  const chunks = stream.iterator({ destroyOnReturn: stream !== process.stdin });
  for await (const chunk of chunks) {
    splitter.push(typeof chunk === "string" ? Buffer.from(chunk) : (chunk as Buffer));
    opts.onBytes?.(splitter.bytes);
    if (maker.out.length > 0) yield maker.take();
  }
  splitter.end();
  if (maker.out.length > 0) yield maker.take();
}

/** Reads NDJSON from a stream, one record or bad line at a time (see readNdjsonBatches). */
export async function* readNdjson(
  stream: Readable,
  source: string,
  opts: ReadOptions = {},
): AsyncGenerator<InputRecord | BadLine> {
  for await (const batch of readNdjsonBatches(stream, source, opts)) yield* batch;
}

/** Turns lines into records or bad lines. */
class RecordMaker implements LineHandler {
  out: Array<InputRecord | BadLine> = [];

  constructor(
    readonly source: string,
    readonly maxLineBytes: number,
    readonly maxDepth: number,
    private readonly skipLine?: () => boolean,
  ) {}

  take(): Array<InputRecord | BadLine> {
    const out = this.out;
    this.out = [];
    return out;
  }

  text(text: string, line: number, eof: boolean): void {
    let lineEnd = eof ? "" : "\n";
    if (!eof && text.charCodeAt(text.length - 1) === 13) {
      text = text.slice(0, -1);
      lineEnd = "\r\n";
    }
    let bom = false;
    if (line === 1 && text.charCodeAt(0) === 0xfeff) {
      text = text.slice(1);
      bom = true;
    }
    if (isBlank(text) || this.skipLine?.()) return;
    const source = this.source;
    let value: unknown;
    try {
      value = JSON.parse(text);
    } catch (err) {
      this.out.push({ bad: true, line, source, kind: "invalid_json", raw: text, reason: `invalid JSON: ${(err as Error).message}` });
      return;
    }
    if (value === null || typeof value !== "object") {
      this.out.push({ bad: true, line, source, kind: "not_an_object", raw: text, reason: `expected a JSON object, got ${value === null ? "null" : typeof value}` });
      return;
    }
    // Before the array check: a reader may still parse an array line (chatmill-import does).
    if (deeperThan(value, this.maxDepth)) {
      this.out.push({
        bad: true, line, source, kind: "too_deep", raw: text,
        reason: `nested more than ${this.maxDepth} levels deep (raise the limit with --max-depth)`,
      });
      return;
    }
    if (Array.isArray(value)) {
      this.out.push({ bad: true, line, source, kind: "not_an_object", raw: text, reason: "expected a JSON object, got an array" });
      return;
    }
    const rec: InputRecord = { value: value as Record<string, unknown>, line, raw: text, source, lineEnd };
    if (bom) rec.bom = true;
    this.out.push(rec);
  }

  badUtf8(bytes: Buffer, line: number, eof: boolean): void {
    if (this.skipLine?.()) return;
    if (!eof && bytes[bytes.length - 1] === 13) bytes = bytes.subarray(0, -1);
    if (line === 1 && bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf) bytes = bytes.subarray(3);
    const at = firstInvalidUtf8(bytes);
    this.out.push({
      bad: true, line, source: this.source, kind: "invalid_utf8",
      raw: bytes.toString("utf8"), rawBase64: bytes.toString("base64"),
      reason: `not valid UTF-8 (byte ${at + 1} of the line); the dead letter's raw_base64 holds the exact bytes`,
    });
  }

  overlong(head: Buffer, bytes: number, line: number): void {
    if (this.skipLine?.()) return;
    const kept = bytes > head.length ? cutAtCharacter(head) : head;
    const entry: BadLine = {
      bad: true, line, source: this.source, kind: "line_too_long", raw: kept.toString("utf8"),
      reason: `line is ${bytes} bytes, over the limit of ${this.maxLineBytes} bytes (raise it with --max-line-bytes); raw holds its first ${HEAD_BYTES} bytes`,
    };
    if (!isUtf8(kept)) entry.rawBase64 = kept.toString("base64");
    this.out.push(entry);
  }
}

/**
 * Whether a parsed value nests objects and arrays more than `max` levels deep. It walks
 * the parsed value (JSON.parse itself does not recurse), and recurses at most `max`
 * levels, so it cannot overflow the stack itself.
 */
export function deeperThan(value: object, max: number): boolean {
  return max < 1 || below(value, max - 1);
}

/** Whether `value` has containers more than `budget` levels below it. */
function below(value: object, budget: number): boolean {
  if (Array.isArray(value)) {
    for (let i = 0; i < value.length; i++) {
      const v: unknown = value[i];
      if (typeof v === "object" && v !== null && (budget === 0 || below(v, budget - 1))) return true;
    }
    return false;
  }
  for (const k in value) {
    const v: unknown = (value as Record<string, unknown>)[k];
    if (typeof v === "object" && v !== null && (budget === 0 || below(v, budget - 1))) return true;
  }
  return false;
}

/** Offset of the first byte that breaks UTF-8 (for the message; only run on a bad line). */
export function firstInvalidUtf8(b: Uint8Array): number {
  let i = 0;
  while (i < b.length) {
    const c = b[i]!;
    if (c < 0x80) {
      i += 1;
      continue;
    }
    const n = c >= 0xc2 && c <= 0xdf ? 1 : c >= 0xe0 && c <= 0xef ? 2 : c >= 0xf0 && c <= 0xf4 ? 3 : 0;
    if (n === 0 || i + n >= b.length) return i;
    for (let k = 1; k <= n; k++) if ((b[i + k]! & 0xc0) !== 0x80) return i;
    const c1 = b[i + 1]!;
    // overlong forms, UTF-16 surrogates, beyond U+10FFFF
    if ((c === 0xe0 && c1 < 0xa0) || (c === 0xed && c1 > 0x9f) || (c === 0xf0 && c1 < 0x90) || (c === 0xf4 && c1 > 0x8f)) return i;
    i += n + 1;
  }
  return -1;
}

/** Drops a character the cut at the end of `b` split in two. */
function cutAtCharacter(b: Buffer): Buffer {
  let k = b.length - 1;
  while (k > 0 && b.length - k < 4 && (b[k]! & 0xc0) === 0x80) k -= 1;
  const c = b[k] ?? 0;
  const len = c >= 0xf0 ? 4 : c >= 0xe0 ? 3 : c >= 0xc0 ? 2 : 1;
  return k + len > b.length ? b.subarray(0, k) : b;
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
