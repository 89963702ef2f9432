// The line fuzzer by hand, with more cases and any seed (CI runs a fixed seed in
// test/fuzz/lines.test.ts). Build first (npx pnpm build): it runs the built bins.
//   npx tsx bench/fuzz.ts --cases 50000 --seed 9 [--only dedup,to-sft] [--without deep_object,deep_array] [--batch 400] [-j 2]
// Prints each batch (tool, cases, seconds, violations), then every violation; exits 1 if any.
import { parseArgs } from "node:util";
import type { CaseKind } from "../test/fuzz/cases.js";
import { fuzz } from "../test/fuzz/run.js";

const { values } = parseArgs({
  options: {
    cases: { type: "string", default: "3000" },
    seed: { type: "string", default: "1" },
    only: { type: "string" },
    without: { type: "string" },
    batch: { type: "string", default: "400" },
    j: { type: "string", short: "j", default: "2" },
  },
});
const started = Date.now();
const results = await fuzz({
  cases: Number(values.cases),
  seed: Number(values.seed),
  batch: Number(values.batch),
  concurrency: Number(values.j),
  ...(values.only ? { only: values.only.split(",") } : {}),
  ...(values.without ? { without: values.without.split(",") as CaseKind[] } : {}),
  onBatch: (r) => console.log(`${r.label.padEnd(42)} ${String(r.cases).padStart(6)} cases ${r.seconds.toFixed(1).padStart(6)}s  ${r.violations.length} violations`),
});
const perTool = new Map<string, number>();
for (const r of results) perTool.set(r.label, (perTool.get(r.label) ?? 0) + r.cases);
const violations = results.flatMap((r) => r.violations);
const cases = results.reduce((a, r) => a + r.cases, 0);
console.log(`\n${cases} cases over ${perTool.size} tool runs (seed ${values.seed}) in ${((Date.now() - started) / 1000).toFixed(1)}s: ${violations.length} violations`);
for (const v of violations) console.log(`- ${v}`);
process.exitCode = violations.length > 0 ? 1 : 0;
