import type { Domain } from "@chatmill/domains";
import { perUsd } from "./data/cities.js";

/**
 * The currency a pack's prices are in: `offline.currency`, else its persona budget's currency
 * (`persona.budget.currency`); undefined for a pack that sells nothing (ops). A persona drawn for
 * a pack is one of its customers and speaks of money in this currency, whatever its city's.
 */
export function packCurrency(domain: Domain): string | undefined {
  return domain.offline.currency ?? domain.persona.budget?.currency;
}

/**
 * An amount in another currency, through the fixed rate table of src/data/cities.ts (units per
 * US dollar, approximate 2025 rates; not a price feed). Undefined when either currency has no rate.
 */
export function convertAmount(amount: number, from: string, to: string): number | undefined {
  if (from === to) return amount;
  const a = perUsd(from);
  const b = perUsd(to);
  return a === undefined || b === undefined ? undefined : (amount / a) * b;
}

/**
 * A budget in another currency (rounded as a person would say it: 4,600 not 4,583), or undefined
 * when the rate table has no rate for one of the two.
 */
export function budgetIn<B extends { min?: number | undefined; max: number; currency: string }>(budget: B, currency: string): B | undefined {
  if (budget.currency === currency) return budget;
  const max = convertAmount(budget.max, budget.currency, currency);
  if (max === undefined) return undefined;
  const min = budget.min === undefined ? undefined : convertAmount(budget.min, budget.currency, currency);
  return { ...budget, max: roundAmount(max), ...(min === undefined ? {} : { min: Math.min(roundAmount(min), roundAmount(max)) }), currency };
}

/** A round amount a person would name: 80, 450, 4,500, 12,000. */
export function roundAmount(x: number): number {
  if (x < 10) return Math.max(1, Math.round(x));
  const step = 10 ** (Math.floor(Math.log10(x)) - 1);
  return Math.round(x / step) * step;
}
