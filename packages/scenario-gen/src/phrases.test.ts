import { Rng } from "@chatmill/kit";
import { Wording, type BookingValue } from "@chatmill/schema";
import { describe, expect, it } from "vitest";
import { describeBooking, describeThing, type FieldSaying } from "./phrases.js";

// How a field is said in the goal is what the pack declares (wording.values.<field>.goal), never
// what the field is called: a tiny pack with opaque field names declares each option.
const values = Wording.parse({
  values: {
    f_where: { goal: { say: "in the {value}", words: { center: "centre" } } },
    f_grade: { goal: { say: "{value}-star", place: "before" } },
    f_kind: { goal: { place: "noun", words: { swimmingpool: "swimming pool" } } },
    f_range: { goal: { place: "before", words: { moderate: "moderately priced" } } },
    f_cuisine: { goal: { place: "before", form: "title" } },
    f_group: { goal: { place: "noun", form: "item_noun" } },
    f_maker: { goal: { say: "from {value}", cases: [{ match: "^(unbranded|generic)$", say: "unbranded", place: "before" }] } },
    f_fit: { goal: { say: "in size {value}", cases: [{ match: "one size", say: "in one size" }] } },
    f_look: { goal: { say: "in a {value} style", form: "lower" } },
    f_role: { goal: { place: "before", form: "upper_if_short" } },
    f_seat: { goal: { say: "in {value}", form: "spaced" } },
    f_title: { goal: { place: "noun", form: "name" } },
    f_wifi: { goal: { say: "with free wifi", no: "without wifi" } },
    f_green: { goal: { say: "eco-friendly", place: "before" } },
    f_nights: { goal: { say: "for {value} night", many: "for {value} nights" } },
    f_leave: { goal: { say: "leaving at {value}" } },
    f_plain: { en: "[with|having] {value} inside" },
  },
}).values!;
const say: FieldSaying = {
  phrase: (field, value) => (field === "f_plain" ? `with ${value} inside` : undefined),
  words: () => undefined,
  spec: (field) => values[field],
};
const thing = (cs: Array<[string, unknown]>, extra: Partial<Parameters<typeof describeThing>[3]> = {}) =>
  describeThing("svc", cs.map(([field, value]) => ({ field, op: "eq" as const, value: value as string })), Rng.for(0, "t"), { currency: "USD", tableNouns: ["place"], say, ...extra });

describe("the goal says a field as the pack's wording declares", () => {
  it("puts each phrase before the noun, after it, or as the noun, with the value's words and form", () => {
    expect(thing([["f_grade", "4"], ["f_kind", "swimmingpool"], ["f_where", "center"]])).toBe("a 4-star swimming pool in the centre");
    expect(thing([["f_range", "moderate"], ["f_cuisine", "italian"]])).toBe("a moderately priced Italian place");
    expect(thing([["f_group", "bras & tanks"], ["f_role", "ml"]])).toBe("an ML bra or tank");
    expect(thing([["f_role", "database"]])).toBe("a database place");
    expect(thing([["f_seat", "basic_economy"]])).toBe("a place in basic economy");
  });

  it("says a value that meets a case its own way, in its own place", () => {
    expect(thing([["f_maker", "Luma"]])).toBe("a place from Luma");
    expect(thing([["f_maker", "unbranded"]])).toBe("an unbranded place");
    expect(thing([["f_fit", "M"]])).toBe("a place in size M");
    expect(thing([["f_fit", "One Size"]])).toBe("a place in one size");
  });

  it("gives the article by the value's sound, and names a row by its name as a noun", () => {
    expect(thing([["f_look", "Athletic"]])).toBe("a place in an athletic style");
    expect(thing([["f_title", "museum of archaeology"]], { named: true })).toBe("Museum of Archaeology");
    // A row's name with a digit is no code when the pack says its field is the noun.
    expect(thing([["f_title", "cafe1"]], { nameField: "f_title", named: true })).toBe("cafe1");
    expect(thing([["f_code", "TR8704"]], { nameField: "f_code", definite: true })).toBe("the place TR8704");
  });

  it("says a yes/no field by its declared yes and no, and leaves a no it does not word to the generic words", () => {
    expect(thing([["f_wifi", "yes"]])).toBe("a place with free wifi");
    expect(thing([["f_wifi", false]])).toBe("a place without wifi");
    expect(thing([["f_green", true]])).toBe("an eco-friendly place");
    expect(thing([["f_green", false]])).toBe("a place");
  });

  it("says a field without goal wording by the pack's phrasing, else by its value", () => {
    expect(thing([["f_plain", "nuts"]])).toBe("a place with nuts inside");
    expect(thing([["f_other", "nuts"]])).toBe("a place with nuts");
  });
});

describe("booking details are said by the pack's wording, else by what the value is", () => {
  const kinds: Record<string, BookingValue> = { f_who: { kind: "party" }, f_when: { kind: "weekday" }, f_at: { kind: "time", hours: [9, 17] }, f_from: { kind: "place", end: "from" }, f_guest: { kind: "guest_name" }, f_leave: { kind: "time", hours: [6, 22] } };
  it("words each kind, and a declared field by its goal wording", () => {
    expect(describeBooking({ f_who: 1, f_when: "friday", f_at: "19:30" }, say, kinds)).toBe("for 1 person on Friday at 19:30");
    expect(describeBooking({ f_who: 4, f_from: "pizza hut", f_guest: "Ann Lee", f_leave: "06:15" }, say, kinds)).toBe("for 4 people from Pizza Hut leaving at 06:15");
    expect(describeBooking({ f_nights: 1 }, say, kinds)).toBe("for 1 night");
    expect(describeBooking({ f_nights: 3 }, say, kinds)).toBe("for 3 nights");
    // Neither worded nor of a declared kind: its value alone, never its key.
    expect(describeBooking({ f_odd: "x" }, say, kinds)).toBe("with x");
  });
});
