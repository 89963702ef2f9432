import { fillValue, inForm, isMany } from "@chatmill/scenario-gen";
import type { FactWording, Wording } from "@chatmill/schema";

/** The pack's declared wording of each field (`wording.values`), as facts.ts reads it. */
export type ValueWordings = NonNullable<Wording["values"]>;

/**
 * One fact of a row in English, as the pack words the field (`wording.values.<field>.fact`:
 * "by {value}", "made of {value}" in lower case, a list joined with "or"); a field the pack
 * says nothing of is said by its name's words and its value ("rating 4.5", "on sale"), as
 * people mix a field's name into a summary anyway.
 */
export function factPhrase(field: string, v: unknown, values: ValueWordings | undefined): string {
  const fact: FactWording | undefined = values && Object.hasOwn(values, field) ? values[field]?.fact : undefined;
  const list = Array.isArray(v) ? v.map(String) : undefined;
  if (typeof v === "boolean") {
    if (fact) return v ? fillValue(fact.say, "yes") : fillValue(fact.no ?? `not ${fact.say}`, "no");
    return v ? words(field.toLowerCase()) : `not ${words(field.toLowerCase())}`;
  }
  if (!fact) return `${words(field.toLowerCase())} ${list ? listAnd(list.slice(0, 4)) : String(v)}`;
  const text = list ? (fact.list === "or" ? listOr : listAnd)(list.slice(0, 4)) : String(v);
  return fillValue(fact.many !== undefined && isMany(v) ? fact.many : fact.say, inForm(text, fact.form));
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
