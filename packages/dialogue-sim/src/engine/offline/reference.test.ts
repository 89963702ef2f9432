import { mkdtempSync, readdirSync, symlinkSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { createSession, loadDomain, loadPackFile } from "@chatmill/domains";
import { Rng } from "@chatmill/kit";
import type { Dialogue, Scenario } from "@chatmill/schema";
import { Dialogue as DialogueSchema } from "@chatmill/schema";
import { describe, expect, it } from "vitest";
import type { Domain } from "../../contract.js";
import { offlineDialogue } from "../dialogue.js";
import { sampleScenarios } from "../../testing/scenarios.js";

// Seed 000's multimodal and recommendation features (issue 18, deliverable 4): a category the
// pack declares `reference: image` has the user share a photo and the assistant search by it; one
// declared `reference: item` has the user ask for things like an item and the assistant recommend
// them. The tools are found by their run spec (op similar, an anchor on the image field / a key).

const opts = { failureRate: 0.15, createSession, tool: "dialogue-sim", version: "test", seed: 3 };
const retail = loadDomain("retail");
const scenarios = sampleScenarios("retail", 500, 11);
const ofCategory = (cat: string) => scenarios.filter((s) => s.category === cat);
const run = (s: Scenario, domain: Domain = retail): Dialogue => offlineDialogue(s, domain, Rng.for(3, s.id, "dialogue"), opts).dialogue;
const calls = (d: Dialogue) => d.messages.flatMap((m) => (m.role === "assistant" && m.tool_calls ? m.tool_calls : []));
const images = new Set(retail.table("items").map((r) => r.image).filter((v): v is string => typeof v === "string"));

describe("a photo the user shares (reference: image)", () => {
  const dialogues = ofCategory("visual_search").map((s) => run(s));
  it("the sample has such dialogues", () => expect(dialogues.length).toBeGreaterThanOrEqual(20));

  it("the user's first request carries a catalog image, said in its text too, and the assistant searches by it", () => {
    let used = 0;
    for (const d of dialogues) {
      const ask = d.messages.find((m) => m.role === "user" && "images" in m && m.images);
      if (!ask || ask.role !== "user") continue;
      const url = ask.images![0]!.url;
      expect(images.has(url)).toBe(true);
      expect(ask.content).toContain(url);
      // The first call after the photo is the search by picture, with the photo as its argument.
      const after = d.messages.slice(d.messages.indexOf(ask)).find((m) => m.role === "assistant" && m.tool_calls);
      const call = after?.role === "assistant" ? after.tool_calls![0]! : undefined;
      expect(call?.name).toBe("visual_search");
      expect(call?.arguments).toEqual({ image_url: url });
      used++;
      expect(DialogueSchema.safeParse(d).success).toBe(true);
    }
    expect(used / dialogues.length).toBeGreaterThanOrEqual(0.9);
  });

  it("every item recommended keeps its image link, and the task is met as often as without photos", () => {
    let recs = 0;
    for (const d of dialogues) {
      for (const m of d.messages) {
        if (m.role !== "assistant" || m.labels?.intent !== "recommend") continue;
        for (const g of (m as { grounding?: Array<{ image?: string }> }).grounding ?? []) {
          recs++;
          expect(typeof g.image === "string" && images.has(g.image)).toBe(true);
        }
      }
    }
    expect(recs).toBeGreaterThan(dialogues.length);
    expect(dialogues.filter((d) => d.outcome?.goal_met).length / dialogues.length).toBeGreaterThanOrEqual(0.9);
  });
});

describe("something like this (reference: item)", () => {
  const dialogues = ofCategory("similar_items").map((s) => run(s));
  const similarAt = (d: Dialogue) => d.messages.findIndex((m) => m.role === "assistant" && m.tool_calls?.some((c) => c.name === "recommend_similar"));
  /** The item the similar call at `at` is about. */
  const anchorAt = (d: Dialogue, at: number): string => {
    const m = d.messages[at]!;
    const call = m.role === "assistant" ? m.tool_calls?.find((c) => c.name === "recommend_similar") : undefined;
    return String(call?.arguments.item_id);
  };
  const groundedUpTo = (d: Dialogue, at: number) => d.messages.slice(0, at + 1).flatMap((m) => (m as { grounding?: Array<{ item_id: string }> }).grounding ?? []).map((g) => g.item_id);

  it("the assistant recommends with the pack's similar-to-a-row tool in ≥ 90% of the dialogues whose task needs it, about an item it showed", () => {
    expect(dialogues.length).toBeGreaterThanOrEqual(15);
    const used = dialogues.filter((d) => {
      const at = similarAt(d);
      if (at < 0) return false;
      // The anchor is an item the assistant had shown, at the latest in the message that makes the call.
      expect(groundedUpTo(d, at)).toContain(anchorAt(d, at));
      expect(DialogueSchema.safeParse(d).success).toBe(true);
      return true;
    });
    expect(used.length / dialogues.length).toBeGreaterThanOrEqual(0.9);
  });

  it("with nothing shown to point at, the user names the item it has and the assistant finds it by name before recommending", () => {
    const items = retail.table("items");
    let named = 0;
    for (const d of dialogues) {
      const at = similarAt(d);
      if (at < 0) continue;
      // Nothing listed before the user's request for similar things: no grounding before it.
      const ask = d.messages.slice(0, at).findLastIndex((m) => m.role === "user");
      if (d.messages.slice(0, ask).some((m) => (m as { grounding?: unknown[] }).grounding?.length)) continue;
      named++;
      const row = items.find((r) => r.id === anchorAt(d, at))!;
      expect(String(d.messages[ask]!.content).toLowerCase()).toContain(String(row.name).toLowerCase());
      // Between the user's words and the recommendation: the pack's search, asked by the item's name.
      const searches = d.messages.slice(ask, at).flatMap((m) => (m.role === "assistant" ? m.tool_calls ?? [] : []));
      expect(searches.map((c) => c.name)).toContain("search_items");
      expect(searches.every((c) => JSON.stringify(c.arguments).includes(String(row.name)))).toBe(true);
    }
    // The sample holds tasks no row meets (nothing is ever listed): each of them reaches the similar tool this way.
    expect(named).toBeGreaterThanOrEqual(2);
  });

  it("in a single-turn dialogue (--multi-turn 0) the user names the item it has in its one message, and the assistant recommends things like it", () => {
    const single = ofCategory("similar_items").map((s) => offlineDialogue(s, retail, Rng.for(3, s.id, "dialogue"), { ...opts, multiTurn: 0 }).dialogue);
    const items = retail.table("items");
    const used = single.filter((d) => {
      const at = similarAt(d);
      if (at < 0) return false;
      const row = items.find((r) => r.id === anchorAt(d, at))!;
      const first = d.messages.find((m) => m.role === "user" && m.labels?.intent !== "chit_chat")!;
      expect(String(first.content).toLowerCase()).toContain(String(row.name).toLowerCase());
      // No user message between the request and the recommendation: the assistant did it all in turn.
      expect(d.messages.slice(d.messages.indexOf(first) + 1, at).some((m) => m.role === "user")).toBe(false);
      expect(groundedUpTo(d, at)).toContain(row.id);
      return true;
    });
    expect(used.length / single.length).toBeGreaterThanOrEqual(0.9);
  });
});

describe("the behaviour comes from the pack's declaration", () => {
  it("without `reference` on its categories, no photo is shared and neither similar tool is called", () => {
    const dir = mkdtempSync(join(tmpdir(), "chatmill-no-reference-"));
    for (const f of readdirSync(retail.dir)) if (f !== "pack.json") symlinkSync(join(retail.dir, f), join(dir, f));
    const pack = structuredClone(retail.pack) as { categories: Record<string, { reference?: string }> };
    for (const c of Object.values(pack.categories)) delete c.reference;
    writeFileSync(join(dir, "pack.json"), JSON.stringify(pack));
    const plain = loadPackFile(join(dir, "pack.json")) as unknown as Domain;
    for (const s of [...ofCategory("visual_search"), ...ofCategory("similar_items")]) {
      const d = run(s, plain);
      expect(d.messages.some((m) => m.role === "user" && "images" in m)).toBe(false);
      expect(calls(d).some((c) => c.name === "visual_search" || c.name === "recommend_similar")).toBe(false);
    }
  });
});
