// tool-annotate throughput, by hand: npx tsx --conditions chatmill-src bench/tool-annotate.ts [N]
// Annotates N fixture dialogues (test/fixtures/annotate/fixture-generator.ts: real calls on the
// built-in domains) with K = 0, 3 and 6 alternatives, and compares with a baseline measured in
// the same run: re-running each dialogue's recorded calls once on a fresh session (the least any
// grader that executes calls must do).
import { createSession, loadDomain } from "../packages/domains/src/index.ts";
import { annotateDialogue } from "../packages/tool-annotate/src/index.ts";
import { fixtureDialogues } from "../test/fixtures/annotate/fixture-generator.ts";

type Obj = Record<string, unknown>;
const n = Number(process.argv[2] ?? 500);
const dialogues = fixtureDialogues(n);
for (const d of ["retail", "travel", "ops"]) loadDomain(d);
const calls = dialogues.reduce((k, d) => k + (d.messages as Obj[]).filter((m) => Array.isArray(m.tool_calls)).length, 0);
const bytes = dialogues.reduce((k, d) => k + JSON.stringify(d).length, 0);

function time(fn: () => void): number {
  const t = process.hrtime.bigint();
  fn();
  return Number(process.hrtime.bigint() - t) / 1e9;
}

const base = time(() => {
  for (const d of dialogues) {
    const s = createSession(loadDomain(String(d.domain)));
    for (const m of d.messages as Obj[]) for (const c of (m.tool_calls as Obj[] | undefined) ?? []) s.call({ name: String(c.name), arguments: c.arguments as Obj });
  }
});
console.log(`${n} dialogues, ${calls} calls, ${(bytes / 1e6).toFixed(1)} MB`);
console.log(`baseline (re-run each recorded call once): ${base.toFixed(2)} s, ${Math.round(calls / base)} calls/s`);
for (const k of [0, 3, 6]) {
  let out = 0;
  const s = time(() => {
    for (const d of dialogues) out += JSON.stringify(annotateDialogue(d, loadDomain(String(d.domain)), { alternatives: k })).length;
  });
  console.log(`tool-annotate -k ${k}: ${s.toFixed(2)} s, ${Math.round(n / s)} dialogues/s, ${Math.round(calls / s)} calls/s, out ${(out / 1e6).toFixed(1)} MB, ${(s / base).toFixed(1)}× baseline`);
}
