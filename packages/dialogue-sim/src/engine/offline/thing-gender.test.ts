import { createSession, loadDomain } from "@chatmill/domains";
import { Rng } from "@chatmill/kit";
import { describe, expect, it } from "vitest";
import { sampleScenarios } from "../../testing/scenarios.js";
import { offlineDialogue } from "../dialogue.js";

// Travel declares its things by gender in Hindi and Hinglish (services[].thing: a taxi, a train,
// a place to see are feminine), so what the user says of them agrees ("टैक्सी मिल सकती है",
// "cheap बजट वाली खाने की जगह"); a kind that only names the thing is not said beside it
// ("hotel होटल"), and a coded cabin is said by the pack's words ("basic economy", not "basic_economy").
const opts = { failureRate: 0, createSession, tool: "test", version: "0", seed: 0 };

function userLines(language: string): string[] {
  const domain = loadDomain("travel");
  return sampleScenarios("travel", 400, 23)
    .map((s) => offlineDialogue({ ...s, persona: { ...s.persona, language } }, domain, Rng.for(1, s.id, "dialogue"), opts).dialogue)
    .flatMap((d) => (d.messages as Array<{ role: string; content?: unknown }>).filter((m) => m.role === "user" && typeof m.content === "string").map((m) => m.content as string));
}

describe("users' words agree with the thing they ask for", () => {
  it("hi", () => {
    const users = userLines("hi");
    const said = users.join("\n");
    // Feminine things are asked for with their forms: the check is not vacuous.
    expect(said).toMatch(/(टैक्सी|ट्रेन|फ़्लाइट|बस|जगह) (मिल सकती|मिल जाएगी|देखनी है)/);
    const wrong = users.filter((u) => /(टैक्सी|ट्रेन|फ़्लाइट|जगह) (मिल सकता|मिल जाएगा|मिलेगा|देखना है)|जगह [^,?।]*(बजट|खाने|स्टार) वाला|वाली (होना|सबसे अच्छा)|(बजट|खाने|स्टार) वाला [^,?।]*जगह/.test(u));
    expect(wrong).toEqual([]);
    expect(said).not.toMatch(/hotel होटल|basic_economy|\{t[mf]:|वाल[ाी] वाले|टाइप (का|की) वाले/);
  });

  it("mixed", () => {
    const said = userLines("mixed").join("\n");
    expect(said).toMatch(/(taxi|cab|train|flight|bus|jagah) (mil sakti|mil jayegi|dekhni hai)/);
    expect(said).not.toMatch(/(taxi|cab|flight|jagah) (mil sakta|mil jayega|dekhna hai)|hotel hotel|basic_economy|\{t[mf]:/i);
  });

  it("en says a kind that names the thing once", () => {
    expect(userLines("en").join("\n")).not.toMatch(/a hotel,? a hotel|basic_economy/i);
  });
});
