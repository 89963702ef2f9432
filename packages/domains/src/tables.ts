import { existsSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { gunzipSync } from "node:zlib";
import type { DomainPack } from "@chatmill/schema";
import type { Row } from "./contract.js";
import { PackError } from "./pack-error.js";

/** One table of a pack's initial database: frozen rows and an index by key. */
export interface BaseTable {
  readonly name: string;
  readonly key: string;
  readonly rows: readonly Row[];
  readonly byKey: ReadonlyMap<string, Row>;
}

export const keyString = (v: unknown): string => (v == null ? "" : String(v));

const NUMERIC = /^-?\d+(\.\d+)?$/;

/** The bucket an `eq` test falls in: numbers by value, text case-folded (a superset of eq matches). */
export function indexKey(v: unknown): string {
  if (typeof v === "number") return `n${v}`;
  const s = String(v).trim();
  return NUMERIC.test(s) ? `n${Number(s)}` : `s${s.toLowerCase()}`;
}

const indexes = new WeakMap<BaseTable, Map<string, Map<string, Row[]>>>();

/**
 * The rows of a table bucketed by a field's values (array fields under each element),
 * built on first use and shared by all sessions: eq filters on big tables (trains,
 * flights, variants) look up a bucket instead of scanning every row.
 */
export function indexOf(table: BaseTable, field: string): Map<string, Row[]> {
  let byField = indexes.get(table);
  if (!byField) indexes.set(table, (byField = new Map()));
  let index = byField.get(field);
  if (!index) {
    index = new Map();
    for (const row of table.rows) {
      const v = field in row ? row[field] : fieldPath(row, field);
      for (const x of Array.isArray(v) ? v : [v]) {
        if (x == null || typeof x === "object") continue;
        const k = indexKey(x);
        const bucket = index.get(k);
        if (bucket) {
          if (bucket[bucket.length - 1] !== row) bucket.push(row);
        } else index.set(k, [row]);
      }
    }
    byField.set(field, index);
  }
  return index;
}

function fieldPath(row: Row, path: string): unknown {
  let cur: unknown = row;
  for (const part of path.split(".")) {
    if (!cur || typeof cur !== "object") return undefined;
    cur = (cur as Record<string, unknown>)[part];
  }
  return cur;
}

/** Reads every table of a pack (inline rows or a JSON / NDJSON file beside pack.json, optionally gzip-compressed). */
export function loadTables(pack: DomainPack, dir: string, packFile: string): Map<string, BaseTable> {
  const out = new Map<string, BaseTable>();
  for (const [name, spec] of Object.entries(pack.database.tables)) {
    const where = `database.tables.${name}`;
    if (spec.rows && spec.file) throw new PackError(packFile, where, "give either `rows` or `file`, not both");
    let rows: unknown[];
    let source = packFile;
    if (spec.file) {
      source = join(dir, spec.file);
      if (!existsSync(source)) throw new PackError(packFile, `${where}.file`, `no such file '${spec.file}' beside the pack (looked for ${source})`);
      rows = readRows(source);
    } else {
      rows = spec.rows ?? [];
    }
    const byKey = new Map<string, Row>();
    const frozen: Row[] = [];
    rows.forEach((row, i) => {
      const at = spec.file ? `row ${i + 1}` : `${where}.rows[${i}]`;
      if (!row || typeof row !== "object" || Array.isArray(row)) throw new PackError(source, at, "a row must be a JSON object");
      const key = (row as Record<string, unknown>)[spec.key];
      if (key == null || key === "") throw new PackError(source, at, `the row has no key field '${spec.key}' (table '${name}' is keyed by it)`);
      const k = keyString(key);
      if (byKey.has(k)) throw new PackError(source, at, `duplicate key '${k}' in table '${name}'`);
      const r = Object.freeze(row as Row);
      byKey.set(k, r);
      frozen.push(r);
    });
    out.set(name, { name, key: spec.key, rows: Object.freeze(frozen), byKey });
  }
  return out;
}

function readRows(file: string): unknown[] {
  // A gzip-compressed file (.json.gz, .ndjson.gz) keeps a big table small in the repo.
  const gz = /\.gz$/i.test(file);
  let text: string;
  try {
    text = gz ? gunzipSync(readFileSync(file)).toString("utf8") : readFileSync(file, "utf8");
  } catch (err) {
    throw new PackError(file, "", `cannot read the table: ${(err as Error).message}`);
  }
  if (/\.(ndjson|jsonl)(\.gz)?$/i.test(file)) {
    const rows: unknown[] = [];
    text.split("\n").forEach((line, i) => {
      if (!line.trim()) return;
      try {
        rows.push(JSON.parse(line));
      } catch (err) {
        throw new PackError(file, `line ${i + 1}`, `not JSON: ${(err as Error).message}`);
      }
    });
    return rows;
  }
  let parsed: unknown;
  try {
    parsed = JSON.parse(text);
  } catch (err) {
    throw new PackError(file, "", `not JSON: ${(err as Error).message}`);
  }
  if (!Array.isArray(parsed)) throw new PackError(file, "", "a table file must hold a JSON array of rows (or be .ndjson / .jsonl)");
  return parsed;
}
