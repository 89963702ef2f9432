// Issue 2 bar: peak memory of validate (and the kit passthrough) on a 1 GB input stays
// under 150 MB, because every stage streams. Run: pnpm build && npx tsx bench/kit-memory.ts
import { existsSync, mkdirSync, statSync } from "node:fs";
import { fileURLToPath } from "node:url";
import { writeRecords } from "./lib/records.js";
import { peakRss, timeCommand } from "./lib/timing.js";

const here = fileURLToPath(new URL(".", import.meta.url));
const records = Number(process.argv[2] ?? 650_000);
mkdirSync(`${here}out`, { recursive: true });
const input = `${here}out/dialogues-${records}.ndjson`;
const bytes = existsSync(input) ? statSync(input).size : await writeRecords(input, records);
console.log(`input: ${records.toLocaleString("en-US")} records, ${(bytes / 1e9).toFixed(2)} GB`);

const node = process.execPath;
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
