import { describe, expect, it } from "vitest";
import { attributesAsked, parametersNamed } from "./source-skeleton.js";

const tools = [{ type: "function", function: { name: "t", parameters: { type: "object", properties: { pricerange: { type: "string" }, zq7: { type: "string" }, hotel_id: { type: "string" } } } } }];

describe("what a source question names", () => {
  it("without a pack: a result field or parameter by its key's words, never an id", () => {
    expect(attributesAsked("what's the phone number?", [{ id: "h1", phone: "0123" }])).toEqual(["phone"]);
    expect(attributesAsked("what is the id?", [{ id: "h1" }])).toEqual([]);
    expect(parametersNamed("which hotel id?", tools)).toEqual([]);
  });

  it("with a pack: by what the pack calls the key, so 'opening hours' names openhours and an unnamed key is never asked about", () => {
    const names: Record<string, string> = { openhours: "opening hours", pricerange: "price range" };
    const called = (k: string) => names[k];
    const rows = [{ openhours: "9-5", zq7: "x" }];
    expect(attributesAsked("what are the opening hours?", rows)).toEqual([]);
    expect(attributesAsked("what are the opening hours?", rows, called)).toEqual(["openhours"]);
    expect(attributesAsked("and the zq7?", rows, called)).toEqual([]);
    expect(parametersNamed("what price range, and zq7?", tools, called)).toEqual(["pricerange"]);
  });
});
