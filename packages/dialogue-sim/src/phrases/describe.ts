import type { Lang } from "@chatmill/domains";
import type { Constraint } from "../contract.js";
import type { Rng } from "@chatmill/kit";
import { article, expand, THING_GENDER_SLOT } from "./grammar.js";

/** The dialogue's language, as the pack's wording is written in (@chatmill/domains). */
export type { Lang };

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

function valueText(v: unknown): string {
  if (Array.isArray(v)) return v.map(String).join("/");
  if (typeof v === "boolean") return v ? "yes" : "no";
  return String(v);
}

/** What describeConstraint knows of the pack: its currency, how it says its fields, which fields hold money. */
export interface ConstraintWords {
  /** The currency amounts are said in (a code, "GBP", or a symbol, "£"). */
  currency: string;
  /** The pack's own phrasing of a constraint on `field` (`wording.values`: a template with {value}; `no`: its "no" form). */
  said?: ((field: string, no: boolean) => string | undefined) | undefined;
  /** Whether the constraint's field holds an amount of money, as the pack declares it (its table's `display.price`); never read from the field's name. */
  isMoney?: ((c: Constraint) => boolean) | undefined;
  /**
   * A field's name as a person says it, when the pack's own text says it (@chatmill/domains'
   * sayableName), else undefined: the name is a key and is not said. Without this function the
   * name's words are used as they are.
   */
  fieldWords?: ((field: string) => string | undefined) | undefined;
  /** The pack's pattern of values that name the field itself and are said alone (`wording.values.<field>.alone`: "one size"). */
  alone?: ((field: string) => RegExp | undefined) | undefined;
  /** The grammatical gender of the thing the constraint is said of, for a wording's {tm:…|tf:…} ("cheap बजट वाली जगह"); masculine when unset. */
  thingGender?: "m" | "f" | undefined;
}

/**
 * How a person states one constraint, in their language: "under $50", "in red", "by Acme".
 * An amount on a field the pack declares as money is said with the currency ("under £60",
 * whatever the field is called); how a pack's fields are said ("size M", "in the north", "by
 * Acme", "with free parking") is its `wording.values` (`words.said`), never the field's name.
 * Other fields get a plain "with <field> <value>" that still reads acceptably.
 */
export function describeConstraint(c: Constraint, lang: Lang, rng: Rng, words: ConstraintWords = { currency: "USD" }): string {
  const { currency, said } = words;
  const field = c.field.toLowerCase();
  const v = valueText(c.value);
  const no = v === "no" || v === "false";
  const own = said?.(c.field, no) ?? said?.(field, no);
  if (own !== undefined) {
    // A value that already names its field ("one size" for size, as the pack's `alone` says) is said as it is, not "size one size".
    if ((words.alone?.(c.field) ?? words.alone?.(field))?.test(v)) return v;
    // The pack writes "in a {value}"; the article goes by the value's sound ("in an XL").
    return expand(own, rng, { value: v, [THING_GENDER_SLOT]: words.thingGender }).replace(new RegExp(`\\ba (?=${escapeRe(v)}\\b)`, "g"), `${article(v)} `);
  }
  if (typeof c.value === "number" && words.isMoney?.(c)) {
    const m = money(c.value, currency);
    const below = c.op === "lte" || c.op === "lt";
    if (lang === "hi") return expand(below ? `[${m} से कम|${m} के अंदर|ज़्यादा से ज़्यादा ${m}]` : `[${m} से ज़्यादा|${m} से ऊपर]`, rng);
    if (lang === "mixed") return below ? expand(`[${m} ke andar|${m} se kam|max ${m}|${m} tak]`, rng) : expand(`[${m} se upar|${m} se zyada]`, rng);
    return below ? expand(`[under|below|no more than|at most|less than|within|up to|for less than|priced under|costing at most|max|on a budget of] ${m}`, rng) : expand(`[over|above|more than|upwards of|from] ${m}`, rng);
  }
  // A field's name is said only as the pack's people say it ("new patients"), never as a key
  // ("accepts_new_patients" or "accepts new patients" when the pack never says that): without
  // words, the value alone — and a yes or no alone says nothing, so it is left unsaid (a pack
  // gives such a field its phrasing in wording.values).
  const name = words.fieldWords ? words.fieldWords(c.field) : c.field.replace(/_/g, " ");
  if (name === undefined) {
    if (no || v === "yes" || v === "true") return "";
    return lang === "hi" ? v : lang === "mixed" ? `${v} wala` : `with ${v}`;
  }
  if (lang === "hi") return `${name} ${v}`;
  if (lang === "mixed") return `${name} ${v} wala`;
  return c.op === "contains" ? `with ${v}` : expand(`[with|where] ${name} [is |]${v}`, rng);
}

const escapeRe = (s: string): string => s.replace(/[.*+?^${}()|[\]\\]/g, "\\$&");
