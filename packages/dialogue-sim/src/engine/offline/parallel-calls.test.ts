import { createSession, loadDomain } from "@chatmill/domains";
import { Rng } from "@chatmill/kit";
import type { Dialogue, Message } from "@chatmill/schema";
import { Dialogue as DialogueSchema } from "@chatmill/schema";
import { describe, expect, it } from "vitest";
import { offlineDialogue } from "../dialogue.js";
import { sampleScenarios } from "../../testing/scenarios.js";

// Parallel tool calls where people expect them (issue 18, deliverable 5): asked about two
// hosts or two items at once, the assistant sends both look-ups in one message, and both are
// answered before it speaks.

const opts = { failureRate: 0.15, createSession, tool: "dialogue-sim", version: "test", seed: 2 };
type Assistant = Extract<Message, { role: "assistant" }>;

function dialogues(pack: string, n: number): Dialogue[] {
  const domain = loadDomain(pack);
  return sampleScenarios(pack, n, 9).map((s) => offlineDialogue(s, domain, Rng.for(2, s.id, "dialogue"), opts).dialogue);
}

describe.each([
  ["ops", "check_status"],
  ["retail", "check_availability"],
])("%s: two look-ups at once", (pack, tool) => {
  const ds = dialogues(pack, 200);
  const withTwo = ds.filter((d) => d.messages.some((m) => m.role === "assistant" && (m.tool_calls?.length ?? 0) > 1));

  it("some dialogues have a message with two calls of the pack's look-up tool, on two different items", () => {
    expect(withTwo.length).toBeGreaterThanOrEqual(5);
    for (const d of withTwo) {
      const m = d.messages.find((x) => x.role === "assistant" && (x.tool_calls?.length ?? 0) > 1) as Assistant;
      expect(m.tool_calls!.map((c) => c.name)).toEqual([tool, tool]);
      const keys = m.tool_calls!.map((c) => JSON.stringify(c.arguments));
      expect(new Set(keys).size).toBe(2);
    }
  });

  it("both calls are answered, in order, right after the message, and the answer names both items", () => {
    for (const d of withTwo) {
      const i = d.messages.findIndex((x) => x.role === "assistant" && (x.tool_calls?.length ?? 0) > 1);
      const m = d.messages[i] as Assistant;
      const answers = d.messages.slice(i + 1, i + 3);
      expect(answers.map((a) => (a.role === "tool" ? a.tool_call_id : undefined))).toEqual(m.tool_calls!.map((c) => c.id));
      // The user asked about both: the assistant's next text is grounded in both (unless the service stayed down).
      const text = d.messages.slice(i + 3).find((x) => x.role === "assistant" && !x.tool_calls) as Assistant | undefined;
      if (text?.labels?.variation !== "failure_recovery") {
        const ids = m.tool_calls!.map((c) => String(Object.values(c.arguments)[0]));
        expect((text as { grounding?: Array<{ item_id: string }> }).grounding?.map((g) => g.item_id)).toEqual(ids);
      }
      expect(DialogueSchema.safeParse(d).success).toBe(true);
    }
  });

  it("every call of every dialogue is answered exactly once", () => {
    for (const d of ds) {
      const calls = d.messages.flatMap((m) => (m.role === "assistant" ? m.tool_calls ?? [] : [])).map((c) => c.id);
      const answered = d.messages.flatMap((m) => (m.role === "tool" ? [m.tool_call_id] : []));
      expect(answered.sort()).toEqual([...calls].sort());
    }
  });
});
