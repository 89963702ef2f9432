import { loadDomain } from "@chatmill/domains";
import { Rng } from "@chatmill/kit";
import type { Persona } from "@chatmill/schema";
import { describe, expect, it } from "vitest";
import { USER_STYLE } from "../phrases/style-banks.js";
import { MORE_USER_STYLE } from "../phrases/user-variety-banks.js";
import { saidBack, Voice, withNounPhrase } from "./voice.js";

// Issue #18: a style's closer that is itself a question ("how does that work?") read doubled
// after a request that already asks one ("what else can you tell me? how does that work?").
describe("a user's closer", () => {
  const texts = (style: string) => {
    const persona = { id: "p1", style, verbosity: "moderate" } as Persona;
    const voice = new Voice(persona, "en", new Rng(`closer/${style}`), { city: "Leeds", weekday: "Monday" }, loadDomain("retail").wording);
    return Array.from({ length: 600 }, () => voice.user("details", { item: "Echo Fit Compression Short" }, { first: true }));
  };

  it("is no second question after a question", () => {
    for (const style of ["learner", "executive"] as const) {
      const asking = [...USER_STYLE.en[style].closers, ...(MORE_USER_STYLE.en[style]?.closers ?? [])].filter((c) => c.endsWith("?")).map((c) => c.toLowerCase());
      expect(asking.length).toBeGreaterThan(0);
      const doubled = texts(style).filter((t) => asking.some((c) => t.toLowerCase().endsWith(`? ${c}`)));
      expect(doubled, doubled.slice(0, 3).join(" | ")).toEqual([]);
    }
  });

  it("still follows a request that is a question, when it is not one", () => {
    const closed = texts("learner").filter((t) => /\?\s+(thanks for explaining|thank you!)/i.test(t));
    expect(closed.length).toBeGreaterThan(0);
  });

  it("is left out when it starts on the word the request ends with, as is a filler before it ('many thanks thanks for explaining')", () => {
    const persona = (style: string) => ({ id: "p1", style, verbosity: "moderate" }) as Persona;
    for (const style of ["learner", "casual", "executive", "stressed"] as const) {
      const voice = new Voice(persona(style), "en", new Rng(`meets/${style}`), { city: "Leeds", weekday: "Monday" }, loadDomain("retail").wording);
      const said = ["details", "thanks_done", "add", "ok_go", "choose"].flatMap((act) => Array.from({ length: 400 }, () => voice.user(act as never, { item: "Echo Fit Short", name: "Echo Fit Short", wants: "in red", c: "in red" }, { first: act === "details" })));
      const doubled = said.filter((t) => /(?<![\p{L}'])([\p{L}']+)[.!?]?\s+\1(?![\p{L}'])/iu.test(t) && !/\b(ok|bye|no|yes|very|so|really|hey|hi|hello|oh|ah|ooh)[.!?,]?\s+\1\b/i.test(t));
      expect(doubled, doubled.slice(0, 3).join(" | ")).toEqual([]);
    }
  });
});

// A wish that is a noun phrase after a template's "options" / "anything" / "nothing" (issue #18: sentences people write).
describe("a wish that is a noun phrase", () => {
  it("is said as one with the word before it", () => {
    expect(withNounPhrase("Alright, I'll look for options a hotel and with 0 stars.", "a hotel and with 0 stars")).toBe("Alright, I'll look for a hotel and with 0 stars.");
    expect(withNounPhrase("Unfortunately, I'm not seeing anything a guesthouse, with wifi.", "a guesthouse, with wifi")).toBe("Unfortunately, I'm not seeing any guesthouse, with wifi.");
    expect(withNounPhrase("Sadly, there's nothing a guesthouse in the north.", "a guesthouse in the north")).toBe("Sadly, there's no guesthouse in the north.");
  });

  it("leaves a wish that is not one, and a noun phrase after other words", () => {
    expect(withNounPhrase("Let me look for something in red.", "in red")).toBe("Let me look for something in red.");
    expect(withNounPhrase("Checking for a hotel now.", "a hotel")).toBe("Checking for a hotel now.");
  });

  it("a wish in the user's words is said back from the assistant's side ('who can talk to you in Polish')", () => {
    expect(saidBack("who can talk to me in Polish")).toBe("who can talk to you in Polish");
    expect(saidBack("near my office and under £100")).toBe("near your office and under £100");
    expect(saidBack("in Mexico, named Amelia")).toBe("in Mexico, named Amelia");
  });

  it("a wish about a person (a relative clause) is said of someone, not of 'options' (the dental pack's 'who speaks Polish')", () => {
    expect(withNounPhrase("Alright, let me find options who speaks Polish.", "who speaks Polish")).toBe("Alright, let me find someone who speaks Polish.");
    expect(withNounPhrase("Sadly, there's nothing who speaks Polish.", "who speaks Polish")).toBe("Sadly, there's no one who speaks Polish.");
    expect(withNounPhrase("Looking for anything who speaks Polish.", "who speaks Polish")).toBe("Looking for anyone who speaks Polish.");
  });
});
