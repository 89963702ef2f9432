import { createSession, loadDomain } from "@chatmill/domains";
import { Rng } from "@chatmill/kit";
import { describe, expect, it } from "vitest";
import { writePrinterPack } from "../../../../domains/fixtures/printer-pack.mjs";
import { sampleScenarios } from "../../testing/scenarios.js";
import { offlineDialogue } from "../dialogue.js";

// A fleet of office printers, as a user writes the pack: no command tool (not an ops pack), no
// field named as ops' hosts are. Its printers' display declares format status, so asked how a
// printer is the assistant says its state, numbers, fullest tray and worn part — from its fields.

describe("a pack of one's own with format status", () => {
  it("has a printer's state said from its fields when the user asks how it is", () => {
    const dir = writePrinterPack();
    const domain = loadDomain(dir);
    const replies: string[] = [];
    for (const s of sampleScenarios(dir, 40, 5)) {
      const d = offlineDialogue(s, domain, Rng.for(0, s.id, "dialogue"), { failureRate: 0, createSession, tool: "dialogue-sim", version: "test", seed: 0 }).dialogue;
      for (const m of d.messages) if (m.role === "assistant" && typeof m.content === "string") replies.push(m.content);
    }
    const said = replies.filter((r) => /`printer-\d` (is|looks|shows as|reports|is currently) (jammed|ready|offline)/.test(r));
    expect(said.length).toBeGreaterThan(3);
    // What stands out: the ink over its high, the worn fuser (never the parts that are ok, when one is not).
    expect(said.some((r) => /Ink (at )?(93|97)%/.test(r))).toBe(true);
    expect(said.some((r) => r.includes("`fuser` is worn") && !r.includes("drum"))).toBe(true);
    expect(said.some((r) => r.includes("jobs queued"))).toBe(true);
    // Said in words, never as its fields.
    for (const r of said) expect(r).not.toMatch(/ink_level|paper_pct|\bhealth\b|\bcondition\b/);
  });
});
