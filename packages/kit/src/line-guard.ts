import { Transform, type TransformCallback } from "node:stream";

/**
 * Marks a line that was longer than the limit. The guard forwards at most the
 * limit's bytes of such a line, then this marker, then the newline, so the line
 * keeps its number and memory stays bounded whatever the line's length.
 * JSON text cannot contain a raw NUL, so no valid record can look like this.
 */
const MARK = "\u0000chatmill-overlong:";

export function overlongLength(text: string): number | undefined {
  if (text.length === 0 || text.charCodeAt(text.length - 1) !== 0) return undefined;
  const at = text.lastIndexOf(MARK);
  if (at === -1) return undefined;
  return Number(text.slice(at + MARK.length, -1));
}

/** Byte-level guard in front of split2: caps every line at `maxBytes` and counts bytes read. */
export class LineGuard extends Transform {
  bytes = 0;
  private lineBytes = 0;
  private skipping = false;

  constructor(private readonly maxBytes: number) {
    super();
  }

  override _transform(chunk: Buffer, _enc: BufferEncoding, cb: TransformCallback): void {
    this.bytes += chunk.length;
    let pos = 0;
    let forwardFrom = 0;
    while (pos < chunk.length) {
      const nl = chunk.indexOf(10, pos);
      const end = nl === -1 ? chunk.length : nl;
      const seg = end - pos;
      if (!this.skipping && this.lineBytes + seg > this.maxBytes) {
        // Forward what fits of this line, then drop the rest of it.
        const keep = this.maxBytes - this.lineBytes;
        this.push(chunk.subarray(forwardFrom, pos + keep));
        this.skipping = true;
      }
      this.lineBytes += seg;
      if (nl === -1) {
        pos = chunk.length;
        break;
      }
      if (this.skipping) {
        this.push(Buffer.from(`${MARK}${this.lineBytes}\u0000\n`));
        this.skipping = false;
        forwardFrom = nl + 1;
      }
      this.lineBytes = 0;
      pos = nl + 1;
    }
    if (!this.skipping && forwardFrom < chunk.length) {
      this.push(forwardFrom === 0 ? chunk : chunk.subarray(forwardFrom));
    }
    cb();
  }

  override _flush(cb: TransformCallback): void {
    if (this.skipping) this.push(Buffer.from(`${MARK}${this.lineBytes}\u0000`));
    cb();
  }
}
