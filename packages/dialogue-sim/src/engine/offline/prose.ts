// One sentence of a row's prose (the field the pack declares as `offline.display.<table>.prose`),
// quoted in a details answer as a person reads out what the description says: the row's own
// words, not the same facts in the same mould every time. Only a sentence that stands on its own
// is quoted — not a bullet fragment, not one that leans on the sentence before ("This fabric…").
import type { Row } from "../../contract.js";
import type { Dialog } from "./context.js";
import { drawRare } from "./fact-choice.js";
import type { Display } from "./list-lines.js";
import { sayLocal } from "./realizer.js";

/** First words that point back at an earlier sentence: quoted alone, the sentence would not make sense. */
const LEANS = /^(that|this|these|those|they|it|its|it's|so|and|but|also|plus|then|which|here|there)\b/i;

/** The sentences of a prose text's body, in order (bullets — "• Machine wash." — are fragments of a spec list: the body ends where they start). */
function sentencesOf(text: string): string[] {
  const body = text.split(/\s*•\s*/u)[0] ?? "";
  return body
    .replace(/\s+/g, " ")
    .split(/(?<=[.!?])\s+(?=[\p{Lu}"“])/u)
    .map((s) => s.trim())
    .filter(Boolean);
}

/** A sentence that reads as one: 5 to 32 words (fewer after another sentence), ends in a stop, holds no link. */
function wellFormed(s: string, min = 5): boolean {
  const words = s.split(" ").length;
  return words >= min && words <= 32 && /[.!?]$/.test(s) && !/https?:|\//.test(s);
}

/** The sentences of a prose text that read alone: 5 to 32 words, not a bullet, not leaning on what came before. */
export function standalone(text: string): string[] {
  return sentencesOf(text).filter((s) => wellFormed(s) && !LEANS.test(s));
}

/**
 * A sentence of the row's declared prose, drawn; undefined when the table declares none or none
 * reads alone. With `more` it is sometimes followed by the sentence after it, as a person reading
 * a description out goes on a line ("It offers a trendy look for various occasions." leans on the
 * one before, so it is only ever said after it).
 */
export function proseSentence(d: Dialog, row: Row, disp: Display, more = 0): string | undefined {
  const text = disp.prose ? row[disp.prose] : undefined;
  if (typeof text !== "string") return undefined;
  const all = sentencesOf(text);
  const ok = all.filter((s) => wellFormed(s) && !LEANS.test(s));
  if (ok.length === 0) return undefined;
  const first = d.rng.pick(ok);
  const next = all[all.indexOf(first) + 1];
  return next !== undefined && wellFormed(next, 3) && d.rng.chance(more) ? `${first} ${next}` : first;
}

/** The sentence as the answer says it: on its own, or said to be the description's words, in the dialogue's language. */
export function quoteText(d: Dialog, sentence: string): string {
  const q = sentence.replace(/^["“]|["”]$/g, "");
  if (d.lang === "hi") return sayLocal(["[विवरण में लिखा है|इसके बारे में लिखा है]: \"{q}\"", "[विवरण के शब्दों में|विवरण कहता है]: \"{q}\"", "[इसका विवरण|विवरण की एक लाइन]: \"{q}\""], d.rng, { q });
  // Hinglish mixes English freely: the sentence may stand on its own, as in English.
  if (d.lang === "mixed") return sayLocal(["[Description mein likha hai|Iske baare mein likha hai]: \"{q}\"", "[Description ke words mein|Description kehta hai]: \"{q}\"", "{q}"], d.rng, { q });
  return sayLocal(["{q}", "{q}", "[The description says|Its description reads|As the description puts it]: \"{q}\""], d.rng, { q });
}

/** A prose text's bullet points ("• Zip hand pockets." → "Zip hand pockets"): the row's own spec list, fragments of 1 to 8 words. */
export function bulletsOf(text: string): string[] {
  return text
    .split(/\s*•\s*/u)
    .slice(1)
    .map((b) => b.replace(/\s+/g, " ").trim().replace(/[.;]$/, ""))
    .filter((b) => b !== "" && b.split(" ").length <= 8 && !/https?:|\/\//.test(b));
}

/** A bullet said after a colon: a plain first word is lower-cased ("Two chest pockets" → "two chest pockets"); a name or a code is kept ("Luma EverCool™ fabric"). */
function afterColon(b: string): string {
  return /^\p{Lu}[\p{Ll}-]*\b/u.test(b) && !/[™®]/u.test(b) && !/\p{Lu}/u.test(b.slice(1)) ? b.charAt(0).toLowerCase() + b.slice(1) : b;
}

/**
 * One or two of the row's bullet points, as a person passes on what the listing notes: the
 * fragments as they are ("Zip hand pockets and 7" inseam."), or after a word that says where they
 * come from. Two are joined with "and", or with ";" when either holds a comma or is long (a
 * fragment may be a clause: "chafe-free seams provide added comfort"). The ones few rows share are
 * drawn first, and one a quarter of the rows share ("Machine wash/dry") is not said: it tells this
 * row from none. Not in Hindi, where an English spec fragment would stand out of the sentence.
 */
export function highlightsText(d: Dialog, row: Row, disp: Display, table: string | undefined): string | undefined {
  const text = disp.prose ? row[disp.prose] : undefined;
  if (typeof text !== "string" || d.lang === "hi") return undefined;
  const all = bulletsOf(text);
  if (all.length === 0) return undefined;
  const picked = drawRare(d, table, disp.prose!, bulletsOf, all, d.rng.int(1, 2), 0.25);
  if (picked.length === 0) return undefined;
  const sep = picked.some((b) => b.includes(",") || b.split(" ").length > 4) ? "; " : " and ";
  const bare = [picked[0]!, ...picked.slice(1).map(afterColon)].join(sep);
  const list = picked.map(afterColon).join(sep);
  if (d.lang === "mixed") return sayLocal(["{bare}.", "[Features|Khaas baatein]: {list}.", "[Listing mein ye bhi likha hai|Saath mein]: {list}."], d.rng, { list, bare });
  return sayLocal(["{bare}.", "{bare}.", "[Also listed|Worth knowing|Features|The listing also notes]: {list}."], d.rng, { list, bare });
}
