import { fileURLToPath } from "node:url";
import { createSession, loadDomain } from "@chatmill/domains";
import { Rng } from "@chatmill/kit";
import type { Dialogue } from "@chatmill/schema";
import { describe, expect, it } from "vitest";
import { offlineDialogue, type OfflineOptions } from "../dialogue.js";
import { sampleScenarios } from "../../testing/scenarios.js";

// Principle 1: the simulated user decides only from what it could see. A tool's result is the
// assistant's to see; the user knows a row only once the assistant has said it (or from its own
// scenario). So every name the user says that a tool returned was said before by the assistant.

const dental = fileURLToPath(new URL("../../../../../bench/packs/dental", import.meta.url));
const library = fileURLToPath(new URL("../../../../../test/fixtures/packs/library", import.meta.url));

/** Strings a tool result holds that read as names (two words or more, letters first), lower-cased. */
function namesIn(content: string): string[] {
  const out: string[] = [];
  const walk = (v: unknown): void => {
    if (typeof v === "string") {
      if (/^\p{L}[\p{L}'’.-]*( [\p{L}\p{N}'’.&-]+)+$/u.test(v) && v.length <= 60) out.push(v.toLowerCase());
    } else if (Array.isArray(v)) v.forEach(walk);
    else if (v && typeof v === "object") Object.values(v).forEach(walk);
  };
  try {
    walk(JSON.parse(content));
  } catch {
    /* not JSON: names nothing */
  }
  return out;
}

/** Names the user said that a tool returned before and nobody told it: `id #i: name`. */
function unseenNames(d: Dialogue): string[] {
  const own = JSON.stringify(d.scenario ?? {}).toLowerCase();
  const returned = new Set<string>();
  let told = "";
  const out: string[] = [];
  d.messages.forEach((m, i) => {
    const text = typeof m.content === "string" ? m.content : "";
    if (m.role === "tool") for (const n of namesIn(text)) returned.add(n);
    else if (m.role === "assistant") told += " " + text.toLowerCase();
    else if (m.role === "user") {
      const said = text.toLowerCase();
      for (const n of returned) if (said.includes(n) && !told.includes(n) && !own.includes(n)) out.push(`${d.id} #${i}: ${n}`);
    }
  });
  return out;
}

describe.each([["retail"], ["travel"], ["ops"], [dental], [library]])("%s: the user names only what it was told", (pack) => {
  const domain = loadDomain(pack);
  const opts: OfflineOptions = { failureRate: 0.1, createSession, tool: "dialogue-sim", version: "test", seed: 4 };

  it.each([
    ["default flags", {}],
    ["multi-turn (--multi-turn 1)", { multiTurn: 1 }],
  ] as Array<[string, Partial<OfflineOptions>]>)("%s", (_flow, flow) => {
    const found: string[] = [];
    for (const s of sampleScenarios(pack, 150, 33)) found.push(...unseenNames(offlineDialogue(s, domain, Rng.for(4, s.id, "dialogue"), { ...opts, ...flow }).dialogue));
    expect(found).toEqual([]);
  });

  it("the check finds a name the assistant never said", () => {
    const d = {
      id: "t",
      messages: [
        { role: "user", content: "anything?" },
        { role: "tool", tool_call_id: "c", content: JSON.stringify({ results: [{ name: "Blue Harbour Inn" }, { name: "Red Fox Lodge" }] }) },
        { role: "assistant", content: "Blue Harbour Inn has rooms." },
        { role: "user", content: "What about Red Fox Lodge?" },
      ],
    } as unknown as Dialogue;
    expect(unseenNames(d)).toEqual(["t #3: red fox lodge"]);
  });
});
