import { createSession, loadDomain } from "@chatmill/domains";
import { Rng } from "@chatmill/kit";
import { describe, expect, it } from "vitest";
import { sampleScenarios } from "../../testing/scenarios.js";
import { offlineDialogue } from "../dialogue.js";

// Travel's users say a flight's origin and date, a taxi's ends and its time as people do, in
// every language: from the pack's value wording (wording.values.origin/date) and the booking
// values' kinds (a place, a time), never a field's words before a value ("origin IAH", "date
// 2024-05-30", "departure Lovell Lodge", "pick-up time 20:15"), and a change to a booking is not
// called a change of its date when it is a change of place.
const opts = { failureRate: 0, createSession, tool: "test", version: "0", seed: 0 };

describe("travel users name places, dates and times without field words", () => {
  const domain = loadDomain("travel");
  const base = sampleScenarios("travel", 300, 21);
  for (const language of ["en", "hi", "mixed"]) {
    it(language, () => {
      const users = base
        .map((s) => offlineDialogue({ ...s, persona: { ...s.persona, language } }, domain, Rng.for(1, s.id, "dialogue"), opts).dialogue)
        .flatMap((d) => (d.messages as Array<{ role: string; content?: unknown }>).filter((m) => m.role === "user" && typeof m.content === "string").map((m) => m.content as string));
      const said = users.join("\n");
      // The flights, taxis and dates are there to be said: the check is not vacuous.
      expect(said).toMatch(/\b[A-Z]{3}\b/);
      expect(said).toMatch(/\b\d\d:\d\d\b/);
      const hits = users.filter((u) => /\b(origin|date|departure|destination|pick-up time) [A-Z0-9]/i.test(u));
      expect(hits).toEqual([]);
      expect(said).not.toMatch(/\b(origin|date|departure|destination|pick-up time) [A-Z0-9]/i);
    });
  }
});
