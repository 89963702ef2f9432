import { loadDomain } from "@chatmill/domains";
import { describe, expect, it } from "vitest";
import { factPhrase } from "./fact-words.js";
import { factsText } from "./facts.js";
import { isScale, runText, scaleOf } from "./scale-run.js";
import { stockText } from "./stock-text.js";

const LADDER = ["XS", "S", "M", "L", "XL"];
const say = { values: { sizes: { fact: { say: "in size {value}", many: "in sizes {value}", list: "range" as const } } } };

describe("runText", () => {
  it("says three or more neighbouring steps as a run, in the scale's order, in each language", () => {
    expect(runText(["L", "M", "S", "XL", "XS"], LADDER, "en")).toBe("XS to XL");
    expect(runText(["L", "S", "XL"], LADDER, "en")).toBe("S, L and XL");
    expect(runText(["L", "M", "S", "XL"], LADDER, "hi", "/")).toBe("S से XL");
    expect(runText(["XS", "S", "L", "XL"], LADDER, "mixed", "/")).toBe("XS/S/L/XL");
    expect(runText(["M", "XS"], LADDER, "en")).toBe("XS and M");
  });

  it("runs numbers only one apart (no '32 to 36' over a missing 35), and keeps steps the scale lacks at the end", () => {
    expect(runText(["32", "33", "34", "36"], ["32", "33", "34", "36"], "en")).toBe("32 to 34 and 36");
    expect(runText(["M", "one size"], LADDER, "en")).toBe("M and one size");
  });
});

describe("a field said as a scale (wording.values.<field>.fact.list range)", () => {
  it("is read from the pack's wording, not from the field's name", () => {
    expect(isScale("sizes", say)).toBe(true);
    expect(isScale("sizes", { values: { sizes: { fact: { say: "in size {value}" } } } })).toBe(false);
    expect(scaleOf({ colors: ["Black", "Blue"], sizes: LADDER }, ["M", "L"], say)).toEqual(LADDER);
    expect(scaleOf({ sizes: ["S", "M"] }, ["XL"], say)).toBeUndefined();
  });

  it("says a row's whole scale as a run, where a plain list stopped at four and hid the XL", () => {
    expect(factPhrase("sizes", LADDER, say)).toBe("in sizes XS to XL");
    expect(factPhrase("sizes", LADDER, { values: { sizes: { fact: { say: "in size {value}", many: "in sizes {value}" } } } })).toBe("in sizes XS, S, M and L");
    expect(factsText({ sizes: LADDER }, [], 1, "mixed", say)).toBe("sizes XS se XL");
  });

  it("gives stock the item's size order and runs, in the retail pack as shipped", () => {
    const retail = loadDomain("retail");
    const parts = retail.offline.display!.variants!.parts;
    const values = { values: retail.wording?.values };
    const rows = ["L", "M", "S", "XL", "XS"].map((size) => ({ color: "Gray", size, qty: 2 }));
    const item = { id: "MT07", sizes: LADDER };
    expect(stockText(rows, "en", parts, [], values, item)).toBe("gray (10 left, sizes XS to XL)");
    expect(stockText(rows.slice(0, 3), "hi", parts, [], values, item)).toBe("Gray (6 बचे, S से L)");
    // Without the item the sizes stay as the tool listed them.
    expect(stockText(rows, "en", parts, [], values)).toBe("gray (10 left, sizes L, M, S, XL and XS)");
  });
});
