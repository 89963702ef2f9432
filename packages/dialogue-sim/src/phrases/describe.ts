import type { Constraint } from "../contract.js";
import type { Rng } from "@chatmill/kit";
import { article, expand } from "./grammar.js";

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
 * How a person states one constraint, in their language: "under $50", "in red", "size M",
 * "in the north", "with free parking". Field names the engine does not know get a plain
 * "<field>: <value>" that still reads acceptably.
 */
export function describeConstraint(c: Constraint, lang: Lang, rng: Rng, currency = "USD"): string {
  const field = c.field.toLowerCase();
  const v = valueText(c.value);
  const yes = v === "yes" || v === "true";
  if (PRICE.test(field) && typeof c.value === "number") {
    const m = money(c.value, currency);
    const below = c.op === "lte" || c.op === "lt";
    if (lang === "hi") return below ? `${m} से कम` : `${m} से ज़्यादा`;
    if (lang === "mixed") return below ? expand(`[${m} ke andar|${m} se kam|max ${m}]`, rng) : `${m} se upar`;
    return below ? expand(`[under|below|no more than|at most|less than] ${m}`, rng) : `over ${m}`;
  }
  // The article goes by the value's sound ("an orange", "a one-way"), never a fixed "a".
  const a = article(v);
  // A value that already says "size" ("one size") is not said as "size one size".
  const sized = /\bsizes?\b/i.test(v);
  const en: Record<string, string> = {
    color: `[in|in ${a}] ${v}`,
    colors: `[in|in a nice] ${v}`,
    size: sized ? `[in|] ${v}` : `[in size|size|in ${a}] ${v}`,
    sizes: sized ? `[in|] ${v}` : `[in size|size] ${v}`,
    brand: `[from|by] ${v}`,
    material: `[made of|in] ${v}`,
    pattern: `[with ${a}|in ${a}] ${v} [pattern|look]`,
    gender: `for ${v}`,
    category: `[from the|in] ${v} [section|range|]`,
    area: `in the ${v}[ of town| part of town|]`,
    pricerange: `[${v}-priced|in the ${v} price range|at ${a} ${v} price]`,
    food: `[serving|that does|with] ${v} food`,
    stars: `[with|rated] ${v} stars`,
    type: `[${a}|some kind of] ${v}`,
    parking: yes ? "[with parking|with free parking|where I can park]" : "without parking",
    internet: yes ? "[with wifi|with internet|with free wifi]" : "without internet",
    departure: `[from|leaving from] ${v}`,
    destination: `[to|going to|heading to] ${v}`,
    day: `on ${v}`,
    leaveat: `[leaving after|departing after] ${v}`,
    arriveby: `[arriving by|getting in before] ${v}`,
    department: `[in the|for the] ${v} department`,
    // Post-modifiers, like the rest: they follow "anything", "a server" or "nothing matches".
    role: `[in the ${v} role|with the ${v} role|from the ${v} group]`,
    env: `in ${v}`,
    status: `[with status ${v}|showing ${v}|marked ${v}]`,
    hostname: `${v}`,
    style: `[in ${a}|with ${a}|with that] ${v} [style|look|fit]`,
    name: `[called|named] ${v}`,
    climate: `for ${v.toLowerCase()} weather`,
    collections: `from the ${v} collection`,
    eco_friendly: yes ? "[eco-friendly|sustainable]" : "",
    on_sale: yes ? "[on sale|discounted]" : "",
    new_arrival: yes ? "[new in|a new arrival]" : "",
  };
  const hi: Record<string, string> = {
    color: `${v} रंग में`,
    colors: `${v} रंग में`,
    size: sized ? `${v} में` : `साइज़ ${v} में`,
    sizes: sized ? `${v} में` : `साइज़ ${v} में`,
    brand: `${v} ब्रांड का`,
    area: `${v} इलाके में`,
    pricerange: `${v} बजट वाला`,
    food: `${v} खाने वाला`,
    stars: `${v} स्टार वाला`,
    parking: yes ? "पार्किंग के साथ" : "बिना पार्किंग",
    internet: yes ? "वाई-फ़ाई के साथ" : "बिना इंटरनेट",
    departure: `${v} से`,
    destination: `${v} तक`,
    day: `${v} को`,
    leaveat: `${v} के बाद`,
    arriveby: `${v} तक पहुँचने वाली`,
    category: `${v} में`,
    type: `${v}`,
    hostname: `${v}`,
    name: `${v} नाम का`,
    style: `${v} स्टाइल में`,
    gender: `${v} के लिए`,
  };
  const mixed: Record<string, string> = {
    color: `[${v} colour mein|${v} wala]`,
    colors: `${v} colour mein`,
    size: sized ? `${v} [mein|wala]` : `[size ${v} mein|${v} size]`,
    sizes: sized ? `${v} mein` : `size ${v} mein`,
    brand: `${v} brand ka`,
    area: `${v} side [mein|wala]`,
    pricerange: `${v} budget [wala|mein]`,
    food: `${v} food [wala|serve karne wala]`,
    stars: `${v} star wala`,
    parking: yes ? "parking [ke saath|wala]" : "bina parking",
    internet: yes ? "wifi [ke saath|wala]" : "bina wifi",
    departure: `${v} se`,
    destination: `${v} tak`,
    day: `${v} ko`,
    leaveat: `${v} ke baad`,
    arriveby: `${v} tak pahunch jaye`,
    category: `${v} mein`,
    type: `${v}`,
    hostname: `${v}`,
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
