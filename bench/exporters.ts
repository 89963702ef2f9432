// Throughput of to-sft, to-dpo and to-rl against a bare parse-and-stringify loop over
// the same records, in the same run. Bar: every exporter at least 0.8x the bare loop.
// Two ratios are printed:
//   ratio  = bare loop time / exporter time, the bare loop parsing each input line and
//            stringifying it again (the issue's bar);
//   floor  = (time the exporter spent parsing its input + stringifying its output) /
//            exporter time: the share of I/O that no exporter can avoid. Formats whose
//            output is much larger than the input (per-turn rows repeat the conversation
//            so far, O(n^2) in the dialogue's length) cannot reach the first bar; the
//            second says how much of their time is their own logic.
//   npx turbo run build --filter=@chatmill/to-sft... --filter=@chatmill/to-dpo... --filter=@chatmill/to-rl...
//   npx tsx bench/exporters.ts [N_DIALOGUES]
import { spawnSync } from "node:child_process";
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { Context, Rng, type InputRecord, type Transform } from "@chatmill/kit";
import { dpoTransform } from "../packages/to-dpo/dist/index.js";
import { rlTransform } from "../packages/to-rl/dist/index.js";
import { sftTransform } from "../packages/to-sft/dist/index.js";

const N = Number(process.argv[2] ?? 3000);
const fixtures = readFileSync(join(import.meta.dirname, "../test/fixtures/dialogues/all-clean.ndjson"), "utf8")
  .split("\n")
  .filter(Boolean)
  .map((l) => JSON.parse(l) as { id: string; messages: Array<Record<string, unknown>> });

/**
 * Synthetic dialogues: each fixture cloned under a new id, its user turns repeated 1-4
 * times (call ids renamed) so lengths vary from ~5 to ~60 messages, as simulator output would.
 */
function synthesize(n: number): string[] {
  const rng = new Rng(42);
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

const lines = synthesize(N);
const bytes = lines.reduce((a, l) => a + Buffer.byteLength(l) + 1, 0);

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

/** The baseline: what every tool pays anyway (parse each line, stringify a record per line). */
async function bare(): Promise<{ rows: number; outBytes: number }> {
  let rows = 0;
  let outBytes = 0;
  for await (const rec of records()) {
    outBytes += JSON.stringify(rec.value).length + 1;
    rows++;
  }
  return { rows, outBytes };
}

async function exporter(make: (ctx: Context) => Transform): Promise<{ rows: number; outBytes: number; ioSeconds: number }> {
  const ctx = new Context();
  let rows = 0;
  let outBytes = 0;
  let stringifyNs = 0n;
  parseNs = 0n;
  for await (const row of make(ctx)(records(), ctx)) {
    const t = process.hrtime.bigint();
    outBytes += JSON.stringify(row).length + 1;
    stringifyNs += process.hrtime.bigint() - t;
    rows++;
  }
  if (ctx.issues.length > 0) throw new Error(`unexpected dead letters: ${ctx.issues[0]!.reason}`);
  return { rows, outBytes, ioSeconds: Number(parseNs + stringifyNs) / 1e9 };
}

const cases: Array<[string, (ctx: Context) => Transform]> = [
  ["to-sft openai", (ctx) => sftTransform({ format: "openai" }, ctx)],
  ["to-sft openai -g turn", (ctx) => sftTransform({ format: "openai", granularity: "turn" }, ctx)],
  ["to-sft trl -g turn", (ctx) => sftTransform({ format: "trl", granularity: "turn" }, ctx)],
  ["to-sft sharegpt -g turn", (ctx) => sftTransform({ format: "sharegpt", granularity: "turn" }, ctx)],
  ["to-sft hermes", (ctx) => sftTransform({ format: "hermes" }, ctx)],
  ["to-sft muse", (ctx) => sftTransform({ format: "muse" }, ctx)],
  ["to-dpo trl", (ctx) => dpoTransform({ format: "trl", minMargin: 0 }, ctx)],
  ["to-dpo openai", (ctx) => dpoTransform({ format: "openai", minMargin: 0 }, ctx)],
  ["to-rl transitions", (ctx) => rlTransform({ format: "transitions" }, ctx)],
  ["to-rl episodes", (ctx) => rlTransform({ format: "episodes" }, ctx)],
  ["to-rl trl-grpo", (ctx) => rlTransform({ format: "trl-grpo" }, ctx)],
];

async function time<T>(f: () => Promise<T>): Promise<[number, T]> {
  const t0 = process.hrtime.bigint();
  const r = await f();
  return [Number(process.hrtime.bigint() - t0) / 1e9, r];
}

const ROUNDS = 5;
console.log(`input: ${N} dialogues, ${(bytes / 1e6).toFixed(1)} MB (${lines.length} lines, mean ${(bytes / lines.length / 1024).toFixed(1)} KiB); best of ${ROUNDS} rounds, baseline re-measured beside each exporter`);
console.log(["exporter".padEnd(24), "rows".padStart(7), "out MB".padStart(7), "s".padStart(7), "in MB/s".padStart(8), "bare MB/s".padStart(9), "ratio".padStart(6), "floor".padStart(6), "bar 0.8"].join("  "));
await bare(); // warm-up
let worst = Infinity;
for (const [name, make] of cases) {
  await exporter(make); // warm-up
  let best = Infinity;
  let bestBare = Infinity;
  let out = { rows: 0, outBytes: 0, ioSeconds: 0 };
  let floor = 0;
  for (let r = 0; r < ROUNDS; r++) {
    const [tb] = await time(bare);
    const [te, res] = await time(() => exporter(make));
    bestBare = Math.min(bestBare, tb);
    if (te < best) {
      best = te;
      out = res;
      floor = res.ioSeconds / te;
    }
  }
  const ratio = bestBare / best;
  worst = Math.min(worst, ratio);
  console.log(
    [
      name.padEnd(24),
      String(out.rows).padStart(7),
      (out.outBytes / 1e6).toFixed(1).padStart(7),
      best.toFixed(3).padStart(7),
      (bytes / 1e6 / best).toFixed(1).padStart(8),
      (bytes / 1e6 / bestBare).toFixed(1).padStart(9),
      ratio.toFixed(2).padStart(6),
      floor.toFixed(2).padStart(6),
      ratio >= 0.8 ? "ok" : "below",
    ].join("  "),
  );
}
console.log(`worst ratio ${worst.toFixed(2)} (bar 0.8)`);

// End to end: the built bins through real pipes (read, split lines, parse, write to a
// pipe), against the bare tool with the same CLI frame (bench/exporters.bare.mjs).
const dir = mkdtempSync(join(tmpdir(), "chatmill-exporters-bench-"));
const file = join(dir, "dialogues.ndjson");
writeFileSync(file, lines.join("\n") + "\n");
const root = join(import.meta.dirname, "..");
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
console.log(`\nend to end through pipes (${(bytes / 1e6).toFixed(1)} MB in, best of 3, process start included):`);
const bareWall = wall(`node ${join(import.meta.dirname, "exporters.bare.mjs")} -q ${file}`);
console.log(`  ${"bare tool".padEnd(24)}  ${bareWall.toFixed(2).padStart(6)} s  ${(bytes / 1e6 / bareWall).toFixed(1).padStart(6)} MB/s`);
let worstWall = Infinity;
for (const [name, args] of [
  ["to-sft openai", "to-sft -f openai"],
  ["to-sft trl -g turn", "to-sft -f trl -g turn"],
  ["to-sft muse", "to-sft -f muse"],
  ["to-dpo trl", "to-dpo -f trl -m 0"],
  ["to-rl episodes", "to-rl -f episodes"],
  ["to-rl transitions", "to-rl -f transitions"],
] as const) {
  const [bin, ...flags] = args.split(" ");
  const t = wall(`node ${join(root, `packages/${bin}/bin/${bin}.js`)} -q ${flags.join(" ")} ${file}`);
  const ratio = bareWall / t;
  worstWall = Math.min(worstWall, ratio);
  console.log(`  ${name.padEnd(24)}  ${t.toFixed(2).padStart(6)} s  ${(bytes / 1e6 / t).toFixed(1).padStart(6)} MB/s  ratio ${ratio.toFixed(2)}  ${ratio >= 0.8 ? "ok" : "below"}`);
}
console.log(`worst end-to-end ratio ${worstWall.toFixed(2)} (bar 0.8)`);
rmSync(dir, { recursive: true, force: true });
