import type { Row } from "../contract.js";
import type { Lang } from "../phrases/describe.js";
import { displayName, nameOf } from "./rows.js";

/**
 * A fetched row's facts as a person would say them ("by Luma, made of hemp and organic
 * cotton, in blue, orange or purple, eco-friendly") rather than a field dump
 * ("brand: Luma; material: Hemp, …"). Hindi and Hinglish keep compact "field value" pairs,
 * as people mix English field names into those chats anyway.
 */
export function factsText(row: Row, skip: readonly string[], n: number, lang: Lang): string {
  const phrases: string[] = [];
  for (const [k, v] of Object.entries(row)) {
    if (phrases.length >= n) break;
    if (skip.includes(k) || v == null || v === "" || v === "?") continue;
    if (typeof v === "object" && !Array.isArray(v)) continue;
    if (Array.isArray(v) && (v.length === 0 || typeof v[0] === "object")) continue;
    const p = lang === "en" ? phrase(k, v) : `${words(k)} ${Array.isArray(v) ? v.slice(0, 4).join("/") : String(v)}`;
    if (p && p.length <= 120) phrases.push(p);
  }
  return lang === "en" ? listAnd(phrases) : phrases.join(", ");
}

/** Two rows side by side: where they differ, then what they share; `skip`: the fields left unsaid (present.ts' unsaidFields). */
export function compareText(a: Row, b: Row, lang: Lang, skip: readonly string[], title?: string): string {
  const same = (k: string) => JSON.stringify(a[k]) === JSON.stringify(b[k]);
  const only = (x: Row, keep: (k: string) => boolean): Row => Object.fromEntries(Object.entries(x).filter(([k]) => keep(k)));
  const na = displayName(nameOf(a, title) ?? "first one");
  const nb = displayName(nameOf(b, title) ?? "second one");
  const da = factsText(only(a, (k) => !same(k)), skip, 3, lang);
  const db = factsText(only(b, (k) => !same(k)), skip, 3, lang);
  const shared = factsText(only(a, same), skip, 2, lang);
  if (lang !== "en") return `${na}: ${da || "—"} | ${nb}: ${db || "—"}${shared ? ` | ${shared}` : ""}`;
  const differ = da || db ? `the ${na} is ${da || "much the same"}, while the ${nb} is ${db || "much the same"}` : `the ${na} and the ${nb} are nearly identical`;
  return `${differ}${shared ? `; both are ${shared}` : ""}.`;
}

function phrase(field: string, v: unknown): string {
  const f = field.toLowerCase();
  const list = Array.isArray(v) ? v.map(String) : undefined;
  const text = list ? listAnd(list.slice(0, 4)) : String(v);
  const low = (s: string) => s.toLowerCase();
  if (typeof v === "boolean") {
    if (f === "in_stock" || f === "available") return v ? "in stock" : "out of stock";
    return v ? words(f).replace(/^eco /, "eco-") : `not ${words(f).replace(/^eco /, "eco-")}`;
  }
  switch (f) {
    case "brand":
      return `by ${text}`;
    case "category":
      return `from the ${low(text)} range`;
    case "department":
      return `in ${low(text)}`;
    case "gender":
      return `for ${low(text)}`;
    case "material":
      return `made of ${low(text)}`;
    case "colors":
    case "color":
      return `in ${low(list ? listOr(list.slice(0, 4)) : text)}`;
    case "sizes":
      return `sizes ${text}`;
    case "climate":
      return `good for ${low(text)} weather`;
    case "collections":
      return `part of the ${text} collection${list && list.length > 1 ? "s" : ""}`;
    case "pattern":
      return `${low(text)} pattern`;
    case "style":
      return `${text} style`;
    case "rating":
      return `rated ${text}★`;
    case "qty":
    case "quantity":
      return `${text} left`;
    case "stars":
      return `${text} stars`;
    case "pricerange":
      return `${text} price range`;
    case "area":
      return `in the ${text}`;
    case "status":
      return `status ${text}`;
    default:
      return `${words(f)} ${list ? text : String(v)}`;
  }
}

function words(field: string): string {
  return field.replace(/_/g, " ");
}

function listAnd(items: string[]): string {
  return items.length <= 1 ? (items[0] ?? "") : `${items.slice(0, -1).join(", ")} and ${items[items.length - 1]}`;
}

function listOr(items: string[]): string {
  return items.length <= 1 ? (items[0] ?? "") : `${items.slice(0, -1).join(", ")} or ${items[items.length - 1]}`;
}
