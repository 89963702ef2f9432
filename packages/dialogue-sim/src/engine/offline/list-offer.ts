// When many rows match, a person does not read out a numbered list: they say how many there are
// and offer one or two with what matters ("I found 29 — how about the Party Glasses at $19.99,
// on sale?"), as the human agents of Schema-Guided Dialogue do. The rows named are the rows
// shown: the user can take only what it was offered.
import type { Shown } from "../present.js";
import type { Dialog } from "./context.js";
import { briefOf, displayFor, type Brief } from "./list-lines.js";
import { sayLocal } from "./realizer.js";

/** How many rows found make an offer read better than a list; fewer are listed. */
export const OFFER_FROM = 5;

/** Whether this answer offers one or two rows rather than listing them: many found, a drawn share of the time. */
export function offersInstead(d: Dialog, shown: number, total: number): boolean {
  // An offer asks; an answer the assistant goes on from without waiting (a single-turn dialogue) lists.
  return shown >= 2 && total >= OFFER_FROM && !d.voice.context.goesOn && d.rng.chance(0.4);
}

/** A row as an offer names it: "Tiberius Gym Tank at $18, in the tanks range" (no id: a person offers by name). */
function offerLine(b: Brief, lang: Dialog["lang"]): string {
  if (lang !== "en") return `${b.title}${b.price || b.facts ? ` (${[b.price, b.facts].filter(Boolean).join(", ")})` : ""}`;
  return `${b.title}${b.price ? ` at ${b.price}` : ""}${b.facts ? `, ${b.facts}` : ""}`;
}

/** The second of two rows with one name (a flight on two dates) by what sets it apart: "HAT152, on May 25, or the one on May 16?", not the name twice. */
function sameName(b: Brief, lang: Dialog["lang"]): string {
  const facts = [b.price, b.facts].filter(Boolean).join(", ");
  return lang === "hi" ? `उसी का ${facts} वाला विकल्प` : lang === "mixed" ? `usi ka ${facts} wala option` : `the one ${facts}`;
}

/** The count and one or two of `top` offered; returns the text and the rows it named. */
export function offerText(d: Dialog, table: string | undefined, top: readonly Shown[], total: number): { text: string; named: Shown[] } {
  const disp = displayFor(d, table);
  const named = top.slice(0, d.rng.chance(0.6) ? 1 : 2);
  const rows = top.map((s) => s.seen);
  // What the user asked for is known to be true of every row found: the offer says what sets this one apart.
  const briefs = named.map((s) => briefOf(d, s.seen, rows, disp, [], d.rng.int(1, 2), s.row, undefined, table));
  const lines = briefs.map((b, i) => (i === 1 && b.title === briefs[0]!.title && (b.facts || b.price) ? sameName(b, d.lang) : offerLine(b, d.lang)));
  const slots = { n: String(total), line: lines[0]!, a: lines[0]!, b: lines[1] ?? "" };
  const bank = OFFERS[d.lang];
  const count = sayLocal(bank.count, d.rng, slots);
  const offer = sayLocal(named.length === 1 ? bank.one : bank.two, d.rng, slots);
  return { text: `${count} ${offer}`, named };
}

/** How an offer is said: the count, then one row ({line}) or two ({a}, {b}) offered. */
const OFFERS: Record<Dialog["lang"], { count: string[]; one: string[]; two: string[] }> = {
  en: {
    count: ["I found {n}.", "{n} [came up|match].", "There are {n} that fit.", "That gives {n}."],
    one: ["How about {line}?", "[Maybe|Perhaps] {line}?", "[The first is|Top of the list:] {line}. [Want that one|Shall we go with that], or something else?"],
    two: ["How about {a}, or {b}?", "[Two that stand out|The top two]: {a}, and {b}. [Either of those?|Want one of them?]"],
  },
  hi: {
    count: ["{n} [मिले|नतीजे आए|विकल्प हैं]।", "कुल {n} [मिले|हैं]।"],
    one: ["{line} [कैसा रहेगा|देखना चाहेंगे]?", "[सबसे ऊपर|पहला] {line} है — [यही चलेगा|यह ठीक रहेगा], या कुछ और [देखें|दिखाऊँ]?"],
    two: ["{a} या {b} — [इनमें से कोई चलेगा|कोई पसंद आया]?", "[ऊपर के दो|दो अच्छे] हैं: {a}, और {b}। [इनमें से कोई?|कौन-सा देखें?]"],
  },
  mixed: {
    count: ["{n} [mile|results aaye|options hain].", "Total {n} [mile|hain]."],
    one: ["{line} kaisa rahega?", "[Sabse upar|Pehla] {line} hai — [yahi chalega|ye theek rahega], ya kuch aur [dekhein|dikhaun]?"],
    two: ["{a} ya {b} — [inme se koi chalega|koi pasand aaya]?", "[Top do|Do acche] hain: {a}, aur {b}. [Inme se koi?|Kaun sa dekhein?]"],
  },
};
