import { loadDomain } from "@chatmill/domains";
import { Rng } from "@chatmill/kit";
import { makePersona } from "@chatmill/persona-sample";
import { tinyDomain } from "@chatmill/persona-sample/testing";
import type { Persona } from "@chatmill/schema";
import { describe, expect, it } from "vitest";
import { asCustomer } from "./customer.js";
import { ScenarioMaker } from "./scenario.js";

describe("a persona as the pack's customer", () => {
  it("speaks of money in the pack's currency: a budget in another is converted by the rate table", () => {
    const retail = loadDomain("retail");
    const fromDelhi = { ...makePersona(0, new Rng("p0"), { seed: 1, domain: tinyDomain() }), budget: { min: 3900, max: 12000, currency: "INR" } } as Persona;
    expect(asCustomer(fromDelhi, retail).budget).toEqual({ min: 46, max: 140, currency: "USD" });
    // A pack that sells nothing, or a currency with no rate, leaves the budget as it is.
    expect(asCustomer(fromDelhi, loadDomain("ops")).budget).toEqual(fromDelhi.budget);
    const rupees = { ...fromDelhi, budget: { max: 500, currency: "XYZ" } } as Persona;
    expect(asCustomer(rupees, retail).budget).toEqual(rupees.budget);
  });

  it("writes its scenarios' budgets, narratives and goals in the pack's currency", () => {
    const retail = loadDomain("retail");
    const maker = new ScenarioMaker({ seed: 3, domain: retail });
    let said = 0;
    for (let i = 0; i < 150; i++) {
      // Personas of another pack, whose budgets are in their cities' currencies.
      const p = makePersona(i, new Rng(`c${i}`), { seed: 3 });
      const s = maker.make(p, new Rng(`3\u0000${p.id}`));
      if (p.budget && p.budget.currency !== "USD" && ["INR", "EUR", "GBP", "JPY"].includes(p.budget.currency)) expect(s.persona.budget?.currency, p.budget.currency).toBe("USD");
      expect(`${s.narrative} ${s.goal.text}`).not.toMatch(/[₹€£¥]|\b(INR|EUR|GBP|JPY)\b/);
      if (/\$\d/.test(s.narrative ?? "")) said++;
    }
    expect(said).toBeGreaterThan(0);
  });
});
