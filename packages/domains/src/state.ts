import { sha256Hex } from "@chatmill/kit";
import { canonicalJson } from "./canonical.js";
import type { Row } from "./contract.js";
import type { LoadedDomain } from "./domain.js";
import { type BaseTable, indexKey, indexOf, keyString } from "./tables.js";

export interface Write {
  table: string;
  op: "insert" | "update" | "delete";
  key: string;
  row?: Row;
}

/** One table as a session sees it: the shared initial rows under the session's own writes. */
export class TableView {
  /** key → the session's version of the row (null: deleted). Created on first write. */
  private overlay: Map<string, Row | null> | undefined;
  /** Keys of rows the session inserted, in insertion order. */
  private inserted: string[] = [];
  private cached: readonly Row[] | undefined;

  constructor(readonly base: BaseTable) {}

  get key(): string {
    return this.base.key;
  }

  get(key: unknown): Row | undefined {
    const k = keyString(key);
    if (this.overlay?.has(k)) return this.overlay.get(k) ?? undefined;
    return this.base.byKey.get(k);
  }

  /** Initial rows in their order (updated in place, deleted ones left out), then inserted ones. */
  rows(): readonly Row[] {
    const overlay = this.overlay;
    if (!overlay) return this.base.rows;
    if (this.cached) return this.cached;
    const out: Row[] = [];
    for (const row of this.base.rows) {
      const k = keyString(row[this.base.key]);
      if (!overlay.has(k)) out.push(row);
      else {
        const mine = overlay.get(k);
        if (mine) out.push(mine);
      }
    }
    for (const k of this.inserted) {
      const mine = overlay.get(k);
      if (mine) out.push(mine);
    }
    this.cached = out;
    return out;
  }

  /**
   * Rows that may equal one of `values` in `field` (a superset: callers still test every
   * row), from the shared index plus this session's own rows; undefined for small tables,
   * where a scan is as fast.
   */
  candidates(field: string, values: readonly unknown[]): Row[] | undefined {
    if (this.candidateCount(field, values) === undefined) return undefined;
    const index = indexOf(this.base, field);
    const out: Row[] = [];
    const seen = new Set<Row>();
    for (const v of values) {
      if (v == null || typeof v === "object") return undefined;
      for (const row of index.get(indexKey(v)) ?? []) {
        if (seen.has(row)) continue;
        seen.add(row);
        if (!this.overlay?.has(keyString(row[this.base.key]))) out.push(row);
      }
    }
    if (this.overlay) for (const row of this.overlay.values()) if (row) out.push(row);
    return out;
  }

  /** How many initial rows `candidates` would return (undefined: not indexable, scan instead). */
  candidateCount(field: string, values: readonly unknown[]): number | undefined {
    if (this.base.rows.length < 500) return undefined;
    const index = indexOf(this.base, field);
    let n = 0;
    for (const v of values) {
      if (v == null || typeof v === "object") return undefined;
      n += index.get(indexKey(v))?.length ?? 0;
    }
    return n;
  }

  put(key: string, row: Row | null): void {
    this.overlay ??= new Map();
    if (!this.base.byKey.has(key) && !this.overlay.has(key)) this.inserted.push(key);
    this.overlay.set(key, row === null ? null : Object.freeze(row));
    this.cached = undefined;
  }
}

/** A session's database: lazily created views over the domain's tables, and its write log. */
export class State {
  private readonly views = new Map<string, TableView>();
  readonly writes: Write[] = [];
  private digestCache: string | undefined;

  constructor(readonly domain: LoadedDomain) {}

  view(table: string): TableView {
    let v = this.views.get(table);
    if (!v) {
      v = new TableView(this.domain.base(table));
      this.views.set(table, v);
    }
    return v;
  }

  insert(table: string, row: Row): void {
    const view = this.view(table);
    const key = keyString(row[view.key]);
    view.put(key, row);
    this.log({ table, op: "insert", key, row });
  }

  update(table: string, key: string, row: Row): void {
    this.view(table).put(key, row);
    this.log({ table, op: "update", key, row });
  }

  delete(table: string, key: string): void {
    this.view(table).put(key, null);
    this.log({ table, op: "delete", key });
  }

  /** Applies recorded writes (from another session or a Dialogue) without re-running tools. */
  apply(writes: ReadonlyArray<Write>): void {
    for (const w of writes) {
      if (w.op === "delete") this.delete(w.table, w.key);
      else if (!w.row) throw new Error(`a recorded ${w.op} on '${w.table}' (key ${w.key}) has no row`);
      else if (w.op === "insert") this.insert(w.table, { ...w.row });
      else this.update(w.table, w.key, { ...w.row });
    }
  }

  /**
   * 16 hex digits over the canonical write log; the same for every session with no writes.
   * Tables count by their position in the pack, not their name, so renaming a pack's tables
   * changes no digest and no booking reference derived from one.
   */
  digest(): string {
    this.digestCache ??= sha256Hex(canonicalJson(this.writes.map((w) => ({ ...w, table: this.domain.tableIndex(w.table) })))).slice(0, 16);
    return this.digestCache;
  }

  private log(w: Write): void {
    this.writes.push(w);
    this.digestCache = undefined;
  }
}
