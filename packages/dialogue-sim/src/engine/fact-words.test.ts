import { Wording } from "@chatmill/schema";
import { Rng } from "@chatmill/kit";
import { describe, expect, it } from "vitest";
import { factsText } from "./facts.js";

// How a fact is said is the pack's (wording.values.<field>.fact), never the field's name: a tiny
// pack with opaque names. A booking argument's words (describeArg) are tested in @chatmill/domains.
const values = Wording.parse({
  values: {
    f_maker: { fact: { say: "by {value}" } },
    f_hues: { fact: { say: "in {value}", form: "lower", list: "or" } },
    f_lines: { fact: { say: "part of the {value} collection", many: "part of the {value} collections" } },
    f_stock: { fact: { say: "in stock", no: "out of stock" } },
    f_green: { fact: { say: "eco-friendly" } },
  },
}).values!;

describe("a row's facts, as the pack words its fields", () => {
  it("says each declared fact by its template, form, list joiner and yes/no forms", () => {
    const row = { f_maker: "Luma", f_hues: ["Blue", "Orange", "Red"], f_lines: ["Eco", "Yoga"], f_stock: false, f_green: false };
    expect(factsText(row, [], 5, "en", { values })).toBe("by Luma, in blue, orange or red, part of the Eco and Yoga collections, out of stock and not eco-friendly");
    expect(factsText({ f_lines: ["Eco"], f_stock: true, f_green: true }, [], 5, "en", { values })).toBe("part of the Eco collection, in stock and eco-friendly");
  });

  it("says a yes/no written as text by the pack's yes and no words when it gives a no (en fact, hi/mixed value wording), else as it is", () => {
    const yn = Wording.parse({ values: { f_open: { fact: { say: "taking new patients", no: "not taking new patients" }, en: "taking new patients", hi: "नए मरीज़ लेने वाला", no: { en: "with a full list", hi: "जो नए मरीज़ नहीं ले रहा" } }, f_plain: { fact: { say: "open {value}" } } } }).values!;
    expect(factsText({ f_open: "no" }, [], 5, "en", { values: yn })).toBe("not taking new patients");
    expect(factsText({ f_open: "Yes" }, [], 5, "en", { values: yn })).toBe("taking new patients");
    expect(factsText({ f_open: "no" }, [], 5, "hi", { values: yn })).toBe("जो नए मरीज़ नहीं ले रहा");
    // Without a no form, "yes" is just a value.
    expect(factsText({ f_plain: "yes" }, [], 5, "en", { values: yn })).toBe("open yes");
  });

  it("says a field the pack does not word by its name's words and value, and Hindi as name and value", () => {
    expect(factsText({ star_rating: 4.5, on_sale: true }, [], 5, "en", { values })).toBe("star rating 4.5 and on sale");
    expect(factsText({ f_maker: "Luma" }, [], 5, "hi", { values })).toBe("f maker Luma");
  });
});

describe("a fact the pack words in Hindi or Hinglish (fact.hi, fact.mixed)", () => {
  const local = Wording.parse({
    values: {
      f_maker: { fact: { say: "by {value}", hi: "{value} ब्रांड का", mixed: "[{value} brand ka|{value} ka]" } },
      f_hues: { fact: { say: "in {value}", form: "lower", list: "or", hi: "{value} रंग में", mixed: "{value} colour mein" } },
      f_lines: { fact: { say: "part of the {value} collection", mixed: "{value} collection se" } },
    },
  }).values!;

  it("is said by that wording, with the fact's form and list joiner in the language's own words", () => {
    const row = { f_maker: "Luma", f_hues: ["Blue", "Red"] };
    expect(factsText(row, [], 5, "hi", { values: local })).toBe("Luma ब्रांड का, blue या red रंग में");
    expect(factsText(row, [], 5, "mixed", { values: local })).toBe("Luma brand ka, blue ya red colour mein");
    // The template's noun once, when the value ends with it.
    expect(factsText({ f_lines: ["Eco", "Yoga Collection"] }, [], 5, "mixed", { values: local })).toBe("Eco aur Yoga Collection se");
  });

  it("draws its alternatives with the rng, and a language it lacks says name and value", () => {
    const rng = new Rng("local-fact");
    const said = new Set(Array.from({ length: 30 }, () => factsText({ f_maker: "Luma" }, [], 5, "mixed", { values: local, rng })));
    expect([...said].sort()).toEqual(["Luma brand ka", "Luma ka"]);
    expect(factsText({ f_lines: ["Eco"] }, [], 5, "hi", { values: local })).toBe("f lines Eco");
  });
});

describe("a yes/no fact in Hindi and Hinglish", () => {
  const said = Wording.parse({ values: { f_green: { hi: "इको-फ़्रेंडली", mixed: "eco-friendly", no: { hi: "इको-फ़्रेंडली नहीं" } } } }).values!;
  const name = (f: string) => ({ f_green: "fabric", f_perf: "fabric", f_sale: "discount" })[f];

  it("says the pack's words for the yes and the no in that language, never true or false", () => {
    expect(factsText({ f_green: true }, [], 5, "hi", { values: said, name })).toBe("इको-फ़्रेंडली");
    expect(factsText({ f_green: false }, [], 5, "hi", { values: said, name })).toBe("इको-फ़्रेंडली नहीं");
    expect(factsText({ f_green: true }, [], 5, "mixed", { values: said, name })).toBe("eco-friendly");
  });

  it("without words for the language, says the field's declared name, with नहीं / nahi for a no; unnamed, says nothing", () => {
    expect(factsText({ f_sale: true, f_green: false }, [], 5, "mixed", { values: said, name })).toBe("discount, fabric nahi");
    expect(factsText({ f_sale: false }, [], 5, "hi", { values: said, name })).toBe("discount नहीं");
    expect(factsText({ f_unnamed: true, f_sale: true }, [], 5, "hi", { values: said, name })).toBe("discount");
  });

  it("says a fact two fields share only once", () => {
    expect(factsText({ f_perf: true, f_green2: 1, f_other: true }, [], 5, "hi", { name: (f) => (f === "f_green2" ? undefined : "fabric") })).toBe("fabric, 1");
  });
});

describe("a value that names its field, and the table's price", () => {
  const own = Wording.parse({ values: { f_fit: { alone: "\\bsizes?\\b" }, f_maker: { fact: { say: "by {value}" }, alone: "^(unbranded|generic)$" } } }).values!;
  const name = (f: string) => ({ f_fit: "size", f_maker: "brand", f_cost: "price", f_count: "count" })[f];
  const money = (f: string) => (f === "f_cost" ? "USD" : undefined);

  it("says a value the field's `alone` pattern matches by itself: not 'size one size', not 'by unbranded'", () => {
    expect(factsText({ f_fit: "one size", f_maker: "unbranded" }, [], 5, "en", { values: own, name })).toBe("one size and unbranded");
    expect(factsText({ f_fit: ["one size"] }, [], 5, "hi", { values: own, name })).toBe("one size");
    // Values the pattern does not match keep the field's words or its fact template.
    expect(factsText({ f_fit: "M", f_maker: "Luma" }, [], 5, "en", { values: own, name })).toBe("size M and by Luma");
  });

  it("says the declared price field as money in the dialogue's currency, in every language; another number is not money", () => {
    expect(factsText({ f_cost: 19.99, f_count: 3 }, [], 5, "en", { values: own, name, money })).toBe("$19.99 and count 3");
    expect(factsText({ f_cost: 19.99 }, [], 5, "mixed", { values: own, name, money: () => "INR" })).toBe("₹19.99");
    expect(factsText({ f_cost: 19.99 }, [], 5, "en", { values: own, name })).toBe("price 19.99");
  });
});

describe("a fact wording's alternatives (issue #18's variety)", () => {
  const drawn = Wording.parse({ values: { f_maker: { fact: { say: "[by {value}|from {value}]" } }, f_area: { fact: { say: "[in {value}|based in {value}]" } } } }).values!;
  const row = { f_maker: "Luma", f_area: "an area" };

  it("says each the first way without an rng, the same every time (deterministic callers)", () => {
    for (let i = 0; i < 5; i++) expect(factsText(row, [], 5, "en", { values: drawn })).toBe("by Luma and in an area");
  });

  it("draws among the alternatives with the dialogue's rng, and always says the value", () => {
    const said = new Set<string>();
    for (let seed = 0; seed < 30; seed++) {
      const text = factsText(row, [], 5, "en", { values: drawn, rng: new Rng(String(seed)) });
      expect(text).toMatch(/^(by|from) Luma and (in|based in) an area$/);
      said.add(text);
    }
    expect(said.size).toBe(4);
  });
});
