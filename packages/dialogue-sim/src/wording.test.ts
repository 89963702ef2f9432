// Wording is pack data (issue 18): a pack without `wording` speaks only the engine's neutral
// lines, a pack's own lines appear in its dialogues, and Hindi/Hinglish first-person forms
// agree with the speaker's gender.
import { fileURLToPath } from "node:url";
import { createSession, loadDomain } from "@chatmill/domains";
import { Rng } from "@chatmill/kit";
import type { Scenario, Wording } from "@chatmill/schema";
import { describe, expect, it } from "vitest";
import type { Domain } from "./contract.js";
import { offlineDialogue } from "./engine/dialogue.js";
import { ASSISTANT } from "./phrases/assistant-banks.js";
import { OPENING, MIDWAY } from "./phrases/small-talk.js";
import { ASSISTANT_STYLE, HEDGES, USER_STYLE } from "./phrases/style-banks.js";
import { USER } from "./phrases/user-banks.js";
import { MORE_HEDGES, MORE_USER_STYLE, USER_VARIETY } from "./phrases/user-variety-banks.js";
import { MORE_ASSISTANT, MORE_MIDWAY, MORE_OPENING, MORE_STYLE, MORE_USER } from "./phrases/variety-banks.js";
import { EXTRAS, FILLERS, VOICE_ASSISTANT } from "./phrases/voice-banks.js";
import { sampleScenarios } from "./testing/scenarios.js";

const opts = { failureRate: 0.15, createSession, tool: "dialogue-sim", version: "test", seed: 1 };
const walletDir = fileURLToPath(new URL("../../domains/examples/wallet/", import.meta.url));

/** The domain with another wording (the rest of the pack as loaded). */
function withWording(domain: Domain, wording: Wording | undefined): Domain {
  return Object.create(domain, { wording: { value: wording } }) as Domain;
}

function texts(domain: Domain, scenarios: Scenario[], role: "user" | "assistant" | "both" = "both"): string[] {
  return scenarios.flatMap((s) =>
    offlineDialogue(s, domain, Rng.for(1, s.id, "dialogue"), opts)
      .dialogue.messages.filter((m) => (role === "both" ? m.role === "user" || m.role === "assistant" : m.role === role))
      .map((m) => String(m.content ?? "")),
  );
}

function inLanguage(scenarios: Scenario[], language: string, gender?: string): Scenario[] {
  return scenarios.map((s) => ({ ...s, persona: { ...s.persona, language, ...(gender ? { gender } : {}) } }));
}

/** Every template string in a JSON value. */
function templatesIn(value: unknown, out: string[] = []): string[] {
  if (typeof value === "string") out.push(value);
  else if (Array.isArray(value)) for (const v of value) templatesIn(v, out);
  else if (value && typeof value === "object") for (const v of Object.values(value)) templatesIn(v, out);
  return out;
}

/** The engine's neutral lines, as one text to search. */
const NEUTRAL = templatesIn([ASSISTANT, USER, ASSISTANT_STYLE, USER_STYLE, HEDGES, VOICE_ASSISTANT, EXTRAS, FILLERS, OPENING, MIDWAY, MORE_ASSISTANT, MORE_STYLE, MORE_USER, MORE_OPENING, MORE_MIDWAY, USER_VARIETY, MORE_USER_STYLE, MORE_HEDGES]).join("\n").toLowerCase();

/**
 * The literal pieces of the built-in packs' wording that the neutral lines never say
 * ("Checking the catalogue", "leave the booking alone", "Want me to pull the logs?"):
 * pieces of a template between its brackets, bars and slots, of at least 12 characters.
 */
function packPhrases(): string[] {
  const out = new Set<string>();
  for (const pack of ["retail", "travel", "ops"]) {
    const { values: _values, names: _names, ...lines } = loadDomain(pack).wording ?? {};
    for (const t of templatesIn(lines)) {
      for (const piece of t.split(/[[\]|]|\{[^}]*\}/)) {
        const p = piece.trim().replace(/^[,.;:!?—-]+\s*|\s*[,.;:!?—-]+$/g, "");
        if (p.length >= 12 && !NEUTRAL.includes(p.toLowerCase())) out.add(p.toLowerCase());
      }
    }
  }
  return [...out];
}

describe("wording is pack data", () => {
  const phrases = packPhrases();

  it("the built-in packs' wording has phrases of its own to look for", () => {
    expect(phrases).toContain("checking the catalogue");
    expect(phrases).toContain("leave the booking alone");
    expect(phrases.length).toBeGreaterThan(40);
  });

  it("a user's pack without wording says none of the built-in packs' phrases (200 dialogues, three languages)", () => {
    const wallet = loadDomain(walletDir);
    expect(wallet.wording).toBeUndefined();
    const base = sampleScenarios(walletDir, 70, 5);
    const all = ["en", "hi", "mixed"].flatMap((l) => texts(wallet, inLanguage(base, l))).join("\n").toLowerCase();
    expect(all.length).toBeGreaterThan(10_000);
    expect(phrases.filter((p) => all.includes(p))).toEqual([]);
  });

  it("the travel and ops packs with their wording taken away say none of their phrases either", () => {
    for (const pack of ["travel", "ops", "retail"]) {
      const bare = withWording(loadDomain(pack), undefined);
      const all = texts(bare, sampleScenarios(pack, 120, 5)).join("\n").toLowerCase();
      expect(phrases.filter((p) => all.includes(p)), pack).toEqual([]);
    }
  });

  it("with their wording, the built-in packs say their own phrases", () => {
    for (const pack of ["travel", "ops", "retail"]) {
      const all = texts(loadDomain(pack), sampleScenarios(pack, 120, 5)).join("\n").toLowerCase();
      expect(phrases.filter((p) => all.includes(p)).length, pack).toBeGreaterThan(3);
    }
  });

  it("a pack's own lines appear in its dialogues; with `replace` the neutral ones of that act do not", () => {
    const wallet = loadDomain(walletDir);
    const scenarios = inLanguage(sampleScenarios(walletDir, 160, 5), "en");
    const neutralFarewells = ASSISTANT.en.farewell;
    const mine: Wording = { en: { assistant: { farewell: ["Go well, and mind the pennies!"] }, user: { thanks_done: ["[cheers|ta], that's my money sorted"] } } };
    const added = texts(withWording(wallet, mine), scenarios);
    expect(added.some((t) => t.includes("Go well, and mind the pennies!"))).toBe(true);
    expect(added.some((t) => /that's my money sorted/i.test(t))).toBe(true);
    // Added, not replacing: the neutral farewells are still said.
    expect(added.some((t) => /^(Anytime|My pleasure|Glad I could help|You're welcome|No problem at all)/.test(t))).toBe(true);
    const replaced = texts(withWording(wallet, { ...mine, replace: ["assistant.farewell"] }), scenarios, "assistant");
    expect(replaced.some((t) => t.includes("Go well, and mind the pennies!"))).toBe(true);
    expect(replaced.filter((t) => /^(Anytime|My pleasure|Glad I could help|You're welcome|No problem at all)[!.]/.test(t))).toEqual([]);
    expect(neutralFarewells.length).toBeGreaterThan(0);
  });

  it("a pack's value phrasing is how its users state that field", () => {
    const travel = loadDomain("travel");
    const scenarios = sampleScenarios("travel", 150, 5);
    const own: Wording = { ...travel.wording, values: { ...travel.wording?.values, area: { en: "somewhere {value}-ish" } } };
    const users = texts(withWording(travel, own), scenarios, "user").join("\n");
    expect(users).toMatch(/somewhere (north|south|east|west|centre)-ish/);
    expect(users).not.toMatch(/in the (north|south|east|west|centre) (of town|part of town)/);
  });
});

// First-person forms a Hindi or Hinglish speaker says of themselves (not "हो गया", "it's done").
const FEMININE = /(रही|ती|सकती|नई) हूँ|लूँगी|दूँगी|समझ गई|\b(rahi|\w+ti|sakti|nayi) hoon\b|\blungi\b|\bdungi\b|samajh gayi/i;
const MASCULINE = /(रहा|ता|सकता|नया) हूँ|लूँगा|दूँगा|समझ गया|\b(raha|\w+ta|sakta|naya) hoon\b|\blunga\b|\bdunga\b|samajh gaya/i;

describe("Hindi and Hinglish first-person forms agree with the speaker", () => {
  for (const pack of ["travel", "retail", "ops"]) {
    const domain = loadDomain(pack);
    const base = sampleScenarios(pack, 150, 9);
    for (const language of ["hi", "mixed"]) {
      it(`${pack}, ${language}: a woman's lines use feminine forms, a man's masculine`, () => {
        const women = texts(domain, inLanguage(base, language, "female"), "user").filter((t) => FEMININE.test(t) || MASCULINE.test(t));
        const men = texts(domain, inLanguage(base, language, "male"), "user").filter((t) => FEMININE.test(t) || MASCULINE.test(t));
        expect(women.length).toBeGreaterThan(20);
        expect(men.length).toBeGreaterThan(20);
        expect(women.filter((t) => MASCULINE.test(t))).toEqual([]);
        expect(men.filter((t) => FEMININE.test(t))).toEqual([]);
      });
    }
  }

  it("the assistant speaks in the gender the pack declares (masculine by default)", () => {
    const travel = loadDomain("travel");
    const base = inLanguage(sampleScenarios("travel", 120, 9), "mixed", "female");
    const byDefault = texts(travel, base, "assistant").filter((t) => FEMININE.test(t) || MASCULINE.test(t));
    expect(byDefault.length).toBeGreaterThan(20);
    expect(byDefault.filter((t) => FEMININE.test(t))).toEqual([]);
    const she = texts(withWording(travel, { ...travel.wording, assistant_gender: "f" }), base, "assistant").filter((t) => FEMININE.test(t) || MASCULINE.test(t));
    expect(she.length).toBeGreaterThan(20);
    expect(she.filter((t) => MASCULINE.test(t))).toEqual([]);
  });
});
