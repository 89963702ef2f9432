// How the user calls a row it has already named (the pack's wording.short_names): "the Tiberius",
// "Dr Raman", where the whole title on every mention read as a form being filled in (issue #18).
// Which rows have a short name is read from the table once per domain, never per utterance.
import type { ShortName } from "@chatmill/schema";
import type { Domain } from "../contract.js";

export interface Short {
  /** The kept words of the title ("Tiberius"). */
  short: string;
  /** The pack's way of saying it, per language ("[the {short}|the {short} one]"). */
  spec: ShortName;
}

const cache = new WeakMap<Domain, ReadonlyMap<string, Short>>();

/** Title → its short name, for every row of the tables the pack declares (none without wording.short_names). */
export function shortNames(domain: Domain): ReadonlyMap<string, Short> {
  let out = cache.get(domain);
  if (!out) {
    const map = new Map<string, Short>();
    for (const [table, spec] of Object.entries(domain.wording?.short_names ?? {})) {
      for (const [title, short] of shortsOf(domain, table, spec.words)) map.set(title, { short, spec });
    }
    out = map;
    cache.set(domain, out);
  }
  return out;
}

const wordsOf = (title: string) => title.trim().split(/\s+/);

/** The short name of each title of `table` that has one by `words` (see ShortName.words for the rules). */
export function shortsOf(domain: Domain, table: string, words: ShortName["words"]): Map<string, string> {
  const field = domain.titleOf(table);
  const rows = field ? domain.table(table) : [];
  const titles = rows.map((r) => r[field!]).filter((t): t is string => typeof t === "string" && wordsOf(t).length >= 3);
  const out = new Map<string, string>();
  if (words === "first_last") {
    const count = new Map<string, number>();
    const pair = (t: string) => `${wordsOf(t)[0]} ${wordsOf(t).at(-1)}`;
    for (const t of titles) count.set(pair(t).toLowerCase(), (count.get(pair(t).toLowerCase()) ?? 0) + 1);
    for (const t of titles) if (count.get(pair(t).toLowerCase()) === 1) out.set(t, pair(t));
    return out;
  }
  // A first word that is a name of its own: in no other title, no value of another field, never
  // written in lower case in the table's text (a colour, "Black", or a word, "golden", is not).
  const inTitles = new Map<string, number>();
  for (const r of rows) {
    const t = r[field!];
    if (typeof t === "string") for (const w of new Set(wordsOf(t).map((x) => x.toLowerCase()))) inTitles.set(w, (inTitles.get(w) ?? 0) + 1);
  }
  const valueWords = new Set<string>();
  const lowerWords = new Set<string>();
  const walk = (v: unknown): void => {
    if (typeof v === "string") {
      // A value is a short phrase ("Black", "Fashion Shades"); longer text is prose, where a name may well be said.
      if (wordsOf(v).length <= 4) for (const w of v.split(/[^\p{L}\p{N}'-]+/u)) if (w) valueWords.add(w.toLowerCase());
      for (const w of v.match(/(?<!\p{L})\p{Ll}\p{L}*/gu) ?? []) lowerWords.add(w);
    } else if (Array.isArray(v)) v.forEach(walk);
  };
  for (const r of rows) for (const [k, v] of Object.entries(r)) if (k !== field) walk(v);
  for (const t of titles) {
    const first = wordsOf(t)[0]!;
    const low = first.toLowerCase();
    if (!/^\p{Lu}[\p{L}]+$/u.test(first) || inTitles.get(low) !== 1 || valueWords.has(low) || lowerWords.has(low)) continue;
    out.set(t, first);
  }
  return out;
}
