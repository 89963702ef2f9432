/**
 * dedup benchmark: exact + near (the defaults) over 10,000 → 300,000 planted
 * dialogues of ~1.7 KB (test/dedup-planted.ts: 80% distinct, 10% exact copies, 10%
 * near copies, 5% reordered copies; generated once and cached in the OS temp dir),
 * in one run:
 * 1. through the built bin as a user would (node packages/dedup/bin/dedup.js <
 *    input > /dev/null): wall and CPU time, peak RSS (/usr/bin/time -v), and the
 *    ratio to a bare parse-and-stringify loop (bench/lib/baseline-parse-stringify.mjs)
 *    over the same file, with the CPU time of a kit passthrough tool for the frame's
 *    share;
 * 2. the index's memory per kept record and the recall on the planted duplicates
 *    (bench/dedup-index-memory.mjs, node --expose-gc): the records streamed through
 *    Deduper.prepare/check/add in one process, memory = heapUsed + external after
 *    forced full GCs, minus the same before indexing; RSS delta beside it, and the
 *    marginal RSS per kept record between the two largest sizes (which cancels the
 *    fixed costs: the young generation, code, buffers).
 * With --semantic N, the memory run at N records also indexes 384-dimension
 * pseudo-embeddings (exact,near,semantic). With --compare DIR (another build's
 * packages/dedup/dist, e.g. main's), its exact,near memory runs are printed beside.
 *
 *   npx turbo run build --filter=@chatmill/dedup && npx tsx bench/dedup.ts [--sizes 10000,100000,300000] [--semantic 100000] [--compare DIR]
 */
import { spawnSync } from "node:child_process";
import { existsSync, mkdirSync, statSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { plantedSet } from "../test/dedup-planted.js";

const root = fileURLToPath(new URL("..", import.meta.url));
const bin = join(root, "packages/dedup/bin/dedup.js");
const argOf = (name: string): string | undefined => {
  const i = process.argv.indexOf(name);
  return i > 0 ? process.argv[i + 1] : undefined;
};
const sizes = (argOf("--sizes") ?? "10000,100000,300000").split(",").map(Number);
const semanticAt = argOf("--semantic") ? Number(argOf("--semantic")) : undefined;
const compareDist = argOf("--compare");
const MEMORY = join(root, "bench/dedup-index-memory.mjs");
/** The bar of issue #20: ten million kept records in 5 GB. */
const BAR_BYTES_PER_KEPT = 512;
const dir = join(tmpdir(), "chatmill-bench-dedup");
mkdirSync(dir, { recursive: true });

// The shared references of every throughput benchmark (bench/lib): a bare Node
// parse-and-stringify loop, and a kit passthrough tool (the frame's own cost).
const BASELINE = join(root, "bench/lib/baseline-parse-stringify.mjs");
const PASSTHROUGH = join(root, "bench/lib/passthrough-tool.mjs");

/** The planted input of `total` records and its truth file ({copy id: original id}). */
function inputFile(total: number): { file: string; truth: string } {
  const file = join(dir, `planted-${total}.ndjson`);
  const truth = join(dir, `planted-${total}.truth.json`);
  if (existsSync(file) && existsSync(truth)) return { file, truth };
  const t0 = process.hrtime.bigint();
  // total = distinct × 1.25
  const distinct = Math.round(total / 1.25);
  const copies = { exact: Math.round(distinct * 0.1), near: Math.round(distinct * 0.1), reordered: 0 };
  copies.reordered = total - distinct - copies.exact - copies.near;
  const set = plantedSet(distinct, copies, 7);
  writeFileSync(file, set.records.map((r) => JSON.stringify(r)).join("\n") + "\n");
  writeFileSync(truth, JSON.stringify(Object.fromEntries([...set.truth].flatMap(([id, t]) => (t.of ? [[id, t.of]] : [])))));
  console.log(`  generated ${total.toLocaleString("en-US")} planted dialogues in ${(Number(process.hrtime.bigint() - t0) / 1e9).toFixed(1)} s (cached in ${dir})`);
  return { file, truth };
}

interface MemoryRun {
  records: number;
  kept: number;
  methods: string;
  heapExternalBytes: number;
  rssBytes: number;
  bytesPerKept: number;
  rssPerKept: number;
  recall: { exact: number; near: number; reordered: number };
  falseDrops: number;
  wrongDupOf: number;
  cpuSeconds: number;
}

function memoryRun(input: { file: string; truth: string }, extra: string[] = [], dist?: string): MemoryRun {
  const args = ["--expose-gc", MEMORY, input.file, input.truth, ...extra, ...(dist ? ["--dist", dist] : [])];
  const r = spawnSync(process.execPath, args, { encoding: "utf8", maxBuffer: 1 << 26 });
  if (r.status !== 0) throw new Error(`dedup-index-memory ${extra.join(" ")} failed: ${r.stderr}`);
  return JSON.parse(r.stdout.trim().split("\n").pop()!) as MemoryRun;
}

interface Timed {
  seconds: number;
  /** User + system CPU seconds: less disturbed than wall time when the machine is busy. */
  cpu: number;
  maxRssMb: number;
  stderr: string;
}

function timed(args: string[], file: string): Timed {
  const useTime = existsSync("/usr/bin/time");
  const cmd = useTime ? "/usr/bin/time" : process.execPath;
  const argv = useTime ? ["-v", process.execPath, ...args] : args;
  const t0 = process.hrtime.bigint();
  const r = spawnSync("bash", ["-c", `"${cmd}" ${argv.map((a) => `'${a.replace(/'/g, "'\\''")}'`).join(" ")} < '${file}' > /dev/null`], {
    encoding: "utf8",
    env: { ...process.env, CHATMILL_NO_PROGRESS: "1" },
    maxBuffer: 1 << 26,
  });
  const seconds = Number(process.hrtime.bigint() - t0) / 1e9;
  if (r.status !== 0) throw new Error(`${args.join(" ")} failed: ${r.stderr}`);
  const rss = /Maximum resident set size \(kbytes\): (\d+)/.exec(r.stderr);
  const user = /User time \(seconds\): ([\d.]+)/.exec(r.stderr);
  const sys = /System time \(seconds\): ([\d.]+)/.exec(r.stderr);
  return { seconds, cpu: user && sys ? Number(user[1]) + Number(sys[1]) : NaN, maxRssMb: rss ? Number(rss[1]) / 1024 : NaN, stderr: r.stderr };
}

const rows: Array<Record<string, string | number>> = [];
const memory: Array<{ label: string; run: MemoryRun }> = [];
const binRuns: Array<{ records: number; kept: number; peakRssMb: number }> = [];
console.log(`dedup benchmark — node ${process.version}, ${(await import("node:os")).cpus().length} CPUs, load ${(await import("node:os")).loadavg()[0]!.toFixed(1)}`);
for (const n of sizes) {
  const input = inputFile(n);
  const file = input.file;
  const bytes = statSync(file).size;
  const base = timed([BASELINE], file);
  const frame = timed([PASSTHROUGH, "--quiet"], file);
  const run = timed([bin], file);
  const summary = run.stderr.split("\n").find((l) => l.startsWith("dedup:")) ?? "";
  binRuns.push({ records: n, kept: Number(/kept (\d+)/.exec(summary)?.[1] ?? NaN), peakRssMb: run.maxRssMb });
  rows.push({
    records: n,
    "input MB": +(bytes / 1e6).toFixed(1),
    "dedup s": +run.seconds.toFixed(2),
    "records/s": Math.round(n / run.seconds),
    "MB/s": +(bytes / 1e6 / run.seconds).toFixed(1),
    "CPU s": +run.cpu.toFixed(2),
    "records/CPU-s": Math.round(n / run.cpu),
    "peak RSS MB": Math.round(run.maxRssMb),
    "parse+stringify s": +base.seconds.toFixed(2),
    "× baseline": +(run.seconds / base.seconds).toFixed(2),
    "× baseline CPU": +(run.cpu / base.cpu).toFixed(2),
    "kit passthrough CPU s": +frame.cpu.toFixed(2),
  });
  console.log(`  ${summary}`);
  memory.push({ label: "this build", run: memoryRun(input) });
  if (semanticAt === n) memory.push({ label: "this build", run: memoryRun(input, ["--methods", "exact,near,semantic", "--dim", "384"]) });
  if (compareDist) memory.push({ label: compareDist, run: memoryRun(input, [], compareDist) });
}
console.log(`input: planted dialogues, ${Math.round(statSync(inputFile(sizes[0]!).file).size / sizes[0]!)} bytes per record on average`);
console.log("through the bin (exact,near, default flags):");
console.table(rows);
const first = rows[0]!, last = rows[rows.length - 1]!;
const sizeRatio = (last.records as number) / (first.records as number);
for (const col of ["dedup s", "CPU s"]) {
  const timeRatio = (last[col] as number) / (first[col] as number);
  console.log(`${col === "CPU s" ? "CPU time" : "wall time"} grows ${timeRatio.toFixed(1)}× for ${sizeRatio.toFixed(0)}× the records (linear would be ${sizeRatio.toFixed(0)}×; exponent ${(Math.log(timeRatio) / Math.log(sizeRatio)).toFixed(2)}; start-up and the 10,000-record run's share of fixed costs make small sizes look slow)`);
}
console.log("index memory per kept record (heapUsed + external after forced GCs, minus before indexing) and recall on the planted duplicates:");
console.table(
  memory.map(({ label, run }) => ({
    build: label,
    records: run.records,
    kept: run.kept,
    methods: run.methods,
    "index MB": +(run.heapExternalBytes / 2 ** 20).toFixed(1),
    "B/kept (heap+ext)": Math.round(run.bytesPerKept),
    "RSS delta MB": +(run.rssBytes / 2 ** 20).toFixed(1),
    "RSS B/kept": Math.round(run.rssPerKept),
    "recall exact": +run.recall.exact.toFixed(4),
    "recall near": +run.recall.near.toFixed(4),
    "recall reordered": +run.recall.reordered.toFixed(4),
    "false drops": run.falseDrops,
    "wrong dup_of": run.wrongDupOf,
    "CPU s": +run.cpuSeconds.toFixed(2),
  })),
);
const ours = memory.filter((m) => m.label === "this build" && m.run.methods === "exact,near").map((m) => m.run);
if (ours.length >= 2) {
  const [a, b] = [ours[ours.length - 2]!, ours[ours.length - 1]!];
  console.log(
    `marginal RSS per kept record from ${a.records.toLocaleString("en-US")} to ${b.records.toLocaleString("en-US")} records: ${Math.round((b.rssBytes - a.rssBytes) / (b.kept - a.kept))} B ` +
      `(heap+external: ${Math.round((b.heapExternalBytes - a.heapExternalBytes) / (b.kept - a.kept))} B)`,
  );
}
if (binRuns.length >= 2) {
  // The whole process, at its peak (parsing, buffers, garbage and all): what grows with
  // the kept records is the index.
  const [a, b] = [binRuns[binRuns.length - 2]!, binRuns[binRuns.length - 1]!];
  console.log(
    `marginal peak RSS of the bin per kept record from ${a.records.toLocaleString("en-US")} to ${b.records.toLocaleString("en-US")} records: ` +
      `${Math.round(((b.peakRssMb - a.peakRssMb) * 2 ** 20) / (b.kept - a.kept))} B (${Math.round(a.peakRssMb)} → ${Math.round(b.peakRssMb)} MB)`,
  );
}
console.log(`load average after the run: ${(await import("node:os")).loadavg()[0]!.toFixed(1)} (other work on the machine slows wall time; CPU seconds are steadier)`);
console.log(`bars: ≥ 10,000 records/s at ${last.records}: ${(last["records/s"] as number) >= 10000 ? "met" : "NOT met"} (${last["records/s"]}); peak RSS < 1 GB: ${(last["peak RSS MB"] as number) < 1024 ? "met" : "NOT met"} (${last["peak RSS MB"]} MB)`);
for (const { run } of memory.filter((m) => m.label === "this build" && m.run.records >= 100_000)) {
  const ok = run.bytesPerKept <= BAR_BYTES_PER_KEPT && run.recall.exact === 1 && run.recall.near >= 0.99 && run.falseDrops === 0;
  console.log(
    `bar (issue #20), ${run.methods} at ${run.records.toLocaleString("en-US")}: index ≤ ${BAR_BYTES_PER_KEPT} B per kept record, recall exact 1.0, near ≥ 0.99, no false drops: ` +
      `${ok ? "met" : "NOT met"} (${Math.round(run.bytesPerKept)} B, exact ${run.recall.exact}, near ${run.recall.near.toFixed(4)}, ${run.falseDrops} false drops)`,
  );
}
