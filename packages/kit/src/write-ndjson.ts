import type { Writable } from "node:stream";

/** Wraps a line that is already serialised, so it is written as is (with its own line end, "\n" by default). */
export class RawLine {
  constructor(
    readonly text: string,
    readonly end: "\n" | "\r\n" = "\n",
  ) {}
}

const FLUSH_AT = 64 * 1024;

/**
 * Writes one JSON value per line ("\n", never os.EOL), batching small writes and
 * waiting for 'drain' when the reader is slower. A reader that goes away (EPIPE,
 * as with `| head`) sets `closed` instead of throwing: that is normal use.
 */
export class NdjsonWriter {
  closed = false;
  written = 0;
  private buf: string[] = [];
  private bufLen = 0;
  private failure: Error | undefined;

  constructor(private readonly out: Writable = process.stdout) {
    out.on("error", (err: NodeJS.ErrnoException) => {
      if (err.code === "EPIPE" || err.code === "ERR_STREAM_DESTROYED") this.closed = true;
      else this.failure = err;
    });
  }

  /** Queues a record; returns a promise only when the caller should wait. */
  write(value: unknown): Promise<void> | undefined {
    if (value instanceof RawLine) return this.writeLine(value.text, value.end);
    return this.writeLine(JSON.stringify(value));
  }

  writeLine(text: string, end: "\n" | "\r\n" = "\n"): Promise<void> | undefined {
    if (this.failure) throw this.failure;
    if (this.closed) return undefined;
    this.buf.push(text, end);
    this.bufLen += text.length + end.length;
    this.written += 1;
    return this.bufLen >= FLUSH_AT ? this.flush() : undefined;
  }

  flush(): Promise<void> | undefined {
    if (this.bufLen === 0 || this.closed) return undefined;
    const chunk = this.buf.join("");
    this.buf = [];
    this.bufLen = 0;
    if (this.out.write(chunk)) return undefined;
    return this.waitDrain();
  }

  private waitDrain(): Promise<void> {
    return new Promise((resolve) => {
      const done = () => {
        this.out.off("drain", done);
        this.out.off("error", done);
        this.out.off("close", done);
        resolve();
      };
      this.out.on("drain", done);
      this.out.on("error", done);
      this.out.on("close", done);
    });
  }

  /** Flushes what is queued and waits until it has been handed to the OS. */
  async end(): Promise<void> {
    await this.flush();
    if (this.failure) throw this.failure;
    if (this.closed || this.out === process.stdout || this.out === process.stderr) {
      // Never end process.stdout: Node keeps it open; just wait for pending writes.
      if (!this.closed) await whenWritten(this.out);
      return;
    }
    await new Promise<void>((resolve, reject) => {
      this.out.end((err?: Error | null) => (err ? reject(err) : resolve()));
    });
  }
}

/**
 * Resolves once everything written to `out` so far has been handed to the OS (or the
 * stream failed). Not 'drain': that event comes only after a write() that returned
 * false, so a last chunk below the high-water mark that a slow reader leaves queued
 * never gets one; awaiting it let the event loop empty under a pending top-level
 * await, and the tool exited with status 13 in a loaded pipeline.
 */
export function whenWritten(out: Writable): Promise<void> {
  if (out.writableLength === 0 || out.destroyed || out.writableEnded) return Promise.resolve();
  // A write's callback runs after every earlier write's, in order.
  return new Promise((resolve) => out.write("", () => resolve()));
}
