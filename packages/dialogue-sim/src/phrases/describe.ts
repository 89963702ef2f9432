import type { Constraint } from "../contract.js";
import type { Rng } from "@chatmill/kit";
import { expand } from "./grammar.js";

export type Lang = "en" | "hi" | "mixed";

export function langOf(language: string | undefined): Lang {
  const l = (language ?? "en").toLowerCase();
  if (l === "hi" || l.startsWith("hi-") || l === "hindi") return "hi";
  if (l === "mixed" || l === "hinglish" || l === "hi-latn" || l === "hi_en") return "mixed";
  return "en";
}

const SYMBOL: Record<string, string> = { USD: "$", EUR: "€", GBP: "£", INR: "₹", JPY: "¥" };
export function money(v: unknown, currency = "USD"): string {
  const sym = SYMBOL[currency] ?? (currency.length <= 2 || /[^A-Za-z]/.test(currency) ? currency : undefined);
  return sym ? `${sym}${v}` : `${v} ${currency}`;
}

const PRICE = /price|fare|cost|fee|budget/i;

function valueText(v: unknown): string {
  if (Array.isArray(v)) return v.map(String).join("/");
  if (typeof v === "boolean") return v ? "yes" : "no";
  return String(v);
}

/**
 * How a person states one constraint, in their language: "under $50", "in red", "by Acme".
 * Prices and a few generic attributes (colour, brand, material, name, type, category, day)
 * are built in; how a pack's own fields are said ("size M", "in the north", "with free
 * parking") is its `wording.values` (`said` reads them: a template with {value}, its `no`
 * form for a yes/no field whose value is no). Other
 * fields get a plain "with <field> <value>" that still reads acceptably.
 */
export function describeConstraint(c: Constraint, lang: Lang, rng: Rng, currency = "USD", said?: (field: string, no: boolean) => string | undefined): string {
  const field = c.field.toLowerCase();
  const v = valueText(c.value);
  const no = v === "no" || v === "false";
  const own = said?.(c.field, no) ?? said?.(field, no);
  if (own !== undefined) return expand(own, rng, { value: v });
  if (PRICE.test(field) && typeof c.value === "number") {
    const m = money(c.value, currency);
    const below = c.op === "lte" || c.op === "lt";
    if (lang === "hi") return below ? `${m} से कम` : `${m} से ज़्यादा`;
    if (lang === "mixed") return below ? expand(`[${m} ke andar|${m} se kam|max ${m}]`, rng) : `${m} se upar`;
    return below ? expand(`[under|below|no more than|at most|less than] ${m}`, rng) : `over ${m}`;
  }
  const en: Record<string, string> = {
    color: `[in|in a] ${v}`,
    colors: `[in|in a nice] ${v}`,
    brand: `[from|by] ${v}`,
    material: `[made of|in] ${v}`,
    pattern: `[with a|in a] ${v} [pattern|look]`,
    gender: `for ${v}`,
    category: `[from the|in] ${v} [section|range|]`,
    type: `[a|some kind of] ${v}`,
    day: `on ${v}`,
    status: `[with status ${v}|showing ${v}|marked ${v}]`,
    style: `[in a|with a|with that] ${v} [style|look|fit]`,
    name: `[called|named] ${v}`,
  };
  const hi: Record<string, string> = {
    color: `${v} रंग में`,
    colors: `${v} रंग में`,
    brand: `${v} ब्रांड का`,
    day: `${v} को`,
    category: `${v} में`,
    type: `${v}`,
    name: `${v} नाम का`,
    style: `${v} स्टाइल में`,
    gender: `${v} के लिए`,
  };
  const mixed: Record<string, string> = {
    color: `[${v} colour mein|${v} wala]`,
    colors: `${v} colour mein`,
    brand: `${v} brand ka`,
    day: `${v} ko`,
    category: `${v} mein`,
    type: `${v}`,
    name: `[${v} naam ka|${v} wala]`,
    style: `${v} style mein`,
    gender: `${v} ke liye`,
  };
  const bank = lang === "hi" ? hi : lang === "mixed" ? mixed : en;
  const t = bank[field];
  if (t !== undefined && t !== "") return expand(t, rng);
  if (lang === "hi") return `${c.field} ${v}`;
  if (lang === "mixed") return `${c.field} ${v} wala`;
  return c.op === "contains" ? `with ${v}` : expand(`[with|where] ${c.field.replace(/_/g, " ")} [is |]${v}`, rng);
}
