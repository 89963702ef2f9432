// mix throughput and memory against the bare parse+stringify loop over the same
// records, in the same run: a downsample, a 50/50 mix with oversampling, and --no-tag.
// Run: npx turbo run build --filter=@chatmill/mix... && npx tsx bench/mix.ts [records]
import { spawnSync } from "node:child_process";
import { closeSync, existsSync, mkdirSync, openSync, statSync } from "node:fs";
import { fileURLToPath } from "node:url";
import { writeRecords } from "./lib/records.js";
import { timeCommand } from "./lib/timing.js";

const here = fileURLToPath(new URL(".", import.meta.url));
const records = Number(process.argv[2] ?? 100_000);
mkdirSync(`${here}out`, { recursive: true });
const input = `${here}out/dialogues-${records}.ndjson`;
const bytes = existsSync(input) ? statSync(input).size : await writeRecords(input, records);
const small = `${here}out/dialogues-2000.ndjson`;
if (!existsSync(small)) await writeRecords(small, 2000);
const node = process.execPath;
const mix = `${here}../packages/mix/bin/mix.js`;

function run(name: string, args: string[], runs = 3): { name: string; seconds: number; rss: number; out: number } {
  let best = Infinity;
  let rss = 0;
  for (let i = 0; i < runs; i++) {
    const devnull = openSync("/dev/null", "r");
    const t = process.hrtime.bigint();
    const r = spawnSync("/usr/bin/time", ["-f", "%M", node, mix, "-q", ...args], { stdio: [devnull, "ignore", "pipe"], env: { ...process.env, CHATMILL_NO_PROGRESS: "1" } });
    best = Math.min(best, Number(process.hrtime.bigint() - t) / 1e9);
    closeSync(devnull);
    if (r.status !== 0) throw new Error(`${name}: exit ${r.status}: ${r.stderr.toString().slice(0, 400)}`);
    const lines = r.stderr.toString().trim().split("\n");
    rss = Math.max(rss, Number(lines[lines.length - 1]) / 1024);
  }
  return { name, seconds: best, rss, out: 0 };
}

const base = timeCommand("bare parse+stringify loop (1 pass)", node, [`${here}lib/baseline-parse-stringify.mjs`], input);
const half = Math.round(records / 2);
const rows = [
  { ...base, rss: NaN, written: records, read: records },
  { ...run(`mix ${half} of ${records} (tagged)`, [`${input}:${half}`]), written: half, read: 2 * records },
  { ...run(`mix --total ${records} 50% + 2000-record source:50%`, ["--total", String(records), "--max-oversample", "100", `${input}:50%`, `${small}:50%`]), written: records, read: 2 * records + 2 * 2000 },
  { ...run(`mix all, --no-tag (byte for byte)`, ["--no-tag", `${input}:all`]), written: records, read: 2 * records },
];
console.log(`input: ${records.toLocaleString("en-US")} records, ${(bytes / 1e6).toFixed(1)} MB (${Math.round(bytes / records)} B/record)`);
console.log(`${"run".padEnd(48)} ${"seconds".padStart(8)} ${"written/s".padStart(10)} ${"read MB/s".padStart(10)} ${"ratio".padStart(6)} ${"peak RSS".padStart(9)}`);
for (const r of rows) {
  const readBytes = (r.read / records) * bytes;
  console.log(
    `${r.name.padEnd(48)} ${r.seconds.toFixed(3).padStart(8)} ${Math.round(r.written / r.seconds).toLocaleString("en-US").padStart(10)} ${(readBytes / 1e6 / r.seconds).toFixed(1).padStart(10)} ${(base.seconds / r.seconds).toFixed(2).padStart(6)} ${Number.isNaN(r.rss) ? "" : `${r.rss.toFixed(0)} MB`.padStart(9)}`,
  );
}
console.log("ratio: the bare loop's time over mix's (mix reads every file twice, so ~0.5 is the ceiling for a tool that parses both passes)");
