import { loadDomain } from "@chatmill/domains";
import { describe, expect, it } from "vitest";
import { compareText } from "./facts.js";
import { factSayingFor } from "./present.js";

// A reader saw "both are not in performance fabric and at full price": what both lack is no likeness.
describe("compareText", () => {
  const say = factSayingFor(loadDomain("retail"), "items", "USD");
  it("says what both have in common, never what both lack", () => {
    const a = { name: "Radiant Tee", price: 22, performance_fabric: false, eco_friendly: true };
    const b = { name: "Aero Tee", price: 24, performance_fabric: false, eco_friendly: true };
    const text = compareText(a, b, "en", ["name"], "name", say);
    expect(text).toContain("Radiant Tee is $22, while Aero Tee is $24");
    expect(text).toMatch(/both are eco-friendly/);
    expect(text).not.toMatch(/performance fabric/);
  });
});
