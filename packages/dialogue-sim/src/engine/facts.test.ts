import { describe, expect, it } from "vitest";
import { stockText } from "./facts.js";

describe("stockText", () => {
  it("says a size that names itself once: 'one size', not 'size one size'", () => {
    expect(stockText([{ color: "Brown", size: "one size", qty: 32 }], "en")).toBe("brown (32 left, one size)");
    expect(stockText([{ color: "Blue", size: "M", qty: 2 }], "en")).toBe("blue (2 left, size M)");
  });
});
