import { closeSync, mkdtempSync, openSync, readSync, rmSync, unlinkSync, rmdirSync, writeSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { ensureLength } from "./growable.js";

/**
 * Per-record data that is read back only now and then — the shingle sets and
 * embeddings of kept records, read when a record is a candidate (about one read per
 * planted copy) or when the --index file is written — appended to a temporary file
 * instead of held in memory. The last `bufferBytes` written stay in memory; the file
 * is made only when they overflow (small runs never touch the disk), in TMPDIR
 * (os.tmpdir()), and unlinked at once, so it goes away with the process however
 * that ends. Memory per record: 12 bytes (where its data starts, and its length).
 * Reads of data already written go through the page cache.
 */
export class SpillStore {
  /** starts[i]: where record i's data starts in the logical stream of all data pushed. */
  private starts = new Float64Array(1024);
  /** lengths[i]: its byte length, or -1 when record i has no data. */
  private lengths = new Int32Array(1024);
  private count = 0;
  /** Bytes written to the file; the stream's bytes from here on are in `buffer`. */
  private flushed = 0;
  private buffer: Uint8Array;
  private buffered = 0;
  private scratch = new Uint8Array(4096);
  private fd: number | undefined;
  /** The directory of the file, when the file could not be unlinked while open. */
  private leftover: string | undefined;
  private where = "";

  constructor(readonly label: string, bufferBytes = 1 << 20) {
    this.buffer = new Uint8Array(bufferBytes);
  }

  get size(): number {
    return this.count;
  }

  /** Bytes pushed so far (in memory and on disk). */
  get bytes(): number {
    return this.flushed + this.buffered;
  }

  /** Whether a file was needed (the data outgrew the in-memory buffer). */
  get onDisk(): boolean {
    return this.fd !== undefined;
  }

  /** Stores record `size`'s data (copied; none when undefined); returns its number. */
  push(data: ArrayBufferView | undefined): number {
    const i = this.count;
    this.starts = ensureLength(this.starts, i + 1);
    this.lengths = ensureLength(this.lengths, i + 1);
    this.count += 1;
    if (!data) {
      this.lengths[i] = -1;
      return i;
    }
    const bytes = new Uint8Array(data.buffer, data.byteOffset, data.byteLength);
    this.starts[i] = this.flushed + this.buffered;
    this.lengths[i] = bytes.length;
    if (this.buffered + bytes.length > this.buffer.length) {
      this.flush();
      if (bytes.length > this.buffer.length) {
        this.write(bytes);
        return i;
      }
    }
    this.buffer.set(bytes, this.buffered);
    this.buffered += bytes.length;
    return i;
  }

  has(i: number): boolean {
    return i >= 0 && i < this.count && this.lengths[i]! >= 0;
  }

  /**
   * Record i's data, or undefined when it has none: a copy in a buffer that the next
   * read reuses (so the caller may sort it in place), starting at byte 0 of its own
   * ArrayBuffer (so it can be viewed as 32-bit words).
   */
  read(i: number): Uint8Array | undefined {
    if (!this.has(i)) return undefined;
    const start = this.starts[i]!, n = this.lengths[i]!;
    this.scratch = ensureLength(this.scratch, n);
    const out = this.scratch.subarray(0, n);
    if (start >= this.flushed) {
      out.set(this.buffer.subarray(start - this.flushed, start - this.flushed + n));
      return out;
    }
    let got = 0;
    while (got < n) {
      const r = readSync(this.fd!, out, got, n - got, start + got);
      if (r === 0) throw new Error(`dedup: its temporary ${this.label} file ${this.where} ended early (truncated by something else?)`);
      got += r;
    }
    return out;
  }

  /** Closes (and so frees) the file. The store cannot be read afterwards. */
  close(): void {
    if (this.fd !== undefined) closeSync(this.fd);
    this.fd = undefined;
    if (this.leftover) rmSync(this.leftover, { recursive: true, force: true });
    this.leftover = undefined;
    this.count = 0;
  }

  private flush(): void {
    if (this.buffered === 0) return;
    this.write(this.buffer.subarray(0, this.buffered));
    this.buffered = 0;
  }

  private write(bytes: Uint8Array): void {
    let done = 0;
    try {
      if (this.fd === undefined) this.open();
      while (done < bytes.length) done += writeSync(this.fd!, bytes, done, bytes.length - done, this.flushed + done);
    } catch (err) {
      throw new Error(
        `dedup keeps the ${this.label} of kept records in a temporary file (${this.where}) and could not write it: ${(err as Error).message}; ` +
          "set TMPDIR to a directory on a disk with room",
      );
    }
    this.flushed += bytes.length;
  }

  private open(): void {
    const dir = mkdtempSync(join(tmpdir(), "chatmill-dedup-"));
    const file = join(dir, `${this.label}.spill`);
    this.where = file;
    this.fd = openSync(file, "w+", 0o600);
    try {
      unlinkSync(file);
      rmdirSync(dir);
      this.where = `${file}, unlinked`;
    } catch {
      // Systems that cannot unlink an open file: removed by close().
      this.leftover = dir;
    }
  }
}
