import { Rng } from "@chatmill/kit";
import { describe, expect, it } from "vitest";
import { expand, fillValue, firstWay, GENDER_SLOT, isMany, THING_GENDER_SLOT } from "./phrase-grammar.js";

describe("the phrase grammar", () => {
  it("says a template one way: the first alternative of each bracket, nested ones too, the value filled", () => {
    expect(firstWay("[a restaurant|somewhere to eat]", "")).toBe("a restaurant");
    expect(firstWay("[in the [centre|middle]|around] {value} [of town|]", "north")).toBe("in the centre north of town");
  });

  it("fills a value with the article its sound takes, keeping its spaces", () => {
    expect(fillValue("in a {value} style", "athletic")).toBe("in an athletic style");
    expect(fillValue("a {value}", "XL  tee")).toBe("an XL  tee");
  });

  it("says the template's noun once when the value already ends with it", () => {
    expect(fillValue("part of the {value} collection", "New Luma Yoga Collection")).toBe("part of the New Luma Yoga Collection");
    expect(fillValue("part of the {value} collections", "Eco Collection")).toBe("part of the Eco Collection");
    expect(firstWay("[from|in] the {value} collection", "Gym Collection")).toBe("from the Gym Collection");
    expect(fillValue("part of the {value} collection", "Eco Friendly")).toBe("part of the Eco Friendly collection");
    expect(fillValue("a {value} collector's piece", "Collection")).toBe("a Collection collector's piece");
  });

  it("says a word once where a slot's value meets the same word beside it; a word doubled inside one piece stays", () => {
    const rng = new Rng("doubles");
    expect(expand("I'd go for {wants}", rng, { wants: "for 5 people" })).toBe("I'd go for 5 people");
    expect(expand("lock it in {x}", rng, { x: "in business" })).toBe("lock it in business");
    expect(expand("{clause} हो तो अच्छा", rng, { clause: "जो English बोलता हो" })).toBe("जो English बोलता हो तो अच्छा");
    expect(expand("hand me over then {x}", rng, { x: "then" })).toBe("hand me over then ");
    expect(expand("Ideally {x}", rng, { x: "ideally in red" })).toBe("Ideally in red");
    // Not a double: another word, a word inside a longer one, punctuation between, or the writer's own "ok ok".
    expect(expand("go for {x}", rng, { x: "fortune" })).toBe("go for fortune");
    expect(expand("Checking. {x}", rng, { x: "Checking for red" })).toBe("Checking. Checking for red");
    expect(expand("ok ok, {x}", rng, { x: "sure" })).toBe("ok ok, sure");
    expect(expand("[go for|try] {x}", rng, { x: "for two" })).toMatch(/^(go for two|try for two)$/);
    expect(expand("[I'd go for|I'd go for] {wants}", rng, { wants: "for 5 people" })).toBe("I'd go for 5 people");
    // An empty bracket between them leaves two spaces as pieces of their own.
    expect(expand("{c} [|] हो तो अच्छा", rng, { c: "जो Arabic बोलता हो" }).replace(/\s+/g, " ")).toBe("जो Arabic बोलता हो तो अच्छा");
  });

  it("draws each alternative with an rng, still fixing the article by the value's sound", () => {
    const rng = new Rng("grammar");
    const said = new Set(Array.from({ length: 40 }, () => fillValue("[in a|with a] {value} [style|look]", "urban", rng)));
    expect([...said].sort()).toEqual(["in an urban look", "in an urban style", "with an urban look", "with an urban style"]);
    expect(expand("[hi|hello] {who}[!|]", new Rng("x"), { who: "Sam" })).toMatch(/^(hi|hello) Sam!?$/);
  });

  it("says a {tm:…|tf:…} form by the thing's gender, apart from the speaker's {m:…|f:…}; masculine when the thing's is unset", () => {
    const t = "{thing} मिल {tm:सकता|tf:सकती} है? मैं देख {m:रहा|f:रही} हूँ";
    const rng = new Rng("thing");
    expect(expand(t, rng, { thing: "टैक्सी", [THING_GENDER_SLOT]: "f", [GENDER_SLOT]: "m" })).toBe("टैक्सी मिल सकती है? मैं देख रहा हूँ");
    expect(expand(t, rng, { thing: "होटल", [THING_GENDER_SLOT]: "m", [GENDER_SLOT]: "f" })).toBe("होटल मिल सकता है? मैं देख रही हूँ");
    expect(expand(t, rng, { thing: "होटल" })).toBe("होटल मिल सकता है? मैं देख रहा हूँ");
  });

  it("counts a number other than 1, or a list of more than one, as many", () => {
    expect([isMany(1), isMany("1"), isMany(2), isMany("2.5"), isMany(["a"]), isMany(["a", "b"]), isMany("two")]).toEqual([false, false, true, true, false, true, false]);
  });
});
