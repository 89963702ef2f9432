// The share of (chosen, alternative) pairs where the chosen call scores higher, in all and per
// defect, on the 1,000 fixture dialogues of test/fixtures/annotate/fixture-generator.ts (the
// bar test asserts >= 95% in all): npx tsx --conditions chatmill-src bench/tool-annotate-fixture-rate.ts [N]
// For real dialogue-sim output see bench/tool-annotate-sim.sh and bench/tool-annotate-pairs.sh.
import { loadDomain } from "../packages/domains/src/index.ts";
import { annotateDialogue } from "../packages/tool-annotate/src/index.ts";
import { fixtureDialogues } from "../test/fixtures/annotate/fixture-generator.ts";
type Obj = Record<string, unknown>;
console.log("defect                       pairs wins win%");
const by = new Map<string, [number, number]>();
for (const d of fixtureDialogues(Number(process.argv[2] ?? 1000))) {
  const out = annotateDialogue(d, loadDomain(String(d.domain)), { alternatives: 3 });
  for (const m of out.messages as Obj[]) for (const c of (m.tool_calls as Obj[] | undefined) ?? []) for (const a of c.alternatives as Obj[]) {
    for (const k of ["ALL", String(a.defect)]) { const s = by.get(k) ?? [0, 0]; s[0]++; s[1] += +((c.grade as Obj).success_rate as number > ((a.grade as Obj).success_rate as number)); by.set(k, s); }
  }
}
for (const [k, [p, w]] of [...by].sort()) console.log(k.padEnd(28), p, w, (100 * w / p).toFixed(1) + "%");
