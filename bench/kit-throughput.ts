// Issues 2 and 20: validate and a kit passthrough against a bare parse-and-stringify
// loop, in the same run, on two record sizes of about the same total bytes: 100,000
// small dialogues (~1.65 KB each) and 4,700 large ones (~35 KB each).
// Run: pnpm build && npx tsx bench/kit-throughput.ts [small-records] [large-records]
import { existsSync, mkdirSync, statSync } from "node:fs";
import { fileURLToPath } from "node:url";
import { largeDialogueRecord, writeRecords } from "./lib/records.js";
import { report, timeCommand } from "./lib/timing.js";

const here = fileURLToPath(new URL(".", import.meta.url));
const smallCount = Number(process.argv[2] ?? 100_000);
const largeCount = Number(process.argv[3] ?? 4_700);
mkdirSync(`${here}out`, { recursive: true });
const node = process.execPath;
const validate = `${here}../packages/validate/bin/validate.js`;

for (const [label, records, input, make] of [
  ["small records", smallCount, `${here}out/dialogues-${smallCount}.ndjson`, undefined],
  ["large records", largeCount, `${here}out/large-dialogues-${largeCount}.ndjson`, largeDialogueRecord],
] as const) {
  const bytes = existsSync(input) ? statSync(input).size : await writeRecords(input, records, make);
  console.log(`\n${label}`);
  const rows = [
    timeCommand("bare parse+stringify loop", node, [`${here}lib/baseline-parse-stringify.mjs`], input),
    timeCommand("validate (auto type)", node, [validate], input),
    timeCommand("validate --type dialogue", node, [validate, "--type", "dialogue"], input),
    timeCommand("kit passthrough (parse+stringify)", node, [`${here}lib/passthrough-tool.mjs`], input),
  ];
  report(rows, records, bytes, "bare parse+stringify loop");
}
console.log("\nbar: validate passthrough ≥ 0.80 × the bare loop on both sizes");
