import { fileURLToPath } from "node:url";
import { createSession, loadDomain } from "@chatmill/domains";
import { Rng } from "@chatmill/kit";
import type { Dialogue, Message, Scenario } from "@chatmill/schema";
import { Dialogue as DialogueSchema } from "@chatmill/schema";
import { describe, expect, it } from "vitest";
import { offlineDialogue, type OfflineOptions } from "../dialogue.js";
import { sampleScenarios } from "../../testing/scenarios.js";
import { Transcript } from "./transcript.js";

// One assistant turn is one message (issue 18: no two assistant texts in a row without a tool
// message between). What the assistant says after its own words, before the user or a tool
// speaks, goes into the same message: texts joined, a call with the text that announced it.

type Msg = Message & { labels?: { intent?: string; variation?: string }; grounding?: Array<{ item_id: string }> };

/** Indices i where messages i and i+1 are both the assistant's. */
const inARow = (messages: readonly Message[]) => messages.flatMap((m, i) => (m.role === "assistant" && messages[i + 1]?.role === "assistant" ? [i] : []));

const dental = fileURLToPath(new URL("../../../../../bench/packs/dental", import.meta.url));
const LANGUAGES = ["en", "hi", "mixed"];
const FLOWS: Array<[string, Partial<OfflineOptions>]> = [
  ["default flags", {}],
  ["single-turn (--multi-turn 0)", { multiTurn: 0 }],
  ["multi-turn with small talk (--multi-turn 1 --chit-chat 1)", { multiTurn: 1, chitChat: 1 }],
];

describe.each([["retail"], ["travel"], ["ops"], [dental]])("%s", (pack) => {
  const domain = loadDomain(pack);
  // Each language in turn, and failures often enough that every recovery path runs.
  const scenarios = sampleScenarios(pack, 90, 21).map((s, i): Scenario => ({ ...s, persona: { ...s.persona, language: LANGUAGES[i % 3]! } }));
  const opts: OfflineOptions = { failureRate: 0.3, createSession, tool: "dialogue-sim", version: "test", seed: 4 };

  it.each(FLOWS)("%s: no two assistant messages in a row, in any language", (_flow, flow) => {
    for (const s of scenarios) {
      const d = offlineDialogue(s, domain, Rng.for(4, s.id, "dialogue"), { ...opts, ...flow }).dialogue;
      const pairs = inARow(d.messages).map((i) => `${d.id} #${i}: ${JSON.stringify(d.messages[i]!.content)} then ${JSON.stringify(d.messages[i + 1]!.content)}`);
      expect(pairs).toEqual([]);
      expect(DialogueSchema.safeParse(d).success, d.id).toBe(true);
    }
  });
});

describe("the words that go with a call", () => {
  const opts: OfflineOptions = { failureRate: 0.15, createSession, tool: "dialogue-sim", version: "test", seed: 4 };
  const run = (pack: string, n: number, flow: Partial<OfflineOptions> = {}): Dialogue[] => {
    const domain = loadDomain(pack);
    return sampleScenarios(pack, n, 21).map((s) => offlineDialogue(s, domain, Rng.for(4, s.id, "dialogue"), { ...opts, ...flow }).dialogue);
  };

  it("a correction's acknowledgement is the message that searches again, said once", () => {
    let seen = 0;
    for (const d of run("retail", 300)) {
      d.messages.forEach((m, i) => {
        const next = d.messages[i + 1] as Msg | undefined;
        if (m.role !== "user" || (m as Msg).labels?.variation !== "correction" || next?.role !== "assistant" || !next.tool_calls) return;
        seen++;
        expect(next.content, d.id).toBeTruthy();
        expect(next.labels?.variation).toBe("correction");
      });
    }
    expect(seen).toBeGreaterThanOrEqual(10);
  });

  it("in a single-turn dialogue the assistant reports one result in the message that makes the next call, and offers nothing it would not wait for", () => {
    let carried = 0;
    for (const d of run("travel", 150, { multiTurn: 0 })) {
      d.messages.forEach((m, i) => {
        const before = d.messages[i - 1];
        if (m.role !== "assistant" || !m.tool_calls || !m.content || before?.role !== "tool" || !before.ok) return;
        // The result just returned is said in the message that makes the next call: the rows it lists, or the booking's reference.
        const ref = (JSON.parse(before.content) as { id?: unknown }).id;
        if (!(m as Msg).grounding?.length && !(typeof ref === "string" && m.content.includes(ref))) return;
        carried++;
        expect(m.content, d.id).not.toMatch(/\?\s*$/);
      });
    }
    expect(carried).toBeGreaterThanOrEqual(20);
  });
});

describe("Transcript", () => {
  const domain = loadDomain("retail");
  const scenario = sampleScenarios("retail", 1, 21)[0]!;
  const fresh = (lang: "en" | "hi" = "en") => new Transcript(createSession(domain), scenario, "friendly", "call_t", lang);
  const item = { key: "MP06", name: "Mithra Warmup Pant", table: "items", callId: "call_t_0", row: {}, seen: {} };

  it("joins two texts of one turn into one message, keeping the first one's variation and both groundings", () => {
    const t = fresh();
    t.userSay("Sorry, I meant blue.", "filter", "correction");
    t.assistantSay("No worries — blue it is", "filter", "correction", [item]);
    expect(t.assistantSpeaking()).toBe(true);
    t.assistantSay("Here are two in blue.", "recommend", undefined, [{ ...item, key: "MP04" }]);
    expect(t.messages).toHaveLength(2);
    const m = t.messages[1] as Msg;
    expect(m.content).toBe("No worries — blue it is. Here are two in blue.");
    expect(m.labels).toMatchObject({ intent: "recommend", variation: "correction" });
    expect(m.grounding!.map((g) => g.item_id)).toEqual(["MP06", "MP04"]);
  });

  it("puts a call in the message of the words before it, then its result; a text after the result is a new message", () => {
    const t = fresh("hi");
    t.userSay("कुछ नीला दिखाइए", "search");
    t.assistantSay("ठीक है", "search");
    t.exec({ name: "search_items", arguments: { color: "Blue" } }, null, "search");
    expect(t.messages.map((m) => m.role)).toEqual(["user", "assistant", "tool"]);
    const call = t.messages[1] as Msg & { tool_calls: Array<{ name: string }> };
    expect(call.content).toBe("ठीक है");
    expect(call.tool_calls.map((c) => c.name)).toEqual(["search_items"]);
    expect(t.assistantSpeaking()).toBe(false);
    t.assistantSay("ये मिले", "recommend");
    t.assistantSay("और कुछ?", "recommend");
    expect(t.messages.map((m) => m.role)).toEqual(["user", "assistant", "tool", "assistant"]);
    expect(t.messages[3]!.content).toBe("ये मिले। और कुछ?");
  });
});
