import { createSession, loadDomain } from "@chatmill/domains";
import { Rng } from "@chatmill/kit";
import { describe, expect, it } from "vitest";
import { sampleScenarios } from "../../testing/scenarios.js";
import { offlineDialogue, type OfflineOptions } from "../dialogue.js";

// Issue #18: a host the dialogue already reported is said to be as it was when asked about again,
// not read out afresh (uptime, role and numbers every time), as an engineer answers a second ask.

const ops = loadDomain("ops");
const opts: OfflineOptions = { failureRate: 0, createSession, tool: "test", version: "0", seed: 0 };
const AGAIN = /(is still|hasn't changed — still|, as before|is the same as before:)/;

describe("a status asked about again", () => {
  it("is said as unchanged the second time, and never the first", () => {
    let seconds = 0;
    for (const s of sampleScenarios("ops", 120, 5).filter((x) => x.persona.language === "en")) {
      const reported = new Set<string>();
      let pending: string[] = [];
      for (const m of offlineDialogue(s, ops, Rng.for(0, s.id, "dialogue"), opts).dialogue.messages) {
        if (m.role === "assistant" && m.tool_calls?.length) pending = m.tool_calls.filter((c) => c.name === "check_status").map((c) => String(c.arguments.agent));
        else if (m.role === "assistant" && pending.length > 0 && typeof m.content === "string" && m.content !== "") {
          // One host: the whole answer is about it; two (checked side by side) are noted as reported.
          const host = pending[0]!;
          if (pending.length === 1 && reported.has(host)) {
            seconds++;
            expect(m.content).toMatch(AGAIN);
          } else if (pending.length === 1) expect(m.content).not.toMatch(AGAIN);
          for (const h of pending) reported.add(h);
          pending = [];
        } else if (m.role === "user") pending = [];
      }
    }
    expect(seconds).toBeGreaterThan(3);
  });
});
