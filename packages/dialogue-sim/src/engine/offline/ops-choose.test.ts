import { createSession, loadDomain } from "@chatmill/domains";
import { Rng } from "@chatmill/kit";
import { describe, expect, it } from "vitest";
import { offlineDialogue } from "../dialogue.js";
import { sampleScenarios } from "../../testing/scenarios.js";

// Issue #18: an ops user picked a host as a shopper picks an item ("I'll have gpu-01", "gpu-01
// gets my vote"): the ops pack's own choose lines replace the neutral ones (wording.replace).
const ops = loadDomain("ops");
const opts = { failureRate: 0.1, createSession, tool: "dialogue-sim", version: "test", seed: 5 };

describe("an ops user picking a host", () => {
  const picks = sampleScenarios("ops", 300, 7)
    .map((s) => offlineDialogue(s, ops, Rng.for(5, s.id, "dialogue"), opts).dialogue)
    .flatMap((d) => d.messages.flatMap((m) => (m.role === "user" && m.labels?.intent === "confirm" && typeof m.content === "string" && /\b[a-z]+-\d\d\b/.test(m.content) ? [m.content] : [])));

  it("says it in the pack's words for a host, not a shop's", () => {
    expect(picks.length).toBeGreaterThan(10);
    for (const p of picks) expect(p).not.toMatch(/I'll (have|take)|gets my vote|suits me|it is, then|I like\b/i);
    expect(picks.some((p) => /look|check|start|focus|dig|worried|alerts|problem|priority/i.test(p))).toBe(true);
  });
});
