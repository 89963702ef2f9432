import { ensureLength } from "./growable.js";

/**
 * The ids of kept records, needed for `dup_of` and the --index file: UTF-8 bytes
 * back to back in one byte array, with where each one ends. A JavaScript string per
 * id would cost 24–60 bytes of heap plus an 8-byte slot; this costs the id's bytes
 * plus 8, and gives the garbage collector nothing to trace.
 */
export class IdArena {
  private bytes = new Uint8Array(1 << 12);
  /** ends[i]: where id i ends in `bytes` (a double: no 4 GiB limit). */
  private ends = new Float64Array(1 << 10);
  /** A Buffer over `bytes` (for its UTF-8 codec), remade when `bytes` grows. */
  private view = Buffer.from(this.bytes.buffer, this.bytes.byteOffset, this.bytes.length);
  private used = 0;
  private count = 0;

  get size(): number {
    return this.count;
  }

  push(id: string): number {
    // A UTF-8 char takes at most 3 bytes per UTF-16 unit.
    const bytes = ensureLength(this.bytes, this.used + id.length * 3);
    if (bytes !== this.bytes) {
      this.bytes = bytes;
      this.view = Buffer.from(bytes.buffer, bytes.byteOffset, bytes.length);
    }
    this.used += this.view.write(id, this.used, "utf8");
    this.ends = ensureLength(this.ends, this.count + 1);
    this.ends[this.count] = this.used;
    return this.count++;
  }

  get(i: number): string {
    if (i < 0 || i >= this.count) throw new RangeError(`no id ${i} (${this.count} stored)`);
    const start = i === 0 ? 0 : this.ends[i - 1]!;
    return this.view.toString("utf8", start, this.ends[i]!);
  }
}
