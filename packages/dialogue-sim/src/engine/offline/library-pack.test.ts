import { fileURLToPath } from "node:url";
import { createSession, loadDomain } from "@chatmill/domains";
import { Rng } from "@chatmill/kit";
import type { Dialogue, Scenario } from "@chatmill/schema";
import { describe, expect, it } from "vitest";
import { offlineDialogue } from "../dialogue.js";
import { sampleScenarios } from "../../testing/scenarios.js";

// A pack written from the docs by a reviewer (test/fixtures/packs/library): what a reader of its
// dialogues found wrong, checked on 150 dialogues in each language.

const library = fileURLToPath(new URL("../../../../../test/fixtures/packs/library", import.meta.url));
const domain = loadDomain(library);
const opts = { failureRate: 0.15, createSession, tool: "dialogue-sim", version: "test", seed: 0 };
const dialogues: Dialogue[] = [];
for (const language of ["en", "hi", "mixed"]) {
  for (const s of sampleScenarios(library, 150, 9)) {
    const scenario = { ...s, persona: { ...s.persona, language } } as Scenario;
    dialogues.push(offlineDialogue(scenario, domain, Rng.for(0, scenario.id, "dialogue"), opts).dialogue);
  }
}
type Msg = Dialogue["messages"][number] & { tool_calls?: Array<{ name: string; arguments: Record<string, unknown> }>; labels?: { intent?: string } };
const said = (m: Msg) => (typeof m.content === "string" ? m.content : "");

describe("library, a pack written from the docs", () => {
  it("no answer is an empty list of facts ('X, in brief:.', 'This is X —.')", () => {
    const empty = dialogues.flatMap((d) => d.messages.filter((m) => m.role === "assistant" && /[:—-]\s*[.।]$/u.test(said(m))).map((m) => `${d.id}: ${said(m)}`));
    expect(empty).toEqual([]);
  });

  it("a user who does not give the reference still names the booking ('small change to a hold — …', not 'small change to — …')", () => {
    const broken = dialogues.flatMap((d) =>
      (d.messages as Msg[]).filter((m) => m.role === "user" && ["modify", "cancel"].includes(m.labels?.intent ?? "") && /\b(to|on|cancel|change)\s*[—:]|(^|[,،] )(में|mein) /iu.test(said(m))).map((m) => `${d.id}: ${said(m)}`),
    );
    expect(broken).toEqual([]);
  });

  it("a branch named in a stock answer keeps its case (its field's wording asks for no lower case)", () => {
    const lowered = dialogues.flatMap((d) => d.messages.filter((m) => m.role === "assistant" && /\b(central library|riverside branch|elm park branch|northgate branch)\b/.test(said(m as Msg))).map((m) => `${d.id}: ${said(m as Msg)}`));
    expect(lowered).toEqual([]);
  });

  it("a book's details are asked of the look-up that has them; its copies (a stock table) are asked about as availability", () => {
    let asked = 0;
    for (const d of dialogues) {
      const ms = d.messages as Msg[];
      ms.forEach((m, i) => {
        if (m.role !== "user" || m.labels?.intent !== "details") return;
        const call = ms.slice(i + 1).find((x) => x.role === "assistant" && x.tool_calls?.length)?.tool_calls?.[0];
        if (!call) return;
        asked++;
        expect(call.name, `${d.id} #${i}`).not.toBe("check_availability");
      });
    }
    expect(asked).toBeGreaterThan(10);
  });

  it("a cancel refused because the hold is already cancelled is said as that, never as a duplicate", () => {
    let refused = 0;
    for (const d of dialogues) {
      const ms = d.messages as Msg[];
      ms.forEach((m, i) => {
        if (m.role !== "tool" || !/already cancelled|is cancelled and cannot be changed/.test(said(m))) return;
        refused++;
        const reply = ms.slice(i + 1).find((x) => x.role === "assistant" && said(x))!;
        expect(said(reply), d.id).toMatch(/cancelled|रद्द|cancel/);
        expect(said(reply)).not.toMatch(/already (exists|in the system)|पहले से मौजूद|pehle se hai/);
        // No other value of a booking field would change a closed record: no offer to try one.
        expect(said(reply), d.id).not.toMatch(/\?\s*$/);
      });
    }
    expect(refused).toBeGreaterThan(0);
  });
});
