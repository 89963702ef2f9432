import type { Constraint } from "../contract.js";
import type { Domain, Row } from "../contract.js";

/**
 * The rows inside a tool result, whatever its shape: a list, {results|items|rows|…: [...]},
 * or one object (a get). The assistant only ever talks about rows found here.
 */
export function rowsOf(data: unknown): Row[] {
  if (Array.isArray(data)) return data.filter((r): r is Row => !!r && typeof r === "object" && !Array.isArray(r));
  if (!data || typeof data !== "object") return [];
  const obj = data as Record<string, unknown>;
  for (const k of ["results", "items", "rows", "matches", "data", "venues", "options", "agents", "hosts", "entries", "logs"]) {
    const v = obj[k];
    if (Array.isArray(v)) return rowsOf(v);
  }
  // A get returns the row itself, whose nested lists (an agent's disks) are part of it.
  return [obj];
}

const NAME_FIELDS = ["name", "title", "hostname", "trainID", "train_id", "department", "id"];
export function nameOf(row: Row): string | undefined {
  for (const f of NAME_FIELDS) {
    const v = row[f];
    if (typeof v === "string" && v.trim() !== "") return v;
  }
  return undefined;
}

/**
 * A name as an assistant writes it: scenario-gen's display, so the goal text and the dialogue
 * write a database's lower-case names ("archway house") the same way (Archway House).
 */
export { display as displayName } from "@chatmill/scenario-gen";

export function priceOf(row: Row): number | undefined {
  for (const [k, v] of Object.entries(row)) {
    if (/^(price|fare|cost|price_single|price_double)$/i.test(k)) {
      if (typeof v === "number") return v;
      if (typeof v === "string" && /^\d+(\.\d+)?$/.test(v)) return Number(v);
    }
  }
  return undefined;
}

export function imageOf(row: Row): string | undefined {
  const v = row.image ?? row.image_url ?? row.thumbnail;
  return typeof v === "string" && v !== "" ? v : undefined;
}

const num = (v: unknown): number | undefined =>
  typeof v === "number" ? v : typeof v === "string" && /^-?\d+(\.\d+)?$/.test(v.trim()) ? Number(v) : undefined;
const same = (a: unknown, b: unknown): boolean => {
  const x = num(a);
  const y = num(b);
  if (x !== undefined && y !== undefined) return x === y;
  return String(a).trim().toLowerCase() === String(b).trim().toLowerCase();
};

/** Whether a row meets one goal constraint (array fields: any element; strings case-insensitive). */
export function meets(row: Row, c: Constraint): boolean {
  const v = row[c.field];
  if (v === undefined) return false;
  const any = (pred: (x: unknown) => boolean) => (Array.isArray(v) ? v.some(pred) : pred(v));
  switch (c.op) {
    case "eq":
      return any((x) => same(x, c.value));
    case "ne":
      return !any((x) => same(x, c.value));
    case "contains":
      return Array.isArray(v) ? v.some((x) => same(x, c.value)) : String(v).toLowerCase().includes(String(c.value).toLowerCase());
    case "in":
      return Array.isArray(c.value) && c.value.some((t: unknown) => any((x) => same(x, t)));
    case "exists":
      return v !== null && v !== "";
    default: {
      const a = num(Array.isArray(v) ? v[0] : v);
      const b = num(c.value);
      if (a === undefined || b === undefined) return false;
      return c.op === "lt" ? a < b : c.op === "lte" ? a <= b : c.op === "gt" ? a > b : a >= b;
    }
  }
}

/** Whether a row's fields agree with an expectation's `match` (only fields the row has). */
export function agrees(row: Row, match: Record<string, unknown> | undefined): boolean {
  if (!match) return true;
  for (const [k, v] of Object.entries(match)) {
    if (!(k in row)) continue;
    if (!same(row[k], v)) return false;
  }
  return true;
}

const indexes = new WeakMap<object, Map<string, Map<string, Row>>>();
/** key → row of a domain table's initial rows, built once per run (the tables are read-only). */
export function rowIndex(domain: Domain, table: string): Map<string, Row> {
  let byTable = indexes.get(domain);
  if (!byTable) indexes.set(domain, (byTable = new Map()));
  let idx = byTable.get(table);
  if (!idx) {
    const key = domain.keyOf(table);
    idx = new Map(domain.table(table).map((r) => [String(r[key]), r]));
    byTable.set(table, idx);
  }
  return idx;
}

