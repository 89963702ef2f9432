import { stringsUnder } from "./phrases.js";

/** What pack-names reads of a loaded pack (a LoadedDomain has these). */
export interface PackLike {
  pack: Record<string, unknown>;
  tables: ReadonlyMap<string, { rows: ReadonlyArray<Record<string, unknown>> }>;
}

type Obj = Record<string, unknown>;
const obj = (v: unknown): Obj => (v && typeof v === "object" && !Array.isArray(v) ? (v as Obj) : {});
const list = (v: unknown): unknown[] => (Array.isArray(v) ? v : []);

/** Rows read per table for its field names (a field every row has shows in the first rows). */
const ROWS_SCANNED = 5000;

/**
 * The internal names a pack declares, which a user should never say: its tables and their
 * fields, its services, search and booking fields, tool arguments, and its categories. Only
 * the ones with an underscore are checked (see NameFinder). Tool names are apart (toolNames):
 * they are checked raw only.
 */
export function declaredNames(p: PackLike): string[] {
  const out = new Set<string>();
  for (const [table, t] of p.tables) {
    out.add(table);
    for (const row of t.rows.slice(0, ROWS_SCANNED)) for (const k of Object.keys(row)) out.add(k);
  }
  for (const s of list(p.pack.services)) {
    const svc = obj(s);
    if (typeof svc.name === "string") out.add(svc.name);
    for (const f of list(svc.search_fields)) if (typeof f === "string") out.add(f);
    for (const f of list(obj(svc.booking).fields)) if (typeof f === "string") out.add(f);
    for (const c of list(svc.categories)) if (typeof c === "string") out.add(c);
  }
  for (const c of list(p.pack.general_categories)) if (typeof c === "string") out.add(c);
  for (const c of Object.keys(obj(p.pack.categories))) out.add(c);
  for (const t of list(p.pack.tools)) {
    const fn = obj(obj(t).function);
    for (const arg of Object.keys(obj(obj(fn.parameters).properties))) out.add(arg);
  }
  return [...out];
}

/** The pack's tool names. */
export function toolNames(p: PackLike): string[] {
  return list(p.pack.tools)
    .map((t) => obj(obj(t).function).name)
    .filter((n): n is string => typeof n === "string");
}

/**
 * The pack's own human wording: how its people say things (category labels and asks, nouns,
 * occasions, every string of a `wording` section) and the text values of its rows. A name said
 * with spaces the way the pack itself says it is not a leak.
 */
export function sayableText(p: PackLike): string[] {
  const out: string[] = [];
  for (const c of Object.values(obj(p.pack.categories))) {
    const spec = obj(c);
    if (typeof spec.label === "string") out.push(spec.label);
    stringsUnder(spec.asks, out);
  }
  const offline = obj(p.pack.offline);
  stringsUnder(offline.nouns, out);
  stringsUnder(offline.item_noun, out);
  stringsUnder(offline.occasions, out);
  stringsUnder(p.pack.wording, out);
  const values = new Set<string>();
  for (const t of p.tables.values()) for (const row of t.rows.slice(0, ROWS_SCANNED)) for (const v of Object.values(row)) for (const s of stringsUnder(v)) values.add(s);
  return [...out, ...values];
}
