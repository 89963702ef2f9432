import type { Row } from "../contract.js";
import { type FieldOp, compileTest, fieldOf, rowWords, sortValue, words } from "../match.js";
import type { TableView } from "../state.js";
import { keyString } from "../tables.js";
import { present } from "./types.js";

interface ArgFilter { arg: string; field: string; op?: FieldOp | undefined }
interface Where { field: string; op?: FieldOp | undefined; value?: unknown }
interface SortKey { field: string; order?: "asc" | "desc" | undefined }

/** Rows passing the fixed conditions and the filters whose arguments are given. */
export function filterRows(
  source: readonly Row[] | TableView,
  args: Record<string, unknown>,
  filters: readonly ArgFilter[] = [],
  where: readonly Where[] = [],
): Row[] {
  const rows = Array.isArray(source) ? (source as readonly Row[]) : narrow(source as TableView, args, filters, where);
  const tests: Array<(r: Row) => boolean> = [];
  for (const w of where) {
    const test = compileTest(w.op ?? "eq", w.value);
    tests.push((r) => test(fieldOf(r, w.field)));
  }
  for (const f of filters) {
    const target = args[f.arg];
    if (!present(target) || (Array.isArray(target) && target.length === 0)) continue;
    const test = compileTest(f.op ?? "eq", target);
    tests.push((r) => test(fieldOf(r, f.field)));
  }
  if (tests.length === 0) return rows.slice();
  return rows.filter((r) => tests.every((t) => t(r)));
}

/** The view's rows, or only those the most selective indexed eq/in condition can match. */
function narrow(view: TableView, args: Record<string, unknown>, filters: readonly ArgFilter[], where: readonly Where[]): readonly Row[] {
  let best: { field: string; values: readonly unknown[]; size: number } | undefined;
  const consider = (field: string, values: readonly unknown[]): void => {
    const size = view.candidateCount(field, values);
    if (size !== undefined && (!best || size < best.size)) best = { field, values, size };
  };
  for (const f of filters) {
    const op = f.op ?? "eq";
    const target = args[f.arg];
    if ((op === "eq" || op === "in") && present(target)) consider(f.field, Array.isArray(target) ? target : [target]);
  }
  for (const w of where) if ((w.op ?? "eq") === "eq" && present(w.value)) consider(w.field, [w.value]);
  return (best && view.candidates(best.field, best.values)) ?? view.rows();
}

/** Rows containing every word of the query in the given fields. */
export function textFilter(rows: readonly Row[], query: string, fields: readonly string[]): Row[] {
  const want = words(query);
  if (want.length === 0) return rows.slice();
  return rows.filter((r) => {
    const have = rowWords(r, fields);
    return want.every((w) => hasWord(have, w));
  });
}

/** A word of the row equals the query word, or starts with it ("neuro" finds "neurosciences"). */
export function hasWord(have: ReadonlySet<string>, w: string): boolean {
  if (have.has(w)) return true;
  if (w.length < 4) return false;
  for (const h of have) if (h.startsWith(w)) return true;
  return false;
}

/** Stable sort by the keys, nulls last, ties broken by the table key so order never depends on input order. */
export function sortRows(rows: Row[], keys: readonly SortKey[], tableKey: string): Row[] {
  if (rows.length < 2) return rows;
  // Each row's sort values are computed once, not once per comparison.
  const decorated = rows.map((row) => ({ row, values: keys.map((k) => sortValue(fieldOf(row, k.field))), key: keyString(row[tableKey]) }));
  decorated.sort((a, b) => {
    for (let i = 0; i < keys.length; i++) {
      const x = a.values[i]!;
      const y = b.values[i]!;
      if (x === null || y === null) {
        if (x !== y) return x === null ? 1 : -1;
        continue;
      }
      const c = typeof x === typeof y ? (x < y ? -1 : x > y ? 1 : 0) : typeof x === "number" ? -1 : 1;
      if (c !== 0) return keys[i]!.order === "desc" ? -c : c;
    }
    return a.key < b.key ? -1 : a.key > b.key ? 1 : 0;
  });
  for (let i = 0; i < rows.length; i++) rows[i] = decorated[i]!.row;
  return rows;
}

/** The given fields of a row, in the given order (all fields when none are given). */
export function project(row: Row, fields?: readonly string[]): Record<string, unknown> {
  if (!fields) return { ...row };
  const out: Record<string, unknown> = {};
  for (const f of fields) {
    const v = fieldOf(row, f);
    if (v !== undefined) out[f] = v;
  }
  return out;
}

/** The row limit: the limit argument when given (the tool's JSON Schema bounds it), else the pack's default. */
export function limitOf(args: Record<string, unknown>, limit: number | undefined, limitArg: string | undefined, fallback = 10): number {
  const asked = limitArg ? args[limitArg] : undefined;
  return typeof asked === "number" && asked >= 1 ? Math.min(Math.floor(asked), 1000) : (limit ?? fallback);
}

/** Finds a row by its key, or by another field (case-insensitive) when `field` is given. */
export function findRow(rows: readonly Row[], byKey: (k: unknown) => Row | undefined, tableKey: string, value: unknown, field?: string): Row | undefined {
  if (!field || field === tableKey) return byKey(value);
  const test = compileTest("eq", value);
  return rows.find((r) => test(fieldOf(r, field)));
}
