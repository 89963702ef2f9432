// Issue 2 benchmark: validate and a kit passthrough against a bare parse-and-stringify
// loop, on the same 100,000 dialogue-sized records, in the same run.
// Run: pnpm build && npx tsx bench/kit-throughput.ts [records]
import { existsSync, mkdirSync, statSync } from "node:fs";
import { fileURLToPath } from "node:url";
import { writeRecords } from "./lib/records.js";
import { report, timeCommand } from "./lib/timing.js";

const here = fileURLToPath(new URL(".", import.meta.url));
const records = Number(process.argv[2] ?? 100_000);
mkdirSync(`${here}out`, { recursive: true });
const input = `${here}out/dialogues-${records}.ndjson`;
const bytes = existsSync(input) ? statSync(input).size : await writeRecords(input, records);

const node = process.execPath;
const rows = [
  timeCommand("bare parse+stringify loop", node, [`${here}lib/baseline-parse-stringify.mjs`], input),
  timeCommand("validate (auto type)", node, [`${here}../packages/validate/bin/validate.js`], input),
  timeCommand("validate --type dialogue", node, [`${here}../packages/validate/bin/validate.js`, "--type", "dialogue"], input),
  timeCommand("kit passthrough (parse+stringify)", node, [`${here}lib/passthrough-tool.mjs`], input),
];
report(rows, records, bytes, "bare parse+stringify loop");
console.log("bar: validate passthrough ≥ 0.80 × the bare loop");
