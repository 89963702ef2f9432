/**
 * A progress line on stderr, redrawn in place. Only shown when stderr is a TTY:
 * in logs and CI a redrawn line is noise.
 */
export class Progress {
  private timer: NodeJS.Timeout | undefined;
  private readonly started = Date.now();
  count = 0;
  bytes = 0;
  /** Total input bytes, or total records (for generators), when known. */
  totalBytes: number | undefined;
  totalRecords: number | undefined;

  constructor(private readonly tool: string, private readonly stream: NodeJS.WriteStream = process.stderr) {}

  start(): void {
    this.timer = setInterval(() => this.draw(), 250);
    this.timer.unref();
  }

  private draw(): void {
    const secs = (Date.now() - this.started) / 1000;
    const rate = secs > 0 ? this.count / secs : 0;
    let text = `${this.tool}: ${this.count.toLocaleString("en-US")} records · ${Math.round(rate).toLocaleString("en-US")}/s`;
    const done = this.totalRecords ? this.count / this.totalRecords : this.totalBytes ? this.bytes / this.totalBytes : undefined;
    if (done !== undefined && done > 0) {
      const eta = (secs * (1 - done)) / done;
      text += ` · ${Math.min(100, done * 100).toFixed(0)}% · ETA ${formatSeconds(eta)}`;
    }
    this.stream.write(`\r\x1b[K${text}`);
  }

  stop(): void {
    if (!this.timer) return;
    clearInterval(this.timer);
    this.timer = undefined;
    this.stream.write("\r\x1b[K");
  }
}

function formatSeconds(s: number): string {
  if (s < 60) return `${Math.ceil(s)}s`;
  if (s < 3600) return `${Math.floor(s / 60)}m${String(Math.ceil(s % 60)).padStart(2, "0")}s`;
  return `${Math.floor(s / 3600)}h${String(Math.floor((s % 3600) / 60)).padStart(2, "0")}m`;
}
