// How the assistant shows rows as a person would: each row with the one or two facts that matter
// to this request (what the user constrained first, then one that tells the rows apart), not every
// attribute and every photo link of every row; the list framed in one of a few ways. Which facts
// and which framing are seeded choices, so the same rows do not read the same in every dialogue.
// Field choice is by the row's shape (short scalar values), never by a pack's field names.
import { nameFieldOf, type FactSaying } from "@chatmill/domains";
import type { Row } from "../../contract.js";
import { money } from "../../phrases/describe.js";
import { listJoin } from "../../phrases/grammar.js";
import { factsText } from "../facts.js";
import { displayOf, factSayingFor, idBeside } from "../present.js";
import { displayName, nameOf } from "../rows.js";
import type { Dialog } from "./context.js";
import { drawFacts, noteSaid } from "./fact-choice.js";
import { andWord, sayLocal } from "./realizer.js";

export type Display = ReturnType<typeof displayOf>;

/**
 * A table's display with its reference resolved, as list lines and details need it: the declared
 * id, else the table's key (never a field called "id").
 */
export function displayFor(d: Dialog, table: string | undefined): Display {
  const disp = displayOf(d.domain, table);
  if (disp.id !== undefined || table === undefined || !d.domain.pack.database.tables[table]) return disp;
  return { ...disp, id: d.domain.keyOf(table) };
}

/**
 * A row's fields in the table's own order (the data row's, when known), not the tool result's
 * sorted keys: which facts are drawn then depends on the data, never on what the fields are called.
 */
export function fieldOrder(row: Row, known?: Row): string[] {
  return known && Object.keys(known).length > 0 ? Object.keys(known).filter((k) => k in row) : Object.keys(row);
}

/** Fields never said as a row's facts: they are said apart (title, id, price, photo), declared unsaid, or too long to list. */
export function sayable(row: Row, disp: Display, k: string, known?: Row): boolean {
  // A field the tool adds to its answer (a match score) is not a fact of the row.
  if (known && Object.keys(known).length > 0 && !(k in known)) return false;
  if (k === nameFieldOf(row, disp.title) || k === disp.id || k === disp.price || k === disp.image || disp.unsaid?.includes(k)) return false;
  const v = row[k];
  if (v == null || v === "" || v === "?") return false;
  if (Array.isArray(v)) return v.length > 0 && v.every((x) => typeof x === "string" || typeof x === "number") && v.join(" ").length <= 60;
  if (typeof v === "string") return v.length <= 40 && !/^(https?:|\/)/.test(v);
  return typeof v === "number" || typeof v === "boolean";
}

/**
 * Whether a field's value is a word of the row's name ("web" of `web-01`, "Rolex" of "Rolex
 * Submariner"): said beside the name it adds nothing ("web-01 — in the web role").
 */
export function inTitle(row: Row, disp: Display, k: string): boolean {
  const v = row[k];
  const title = nameOf(row, disp.title);
  if (typeof v !== "string" || v.trim() === "" || !title) return false;
  const words = new Set(title.toLowerCase().split(/[^\p{L}\p{N}]+/u));
  return v.toLowerCase().split(/[^\p{L}\p{N}]+/u).filter(Boolean).every((w) => words.has(w));
}

/**
 * The fields to say for `row` (at most `n`): the constrained ones it has, then — from the pack's
 * declared details, else any short field — one whose value sets it apart from the other rows shown
 * (else any), drawn with the dialogue's rng. Yes/no fields only when asked about: "not eco-friendly"
 * on every row is noise.
 */
export function factFields(d: Dialog, row: Row, others: readonly Row[], disp: Display, focus: readonly Focus[], n: number, known?: Row, skip: readonly string[] = [], table?: string): string[] {
  const out: string[] = [];
  for (const { field: f } of focus) if (out.length < n && !out.includes(f) && !skip.includes(f) && sayable(row, disp, f, known)) out.push(f);
  if (out.length >= n) return out;
  let pool = (disp.details?.length ? disp.details : fieldOrder(row, known)).filter((k) => !out.includes(k) && !skip.includes(k) && sayable(row, disp, k, known) && typeof row[k] !== "boolean" && !inTitle(row, disp, k));
  // A single value tells rows apart in fewer words than a list: mostly one of those, when there is one.
  const single = pool.filter((k) => !Array.isArray(row[k]));
  if (single.length > 0 && d.rng.chance(0.7)) pool = single;
  // A one-value list ("sizes: one size") says little in a list; the pack's declared details are said as they are.
  if (!disp.details?.length) pool = pool.filter((k) => !(Array.isArray(row[k]) && (row[k] as unknown[]).length === 1));
  const differs = pool.filter((k) => others.some((o) => o !== row && JSON.stringify(o[k]) !== JSON.stringify(row[k])));
  // Of those, the rarer values in the table first, and not what this dialogue already said of the row (fact-choice.ts).
  out.push(...drawFacts(d, row, displayName(nameOf(row, disp.title) ?? ""), table, differs.length > 0 ? differs : pool, n - out.length));
  return out;
}

/** A constrained field, with the value the user asked for when there is one. */
export interface Focus {
  field: string;
  value?: unknown;
}

/**
 * The chosen facts of a row in the dialogue's language ("by Luma, in black or gray"). A list the
 * user asked one value of is said as that value ("in purple", not every colour it comes in).
 */
export function factsOf(d: Dialog, row: Row, fields: readonly string[], focus: readonly Focus[] = []): string {
  if (fields.length === 0) return "";
  const said = (f: string): unknown => {
    const v = row[f];
    const asked = focus.find((c) => c.field === f)?.value;
    if (!Array.isArray(v) || asked === undefined || Array.isArray(asked)) return v;
    const hit = v.find((x) => String(x).toLowerCase() === String(asked).toLowerCase());
    return hit === undefined ? v : [hit];
  };
  return factsText(Object.fromEntries(fields.map((f) => [f, said(f)])), [], fields.length, d.lang, factWords(d));
}

/**
 * How this dialogue says a row of `table`'s facts: the pack's fact wording, the table's declared
 * price as money in the dialogue's currency (factSayingFor), and the wording's `[a|b]`
 * alternatives drawn in English (a row listed again is not said in the same words).
 */
export function factWords(d: Dialog, table?: string): FactSaying {
  const say = factSayingFor(d.domain, table, d.currency);
  return d.lang === "en" ? { ...say, rng: d.rng } : say;
}

export interface Brief {
  title: string;
  id: string;
  price: string;
  facts: string;
}

/** One row reduced to what a list says about it; `known`: the row as the table holds it (only its fields are facts); `shared`: said once for all rows (list-shared.ts). */
export function briefOf(d: Dialog, row: Row, others: readonly Row[], disp: Display, focus: readonly Focus[], n: number, known?: Row, shared?: { fields: string[]; told?: string[]; price: boolean }, table?: string): Brief {
  const title = displayName(nameOf(row, disp.title) ?? "this one");
  const rawId = disp.id ? row[disp.id] : undefined;
  const id = idBeside(title, rawId) ? String(rawId) : "";
  const p = disp.price ? row[disp.price] : undefined;
  const price = shared?.price ? "" : typeof p === "number" ? money(p, d.currency) : typeof p === "string" ? p : "";
  const fields = factFields(d, row, others, disp, focus, n, known, shared?.fields, table);
  // What the line says of the row (and the list's shared head said of all) is not said again in its details.
  noteSaid(d, title, [...fields, ...(shared?.told ?? [])]);
  return { title, id, price, facts: factsOf(d, row, fields, focus) };
}

/** A brief as one line; `form` is the list's framing, drawn once per list so its rows read alike. */
export function briefLine(b: Brief, form: number, lang: Dialog["lang"]): string {
  const id = b.id ? ` (${b.id})` : "";
  const rest = [b.price, b.facts].filter(Boolean);
  if (form === 2) {
    // Inline prose: "Zoe Tank at $29, in green or orange".
    const at = lang === "en" ? "at " : "";
    return b.price ? `${b.title} ${at}${b.price}${b.facts ? ` (${b.facts})` : ""}` : `${b.title}${b.facts ? ` (${b.facts})` : ""}`;
  }
  if (form === 1) return `${b.title}${id}${b.facts ? `: ${b.facts}` : ""}${b.price ? `${b.facts ? "," : " —"} ${b.price}` : ""}`;
  return `${b.title}${id}${rest.length ? ` — ${rest.join(", ")}` : ""}`;
}

/** The rows as a list: numbered, bulleted or said in one sentence (lists of two or three). */
export function listBody(d: Dialog, briefs: readonly Brief[]): { text: string; block: boolean } {
  if (briefs.length === 1) return { text: briefLine(briefs[0]!, d.rng.chance(0.5) ? 0 : 2, d.lang), block: false };
  const layout = d.rng.int(0, 3);
  const form = d.rng.int(0, 1);
  if (layout === 3) {
    return { text: listJoin(briefs.map((b) => briefLine(b, 2, d.lang)), andWord(d)), block: false };
  }
  const mark = (i: number) => (layout === 2 ? "- " : layout === 1 ? `${i + 1}) ` : `${i + 1}. `);
  return { text: briefs.map((b, i) => `${mark(i)}${briefLine(b, form, d.lang)}`).join("\n"), block: true };
}

/** "and 4 more" after a list that shows fewer than were found; sometimes the count is said in moreText's words instead. */
export function restText(d: Dialog, shown: number, total: number): string | undefined {
  const rest = total - shown;
  if (rest <= 0 || !d.rng.chance(0.5)) return undefined;
  const n = String(rest);
  if (d.lang === "hi") return sayLocal(["[इनके अलावा|साथ ही] {n} [और हैं|और मिले]।", "[बाकी|बचे हुए] {n} भी [दिखा सकते हैं|हैं]।", "{n} और [भी हैं|निकले हैं], [कहें तो दिखाएँ|चाहें तो देखिए]।"], d.rng, { n });
  if (d.lang === "mixed") return sayLocal(["[Iske alawa|Saath hi] {n} [aur hain|aur mile].", "Baaki {n} bhi [dikha sakte hain|hain].", "{n} aur [bhi hain|nikle hain], [bolo toh dikhayein|chaho toh dekho]."], d.rng, { n });
  if (rest === 1) return sayLocal(["[Plus|And] one more[ besides|].", "There's one other[ too| as well][ if none of these click|]."], d.rng);
  return sayLocal(["[Plus|And] {n} more[ besides|].", "There are {n} others[ too| as well][ if none of these click|].", "There are {n} more [behind these|where those came from]."], d.rng, { n });
}

/**
 * The row a details answer reads from: its title, id and a few of its other facts in a drawn
 * choice (two or three; two for an executive; one or two when the answer quotes the row's prose,
 * which says what it is like): the rarer values first, not what the dialogue said of the row
 * (fact-choice.ts). The photo link is kept in a fifth of answers (a person offers the picture,
 * they do not paste it every time; the pick already carried it).
 */
export function detailRow(d: Dialog, row: Row, disp: Display, table: string | undefined, known?: Row, quoted = false): Row {
  const keep = new Set([nameFieldOf(row, disp.title), disp.id].filter((k): k is string => k !== undefined));
  if (disp.image && d.rng.chance(0.2)) keep.add(disp.image);
  const pool = fieldOrder(row, known).filter((k) => !keep.has(k) && sayable(row, disp, k, known) && row[k] !== false && !inTitle(row, disp, k));
  const n = quoted ? (d.voice.style === "executive" ? 1 : d.rng.int(1, 2)) : d.voice.style === "executive" ? 2 : d.rng.int(2, 3);
  const name = displayName(nameOf(row, disp.title) ?? "");
  const chosen = drawFacts(d, row, name, table, pool, n);
  // Asked about the row again, the answer goes on to facts not said yet.
  noteSaid(d, name, chosen);
  return Object.fromEntries([...Object.entries(row).filter(([k]) => keep.has(k)), ...chosen.map((k) => [k, row[k]] as const)]);
}
