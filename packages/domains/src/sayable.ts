import type { CategoryTask } from "@chatmill/schema";
import type { Domain } from "./contract.js";

/**
 * How a pack's internal names (fields, categories, services) may be said in a person's words.
 *
 * A name is a key ("new_patients", "trainID", "category", "zzfield3q"): said as it is, or with
 * spaces for its underscores ("train id", "change request"), it is a key read aloud — people do
 * not talk like that, and what is said would change when the pack renames the field. A field is
 * said by what the pack calls it (`wording.names`: "pricerange" → "price range", "category" →
 * "category"), else by its name's words only when the pack's own human text says them: its
 * category labels and asks, its offline nouns, item nouns and occasions, every string of its
 * `wording`, and the text values of its rows ("find a dentist taking new patients" makes "new
 * patients" the pack's own words). Nothing is read from the name's shape: a one-word name is a
 * key like any other (an opaque "zzfield3q", which no text of the pack says, is never said). Otherwise the caller says the value
 * alone, or the pack's declared wording for the field (`wording.values`). A category is called
 * by its `label` (categoryWords).
 */

/** Rows read per table for the pack's text (a value every row repeats shows in the first rows). */
const ROWS_READ = 5000;

const texts = new WeakMap<Domain, string>();
const answers = new WeakMap<Domain, Map<string, boolean>>();

/** "trainID" → "train id", "new_patients" → "new patients", "leave-at" → "leave at". */
export function nameWords(name: string): string {
  return name.replace(/([a-z])([A-Z])/g, "$1 $2").replace(/[_-]+/g, " ").trim().toLowerCase();
}

/** The pack's words for a field, argument or service name: its declared name (`wording.names`), else its name's words when the pack's own text says them (see above), else undefined. */
export function sayableName(domain: Domain, name: string): string | undefined {
  const names = domain.pack.wording?.names;
  if (names && Object.hasOwn(names, name)) return names[name];
  const words = nameWords(name);
  if (words === "") return undefined;
  let known = answers.get(domain);
  if (!known) answers.set(domain, (known = new Map()));
  let ok = known.get(words);
  if (ok === undefined) {
    const escaped = words.replace(/[.*+?^${}()|[\]\\]/g, "\\$&");
    ok = new RegExp(`(?<![\\p{L}\\p{M}\\p{N}_])${escaped}(?![\\p{L}\\p{M}\\p{N}_])`, "u").test(packText(domain));
    known.set(words, ok);
  }
  return ok ? words : undefined;
}

/** What a category asks for, said by its declared task when the pack gives it no label. */
const TASK_WORDS: Record<CategoryTask, string> = {
  create: "a booking",
  modify: "a change",
  cancel: "a cancellation",
  info: "a question",
  issue: "a problem",
};

/**
 * What a person calls a category: its declared label, else what its declared task is ("a
 * change", "a problem"). Never its name: a category's name is a key, and what a category is
 * called must not change when it is renamed.
 */
export function categoryWords(spec: { label?: string | undefined; task?: CategoryTask | undefined } | undefined): string {
  return spec?.label ?? TASK_WORDS[spec?.task ?? "info"];
}

/** The pack's human text, lower-cased, one string per line (built once per pack). */
function packText(domain: Domain): string {
  let text = texts.get(domain);
  if (text !== undefined) return text;
  const out: string[] = [];
  const pack = domain.pack as unknown as Record<string, unknown>;
  const categories = (pack.categories ?? {}) as Record<string, { label?: unknown; asks?: unknown }>;
  for (const c of Object.values(categories)) strings([c.label, c.asks], out);
  const offline = (pack.offline ?? {}) as Record<string, unknown>;
  strings([offline.nouns, offline.item_noun, offline.occasions, pack.wording], out);
  const values = new Set<string>();
  const tables = (domain.pack.database?.tables ?? {}) as Record<string, unknown>;
  for (const table of Object.keys(tables)) {
    for (const row of domain.table(table).slice(0, ROWS_READ)) for (const v of Object.values(row)) for (const s of strings([v], [])) values.add(s);
  }
  text = [...out, ...values].join("\n").toLowerCase().replace(/[ \t]+/g, " ");
  texts.set(domain, text);
  return text;
}

/** Every string under a value (object values and array items). */
function strings(value: unknown, out: string[]): string[] {
  if (typeof value === "string") out.push(value);
  else if (Array.isArray(value)) for (const v of value) strings(v, out);
  else if (value && typeof value === "object") for (const v of Object.values(value)) strings(v, out);
  return out;
}
