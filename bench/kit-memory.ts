// Issue 2 bar: peak memory of validate (and the kit passthrough) on a 1 GB input stays
// under 150 MB, because every stage streams. Issue 20 bar: a line rejected as too long
// (50 MB, 500 MB; limit 16 MiB) is not held: peak RSS stays under the limit plus a few
// tens of MB over the same tool on the same records without that line.
// Run: pnpm build && npx tsx bench/kit-memory.ts [records] [--overlong-only]
import { createWriteStream, existsSync, mkdirSync, statSync } from "node:fs";
import { fileURLToPath } from "node:url";
import { dialogueRecord, writeRecords } from "./lib/records.js";
import { peakRss, timeCommand } from "./lib/timing.js";

const here = fileURLToPath(new URL(".", import.meta.url));
const overlongOnly = process.argv.includes("--overlong-only");
const records = Number(process.argv.slice(2).find((a) => !a.startsWith("--")) ?? 650_000);
mkdirSync(`${here}out`, { recursive: true });
const node = process.execPath;
const validateArgs = [`${here}../packages/validate/bin/validate.js`, "--type", "dialogue", "--on-error", "skip"];

/** 1,000 records, one line of `size` bytes, 1,000 more records. */
async function withLongLine(path: string, size: number): Promise<void> {
  const out = createWriteStream(path);
  const write = (s: string) => (out.write(s) ? undefined : new Promise<void>((r) => out.once("drain", () => r())));
  for (let i = 0; i < 1000; i++) await write(`${JSON.stringify(dialogueRecord(i))}\n`);
  if (size > 0) {
    const piece = "a".repeat(1 << 20);
    await write('{"x":"');
    for (let left = size - 8; left > 0; left -= piece.length) await write(left >= piece.length ? piece : piece.slice(0, left));
    await write('"}\n');
  }
  for (let i = 1000; i < 2000; i++) await write(`${JSON.stringify(dialogueRecord(i))}\n`);
  await new Promise<void>((r) => out.end(r));
}

console.log("overlong lines: validate --type dialogue on 2,000 records (1.6 KB) around one line of the size shown; limit 16 MiB");
const base = `${here}out/overlong-0.ndjson`;
if (!existsSync(base)) await withLongLine(base, 0);
const baseRss = peakRss(node, validateArgs, base);
console.log(`${"without the long line".padEnd(28)} peak RSS ${baseRss.toFixed(0).padStart(5)} MB`);
for (const mb of [50, 500]) {
  const file = `${here}out/overlong-${mb}mb.ndjson`;
  if (!existsSync(file)) await withLongLine(file, mb * 1_000_000);
  const rss = peakRss(node, validateArgs, file);
  console.log(`${`with a ${mb} MB line`.padEnd(28)} peak RSS ${rss.toFixed(0).padStart(5)} MB   +${(rss - baseRss).toFixed(0)} MB over the run without it`);
}
console.log("bar: a rejected line adds at most the limit (16.8 MB) plus a few tens of MB");

if (!overlongOnly) {
  const input = `${here}out/dialogues-${records}.ndjson`;
  const bytes = existsSync(input) ? statSync(input).size : await writeRecords(input, records);
  console.log(`\ninput: ${records.toLocaleString("en-US")} records, ${(bytes / 1e9).toFixed(2)} GB`);
  const runs: Array<[string, string[]]> = [
    ["bare parse+stringify loop", [`${here}lib/baseline-parse-stringify.mjs`]],
    ["validate --type dialogue", [`${here}../packages/validate/bin/validate.js`, "--type", "dialogue"]],
    ["kit passthrough", [`${here}lib/passthrough-tool.mjs`]],
  ];
  for (const [name, args] of runs) {
    const rss = peakRss(node, args, input);
    const t = timeCommand(name, node, args, input, 1);
    console.log(`${name.padEnd(28)} peak RSS ${rss.toFixed(0).padStart(5)} MB   ${(bytes / 1e6 / t.seconds).toFixed(0)} MB/s`);
  }
  console.log("bar: validate peak RSS < 150 MB on 1 GB");
}
