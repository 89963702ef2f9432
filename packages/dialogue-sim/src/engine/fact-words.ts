import { alonePattern, fillValue, isMany, type FactSaying } from "@chatmill/domains";
import { money } from "../phrases/describe.js";
import { inForm } from "@chatmill/scenario-gen";
import type { FactWording } from "@chatmill/schema";
import { runText } from "./scale-run.js";

/** What a field without wording is called in a fact (see FactSaying). */
export function factFieldWords(field: string, say: FactSaying): string | undefined {
  return say.name ? say.name(field) : words(field.toLowerCase());
}

/**
 * One fact of a row in English, as the pack words the field (`wording.values.<field>.fact`:
 * "by {value}", "made of {value}" in lower case, a list joined with "or"); a field the pack
 * gives no wording is said by what a person calls it and its value ("departure time 15:24"),
 * or by its value alone when the pack gives it no words (FactSaying). The table's declared price
 * is said as money ("$19.99"). (A value that names its field is said alone before this: factsText.)
 */
export function factPhrase(field: string, v: unknown, say: FactSaying = {}): string {
  const values = say.values;
  const fact: FactWording | undefined = values && Object.hasOwn(values, field) ? values[field]?.fact : undefined;
  const list = Array.isArray(v) ? v.map(String) : undefined;
  const currency = typeof v === "number" ? say.money?.(field) : undefined;
  if (currency !== undefined) return fact ? fillValue(fact.say, money(v, currency)) : money(v, currency);
  // A "yes"/"no" text is a yes/no when the pack words both ("taking new patients", "not taking new patients"), not "new patients yes".
  const yn = fact?.no !== undefined ? yesNo(v) : undefined;
  if (yn !== undefined) v = yn;
  if (typeof v === "boolean") {
    if (fact) return v ? fillValue(fact.say, "yes", say.rng) : fillValue(fact.no ?? `not ${fact.say}`, "no", say.rng);
    // A yes/no with no words for its field says nothing.
    const named = factFieldWords(field, say);
    return named === undefined ? "" : v ? named : `not ${named}`;
  }
  if (!fact) {
    const named = factFieldWords(field, say);
    const text = list ? listAnd(list.slice(0, 4)) : String(v);
    return named === undefined ? text : `${named} ${text}`;
  }
  // A scale's steps are said as a run ("XS to XL"), all of them: cut at four, "XS, S, M and L" would hide the XL.
  const text = list ? (fact.list === "range" ? runText(list, list, "en") : (fact.list === "or" ? listOr : listAnd)(list.slice(0, 4))) : String(v);
  return fillValue(fact.many !== undefined && isMany(v) ? fact.many : fact.say, inForm(text, fact.form), say.rng);
}

/** The value alone, when it names its field (the field's `alone` pattern; a list when every item does); else undefined. */
export function saidAlone(field: string, v: unknown, say: FactSaying): string | undefined {
  const alone = alonePattern(say.values, field);
  if (!alone) return undefined;
  if (typeof v === "string") return alone.test(v) ? v : undefined;
  return Array.isArray(v) && v.length > 0 && v.every((x) => typeof x === "string" && alone.test(x)) ? listAnd(v.slice(0, 4) as string[]) : undefined;
}

/** A yes/no written as text ("yes", "no", "true", "false"), as a boolean; undefined for any other value. */
export function yesNo(v: unknown): boolean | undefined {
  if (typeof v !== "string") return undefined;
  const t = v.trim().toLowerCase();
  return t === "yes" || t === "true" ? true : t === "no" || t === "false" ? false : undefined;
}

export function words(field: string): string {
  return field.replace(/_/g, " ");
}

export function listAnd(items: string[]): string {
  return items.length <= 1 ? (items[0] ?? "") : `${items.slice(0, -1).join(", ")} and ${items[items.length - 1]}`;
}

function listOr(items: string[]): string {
  return items.length <= 1 ? (items[0] ?? "") : `${items.slice(0, -1).join(", ")} or ${items[items.length - 1]}`;
}
