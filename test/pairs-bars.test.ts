// Issue 23's pair bars on the default pipeline of each built-in pack (persona-sample | scenario-gen |
// dialogue-sim | tool-annotate, default flags: dialogue-sim's --failure-rate 0.15), on fewer dialogues than
// bench/pairs.ts: recovery pairs ≥ 0.8 per injected failure; no identical pair skipped for any defect;
// each defect's mean success_rate below the chosen side's by DEFECT_MARGIN.
import { existsSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { readDialogue, type Dialogue } from "@chatmill/export";
import { pairStats } from "@chatmill/to-dpo";
import { DEFECT_MARGIN } from "@chatmill/tool-annotate";
import { bin, sh } from "./helpers/spawn.js";

const stages = ["persona-sample", "scenario-gen", "dialogue-sim", "tool-annotate"].map((t) => bin(t));
const built = stages.every((t) => existsSync(t.replace("/bin/", "/dist/").replace(/[^/]+\.js$/, "cli.js")));

async function pipeline(pack: string, n: number): Promise<Dialogue[]> {
  const r = await sh(`node ${stages[0]} -q -n ${n} --domain ${pack} | node ${stages[1]} -q | node ${stages[2]} -q | node ${stages[3]} -q`);
  expect(r.code).toBe(0);
  return r.stdout.trim().split("\n").map((l) => {
    const d = readDialogue(JSON.parse(l));
    if ("issue" in d) throw new Error(d.issue.message);
    return d.dialogue;
  });
}

describe.skipIf(!built)("preference pairs from the default pipeline", () => {
  const all: Dialogue[] = [];
  it.each(["retail", "travel", "ops"])("%s: ≥ 0.8 recovery pairs per injected failure, no identical pair, each defect below the chosen side by the margin", async (pack) => {
    const out = await pipeline(pack, 40);
    all.push(...out);
    const s = pairStats(out);
    expect(s.injectedFailures).toBeGreaterThan(5);
    expect(s.recoveryPairs / s.injectedFailures).toBeGreaterThanOrEqual(0.8);
    expect(s.failuresWithPair / s.failures).toBeGreaterThan(0.5);
    for (const [defect, k] of s.byDefect) {
      expect(k.identical, `${defect}: identical pairs`).toBe(0);
      // A defect seen a few times in 40 dialogues says little of its mean; the pooled check below holds every one.
      if (k.pairs >= 20) expect(k.chosenMean - k.rejectedMean, `${defect}: chosen ${k.chosenMean} rejected ${k.rejectedMean}`).toBeGreaterThanOrEqual(DEFECT_MARGIN);
    }
  }, 120_000);

  it("over the three packs: every defect's mean success_rate is below the chosen side's by the margin", () => {
    expect(all.length).toBe(120);
    const s = pairStats(all);
    for (const name of ["reports_success", "invents_result", "gives_up", "retry_changed_args", "wrong_count", "tool_none", "wrong_args"]) expect(s.byDefect.get(name)?.pairs, name).toBeGreaterThan(5);
    for (const [defect, k] of s.byDefect) expect(k.chosenMean - k.rejectedMean, `${defect}: chosen ${k.chosenMean} rejected ${k.rejectedMean}`).toBeGreaterThanOrEqual(DEFECT_MARGIN);
  });
});
