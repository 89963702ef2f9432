// Throughput of to-sft, to-dpo and to-rl against a bare parse-and-stringify loop over
// the same records, in the same run. Issue 7's bar: every exporter at least 0.8x its baseline.
//
// Input: N synthetic dialogues (the fixtures cloned, 1-4 repetitions of their turns), run
// once through the built tool-annotate bin, as in the pipeline `dialogue-sim | tool-annotate
// | dedup | to-*`: to-dpo needs grades and alternatives, to-rl uses the grades. All in-process
// cases read these annotated dialogues. to-dpo on un-annotated input grades them on the way
// with tool-annotate's code (tool-annotate's cost, not the exporter's) and is measured apart,
// in dialogues/s and against `tool-annotate | to-dpo` as two processes.
//
// The transforms run as the bins run them (serialize: rows come out as RawLine text), and
// every side's lines go through the kit's own writer into a stream that drops them.
// Two ratios are printed for each exporter:
//   ratio  = bare loop time / exporter time, the bare loop parsing each input line,
//            stringifying it again and writing it (the issue's bar);
//   vs out = (time to parse the input + time to JSON.stringify and write the same output
//            rows, as objects) / exporter time: the I/O no exporter can avoid for that output.
// Which one a format is held to (column "bar"):
//   - formats whose output is at most the size of their input (one row per dialogue, muse
//     turn rows, preference pairs): the bare loop ("bare");
//   - prefix formats, whose rows repeat the conversation so far (to-sft --granularity turn,
//     to-rl transitions, trl-grpo, openai-rft): O(n^2) output in the dialogue's length,
//     several times the input, so no exporter can reach the bare loop; they are held to
//     parse + stringify of their own output ("out"), which the shared-prefix serialisation
//     (RowSerializer in @chatmill/export) can beat.
//   npx turbo run build --filter=@chatmill/to-sft... --filter=@chatmill/to-dpo... --filter=@chatmill/to-rl... --filter=@chatmill/tool-annotate
//
// Noise: the bare loop alone swings by ±30% between runs on this machine (shared cores,
// and the garbage the previous run left). So every timed run starts after a full
// collection, each round times the bare loop and the exporter back to back (taking turns
// at going first), and a format is held to the median of its rounds' ratios (paired, so a
// slow spell hits both sides).
//   npx tsx bench/exporters.ts [N_DIALOGUES]     (BENCH_ROUNDS=n, default 7; BENCH_ONLY=REGEX for some exporters)
//
// With BENCH_MAX_TOKENS=N (and BENCH_TOKENIZER=NAME, default qwen2.5) every exporter runs with
// --max-tokens N --tokenizer NAME: each row is rendered with the chat template and counted,
// and the token cache is emptied before every timed run, so each run pays for its own counting.
import { spawnSync } from "node:child_process";
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { setFlagsFromString } from "node:v8";
import { runInNewContext } from "node:vm";
import { Writable } from "node:stream";
import { Context, NdjsonWriter, Rng, type InputRecord, type Transform } from "@chatmill/kit";
import { dpoTransform } from "../packages/to-dpo/dist/index.js";
import { rlTransform } from "../packages/to-rl/dist/index.js";
import { sftTransform } from "../packages/to-sft/dist/index.js";
import { fitterFromFlags } from "@chatmill/tokens";

const fitter = process.env.BENCH_MAX_TOKENS ? await fitterFromFlags(Number(process.env.BENCH_MAX_TOKENS), process.env.BENCH_TOKENIZER ?? "qwen2.5") : undefined;

const N = Number(process.argv[2] ?? 2000);
const fixtures = readFileSync(join(import.meta.dirname, "../test/fixtures/dialogues/all-clean.ndjson"), "utf8")
  .split("\n")
  .filter(Boolean)
  .map((l) => JSON.parse(l) as { id: string; messages: Array<Record<string, unknown>> });

/**
 * Synthetic dialogues: each fixture cloned under a new id, its user turns repeated 1-4
 * times (call ids renamed) so lengths vary from ~5 to ~60 messages, as simulator output would.
 */
function synthesize(n: number): string[] {
  const rng = new Rng("42");
  const lines: string[] = [];
  for (let i = 0; i < n; i++) {
    const base = fixtures[i % fixtures.length]!;
    const d = structuredClone(base) as typeof base;
    d.id = `${base.id}-${i}`;
    const head = d.messages[0]?.role === "system" ? [d.messages[0]] : [];
    const body = d.messages.slice(head.length);
    const reps = rng.int(1, 4);
    const messages = [...head];
    for (let r = 0; r < reps; r++) {
      const text = JSON.stringify(body).replace(/"(call_[A-Za-z0-9_]+|c\d)"/g, `"$1_r${r}"`);
      messages.push(...(JSON.parse(text) as typeof body));
    }
    d.messages = messages;
    lines.push(JSON.stringify(d));
  }
  return lines;
}

const root = join(import.meta.dirname, "..");
const dir = mkdtempSync(join(tmpdir(), "chatmill-exporters-bench-"));
const plainFile = join(dir, "dialogues.ndjson");
const file = join(dir, "annotated.ndjson");
const plainLines = synthesize(N);
writeFileSync(plainFile, plainLines.join("\n") + "\n");
{
  // Annotated once with the built tool-annotate bin (its default seed and alternatives).
  const t0 = process.hrtime.bigint();
  const p = spawnSync("bash", ["-c", `node ${join(root, "packages/tool-annotate/bin/tool-annotate.js")} -q ${plainFile} > ${file}`], { stdio: ["ignore", "ignore", "inherit"] });
  if (p.status !== 0) throw new Error(`tool-annotate exited ${p.status}`);
  console.log(`annotated ${N} dialogues with tool-annotate in ${(Number(process.hrtime.bigint() - t0) / 1e9).toFixed(1)} s`);
}
const annotatedLines = readFileSync(file, "utf8").split("\n").filter(Boolean);
const mb = (ls: string[]) => ls.reduce((a, l) => a + Buffer.byteLength(l) + 1, 0) / 1e6;

let lines = annotatedLines;
let parseNs = 0n;
async function* records(): AsyncGenerator<InputRecord> {
  let line = 0;
  for (const raw of lines) {
    const t = process.hrtime.bigint();
    const value = JSON.parse(raw) as Record<string, unknown>;
    parseNs += process.hrtime.bigint() - t;
    yield { value, line: ++line, raw, source: "bench" };
  }
}

/**
 * Where every side's lines go: the kit's own NdjsonWriter (what the bins write with), into a
 * stream that counts the bytes and drops them. The writer joins lines into 64 KiB chunks and
 * the stream encodes them as UTF-8; the serialisers build their text from pieces, which are
 * flattened only then, so a bench that only read `.length` would leave that work out for
 * them and not for JSON.stringify.
 */
class Sink {
  bytes = 0;
  private readonly writer = new NdjsonWriter(
    // A high-water mark above the writer's 64 KiB chunks: a stream that drops bytes has no reason to ask for a drain.
    new Writable({
      highWaterMark: 1 << 20,
      decodeStrings: true,
      write: (chunk: Buffer, _enc, done) => {
        this.bytes += chunk.length;
        done();
      },
    }),
  );
  /** As the bins write: a promise only when the caller should wait. */
  line(value: unknown): Promise<void> | undefined {
    return this.writer.write(value);
  }
  async end(): Promise<number> {
    await this.writer.end();
    return this.bytes;
  }
}

/** The baseline: what every tool pays anyway (parse each line, stringify a record per line, write it). */
async function bare(): Promise<{ rows: number; parseSeconds: number }> {
  let rows = 0;
  const sink = new Sink();
  parseNs = 0n;
  for await (const rec of records()) {
    const wait = sink.line(rec.value);
    if (wait) await wait;
    rows++;
  }
  if ((await sink.end()) === 0) throw new Error("no input");
  return { rows, parseSeconds: Number(parseNs) / 1e9 };
}

type Make = (ctx: Context, serialize: boolean) => Transform;

/** The exporter as the bin runs it: rows come out as RawLine text (or objects, written with JSON.stringify). */
async function exporter(make: Make): Promise<{ rows: number; outBytes: number }> {
  const ctx = new Context();
  let rows = 0;
  const sink = new Sink();
  fitter?.counter.clearCache();
  for await (const row of make(ctx, true)(records(), ctx)) {
    const wait = sink.line(row);
    if (wait) await wait;
    rows++;
  }
  const outBytes = await sink.end();
  // trl and sharegpt dead-letter, by design, the dialogues whose failed turns they cannot mask.
  // With --max-tokens, rows that cannot fit are dead-lettered too (max_tokens).
  const bad = ctx.issues.find((i) => !i.reason.startsWith("unmaskable_failed_turn") && !(fitter && i.reason.startsWith("max_tokens")));
  if (bad) throw new Error(`unexpected dead letters: ${bad.reason}`);
  return { rows, outBytes };
}

/** The output rows as objects (library mode), collected once: their stringify time is the "out" baseline. */
async function objectRows(make: Make): Promise<unknown[]> {
  const ctx = new Context();
  const out: unknown[] = [];
  for await (const row of make(ctx, false)(records(), ctx)) out.push(row);
  return out;
}

async function stringifySeconds(rows: unknown[]): Promise<number> {
  const t0 = process.hrtime.bigint();
  const sink = new Sink();
  for (const r of rows) {
    const wait = sink.line(r);
    if (wait) await wait;
  }
  if ((await sink.end()) === 0) throw new Error("no output");
  return Number(process.hrtime.bigint() - t0) / 1e9;
}

type Bar = "bare" | "out";
const allCases: Array<[string, Bar, Make]> = [
  ["to-sft openai", "bare", (ctx, serialize) => sftTransform({ format: "openai", serialize, fitter }, ctx)],
  ["to-sft trl", "bare", (ctx, serialize) => sftTransform({ format: "trl", serialize, fitter }, ctx)],
  ["to-sft sharegpt", "bare", (ctx, serialize) => sftTransform({ format: "sharegpt", serialize, fitter }, ctx)],
  ["to-sft hermes", "bare", (ctx, serialize) => sftTransform({ format: "hermes", serialize, fitter }, ctx)],
  ["to-sft muse", "bare", (ctx, serialize) => sftTransform({ format: "muse", serialize, fitter }, ctx)],
  ["to-sft openai -g turn", "out", (ctx, serialize) => sftTransform({ format: "openai", granularity: "turn", serialize, fitter }, ctx)],
  ["to-sft trl -g turn", "out", (ctx, serialize) => sftTransform({ format: "trl", granularity: "turn", serialize, fitter }, ctx)],
  ["to-sft sharegpt -g turn", "out", (ctx, serialize) => sftTransform({ format: "sharegpt", granularity: "turn", serialize, fitter }, ctx)],
  ["to-sft hermes -g turn", "out", (ctx, serialize) => sftTransform({ format: "hermes", granularity: "turn", serialize, fitter }, ctx)],
  ["to-dpo openai", "bare", (ctx, serialize) => dpoTransform({ format: "openai", minMargin: 0, serialize, fitter }, ctx)],
  ["to-dpo trl", "bare", (ctx, serialize) => dpoTransform({ format: "trl", minMargin: 0, serialize, fitter }, ctx)],
  ["to-dpo sharegpt", "bare", (ctx, serialize) => dpoTransform({ format: "sharegpt", minMargin: 0, serialize, fitter }, ctx)],
  ["to-dpo muse", "bare", (ctx, serialize) => dpoTransform({ format: "muse", minMargin: 0, serialize, fitter }, ctx)],
  ["to-dpo axolotl", "bare", (ctx, serialize) => dpoTransform({ format: "axolotl", minMargin: 0, serialize, fitter }, ctx)],
  ["to-rl episodes", "bare", (ctx, serialize) => rlTransform({ format: "episodes", serialize, fitter }, ctx)],
  ["to-rl transitions", "out", (ctx, serialize) => rlTransform({ format: "transitions", serialize, fitter }, ctx)],
  ["to-rl trl-grpo", "out", (ctx, serialize) => rlTransform({ format: "trl-grpo", serialize, fitter }, ctx)],
  ["to-rl openai-rft", "out", (ctx, serialize) => rlTransform({ format: "openai-rft", serialize, fitter }, ctx)],
  // seed 000's text states repeat the conversation so far in every row: a prefix format.
  ["to-rl muse", "out", (ctx, serialize) => rlTransform({ format: "muse", serialize, fitter }, ctx)],
];
// BENCH_ONLY=REGEX times only the exporters whose name matches (e.g. BENCH_ONLY='-g turn').
const only = process.env.BENCH_ONLY ? new RegExp(process.env.BENCH_ONLY) : undefined;
const cases = only ? allCases.filter(([name]) => only.test(name)) : allCases;

// A full collection before each timed run (the flag can be set at run time; a new context then sees gc).
setFlagsFromString("--expose-gc");
const collect = runInNewContext("gc") as () => void;

async function time<T>(f: () => Promise<T>): Promise<[number, T]> {
  collect();
  const t0 = process.hrtime.bigint();
  const r = await f();
  return [Number(process.hrtime.bigint() - t0) / 1e9, r];
}

const ROUNDS = Number(process.env.BENCH_ROUNDS ?? 7);
const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[xs.length >> 1]!;
const inMB = mb(annotatedLines);
console.log(`input: ${N} annotated dialogues, ${inMB.toFixed(1)} MB (${annotatedLines.length} lines, mean ${((inMB * 1e6) / annotatedLines.length / 1024).toFixed(1)} KiB; ${mb(plainLines).toFixed(1)} MB before tool-annotate); ${ROUNDS} rounds, each timing the baselines beside the exporter after a full GC; ratios are medians of the rounds, times the best`);
if (fitter) console.log(`every exporter with --max-tokens ${fitter.maxTokens} --tokenizer ${fitter.counter.info.name} (token cache emptied before each timed run)`);
console.log(["exporter".padEnd(24), "rows".padStart(7), "out MB".padStart(7), "s".padStart(7), "in MB/s".padStart(8), "bare MB/s".padStart(9), "ratio".padStart(6), "vs out".padStart(6), "bar".padStart(4), "0.8"].join("  "));
await bare(); // warm-up
let worst = Infinity;
for (const [name, bar, make] of cases) {
  await exporter(make); // warm-up
  const objects = await objectRows(make);
  let best = Infinity;
  let bestBare = Infinity;
  const ratios: number[] = [];
  const vsOuts: number[] = [];
  let out = { rows: 0, outBytes: 0 };
  for (let r = 0; r < ROUNDS; r++) {
    // Odd rounds time the exporter first, so a drift in the machine's speed does not favour one side.
    const first = r % 2 === 1 ? await time(() => exporter(make)) : undefined;
    const [tb, b] = await time(bare);
    collect();
    const ts = await stringifySeconds(objects);
    const [te, res] = first ?? (await time(() => exporter(make)));
    ratios.push(tb / te);
    vsOuts.push((b.parseSeconds + ts) / te);
    bestBare = Math.min(bestBare, tb);
    if (te < best) {
      best = te;
      out = res;
    }
  }
  if (out.rows !== objects.length) throw new Error(`${name}: ${out.rows} rows as text, ${objects.length} as objects`);
  const ratio = median(ratios);
  const vsOut = median(vsOuts);
  const held = bar === "bare" ? ratio : vsOut;
  worst = Math.min(worst, held);
  console.log(
    [
      name.padEnd(24),
      String(out.rows).padStart(7),
      (out.outBytes / 1e6).toFixed(1).padStart(7),
      best.toFixed(3).padStart(7),
      (inMB / best).toFixed(1).padStart(8),
      (inMB / bestBare).toFixed(1).padStart(9),
      ratio.toFixed(2).padStart(6),
      vsOut.toFixed(2).padStart(6),
      bar.padStart(4),
      held >= 0.8 ? "ok" : "below",
    ].join("  "),
  );
}
console.log(`worst ratio against each format's own bar ${worst.toFixed(2)} (bar 0.8)`);

// to-dpo on dialogues that did not pass through tool-annotate: it grades them on the way.
{
  lines = plainLines;
  const make: Make = (ctx, serialize) => dpoTransform({ format: "trl", minMargin: 0, serialize, fitter }, ctx);
  await exporter(make); // warm-up (loads the domains)
  let best = Infinity;
  let rows = 0;
  for (let r = 0; r < ROUNDS; r++) {
    const [te, res] = await time(() => exporter(make));
    if (te < best) [best, rows] = [te, res.rows];
  }
  console.log(`\nto-dpo trl on un-annotated input (${N} dialogues, ${mb(plainLines).toFixed(1)} MB), grading on the way: ${best.toFixed(2)} s, ${(N / best).toFixed(0)} dialogues/s, ${rows} rows`);
  lines = annotatedLines;
}

// End to end: the built bins through real pipes (read, split lines, parse, write to a
// pipe), against the bare tool with the same CLI frame (bench/exporters.bare.mjs).
const wall = (cmd: string): number => {
  let best = Infinity;
  for (let r = 0; r < 3; r++) {
    const t0 = process.hrtime.bigint();
    const p = spawnSync("bash", ["-c", `set -o pipefail; ${cmd} | cat > /dev/null`], { stdio: ["ignore", "ignore", "inherit"] });
    if (p.status !== 0) throw new Error(`${cmd} exited ${p.status}`);
    best = Math.min(best, Number(process.hrtime.bigint() - t0) / 1e9);
  }
  return best;
};
const fitFlags = fitter ? ` --max-tokens ${fitter.maxTokens} --tokenizer ${fitter.counter.info.name} --on-error skip` : "";
const binOf = (tool: string) => `node ${join(root, `packages/${tool}/bin/${tool}.js`)} -q${["to-sft", "to-dpo", "to-rl"].includes(tool) ? fitFlags : ""}`;
console.log(`\nend to end through pipes (${inMB.toFixed(1)} MB annotated in, best of 3, process start included):`);
const bareWall = wall(`node ${join(import.meta.dirname, "exporters.bare.mjs")} -q ${file}`);
console.log(`  ${"bare tool".padEnd(24)}  ${bareWall.toFixed(2).padStart(6)} s  ${(inMB / bareWall).toFixed(1).padStart(6)} MB/s`);
let worstWall = Infinity;
for (const [name, args, bar] of [
  ["to-sft openai", "to-sft -f openai", "bare"],
  ["to-sft muse", "to-sft -f muse", "bare"],
  ["to-dpo trl", "to-dpo -f trl -m 0", "bare"],
  ["to-rl episodes", "to-rl -f episodes", "bare"],
  ["to-sft trl -g turn", "to-sft -f trl -g turn", "out"],
  ["to-rl transitions", "to-rl -f transitions", "out"],
] as const) {
  const [bin, ...flags] = args.split(" ");
  const t = wall(`${binOf(bin!)} ${flags.join(" ")} ${file}`);
  const ratio = bareWall / t;
  if (bar === "bare") worstWall = Math.min(worstWall, ratio);
  console.log(`  ${name.padEnd(24)}  ${t.toFixed(2).padStart(6)} s  ${(inMB / t).toFixed(1).padStart(6)} MB/s  ratio ${ratio.toFixed(2)}  ${bar === "bare" ? (ratio >= 0.8 ? "ok" : "below") : "(held to its output; see the in-process table)"}`);
}
console.log(`worst end-to-end ratio of the formats held to the bare loop ${worstWall.toFixed(2)} (bar 0.8)`);

// to-dpo on un-annotated input as one process (grading on the way) against tool-annotate | to-dpo.
const onTheWay = wall(`${binOf("to-dpo")} -f trl -m 0 ${plainFile}`);
const twoProcs = wall(`${binOf("tool-annotate")} ${plainFile} | ${binOf("to-dpo")} -f trl -m 0`);
console.log(
  `\nto-dpo trl on un-annotated input (${mb(plainLines).toFixed(1)} MB): grading on the way ${onTheWay.toFixed(2)} s (${(N / onTheWay).toFixed(0)} dialogues/s); ` +
    `tool-annotate | to-dpo ${twoProcs.toFixed(2)} s (${(N / twoProcs).toFixed(0)} dialogues/s); ratio ${(twoProcs / onTheWay).toFixed(2)}`,
);
rmSync(dir, { recursive: true, force: true });
