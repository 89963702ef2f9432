// Which of a row's facts a details answer says, as a person describing one thing would choose:
// what sets it apart from the rest of its table (a shop whose every item is "by Luma" does not
// say so of each), and not what this dialogue already said about it (the list line's "for men").
// How common a value is, is read from the table's rows once per pack and table, never per answer,
// and never from what a field is called.
import type { Domain, Row } from "../../contract.js";
import type { Dialog } from "./context.js";

/** Per pack, per table: how many rows hold each value of each field (values as JSON). */
const COUNTS = new WeakMap<Domain, Map<string, { rows: number; fields: Map<string, Map<string, number>> }>>();

function countsOf(domain: Domain, table: string): { rows: number; fields: Map<string, Map<string, number>> } {
  let byTable = COUNTS.get(domain);
  if (!byTable) COUNTS.set(domain, (byTable = new Map()));
  let counts = byTable.get(table);
  if (counts) return counts;
  const rows = domain.pack.database.tables[table] ? domain.table(table) : [];
  const fields = new Map<string, Map<string, number>>();
  for (const row of rows) {
    for (const [k, v] of Object.entries(row)) {
      let values = fields.get(k);
      if (!values) fields.set(k, (values = new Map()));
      const key = JSON.stringify(v);
      values.set(key, (values.get(key) ?? 0) + 1);
    }
  }
  counts = { rows: rows.length, fields };
  byTable.set(table, counts);
  return counts;
}

/**
 * The share of the table's rows that hold this very value in this field (0 when the table is
 * unknown or empty). A field whose every row has its own value (a phone number, a code) is a
 * reference, not a trait: rarity says nothing of it, and it counts as held by half the rows.
 */
export function valueShare(domain: Domain, table: string | undefined, field: string, value: unknown): number {
  if (table === undefined) return 0;
  const counts = countsOf(domain, table);
  if (counts.rows === 0) return 0;
  const values = counts.fields.get(field);
  if (values && counts.rows >= 5 && values.size === counts.rows) return 0.5;
  return (values?.get(JSON.stringify(value)) ?? 0) / counts.rows;
}

/** Facts said about each row in each dialogue, by the row's name: a details answer does not repeat what the list said. */
const SAID = new WeakMap<Dialog, Map<string, Set<string>>>();

/** Notes that these fields of the row named `name` were said in this dialogue. */
export function noteSaid(d: Dialog, name: string, fields: Iterable<string>): void {
  let byName = SAID.get(d);
  if (!byName) SAID.set(d, (byName = new Map()));
  let said = byName.get(name);
  if (!said) byName.set(name, (said = new Set()));
  for (const f of fields) said.add(f);
}

/** Whether this field of the row named `name` was already said in this dialogue. */
export function saidBefore(d: Dialog, name: string, field: string): boolean {
  return SAID.get(d)?.get(name)?.has(field) ?? false;
}

/** What a row's state was noted under: no field is called this. */
const STATE = "\u0000state";

/** Whether the row named `name` had its state reported earlier in this dialogue; notes that it has now. */
export function reportedAgain(d: Dialog, name: string): boolean {
  const again = saidBefore(d, name, STATE);
  noteSaid(d, name, [STATE]);
  return again;
}

/**
 * Up to `n` of `pool`'s fields, drawn with the dialogue's rng, each weighted by how rare the row's
 * value is in its table (a value every row has is seldom worth saying); fields already said about
 * this row come only when nothing else is left.
 */
export function drawFacts(d: Dialog, row: Row, name: string, table: string | undefined, pool: readonly string[], n: number): string[] {
  const fresh = pool.filter((k) => !saidBefore(d, name, k));
  const from = fresh.length >= n ? [...fresh] : [...fresh, ...pool.filter((k) => !fresh.includes(k))];
  const chosen: string[] = [];
  while (chosen.length < n && from.length > 0) {
    // Weight 1 − share, squared: a value half the rows hold is drawn a quarter as often as a unique one; one all hold, never while another is left.
    const k = d.rng.weighted(from.map((f) => [f, Math.max(0.02, (1 - valueShare(d.domain, table, f, row[f])) ** 2)] as const));
    chosen.push(k);
    from.splice(from.indexOf(k), 1);
  }
  return chosen;
}

/** Per pack, per table and prose field: how many rows' prose holds each fragment (bullets). */
const FRAGMENTS = new WeakMap<Domain, Map<string, { rows: number; counts: Map<string, number> }>>();

/**
 * Up to `n` of `items` (fragments of a row's prose field, as `split` reads them), drawn rarest first
 * in weight as drawFacts draws fields; a fragment `most` or more of the table's rows hold is left out.
 */
export function drawRare(d: Dialog, table: string | undefined, field: string, split: (text: string) => string[], items: readonly string[], n: number, most = 1): string[] {
  let byKey = FRAGMENTS.get(d.domain);
  if (!byKey) FRAGMENTS.set(d.domain, (byKey = new Map()));
  const key = `${table ?? ""}\u0000${field}`;
  let seen = byKey.get(key);
  if (!seen) {
    const rows = table !== undefined && d.domain.pack.database.tables[table] ? d.domain.table(table) : [];
    const counts = new Map<string, number>();
    for (const r of rows) for (const f of new Set(typeof r[field] === "string" ? split(r[field] as string) : [])) counts.set(f, (counts.get(f) ?? 0) + 1);
    byKey.set(key, (seen = { rows: rows.length, counts }));
  }
  const share = (f: string) => (seen.rows === 0 ? 0 : (seen.counts.get(f) ?? 0) / seen.rows);
  const from = [...new Set(items)].filter((f) => share(f) < most);
  const chosen: string[] = [];
  while (chosen.length < n && from.length > 0) {
    const k = d.rng.weighted(from.map((f) => [f, Math.max(0.02, (1 - share(f)) ** 2)] as const));
    chosen.push(k);
    from.splice(from.indexOf(k), 1);
  }
  return chosen;
}
