// chatmill-import throughput and memory, against the bare parse+stringify loop on the
// same input, in the same run. Inputs are the shared real samples, repeated:
// glaive rows as NDJSON, and SGD dialogues both as NDJSON and as one JSON array file.
// Run: npx turbo run build --filter=@chatmill/import... && npx tsx bench/import.ts [copies]
import { spawnSync } from "node:child_process";
import { closeSync, mkdirSync, openSync, readFileSync, statSync, writeFileSync } from "node:fs";
import { fileURLToPath } from "node:url";
import { peakRss, timeCommand, type Timed } from "./lib/timing.js";

const here = fileURLToPath(new URL(".", import.meta.url));
const data = process.env.CHATMILL_SHARED_DATA ?? `${here}../../shared/data`;
const copies = Number(process.argv[2] ?? 50);
mkdirSync(`${here}out`, { recursive: true });
const node = process.execPath;
const bin = `${here}../packages/import/bin/chatmill-import.js`;
const baseline = `${here}lib/baseline-parse-stringify.mjs`;

// Each copy gets its own ids, so nothing is a duplicate of another copy.
const glaiveRows = readFileSync(`${data}/glaive-function-calling/glaive_toolcall_en_demo.rows000-199.jsonl`, "utf8").trim().split("\n");
const glaive = `${here}out/import-glaive-${copies}.ndjson`;
writeFileSync(glaive, Array.from({ length: copies }, (_, c) => glaiveRows.map((r) => r.replace(/^\{/, `{"id":"g${c}-${Math.random().toString(36).slice(2)}",`)).join("\n")).join("\n") + "\n");
const sgdDialogues = ["dialogues_001.json", "dialogues_045.json"].flatMap((f) => JSON.parse(readFileSync(`${data}/sgd/train/${f}`, "utf8")) as Array<Record<string, unknown>>);
const sgdAll = Array.from({ length: Math.max(1, Math.round(copies / 5)) }, (_, c) => sgdDialogues.map((d) => ({ ...d, dialogue_id: `${c}_${String(d.dialogue_id)}` }))).flat();
const sgdNdjson = `${here}out/import-sgd.ndjson`;
const sgdArray = `${here}out/import-sgd.json`;
writeFileSync(sgdNdjson, sgdAll.map((d) => JSON.stringify(d)).join("\n") + "\n");
writeFileSync(sgdArray, JSON.stringify(sgdAll, null, 2));
const schema = `${data}/sgd/train/schema.json`;

function timeFile(name: string, args: string[], runs = 3): Timed {
  let best = Infinity;
  for (let i = 0; i < runs; i++) {
    const t = process.hrtime.bigint();
    const r = spawnSync(node, [bin, ...args], { stdio: ["ignore", "ignore", "pipe"], env: { ...process.env, CHATMILL_NO_PROGRESS: "1" } });
    if (r.status !== 0) throw new Error(`${name}: exit ${r.status}: ${r.stderr.toString().slice(0, 400)}`);
    best = Math.min(best, Number(process.hrtime.bigint() - t) / 1e9);
  }
  return { name, seconds: best };
}
function rssOfFile(args: string[]): number {
  const fd = openSync("/dev/null", "r");
  const r = spawnSync("/usr/bin/time", ["-f", "%M", node, bin, ...args], { stdio: [fd, "ignore", "pipe"], env: { ...process.env, CHATMILL_NO_PROGRESS: "1" } });
  closeSync(fd);
  const lines = r.stderr.toString().trim().split("\n");
  return Number(lines[lines.length - 1]) / 1024;
}

function table(title: string, input: string, records: number, rows: Array<Timed & { rss?: number }>): void {
  const bytes = statSync(input).size;
  const base = rows[0]!;
  console.log(`\n${title}: ${records.toLocaleString("en-US")} records, ${(bytes / 1e6).toFixed(1)} MB`);
  console.log(`${"run".padEnd(44)} ${"seconds".padStart(8)} ${"records/s".padStart(10)} ${"MB/s".padStart(7)} ${"ratio".padStart(6)} ${"peak RSS".padStart(9)}`);
  for (const r of rows) {
    console.log(
      `${r.name.padEnd(44)} ${r.seconds.toFixed(3).padStart(8)} ${Math.round(records / r.seconds).toLocaleString("en-US").padStart(10)} ${(bytes / 1e6 / r.seconds).toFixed(1).padStart(7)} ${(base.seconds / r.seconds).toFixed(2).padStart(6)} ${r.rss === undefined ? "" : `${r.rss.toFixed(0)} MB`.padStart(9)}`,
    );
  }
}

const g = glaiveRows.length * copies;
table("glaive NDJSON", glaive, g, [
  { ...timeCommand("bare parse+stringify loop", node, [baseline], glaive), rss: peakRss(node, [baseline], glaive) },
  { ...timeCommand("chatmill-import --from glaive (stdin)", node, [bin, "--from", "glaive", "-q"], glaive), rss: peakRss(node, [bin, "--from", "glaive", "-q"], glaive) },
  { ...timeCommand("chatmill-import (auto)", node, [bin, "-q"], glaive) },
]);
table("SGD", sgdNdjson, sgdAll.length, [
  { ...timeCommand("bare parse+stringify loop (NDJSON)", node, [baseline], sgdNdjson), rss: peakRss(node, [baseline], sgdNdjson) },
  { ...timeFile("chatmill-import --schema, NDJSON file", ["--schema", schema, "-q", sgdNdjson]), rss: rssOfFile(["--schema", schema, "-q", sgdNdjson]) },
  { ...timeFile("chatmill-import --schema, JSON array file", ["--schema", schema, "-q", sgdArray]), rss: rssOfFile(["--schema", schema, "-q", sgdArray]) },
]);
console.log(`\n(the JSON array file is ${(statSync(sgdArray).size / 1e6).toFixed(1)} MB pretty-printed; it is held whole, NDJSON streams)`);
