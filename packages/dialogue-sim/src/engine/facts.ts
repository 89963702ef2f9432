import type { Row } from "../contract.js";
import type { Lang } from "../phrases/describe.js";
import { displayName, nameOf } from "./rows.js";
import { fillValue, firstWay, type FactSaying } from "@chatmill/domains";
import { inForm } from "@chatmill/scenario-gen";
import { AND, listJoin, OR } from "../phrases/grammar.js";
import { factFieldWords, factPhrase, listAnd, saidAlone, yesNo } from "./fact-words.js";
import { money } from "../phrases/describe.js";
import { runText } from "./scale-run.js";

/**
 * A fetched row's facts as a person would say them ("by Luma, made of hemp and organic
 * cotton, in blue, orange or purple, eco-friendly") rather than a field dump
 * ("brand: Luma; material: Hemp, …"), as the pack words each field (`values`: its
 * wording.values, fact-words.ts). Hindi and Hinglish say a fact the pack words in that language
 * (`fact.hi`, `fact.mixed`: "Luma brand ka") that way, and any other as a compact "field value"
 * pair, as people mix English field names into those chats anyway.
 */
export function factsText(row: Row, skip: readonly string[], n: number, lang: Lang, say: FactSaying = {}): string {
  const phrases: string[] = [];
  for (const [k, v] of Object.entries(row)) {
    if (phrases.length >= n) break;
    if (skip.includes(k) || v == null || v === "" || v === "?") continue;
    if (typeof v === "object" && !Array.isArray(v)) continue;
    if (Array.isArray(v) && (v.length === 0 || typeof v[0] === "object")) continue;
    // A value that names its field ("one size", "unbranded") is said alone in every language.
    const p = saidAlone(k, v, say) ?? (lang === "en" ? factPhrase(k, v, say) : localFact(k, v, lang, say));
    // Two fields the pack calls alike ("fabric") would say the same fact twice.
    if (p && p.length <= 120 && !phrases.includes(p)) phrases.push(p);
  }
  return lang === "en" ? listAnd(phrases) : phrases.join(", ");
}

const NOT: Record<Exclude<Lang, "en">, string> = { hi: "नहीं", mixed: "nahi" };

/**
 * A fact in Hindi or Hinglish: "field value"; a yes/no by the pack's words for its yes and no in
 * that language (wording.values.<field>.<lang>, .no.<lang>), else by what the pack calls the
 * field ("discount", "discount नहीं"), else unsaid: never "true" or "false". The table's
 * declared price is said as money (as in English).
 */
function localFact(k: string, v: unknown, lang: Exclude<Lang, "en">, say: FactSaying): string {
  const currency = typeof v === "number" ? say.money?.(k) : undefined;
  if (currency !== undefined) return money(v, currency);
  const named = factFieldWords(k, say);
  const own = say.values && Object.hasOwn(say.values, k) ? say.values[k] : undefined;
  // A "yes"/"no" text is said as a yes/no when the pack words its no in this language (as the English fact does).
  const yn = own?.no?.[lang] !== undefined ? yesNo(v) : undefined;
  if (yn !== undefined) v = yn;
  if (typeof v === "boolean") {
    const words = v ? own?.[lang] : own?.no?.[lang];
    if (words !== undefined) return firstWay(words, v ? "yes" : "no");
    return named === undefined ? "" : v ? named : `${named} ${NOT[lang]}`;
  }
  const fact = own?.fact;
  const local = fact?.[lang];
  if (local !== undefined && fact) {
    // The pack's own fact wording in this language ("Luma brand ka", "men ke liye"), a list joined as people join one.
    const items = Array.isArray(v) ? v.map(String) : undefined;
    const text = items ? (fact.list === "range" ? runText(items, items, lang) : listJoin(items.slice(0, 4), (fact.list === "or" ? OR : AND)[lang])) : String(v);
    return fillValue(local, inForm(text, fact.form), say.rng);
  }
  const items = Array.isArray(v) ? v.map(String) : undefined;
  const text = items ? (fact?.list === "range" ? runText(items, items, lang, "/") : items.slice(0, 4).join("/")) : String(v);
  return [named, text].filter((x) => x !== undefined).join(" ");
}

/** Two rows side by side: where they differ, then what they share; `skip`: the fields left unsaid (present.ts' unsaidFields). */
export function compareText(a: Row, b: Row, lang: Lang, skip: readonly string[], title?: string, say: FactSaying = {}): string {
  const same = (k: string) => JSON.stringify(a[k]) === JSON.stringify(b[k]);
  const only = (x: Row, keep: (k: string) => boolean): Row => Object.fromEntries(Object.entries(x).filter(([k]) => keep(k)));
  const na = displayName(nameOf(a, title) ?? "first one");
  const nb = displayName(nameOf(b, title) ?? "second one");
  const da = factsText(only(a, (k) => !same(k)), skip, 3, lang, say);
  const db = factsText(only(b, (k) => !same(k)), skip, 3, lang, say);
  // What both lack is not a likeness worth saying ("both are not in performance fabric"), as a list's shared head leaves it out too.
  const shared = factsText(only(a, (k) => same(k) && a[k] !== false && yesNo(a[k]) !== false), skip, 2, lang, say);
  if (lang !== "en") return `${na}: ${da || "—"} | ${nb}: ${db || "—"}${shared ? ` | ${shared}` : ""}`;
  // Named as they are, without "the": a row may be a person or a host ("the Dr Chen Wei" is wrong), and a product reads fine bare.
  const differ = da || db ? `${na} is ${da || "much the same"}, while ${nb} is ${db || "much the same"}` : `${na} and ${nb} are nearly identical`;
  return `${differ}${shared ? `; both are ${shared}` : ""}.`;
}
