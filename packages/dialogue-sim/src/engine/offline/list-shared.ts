// What every row of a list has in common, said once before the rows, as a person lists things:
// "All three are by Luma and made for men, $18 each:" and then each row with only what sets it
// apart — not "by Luma" on every line. A shared fact is said only when the pack words its field
// (`wording.values.<field>.fact`): "all new patients yes" is not how anyone talks. Which fields
// are shared is read from the rows, never from what a field is called.
import type { Row } from "../../contract.js";
import { money } from "../../phrases/describe.js";
import { factsText } from "../facts.js";
import type { Dialog } from "./context.js";
import { factWords, fieldOrder, sayable, type Display, type Focus } from "./list-lines.js";
import { sayLocal } from "./realizer.js";

export interface Shared {
  /** Fields every row holds with the same value: left out of each row's own facts. */
  fields: string[];
  /** Those of them the head says (two at most). */
  told: string[];
  /** The sentence said once before the rows, ending in a colon; "" when nothing worth saying is shared. */
  head: string;
  /** Whether the price is shared (and said in the head, not on each row). */
  price: boolean;
}

const NONE: Shared = { fields: [], told: [], head: "", price: false };

/** The facts `rows` share (two or more rows; `known`: the data rows, whose fields are the facts), and the head that says them. */
export function sharedOf(d: Dialog, rows: readonly Row[], disp: Display, focus: readonly Focus[], table: string | undefined, known: readonly (Row | undefined)[] = []): Shared {
  if (rows.length < 2) return NONE;
  const first = rows[0]!;
  const asked = focus.map((f) => f.field);
  // A list the user asked one value of is that value ("in gray"): rows that all come in gray share it.
  const said = (r: Row, k: string): unknown => {
    const v = r[k];
    const want = focus.find((f) => f.field === k)?.value;
    if (!Array.isArray(v) || want === undefined || Array.isArray(want)) return v;
    const hit = v.find((x) => String(x).toLowerCase() === String(want).toLowerCase());
    return hit === undefined ? v : [hit];
  };
  const same = (k: string) => rows.every((r, i) => sayable(r, disp, k, known[i]) && JSON.stringify(said(r, k)) === JSON.stringify(said(first, k)));
  // A yes/no is shared only when asked for ("all on sale"); "all not eco-friendly" is noise.
  const fields = fieldOrder(first, known[0]).filter((k) => (typeof first[k] !== "boolean" || (asked.includes(k) && first[k] === true)) && same(k));
  const say = factWords(d, table);
  const worded = (k: string) => say.values !== undefined && Object.hasOwn(say.values, k) && say.values[k]?.fact !== undefined;
  // What the user asked for first, in the order of `focus` (it confirms the ask; the closest rows put what they miss first), then the others in the row's order; two at most.
  const told = [...asked.filter((k, i) => fields.includes(k) && asked.indexOf(k) === i), ...fields.filter((k) => !asked.includes(k))].filter(worded).slice(0, 2);
  const p = disp.price ? first[disp.price] : undefined;
  const price = p !== undefined && p !== null && p !== "" && rows.every((r) => JSON.stringify(r[disp.price!]) === JSON.stringify(p));
  if (told.length === 0 && !price) return NONE;
  const facts = told.length > 0 ? factsText(Object.fromEntries(told.map((k) => [k, said(first, k)])), [], told.length, d.lang, say) : "";
  const priceText = price ? (typeof p === "number" ? money(p, d.currency) : String(p)) : "";
  // A fact that came out empty (a value with no words) leaves only the price to say.
  if (!facts && !price) return NONE;
  return { fields, told, head: headText(d, rows.length, facts, priceText), price };
}

/** "Both are by Luma:", "Here are three that fit, all in the tanks range, $18 each:", in the dialogue's language. */
function headText(d: Dialog, n: number, facts: string, price: string): string {
  const slots = { F: facts, P: price, ...countWords(d, n) };
  // The head opens the message: its first letter is a capital ("Teen mile, …").
  const pick = (both: string[], f: string[], p: string[]) => {
    const text = sayLocal(facts && price ? both : facts ? f : p, d.rng, slots);
    return text.charAt(0).toUpperCase() + text.slice(1);
  };
  if (d.lang === "hi")
    return pick(
      ["[{ALL}|ये {ALL}] {F} [वाले|के] हैं, [हर एक {P} का|{all} {P} के]:", "{N} [मिले|हैं], {all} {F} [वाले|के]; [हर एक का|सबका] दाम {P}:"],
      ["[{ALL}|ये {ALL}] {F} [वाले हैं|के हैं]:", "{N} [मिले|हैं], {all} {F} [वाले|के]:"],
      ["[{ALL}|ये {ALL}] {P} के हैं:", "{N} [मिले|हैं], [सबकी|हर एक की] कीमत {P}:"],
    );
  if (d.lang === "mixed")
    return pick(
      ["[{ALL}|Ye {all}] {F} wale hain, [har ek {P} ka|{all} {P} ke]:", "{N} [mile|hain], {all} {F} wale, [har ek ka|sabka] price {P}:"],
      ["[{ALL}|Ye {all}] {F} wale hain:", "{N} [mile|hain], {all} {F} wale:"],
      ["[{ALL}|Ye {all}] {P} ke hain:", "{N} [mile|hain], sabka price {P}:"],
    );
  return pick(
    ["{ALL} are {F}, [at {P} each|{P} apiece]:", "[Here are|I've got|There are] {N} [that fit|for you|to pick from], {all} {F}, [{P} each|at {P} apiece]:"],
    ["{ALL} are {F}:", "[Here are|I've got|There are] {N} [that fit|for you|to pick from], {all} {F}:"],
    ["{ALL} [cost|are] {P}[ each|]:", "[Here are|I've got|There are] {N} [at {P} each|at the same {P}]:"],
  );
}

/** The count said as people say it: "both"/"all three" and "two"/"three" (digits past ten), in each language. */
function countWords(d: Dialog, n: number): { ALL: string; all: string; N: string } {
  const small = (words: string[]) => (n < words.length ? words[n]! : String(n));
  if (d.lang === "hi") return { ALL: n === 2 ? "दोनों" : n === 3 ? "तीनों" : `सभी ${n}`, all: n === 2 ? "दोनों" : n === 3 ? "तीनों" : "सब", N: small(["", "एक", "दो", "तीन", "चार", "पाँच"]) };
  if (d.lang === "mixed") return { ALL: n === 2 ? "Dono" : n === 3 ? "Teeno" : `Saare ${n}`, all: n === 2 ? "dono" : n === 3 ? "teeno" : "sab", N: small(["", "ek", "do", "teen", "chaar", "paanch"]) };
  return { ALL: n === 2 ? "Both" : `All ${small(["", "one", "two", "three", "four", "five"])}`, all: n === 2 ? "both" : "all", N: small(["", "one", "two", "three", "four", "five"]) };
}

/** "Both are leaving at 15:50 and to Ely." — what a list's rows share, said after them (the closest rows, whose intro already ends in a colon). */
export function sharedAfter(d: Dialog, n: number, facts: string): string {
  const { ALL } = countWords(d, n);
  if (d.lang === "hi") return `${ALL} ${facts} वाले हैं।`;
  if (d.lang === "mixed") return `${ALL} ${facts} wale hain.`;
  return `${ALL} are ${facts}.`;
}
