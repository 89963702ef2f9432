// Issue 23's pair bars, measured on the default pipeline of each built-in pack:
//   persona-sample -n N --domain D | scenario-gen | dialogue-sim | tool-annotate   (default flags otherwise;
//   dialogue-sim's default --failure-rate 0.15), then the pairs to-dpo makes of it (default --min-margin 0.1).
// Prints injected failures, recovery pairs (reactions to a failed result against a bad reaction), pairs per
// injected failure, the identical pairs skipped per defect and each defect's mean success_rate against the
// chosen side's. Asserts nothing (test/pairs-bars.test.ts holds the bars on fewer dialogues).
// Run after a build: npx tsx bench/pairs.ts [N personas per pack, default 200]
import { execFileSync } from "node:child_process";
import { join } from "node:path";
import { readDialogue } from "../packages/export/dist/index.js";
import { pairStats } from "../packages/to-dpo/dist/pair-stats.js";

const root = join(import.meta.dirname, "..");
const n = Number(process.argv[2] ?? 200);
const bin = (pkg: string) => join(root, "packages", pkg, "bin", `${pkg}.js`);
const run = (pkg: string, args: string[], input?: string) => execFileSync("node", [bin(pkg), "-q", ...args], { input, maxBuffer: 1 << 30, encoding: "utf8" });

for (const pack of ["retail", "travel", "ops"]) {
  const t0 = Date.now();
  const annotated = run("tool-annotate", [], run("dialogue-sim", [], run("scenario-gen", [], run("persona-sample", ["-n", String(n), "--domain", pack]))));
  const dialogues = annotated.split("\n").filter(Boolean).map((l) => {
    const r = readDialogue(JSON.parse(l));
    if ("issue" in r) throw new Error(r.issue.message);
    return r.dialogue;
  });
  const s = pairStats(dialogues);
  console.log(`\n${pack}: ${s.dialogues} dialogues (${((Date.now() - t0) / 1000).toFixed(1)} s)`);
  console.log(`  injected failures ${s.injectedFailures} · all failed results ${s.failures} · recovery pairs ${s.recoveryPairs} · pairs per injected failure ${(s.recoveryPairs / s.injectedFailures).toFixed(2)} · failures answered by a pair ${s.failuresWithPair} (${((100 * s.failuresWithPair) / s.failures).toFixed(0)}%)`);
  console.log("  defect                     pairs identical written  chosen rejected  diff");
  for (const [name, k] of [...s.byDefect].sort(([a], [b]) => a.localeCompare(b))) {
    console.log(`  ${name.padEnd(26)} ${String(k.pairs).padStart(5)} ${String(k.identical).padStart(9)} ${String(k.written).padStart(7)}  ${k.chosenMean.toFixed(3)}    ${k.rejectedMean.toFixed(3)} ${(k.chosenMean - k.rejectedMean).toFixed(3)}`);
  }
}
