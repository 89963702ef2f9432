// tool-annotate on real dialogue-sim output (persona-sample | scenario-gen | dialogue-sim, built):
// every call graded, every alternative differs from its call, carries its defect, and re-runs to
// its recorded result. The chosen-beats-alternative rate on this output is measured, not
// asserted here: see bench/tool-annotate-sim.sh and the package README.
import { existsSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { createSession, loadDomain } from "@chatmill/domains";
import { DEFECTS, DialogueExecutor, setupCalls } from "@chatmill/tool-annotate";
import { bin, sh } from "./helpers/spawn.js";

type Obj = Record<string, unknown>;
const tools = [bin("persona-sample"), bin("scenario-gen"), bin("dialogue-sim")];
const built = tools.every((t) => existsSync(t.replace("/bin/", "/dist/").replace(/[^/]+\.js$/, "cli.js")));

describe.skipIf(!built)("tool-annotate on dialogue-sim output", () => {
  it.each(["retail", "travel", "ops"])("%s: graded, alternatives differ, carry defects, re-run to their results, valid", async (domainName) => {
    const r = await sh(
      `node ${tools[0]} -q -n 12 --domain ${domainName} | node ${tools[1]} -q | node ${tools[2]} -q | node ${bin("tool-annotate")} -q -k 3 | node ${bin("validate")} -q --type annotated-dialogue`,
    );
    expect(r.code).toBe(0);
    const out = r.stdout.trim().split("\n").map((l) => JSON.parse(l) as Obj);
    expect(out).toHaveLength(12);
    const domain = loadDomain(domainName);
    let graded = 0;
    for (const d of out) {
      const exec = new DialogueExecutor(domain, createSession, d.tools as never, d.messages as Obj[]);
      const writes: Array<{ name: string; arguments: Obj }> = setupCalls(d);
      for (const m of d.messages as Obj[]) {
        for (const c of (m.tool_calls as Obj[] | undefined) ?? []) {
          graded += 1;
          expect(c.grade).toBeDefined();
          for (const a of c.alternatives as Array<Obj & { call?: { name: string; arguments: Obj } }>) {
            expect([...DEFECTS, "failed_call"]).toContain(a.defect);
            const same = a.call !== undefined && a.call.name === c.name && JSON.stringify(a.call.arguments) === JSON.stringify(c.arguments);
            expect(same && a.text === undefined).toBe(false);
            expect(a.result).toBe(a.call ? exec.run(a.call, writes).content : null);
          }
          // The state later calls see: state-changing calls whose result, as the dialogue recorded it, was ok.
          const g = c.grade as { ok: boolean; recorded_ok?: boolean };
          if (g.ok && g.recorded_ok !== false && exec.writes(String(c.name))) writes.push({ name: String(c.name), arguments: c.arguments as Obj });
        }
      }
    }
    expect(graded).toBeGreaterThan(0);
  });
});
