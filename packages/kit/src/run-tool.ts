import { statSync } from "node:fs";
import type { ParsedArgs, ToolSpec } from "./args.js";
import { Context, type OnError } from "./context.js";
import { DeadLetterFile } from "./dead-letter.js";
import { UsageError, errorMessage } from "./errors.js";
import { ExitCode } from "./exit-codes.js";
import type { InputRecord } from "./input-record.js";
import { Progress } from "./progress.js";
import { fileSource, isBadLine, readNdjson, stdinSource, type InputSource } from "./read-ndjson.js";
import { ownsItem, parseShard } from "./shard.js";
import type { LoadTransform } from "./run-cli.js";
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
  const maxLineBytes = args.values["max-line-bytes"] as number | undefined;
  const input = spec.input === "none" ? empty() : records(sources, ctx, maxLineBytes, progress);
  try {
    for await (const out of transform(input, ctx)) {
      const wait = writer.write(out);
      if (wait) await wait;
      if (writer.closed) break;
      if (spec.input === "none") progress.count = writer.written;
    }
    await writer.end();
  } finally {
    progress.stop();
    await deadLetters?.close();
  }
  ctx.counters.written = writer.written;
  // After `| head` closed stdout, stay silent: the user asked for less output.
  if (!quiet && !writer.closed) process.stderr.write(`${ctx.counters.summary(spec.name, (Date.now() - started) / 1000)}\n`);
  if (ctx.onError === "skip") return ExitCode.ok;
  if (ctx.bad > 0) return ExitCode.badData;
  if (ctx.failures > 0) return ExitCode.failed;
  return ExitCode.ok;
}

async function* records(
  sources: InputSource[],
  ctx: Context,
  maxLineBytes: number | undefined,
  progress: Progress,
): AsyncGenerator<InputRecord> {
  let before = 0;
  let k = 0;
  let others = 0;
  for (const source of sources) {
    const stream = source.open();
    const onBytes = (b: number) => (progress.bytes = before + b);
    for await (const item of readNdjson(stream, source.name, { maxLineBytes, onBytes })) {
      // Another shard's line, good or bad, is that shard's to process and report.
      if (!ownsItem(ctx.shard, k++)) {
        ctx.counters.notes.set("lines of other shards", ++others);
        continue;
      }
      ctx.counters.read += 1;
      progress.count = ctx.counters.read;
      if (isBadLine(item)) {
        ctx.reject(item, item.reason, item.kind);
        continue;
      }
      yield item;
    }
    before = progress.bytes;
  }
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
