import { createWriteStream, type WriteStream } from "node:fs";

export interface DeadLetter {
  source: string;
  line: number;
  id?: string;
  kind: string;
  reason: string;
  path?: string;
  /** The input line as read, so a fixed file can be fed back through the tool. */
  raw: string;
  /** The line's exact bytes in base64, when `raw` cannot hold them (they are not valid UTF-8). */
  raw_base64?: string;
}

/** The `--errors FILE` sink: one NDJSON line per bad or failed record. */
export class DeadLetterFile {
  private readonly out: WriteStream;
  private failure: Error | undefined;

  constructor(readonly path: string) {
    this.out = createWriteStream(path, { flags: "w" });
    this.out.on("error", (err) => (this.failure = err));
  }

  write(entry: DeadLetter): void {
    if (this.failure) throw new Error(`cannot write to --errors file ${this.path}: ${this.failure.message}`);
    this.out.write(`${JSON.stringify(entry)}\n`);
  }

  close(): Promise<void> {
    return new Promise((resolve, reject) => {
      this.out.end(() => (this.failure ? reject(this.failure) : resolve()));
    });
  }
}
