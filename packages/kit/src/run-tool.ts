import { statSync } from "node:fs";
import type { ParsedArgs, ToolSpec } from "./args.js";
import { Context, type OnError } from "./context.js";
import { DeadLetterFile } from "./dead-letter.js";
import { UsageError, errorMessage } from "./errors.js";
import { ExitCode } from "./exit-codes.js";
import type { InputRecord } from "./input-record.js";
import { Progress } from "./progress.js";
import { IdSet } from "./id-set.js";
import { fileSource, isBadLine, readNdjsonBatches, stdinSource, type BadLine, type InputSource, type ReadOptions } from "./read-ndjson.js";
import type { LoadTransform, SyncTransform } from "./run-cli.js";
import { ownsItem, parseShard, type Shard } from "./shard.js";
import { NdjsonWriter } from "./write-ndjson.js";

/** The streaming part of the frame: inputs, transform, output, dead letters, summary; returns the exit status. */
export async function runTool(spec: ToolSpec, args: ParsedArgs, load: LoadTransform): Promise<number> {
  const started = Date.now();
  const quiet = args.values.quiet === true;
  const sources = openSources(spec, args.positionals);
  const errorsPath = args.values.errors as string | undefined;
  const deadLetters = errorsPath ? new DeadLetterFile(errorsPath) : undefined;
  const showProgress = !quiet && process.stderr.isTTY === true && process.env.CHATMILL_NO_PROGRESS === undefined;
  const progress = new Progress(spec.name);
  const ctx = new Context({
    tool: spec.name,
    version: spec.version,
    seed: (args.values.seed as number | undefined) ?? 0,
    onError: ((args.values["on-error"] as OnError | undefined) ?? "fail"),
    ...(typeof args.values.shard === "string" ? { shard: parseShard(args.values.shard) } : {}),
    ...(deadLetters ? { deadLetter: (e) => deadLetters.write(e) } : {}),
    log: (line, level) => {
      if (quiet && level !== "error") return;
      if (showProgress) process.stderr.write("\r\x1b[K");
      process.stderr.write(`${line}\n`);
    },
    expect: (total) => (progress.totalRecords = total),
  });
  progress.totalBytes = sources.every((s) => s.size !== undefined) ? sources.reduce((a, s) => a + (s.size ?? 0), 0) : undefined;
  const transform = await load(args, ctx);
  const writer = new NdjsonWriter(process.stdout);
  if (showProgress) progress.start();
  const others = ctx.shard ? otherShards(ctx.shard) : undefined;
  const read: ReadOptions = {
    maxLineBytes: args.values["max-line-bytes"] as number | undefined,
    maxDepth: args.values["max-depth"] as number | undefined,
    ...(others ? { skipLine: others.skip } : {}),
  };
  const input = spec.input === "none" ? empty() : new RecordStream(sources, ctx, read, progress);
  try {
    if (transform.sync && input instanceof RecordStream) await runSync(transform.sync, input, writer);
    else {
      for await (const out of transform(input, ctx)) {
        const wait = writer.write(out);
        if (wait) await wait;
        if (writer.closed) break;
        if (spec.input === "none") progress.count = writer.written;
      }
    }
    await writer.end();
  } finally {
    progress.stop();
    await deadLetters?.close();
  }
  ctx.counters.written = writer.written;
  if (input instanceof RecordStream && input.duplicates > 0) ctx.counters.notes.set("duplicate ids", input.duplicates);
  if (others) ctx.counters.notes.set("lines of other shards", others.count);
  // After `| head` closed stdout, stay silent: the user asked for less output.
  if (!quiet && !writer.closed) process.stderr.write(`${ctx.counters.summary(spec.name, (Date.now() - started) / 1000)}\n`);
  if (ctx.onError === "skip") return ExitCode.ok;
  if (ctx.bad > 0) return ExitCode.badData;
  if (ctx.failures > 0) return ExitCode.failed;
  return ExitCode.ok;
}

/**
 * `--shard I/N`: non-blank line k over all inputs belongs to part k mod N. Another part's
 * line, good or bad, is passed over unparsed: that part processes and reports it.
 */
function otherShards(shard: Shard): { skip: () => boolean; count: number } {
  let k = 0;
  const state = {
    count: 0,
    skip: () => {
      if (ownsItem(shard, k++)) return false;
      state.count += 1;
      return true;
    },
  };
  return state;
}

/**
 * The transform's input: the records of every source in turn. Bad lines are rejected
 * through the context on the way, in input order. Hand-written rather than an async
 * generator: records come from the reader in arrays (one per chunk read), and handing
 * out one that is already there costs one resolved promise.
 * It also counts records whose id was already seen in this run (a warning names the first).
 */
class RecordStream implements AsyncIterableIterator<InputRecord> {
  duplicates = 0;
  private readonly ids = new IdSet();
  private batch: Array<InputRecord | BadLine> = [];
  private at = 0;
  private next_ = 0;
  private reader: AsyncGenerator<Array<InputRecord | BadLine>> | undefined;

  constructor(
    private readonly sources: InputSource[],
    private readonly ctx: Context,
    private readonly opts: ReadOptions,
    private readonly progress: Progress,
  ) {}

  [Symbol.asyncIterator](): this {
    return this;
  }

  next(): Promise<IteratorResult<InputRecord>> {
    const rec = this.take();
    return rec ? Promise.resolve({ value: rec, done: false }) : this.refill();
  }

  /** Reads the next chunk's records; false at the end of the last source. */
  async fill(): Promise<boolean> {
    for (;;) {
      this.progress.count = this.ctx.counters.read;
      if (!this.reader) {
        const source = this.sources[this.next_++];
        if (!source) return false;
        const before = this.progress.bytes;
        this.reader = readNdjsonBatches(source.open(), source.name, {
          ...this.opts,
          onBytes: (b) => (this.progress.bytes = before + b),
        });
      }
      const r = await this.reader.next();
      if (r.done) {
        this.reader = undefined;
        continue;
      }
      this.batch = r.value;
      this.at = 0;
      return true;
    }
  }

  async return(): Promise<IteratorResult<InputRecord>> {
    // The transform stopped early (e.g. stdout closed): stop reading.
    await this.reader?.return(undefined);
    this.reader = undefined;
    this.next_ = this.sources.length;
    return { value: undefined, done: true };
  }

  /** The next good record of the chunk in hand, rejecting bad lines on the way; undefined when it is used up. */
  take(): InputRecord | undefined {
    const { ctx, batch } = this;
    while (this.at < batch.length) {
      const item = batch[this.at++]!;
      ctx.counters.read += 1;
      if (isBadLine(item)) {
        ctx.reject(item, item.reason, item.kind);
        continue;
      }
      const id = item.value.id;
      if ((typeof id === "string" || typeof id === "number") && !this.ids.add(String(id))) this.duplicate(item, String(id));
      return item;
    }
    return undefined;
  }

  private async refill(): Promise<IteratorResult<InputRecord>> {
    while (await this.fill()) {
      const rec = this.take();
      if (rec) return { value: rec, done: false };
    }
    return { value: undefined, done: true };
  }

  private duplicate(rec: InputRecord, id: string): void {
    this.duplicates += 1;
    if (this.duplicates > 1) return;
    const where = rec.source === "stdin" ? `line ${rec.line}` : `${rec.source}: line ${rec.line}`;
    this.ctx.warn(`${where}: id ${JSON.stringify(id)} was already used by an earlier record; duplicate ids are counted in the summary (dedup removes repeated records)`);
  }
}

/** The frame's loop for a SyncTransform: records of a chunk in a plain loop, waiting only on reads and a full pipe. */
async function runSync(sync: SyncTransform, input: RecordStream, writer: NdjsonWriter): Promise<void> {
  for (;;) {
    const rec = input.take();
    if (!rec) {
      if (await input.fill()) continue;
      break;
    }
    const out = sync.record(rec);
    if (out === undefined) continue;
    const wait = writer.write(out);
    if (wait) await wait;
    if (writer.closed) {
      await input.return();
      return;
    }
  }
  sync.end?.();
}

async function* empty(): AsyncGenerator<InputRecord> {}

function openSources(spec: ToolSpec, positionals: string[]): InputSource[] {
  if (spec.input === "none") return [];
  if (positionals.length === 0) return [stdinSource()];
  return positionals.map((p) => {
    if (p === "-") return stdinSource();
    let size: number;
    try {
      const st = statSync(p, { bigint: true }); // bigint: see stdinSource
      if (st.isDirectory()) throw new UsageError(`'${p}' is a directory, not an NDJSON file`);
      size = Number(st.size);
    } catch (err) {
      if (err instanceof UsageError) throw err;
      throw new UsageError(`cannot read '${p}': ${(err as NodeJS.ErrnoException).code ?? errorMessage(err)}`);
    }
    return fileSource(p, size);
  });
}
