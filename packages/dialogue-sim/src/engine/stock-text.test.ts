import { loadDomain } from "@chatmill/domains";
import type { DisplayParts } from "@chatmill/schema";
import { describe, expect, it } from "vitest";
import { dropCounts } from "./offline/realize-results.js";
import { stockText } from "./stock-text.js";

// The retail pack's declared stock parts (offline.display.variants): label color, size, quantity qty.
const retail = loadDomain("retail").offline.display!.variants!.parts;
// And how it says them: its colour's fact wording is in lower case (form lower), as the offline voice passes it.
const lower = { values: loadDomain("retail").wording?.values };

describe("stockText", () => {
  it("says a size that names itself once, as the size field's alone pattern says: 'one size', not 'size one size'", () => {
    const say = { values: loadDomain("retail").wording?.values };
    expect(stockText([{ color: "Brown", size: "one size", qty: 32 }], "en", retail, [], say)).toBe("brown (32 left, one size)");
    expect(stockText([{ color: "Blue", size: "M", qty: 2 }], "en", retail, [], say)).toBe("blue (2 left, size M)");
    // Without the pack's pattern no value is taken for one that names itself.
    expect(stockText([{ color: "Brown", size: "one size", qty: 32 }], "en", retail)).toBe("Brown (32 left, size one size)");
  });

  it("sums the options by label, leaves out what is sold out, and calls an unlabelled option what the pack says", () => {
    const rows = [{ color: "Blue", size: "L", qty: 3 }, { color: "Blue", size: "M", qty: 2 }, { color: "Red", size: "L", qty: 0 }, { color: null, size: "S", qty: 1 }];
    expect(stockText(rows, "en", retail, [], lower)).toBe("blue (5 left, sizes L and M) and standard (1 left, size S)");
    expect(stockText(rows, "hi", retail)).toBe("Blue (5 बचे, L/M), standard (1 बचे, S)");
  });

  it("says the sizes once when every label comes in the same ones", () => {
    const rows = [{ color: "Blue", size: "L", qty: 3 }, { color: "Blue", size: "M", qty: 2 }, { color: "Red", size: "M", qty: 1 }, { color: "Red", size: "L", qty: 4 }];
    expect(stockText(rows, "en", retail, [], lower)).toBe("blue (5 left) and red (5 left) — all in sizes L and M");
    expect(stockText(rows, "hi", retail)).toBe("Blue (5 बचे), Red (5 बचे) — सब में L/M");
    // Different sizes are said with each label.
    expect(stockText(rows.slice(0, 3), "en", retail, [], lower)).toBe("blue (5 left, sizes L and M) and red (1 left, size M)");
  });

  it("says labels that come in the same sizes together, in English, with 'each' when as many are left", () => {
    const rows = [{ color: "Gray", size: "S", qty: 3 }, { color: "Red", size: "S", qty: 4 }, { color: "White", size: "M", qty: 2 }, { color: "Blue", size: "S", qty: 3 }];
    expect(stockText(rows, "en", retail, [], lower)).toBe("gray, red and blue (3, 4 and 3 left, size S) and white (2 left, size M)");
    expect(stockText([rows[0]!, { ...rows[1]!, qty: 3 }, rows[2]!], "en", retail, [], lower)).toBe("gray and red (3 left each, size S) and white (2 left, size M)");
    // Said without the counts, a group keeps its sizes.
    expect(dropCounts("gray and red (3 left each, size S) and white (2 left, size M)")).toBe("gray and red (size S) and white (size M)");
    expect(dropCounts("gray, red and blue (3, 4 and 3 left, size S)")).toBe("gray, red and blue (size S)");
    // Hindi and Hinglish keep a label each.
    expect(stockText(rows, "hi", retail)).toBe("Gray (3 बचे, S), Red (4 बचे, S), White (2 बचे, M), Blue (3 बचे, S)");
  });

  it("reads a pack's own fields: a flavour label and a yes/no in-stock flag, no quantity", () => {
    const parts: DisplayParts = { label: "flavour", unlabelled: "plain", available: "on_shelf" };
    const rows = [{ flavour: "Mango", on_shelf: true }, { flavour: "Mango", on_shelf: true }, { flavour: "Lime", on_shelf: false }, { on_shelf: true }];
    // A label is said as the data writes it unless the pack's wording for its field says lower case (a branch is "Central Library").
    expect(stockText(rows, "en", parts)).toBe("Mango (2 left) and plain (1 left)");
    expect(stockText(rows, "en", parts, [], { values: { flavour: { fact: { say: "{value}", form: "lower" } } } as never })).toBe("mango (2 left) and plain (1 left)");
    // Fields named as retail's mean nothing here: neither `color` nor `qty` is read.
    expect(stockText([{ color: "Blue", qty: 0, flavour: "Kiwi" }], "en", parts)).toBe("Kiwi (1 left)");
  });

  it("says the options by their facts when their table declares no stock parts", () => {
    // Each fact in the pack's words (retail's wording.values), else its field's words and value.
    expect(stockText([{ sku: "A-1", color: "Blue", qty: 3 }], "en", undefined, ["sku"], { values: loadDomain("retail").wording?.values })).toBe("in blue and 3 left");
    expect(stockText([{ sku: "A-1", color: "Blue", qty: 3 }], "en", undefined, ["sku"])).toBe("color Blue and qty 3");
  });
});
