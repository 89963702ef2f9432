import { Wording } from "@chatmill/schema";
import { describe, expect, it } from "vitest";
import type { Domain } from "./contract.js";
import { describeArg } from "./field-words.js";

// How a booking argument is said is the pack's (wording.values.<arg>.arg) and the kind of its
// booking value, never the argument's name: a tiny pack with opaque names.
const values = Wording.parse({
  values: {
    f_nights: { arg: { en: "{value} night", hi: "{value} रात", many: { en: "{value} nights" } } },
    f_leave: { arg: { en: "leaving {value}" } },
    f_cabin: { arg: { en: "in {value}", hi: "{value} क्लास में", words: { basic_economy: "basic economy" } } },
  },
}).values!;

describe("a booking argument, as the pack words it or as its value's kind says", () => {
  const domain = {
    pack: { wording: { names: { f_from: "pick-up point" } } },
    wording: { values },
    services: [{ name: "s", booking: { values: { f_who: { kind: "party" }, f_day: { kind: "weekday" }, f_at: { kind: "time", hours: [9, 17] }, f_from: { kind: "place", end: "from" }, f_leave: { kind: "time", hours: [6, 22] } } } }],
  } as unknown as Domain;
  const say = (k: string, v: unknown, lang: "en" | "hi" | "mixed") => describeArg(domain, k, v, lang, () => undefined);

  it("says a party, a weekday, a time and a place in each language", () => {
    expect([say("f_who", 1, "en"), say("f_who", 3, "en"), say("f_who", 3, "hi"), say("f_who", 3, "mixed")]).toEqual(["for 1 person", "for 3 people", "3 लोगों के लिए", "3 log"]);
    // One is a person, not "1 लोगों"; a weekday is named in Hindi, and capitalised in Hinglish.
    expect([say("f_who", 1, "hi"), say("f_who", 1, "mixed")]).toEqual(["1 व्यक्ति के लिए", "1 person"]);
    // A coded value is said by the pack's words for it, in every language; one it gives none for, as it is.
    expect([say("f_cabin", "basic_economy", "en"), say("f_cabin", "basic_economy", "hi"), say("f_cabin", "business", "hi")]).toEqual(["in basic economy", "basic economy क्लास में", "business क्लास में"]);
    expect([say("f_day", "friday", "en"), say("f_day", "friday", "hi"), say("f_day", "friday", "mixed")]).toEqual(["on Friday", "शुक्रवार को", "Friday ko"]);
    expect(say("f_day", "Someday", "hi")).toBe("Someday को");
    expect([say("f_at", "19:00", "en"), say("f_at", "19:00", "hi"), say("f_at", "19:00", "mixed")]).toEqual(["at 19:00", "19:00 बजे", "19:00 baje"]);
    // Hindi and Hinglish: the place, then from/to as a postposition (was "pick-up point Cambridge", a field's words said aloud).
    expect([say("f_from", "Cambridge", "en"), say("f_from", "Cambridge", "hi"), say("f_from", "Cambridge", "mixed")]).toEqual(["from Cambridge", "Cambridge से", "Cambridge se"]);
  });

  it("says a worded argument by its words, its many form for a number other than 1, and by its kind where a language has none", () => {
    expect([say("f_nights", 1, "en"), say("f_nights", 3, "en"), say("f_nights", 3, "hi")]).toEqual(["1 night", "3 nights", "3 रात"]);
    // f_leave is worded in English only: Hinglish and Hindi say it as the time it is (was its bare value, or its name's words before it).
    expect([say("f_leave", "06:15", "en"), say("f_leave", "06:15", "mixed"), say("f_leave", "06:15", "hi")]).toEqual(["leaving 06:15", "06:15 baje", "06:15 बजे"]);
    expect(say("f_other", "x", "en")).toBe("x");
  });

  it("takes an argument's kind from the service the call is for, when two services declare the same name differently", () => {
    const two = {
      ...domain,
      services: [
        { name: "a", booking: { values: { f_when: { kind: "weekday" } } } },
        { name: "b", booking: { values: { f_when: { kind: "time", hours: [9, 17] } } } },
      ],
    } as unknown as Domain;
    const [a, b] = (two as unknown as { services: Parameters<typeof describeArg>[5][] }).services;
    expect(describeArg(two, "f_when", "10:00", "en", () => undefined, b)).toBe("at 10:00");
    expect(describeArg(two, "f_when", "friday", "en", () => undefined, a)).toBe("on Friday");
  });
});
