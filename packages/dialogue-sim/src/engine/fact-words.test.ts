import { Wording } from "@chatmill/schema";
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

  it("says a field the pack does not word by its name's words and value, and Hindi as name and value", () => {
    expect(factsText({ star_rating: 4.5, on_sale: true }, [], 5, "en", { values })).toBe("star rating 4.5 and on sale");
    expect(factsText({ f_maker: "Luma" }, [], 5, "hi", { values })).toBe("f maker Luma");
  });
});
