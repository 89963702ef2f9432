// The bars on 1,000 offline dialogues. dialogue-sim did not exist when this was written,
// so the dialogues come from test/fixtures/annotate/fixture-generator.ts (a test fixture: real
// calls on the real built-in domains, with injected failures).
import { describe, expect, it } from "vitest";
import { createSession, loadDomain } from "@chatmill/domains";
import { recordTypeCheck } from "@chatmill/validate";
import { DEFECTS, DialogueExecutor, annotateDialogue, setupCalls } from "@chatmill/tool-annotate";
import { fixtureDialogues } from "./fixtures/annotate/fixture-generator.ts";

type Obj = Record<string, unknown>;
interface Alt { defect: string; call?: { name: string; arguments: Obj }; text?: string; result: string | null; grade: { success_rate: number } }

describe("tool-annotate bars on 1,000 offline dialogues", () => {
  it("grades every call; every alternative differs, carries its defect, and re-runs to its recorded result; chosen beats alternatives in ≥ 95% of pairs", () => {
    const check = recordTypeCheck("annotated-dialogue");
    let calls = 0;
    let pairs = 0;
    let wins = 0;
    let rerun = 0;
    const defects = new Set<string>();
    for (const d of fixtureDialogues(1000)) {
      const domain = loadDomain(String(d.domain));
      const before = (d.messages as Obj[]).flatMap((m) => (Array.isArray(m.tool_calls) ? m.tool_calls : [])).length;
      const out = annotateDialogue(d, domain, { alternatives: 3 });
      expect(check(out)).toBeUndefined();
      const exec = new DialogueExecutor(domain, createSession, out.tools as never, out.messages as Obj[]);
      // The state before each call: the earlier state-changing calls that ran ok, in order.
      const writes: Array<{ name: string; arguments: Obj }> = setupCalls(d);
      const graded = (out.messages as Obj[]).flatMap((m) => (Array.isArray(m.tool_calls) ? (m.tool_calls as Obj[]) : []));
      expect(graded.length).toBeGreaterThanOrEqual(before);
      for (const c of graded) {
        calls += 1;
        const grade = c.grade as { success_rate: number; ok: boolean; recorded_ok?: boolean };
        expect(grade.success_rate).toBeGreaterThanOrEqual(0);
        expect(grade.success_rate).toBeLessThanOrEqual(1);
        for (const alt of c.alternatives as Alt[]) {
          defects.add(alt.defect);
          const same = alt.call !== undefined && alt.call.name === c.name && JSON.stringify(alt.call.arguments) === JSON.stringify(c.arguments);
          expect(same && alt.text === undefined).toBe(false);
          expect(alt.result).toBe(alt.call ? exec.run(alt.call, writes).content : null);
          rerun += 1;
          pairs += 1;
          if (grade.success_rate > alt.grade.success_rate) wins += 1;
        }
        // The state later calls see: state-changing calls whose result, as the dialogue recorded it, was ok.
        if (grade.ok && grade.recorded_ok !== false && exec.writes(String(c.name))) writes.push({ name: String(c.name), arguments: c.arguments as Obj });
      }
    }
    expect(calls).toBeGreaterThan(1500);
    expect(rerun).toBe(pairs);
    for (const d of DEFECTS) expect(defects).toContain(d);
    for (const d of defects) expect([...DEFECTS, "failed_call"]).toContain(d);
    expect(wins / pairs).toBeGreaterThanOrEqual(0.95);
  });
});
