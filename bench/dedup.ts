/**
 * dedup benchmark: exact + near (the defaults) over 10,000 → 100,000 planted
 * dialogues (test/dedup-planted.ts: 80% distinct, 10% exact copies, 10% near copies,
 * 5% reordered copies), run through the built bin as a user would:
 *   node packages/dedup/bin/dedup.js < input.ndjson > /dev/null
 * Reports input size, records/s, peak RSS (from /usr/bin/time -v when present, else
 * from a sampler), how time grows with size, and the ratio to a bare
 * parse-and-stringify loop (bench/lib/baseline-parse-stringify.mjs) over the same file
 * in the same run, with the CPU time of a kit passthrough tool for the frame's share.
 *
 *   npx turbo run build --filter=@chatmill/dedup && npx tsx bench/dedup.ts [--sizes 10000,30000,100000]
 */
import { spawnSync } from "node:child_process";
import { existsSync, mkdirSync, statSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { plantedSet } from "../test/dedup-planted.js";

const root = fileURLToPath(new URL("..", import.meta.url));
const bin = join(root, "packages/dedup/bin/dedup.js");
const sizesArg = process.argv.indexOf("--sizes");
const sizes = (sizesArg > 0 ? process.argv[sizesArg + 1]! : "10000,30000,100000").split(",").map(Number);
const dir = join(tmpdir(), "chatmill-bench-dedup");
mkdirSync(dir, { recursive: true });

// The shared references of every throughput benchmark (bench/lib): a bare Node
// parse-and-stringify loop, and a kit passthrough tool (the frame's own cost).
const BASELINE = join(root, "bench/lib/baseline-parse-stringify.mjs");
const PASSTHROUGH = join(root, "bench/lib/passthrough-tool.mjs");

function inputFile(total: number): string {
  const file = join(dir, `planted-${total}.ndjson`);
  if (existsSync(file)) return file;
  // total = distinct × 1.25
  const distinct = Math.round(total / 1.25);
  const copies = { exact: Math.round(distinct * 0.1), near: Math.round(distinct * 0.1), reordered: 0 };
  copies.reordered = total - distinct - copies.exact - copies.near;
  const set = plantedSet(distinct, copies, 7);
  writeFileSync(file, set.records.map((r) => JSON.stringify(r)).join("\n") + "\n");
  return file;
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
console.log(`dedup benchmark — node ${process.version}, ${(await import("node:os")).cpus().length} CPUs, load ${(await import("node:os")).loadavg()[0]!.toFixed(1)}`);
for (const n of sizes) {
  const file = inputFile(n);
  const bytes = statSync(file).size;
  const base = timed([BASELINE], file);
  const frame = timed([PASSTHROUGH, "--quiet"], file);
  const run = timed([bin], file);
  const summary = run.stderr.split("\n").find((l) => l.startsWith("dedup:")) ?? "";
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
}
console.table(rows);
const first = rows[0]!, last = rows[rows.length - 1]!;
const sizeRatio = (last.records as number) / (first.records as number);
for (const col of ["dedup s", "CPU s"]) {
  const timeRatio = (last[col] as number) / (first[col] as number);
  console.log(`${col === "CPU s" ? "CPU time" : "wall time"} grows ${timeRatio.toFixed(1)}× for ${sizeRatio.toFixed(0)}× the records (linear would be ${sizeRatio.toFixed(0)}×; exponent ${(Math.log(timeRatio) / Math.log(sizeRatio)).toFixed(2)}; start-up and the 10,000-record run's share of fixed costs make small sizes look slow)`);
}
console.log(`load average after the run: ${(await import("node:os")).loadavg()[0]!.toFixed(1)} (other work on the machine slows wall time; CPU seconds are steadier)`);
console.log(`bars: ≥ 10,000 records/s at ${last.records}: ${(last["records/s"] as number) >= 10000 ? "met" : "NOT met"} (${last["records/s"]}); peak RSS < 1 GB: ${(last["peak RSS MB"] as number) < 1024 ? "met" : "NOT met"} (${last["peak RSS MB"]} MB)`);
