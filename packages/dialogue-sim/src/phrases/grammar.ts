import { expand, type Slots } from "@chatmill/domains";
import type { Rng } from "@chatmill/kit";
import type { Lang } from "./describe.js";

/** "a" or "an" before a value, by its sound ("an hour", "a user", "an SUV"): the one function of @chatmill/kit. */
export { article, withArticle } from "@chatmill/kit";

// The phrase grammar itself ([a|b], {slot}, {m:…|f:…}; expand) is @chatmill/domains', shared with augment.
export { expand, GENDER_SLOT, THING_GENDER_SLOT, type Slots } from "@chatmill/domains";

/** Expands one template picked from a bank. */
export function say(bank: readonly string[], rng: Rng, slots: Slots = {}): string {
  return tidy(expand(rng.pick(bank), rng, slots));
}

/** Spacing and punctuation left by empty alternatives: "hi ,  there" → "hi, there". */
export function tidy(s: string): string {
  return s
    .replace(/[ \t]+/g, " ")
    .replace(/ ?\n ?/g, "\n")
    .replace(/\s+([,.!?;:…।])/g, "$1")
    .replace(/([,;])(?=[^\s\d,.!?;:…।])/g, "$1 ")
    .replace(/([,.!?])\1+/g, "$1")
    .replace(/,([.!?])/g, "$1")
    .replace(/([…:—]),/g, "$1")
    .replace(/^[\s,;]+/, "")
    .trim();
}

const LAST_WORD = /([\p{L}\p{M}'’]+)[^\p{L}\p{M}\p{N}'’]*$/u;
const FIRST_WORD = /^[^\p{L}\p{M}\p{N}'’]*([\p{L}\p{M}'’]+)/u;

/**
 * Whether `b` starts with the word `a` ends with ("Ok." and "ok, that one"; "thanks" and
 * "thanks for explaining"; "Any time at all." and "All the best!"): two composed parts that,
 * said one after the other, would say the word twice. Composers drop or redraw one of them.
 */
export function meets(a: string, b: string): boolean {
  if (!a || !b) return false;
  const x = LAST_WORD.exec(a.length > 64 ? a.slice(-64) : a);
  return !!x && x[1]!.toLowerCase() === firstWord(b);
}

/** The first word of a text, lower case (marks before it skipped); "" when it has none. */
export function firstWord(text: string): string {
  return FIRST_WORD.exec(text)?.[1]!.toLowerCase() ?? "";
}

export function capitalize(s: string): string {
  return s ? s.charAt(0).toUpperCase() + s.slice(1) : s;
}

/** "and" and "or" in each language, as a list is joined. */
export const AND: Record<Lang, string> = { en: "and", hi: "और", mixed: "aur" };
export const OR: Record<Lang, string> = { en: "or", hi: "या", mixed: "ya" };

/** Joins the parts of a list the way people do: "a, b and c". */
export function listJoin(parts: readonly string[], and = "and"): string {
  if (parts.length <= 1) return parts[0] ?? "";
  return `${parts.slice(0, -1).join(", ")} ${and} ${parts[parts.length - 1]}`;
}

/**
 * Parts of a reply joined with spaces, a full stop put where a part ends without one and
 * the next starts a sentence ("… degraded. Want a quick look?", not "… degraded Want").
 */
export function joinSentences(parts: readonly string[], lang: Lang): string {
  let out = "";
  for (const p of parts) {
    if (!p) continue;
    // A closing bracket ends a sentence only when no mark stands inside it: "(5 in all.)" needs no second period.
    // A part opening with a number is a sentence too ("… healthy. 4 more are there"); a rating's star ends one ("rated 3.86★. There are …").
    if (out && /[\p{L}\p{M}\p{N}%)★]$/u.test(out) && !/[.!?।]\)$/u.test(out) && /^\s*[\p{Lu}\p{Lo}\p{N}]/u.test(p)) out += lang === "hi" ? "।" : ".";
    out = out ? `${out} ${p}` : p;
  }
  return out.trim();
}
