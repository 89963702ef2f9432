import { loadDomain } from "@chatmill/domains";
import { describe, expect, it } from "vitest";
import { factsText } from "./facts.js";
import { factSayingFor } from "./present.js";

describe("factSayingFor: a table's declared price is said as money", () => {
  const retail = loadDomain("retail");

  it("gives the dialogue's currency for the table's display.price field only", () => {
    const say = factSayingFor(retail, "items", "EUR");
    expect(say.money?.("price")).toBe("EUR");
    expect(say.money?.("rating")).toBeUndefined();
    expect(factsText({ price: 52, rating: 4.5 }, [], 5, "en", say)).toBe("€52 and rated 4.5★");
  });

  it("a table that declares no price (reviews) says no field as money", () => {
    expect(factSayingFor(retail, "reviews", "EUR").money).toBeUndefined();
    expect(factSayingFor(retail, undefined, "EUR").money).toBeUndefined();
  });
});
