import { describe, expect, it } from "vitest";
import { declaredNames, sayableText, toolNames } from "./pack-names.js";
import { expandAlternatives, LeakFinder, ownGrams, packPhraseStrings, packProseStrings, phraseGrams, pieces, stringsUnder } from "./phrases.js";

describe("a pack's phrases", () => {
  it("are every string under wording and the offline voice lists, whatever their shape, but not what not to say", () => {
    const pack = {
      wording: { openers: ["Happy to help with your stay"], values: { day: { monday: "on Monday" } }, nested: [["deep one"]] },
      offline: { voice: { do: ["On it!"], dont: ["I will now execute"] }, style_mapping: { casual: "On it! Let me see" }, system_prompt: "not a phrase" },
      categories: { x: { asks: ["not a phrase either"] } },
    };
    expect(packPhraseStrings(pack)).toEqual(["Happy to help with your stay", "on Monday", "deep one", "On it!", "On it! Let me see"]);
    expect(stringsUnder({ avoid: ["x"], ok: "y" })).toEqual(["y"]);
  });

  it("include the prose the pack's data holds where its display declares it, and nothing else of its data", () => {
    const pack = { offline: { display: { items: { prose: "description", title: "name" }, reviews: { title: "name" } } } };
    const tables = new Map([
      ["items", { rows: [{ name: "Tee", description: "You just want to be comfortable." }, { name: "Cap", description: 3 }] }],
      ["reviews", { rows: [{ name: "great", description: "not declared prose" }] }],
    ]);
    expect(packProseStrings(pack, tables)).toEqual(["You just want to be comfortable."]);
    expect(packProseStrings({}, tables)).toEqual([]);
  });

  it("are no leak in the pack's own dialogues when its own data's prose says them, and own nothing elsewhere", () => {
    const grams = ownGrams(new Map([["ops", ["just want to be sure"]], ["retail", ["Great pick!"]]]));
    const finder = new LeakFinder(grams, [], new Map([["retail", ["You just want to be comfortable."]]]));
    expect(finder.find("retail", ["You just want to be comfortable."])).toEqual([]);
    expect(finder.find("dental", ["I just want to be sure"]).map((l) => l.origin)).toEqual(["ops"]);
    expect(finder.find("ops", ["you just want to be comfortable"])).toEqual([]);
  });

  it("expand [a|b] alternatives, capped", () => {
    expect(expandAlternatives("[Great|Good] [pick|choice]!")).toEqual(["Great pick!", "Great choice!", "Good pick!", "Good choice!"]);
    expect(expandAlternatives("[a|b] [c|d] [e|f]", 5)).toHaveLength(5);
    expect(expandAlternatives("[tool call] no alternatives")).toEqual(["[tool call] no alternatives"]);
  });

  it("are cut at slots and placeholders", () => {
    expect(pieces("All set — {summary}. Reference {{ref}} [tool call] done… really")).toEqual(["All set — ", ". Reference ", " done", " really"]);
    // No 4-gram spans a slot: "booked for you at" is whole, "you at {x} the" is not a 4-gram.
    expect([...phraseGrams(["booked for you at {place} the end"])]).toEqual(["booked for you at"]);
  });

  it("belong to one pack only: a 4-gram two packs share, or the neutral defaults hold, is nobody's", () => {
    const grams = ownGrams(
      new Map([
        ["travel", ["You're booked on the train, have a good trip", "let me check that for you"]],
        ["ops", ["let me check that for you", "knowing what state things are in"]],
      ]),
      ["have a good trip"],
    );
    expect(grams.get("you're booked on the")).toEqual({ pack: "travel", phrase: "You're booked on the train, have a good trip" });
    expect(grams.get("knowing what state things")?.pack).toBe("ops");
    expect(grams.has("let me check that")).toBe(false);
    expect(grams.has("have a good trip")).toBe(false);
  });
});

describe("leaks", () => {
  const explainer = "In short: knowing what state things are in";
  const finder = new LeakFinder(ownGrams(new Map([["ops", [explainer]]])), [{ phrase: "you're booked", packs: ["travel"], why: "" }, { phrase: "pro tip", packs: ["retail", "ops"], why: "" }]);

  it("finds another pack's 4-grams and guard phrases as word sequences", () => {
    const leaks = finder.find("travel", ["In short: it comes down to KNOWING what state things are in.", "Pro-tip: check stock"]);
    // One leak for the explainer, although three of its 4-grams are in the text.
    expect(leaks.map((l) => `${l.phrase}|${l.matched}|${l.origin}|${l.source}`)).toEqual([`${explainer}|knowing what state things|ops|4-gram`, "pro tip|pro tip|retail/ops|guard"]);
  });

  it("does not count a pack's own phrases", () => {
    expect(finder.find("ops", ["knowing what state things are in. Pro tip: note it."])).toEqual([]);
    expect(finder.find("travel", ["You're booked — reference X1."])).toEqual([]);
    expect(finder.find("dental", ["You're booked — reference X1."]).map((l) => l.phrase)).toEqual(["you're booked"]);
    // A phrase is a whole-word sequence: "pro tipped" is not "pro tip".
    expect(finder.find("dental", ["the pro tipped us"])).toEqual([]);
  });
});

describe("a pack's declared names", () => {
  const pack = {
    pack: {
      services: [{ name: "dental_care", search_fields: ["new_patients"], booking: { fields: ["day"] }, categories: ["checkup_booking"] }],
      general_categories: ["billing_complaint"],
      categories: { checkup_booking: { label: "a check-up", asks: ["book a check-up with {thing}"] }, billing_complaint: { asks: ["query a charge for {ref}"] } },
      tools: [{ function: { name: "find_dentists", parameters: { properties: { max_fee: {}, area: {} } } } }],
      offline: { nouns: { dental_care: ["dentist"] } },
    },
    tables: new Map([["dentists", { rows: [{ id: "D1", practice_name: "Riverside Dental", speciality: "gum care" }] }]]),
  };

  it("are its tables, fields, services, categories and tool arguments; tool names apart", () => {
    expect(declaredNames(pack).sort()).toEqual(
      ["area", "billing_complaint", "checkup_booking", "day", "dental_care", "dentists", "id", "max_fee", "new_patients", "practice_name", "speciality"].sort(),
    );
    expect(toolNames(pack)).toEqual(["find_dentists"]);
  });

  it("say-able text is its labels, asks, nouns and row values", () => {
    expect(sayableText(pack)).toEqual(["a check-up", "book a check-up with {thing}", "query a charge for {ref}", "dentist", "D1", "Riverside Dental", "gum care"]);
  });
});
