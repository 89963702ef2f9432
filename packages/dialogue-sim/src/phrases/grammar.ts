import type { Rng } from "@chatmill/kit";
import type { Lang } from "./describe.js";

/** "a" or "an" before a value, by its sound ("an hour", "a user", "an SUV"): the one function of @chatmill/kit. */
export { article, withArticle } from "@chatmill/kit";

/**
 * A tiny phrase grammar, so one line of a bank stands for dozens of sentences:
 *   [a|b|c]   one of the alternatives (nested brackets allowed; an empty one makes it optional)
 *   {slot}    a value from the slots (an array slot picks one of its values)
 *   {m:a|f:b} a first-person form agreeing with the speaker's gender, the slot GENDER_SLOT
 *             ("m", "f" or "n"; an optional |n:c is said for "n", else the masculine, Hindi's
 *             unmarked form). Plain text only inside.
 * Templates are compiled once and cached: the offline engine expands hundreds per dialogue.
 */
type Node = string | { slot: string } | { alt: Node[][] } | { gender: Readonly<Record<string, string>> };

/** The slot that says which gender form a {m:…|f:…} takes: the speaker's ("m", "f" or "n"). */
export const GENDER_SLOT = "_gender";

const cache = new Map<string, Node[]>();
/**
 * Templates are written with {slots} for their values, so the banks' templates are a bounded
 * set. A template built around a value would be a new one per dialogue; past this many, new
 * templates are parsed each time instead of kept, so memory stays flat whatever a caller does.
 */
const CACHE_LIMIT = 10_000;

function compiled(template: string): Node[] {
  let nodes = cache.get(template);
  if (!nodes) {
    nodes = parse(template);
    if (cache.size < CACHE_LIMIT) cache.set(template, nodes);
  }
  return nodes;
}

function parse(src: string): Node[] {
  let i = 0;
  const seq = (inAlt: boolean): Node[][] => {
    const alts: Node[][] = [[]];
    let text = "";
    const flush = () => {
      if (text) alts[alts.length - 1]!.push(text);
      text = "";
    };
    while (i < src.length) {
      const c = src[i]!;
      if (c === "[") {
        flush();
        i++;
        alts[alts.length - 1]!.push({ alt: seq(true) });
      } else if (c === "]" && inAlt) {
        i++;
        flush();
        return alts;
      } else if (c === "|" && inAlt) {
        i++;
        flush();
        alts.push([]);
      } else if (c === "{") {
        const end = src.indexOf("}", i);
        if (end < 0) throw new Error(`phrase template has an unclosed '{': ${src}`);
        flush();
        const inner = src.slice(i + 1, end);
        alts[alts.length - 1]!.push(/^[mfn]:/.test(inner) ? { gender: Object.fromEntries(inner.split("|").map((f) => [f[0]!, f.slice(2)])) } : { slot: inner });
        i = end + 1;
      } else {
        text += c;
        i++;
      }
    }
    if (inAlt) throw new Error(`phrase template has an unclosed '[': ${src}`);
    flush();
    return alts;
  };
  return seq(false)[0]!;
}

export type Slots = Readonly<Record<string, string | readonly string[] | undefined>>;

function render(nodes: Node[], rng: Rng, slots: Slots, out: string[]): void {
  for (const n of nodes) {
    if (typeof n === "string") out.push(n);
    else if ("gender" in n) {
      const g = slots[GENDER_SLOT];
      out.push(n.gender[typeof g === "string" ? g : "m"] ?? n.gender.m ?? "");
    } else if ("slot" in n) {
      const v = slots[n.slot];
      if (v === undefined) throw new Error(`phrase slot {${n.slot}} has no value`);
      if (typeof v === "string") out.push(v);
      else if (v.length > 0) out.push(expand(rng.pick(v), rng, slots));
    } else render(rng.pick(n.alt), rng, slots, out);
  }
}

/** Expands one template. */
export function expand(template: string, rng: Rng, slots: Slots = {}): string {
  const nodes = compiled(template);
  const out: string[] = [];
  render(nodes, rng, slots, out);
  return out.join("");
}

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
    .replace(/([,;])(?=[^\s\d])/g, "$1 ")
    .replace(/([,.!?])\1+/g, "$1")
    .replace(/,([.!?])/g, "$1")
    .replace(/([…:—]),/g, "$1")
    .replace(/^[\s,;]+/, "")
    .trim();
}

export function capitalize(s: string): string {
  return s ? s.charAt(0).toUpperCase() + s.slice(1) : s;
}

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
    if (out && /[\p{L}\p{M}\p{N}%)]$/u.test(out) && !/[.!?।]\)$/u.test(out) && /^\s*[\p{Lu}\p{Lo}]/u.test(p)) out += lang === "hi" ? "।" : ".";
    out = out ? `${out} ${p}` : p;
  }
  return out.trim();
}
