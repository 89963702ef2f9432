import type { Domain } from "@chatmill/domains";
import { budgetIn, packCurrency } from "@chatmill/persona-sample";
import type { Persona } from "@chatmill/schema";

/**
 * The persona as a customer of the pack: it speaks of money in the currency the pack's prices
 * are in. persona-sample draws a pack's personas' budgets in that currency already; a persona
 * made for another pack, read from a corpus or written by hand may carry its own city's
 * ("₹12,000" beside goals "under $60"): its budget is converted with persona-sample's fixed rate
 * table (src/data/cities.ts). A currency the table has no rate for keeps the budget as it is; a
 * pack with no currency (it sells nothing) leaves it alone.
 */
export function asCustomer(persona: Persona, domain: Domain): Persona {
  const currency = packCurrency(domain);
  const budget = persona.budget;
  if (!currency || !budget || budget.currency === currency) return persona;
  const converted = budgetIn(budget, currency);
  return converted ? { ...persona, budget: converted } : persona;
}
