import { isUtf8 } from "node:buffer";

/** What the splitter hands on, line by line, in input order. */
export interface LineHandler {
  /** A line that is valid UTF-8 and within the limit; `text` excludes the "\n" (a "\r" before it is kept). */
  text(text: string, line: number, eof: boolean): void;
  /** A line within the limit whose bytes are not valid UTF-8 (a copy, excluding the "\n"). */
  badUtf8(bytes: Buffer, line: number, eof: boolean): void;
  /** A line over the limit: only its first `HEAD_BYTES` bytes were kept, and its length in bytes. */
  overlong(head: Buffer, bytes: number, line: number): void;
}

/** How much of an over-long line is kept, for the dead letter's `raw`. */
export const HEAD_BYTES = 200;

/**
 * Splits a byte stream into lines at "\n", over Buffers, without decoding first:
 * - a line that spans chunks is kept as a list of chunk slices and joined once, when it ends;
 * - once a line passes `maxBytes` its bytes are dropped (only its first HEAD_BYTES and
 *   its length are kept), so memory stays near the limit whatever the line's length;
 * - UTF-8 is checked on the bytes (native `isUtf8`), so invalid bytes are reported
 *   instead of being silently turned into U+FFFD by the decoder.
 * The common case is cheap: the complete lines of a chunk are checked and decoded in
 * one call each ("\n" never occurs inside a multi-byte UTF-8 sequence), then split as text.
 */
export class LineSplitter {
  /** Bytes consumed so far (progress). */
  bytes = 0;
  private line = 0;
  private parts: Buffer[] = [];
  /** Bytes of the unfinished line so far (also counted once its bytes are dropped). */
  private pending = 0;
  /** Set once the unfinished line passed the limit: its first bytes. */
  private head: Buffer | undefined;

  constructor(
    private readonly maxBytes: number,
    private readonly out: LineHandler,
  ) {}

  push(chunk: Buffer): void {
    this.bytes += chunk.length;
    let pos = 0;
    if (this.pending > 0) {
      const nl = chunk.indexOf(10);
      if (nl === -1) {
        this.add(chunk, 0, chunk.length);
        return;
      }
      this.add(chunk, 0, nl);
      this.finish(false);
      pos = nl + 1;
    }
    const last = chunk.lastIndexOf(10);
    if (last >= pos) {
      this.complete(chunk, pos, last);
      pos = last + 1;
    }
    if (pos < chunk.length) this.add(chunk, pos, chunk.length);
  }

  /** The input ended: a last line without "\n" is handed on. */
  end(): void {
    if (this.pending > 0) this.finish(true);
  }

  /** Appends bytes of the unfinished line, or only counts them once it is over the limit. */
  private add(chunk: Buffer, start: number, end: number): void {
    if (end === start) return;
    const before = this.pending;
    this.pending += end - start;
    if (this.head) return;
    if (this.pending <= this.maxBytes) {
      this.parts.push(chunk.subarray(start, end));
      return;
    }
    // Over the limit: keep only the first bytes, let go of the rest.
    this.head = firstBytes([...this.parts, chunk.subarray(start, end)], HEAD_BYTES);
    this.parts = [];
  }

  private finish(eof: boolean): void {
    this.line += 1;
    if (this.head) {
      this.out.overlong(this.head, this.pending, this.line);
    } else {
      const buf = this.parts.length === 1 ? this.parts[0]! : Buffer.concat(this.parts, this.pending);
      this.emit(buf, 0, buf.length, eof);
    }
    this.parts = [];
    this.pending = 0;
    this.head = undefined;
  }

  /** The complete lines chunk[start, last), separated by "\n" (the one at `last` ends the final one). */
  private complete(chunk: Buffer, start: number, last: number): void {
    if (last - start <= this.maxBytes && isUtf8(view(chunk, start, last))) {
      const text = chunk.toString("utf8", start, last);
      let i = 0;
      for (;;) {
        const j = text.indexOf("\n", i);
        this.line += 1;
        if (j === -1) {
          this.out.text(i === 0 ? text : text.slice(i), this.line, false);
          return;
        }
        this.out.text(text.slice(i, j), this.line, false);
        i = j + 1;
      }
    }
    // Slow path, line by line: a line may be over the limit, or not UTF-8.
    let i = start;
    for (;;) {
      const end = chunk.indexOf(10, i); // found at `last` at the latest
      this.line += 1;
      if (end - i > this.maxBytes) this.out.overlong(firstBytes([chunk.subarray(i, end)], HEAD_BYTES), end - i, this.line);
      else this.emit(chunk, i, end, false);
      if (end === last) return;
      i = end + 1;
    }
  }

  private emit(buf: Buffer, start: number, end: number, eof: boolean): void {
    if (isUtf8(view(buf, start, end))) this.out.text(buf.toString("utf8", start, end), this.line, eof);
    else this.out.badUtf8(Buffer.from(buf.subarray(start, end)), this.line, eof);
  }
}

/** A view without Buffer's slower subarray (isUtf8 takes any typed array). */
function view(buf: Buffer, start: number, end: number): Uint8Array {
  return new Uint8Array(buf.buffer, buf.byteOffset + start, end - start);
}

/** A copy of the first `n` bytes of the parts (a copy, so the chunks can be let go). */
function firstBytes(parts: Buffer[], n: number): Buffer {
  let total = 0;
  for (const p of parts) total += p.length;
  const out = Buffer.allocUnsafe(Math.min(n, total));
  let at = 0;
  for (const p of parts) {
    if (at === out.length) break;
    at += p.copy(out, at, 0, Math.min(p.length, out.length - at));
  }
  return out;
}
