import type { Domain } from "../contract.js";
import type { ToolSession } from "../session.js";

/**
 * A live backend names the rows it creates itself (order "o1"); the pack's tables model, which
 * plans tasks and re-runs dialogues for the checker, names the same row its own way
 * ("P20S7VXG"). A binding says that one name stands for the other, learned when a create runs
 * on both sides, so a later call that names the row (cancel "o1") reaches the same row on the
 * other side. Only whole argument values are rewritten (a key, or a key in a list): a key
 * never appears inside other text of an argument.
 */
export class KeyBindings {
  private readonly to = new Map<string, string>();

  /** `from` (this side's key) is the row the other side calls `to`. */
  bind(from: string | undefined, to: string | undefined): void {
    if (from !== undefined && to !== undefined && from !== to) this.to.set(from, to);
  }

  get size(): number {
    return this.to.size;
  }

  /** The arguments with every bound key replaced; the same object when nothing is bound in them. */
  rewrite(args: Record<string, unknown>): Record<string, unknown> {
    if (this.to.size === 0) return args;
    let changed = false;
    const swap = (v: unknown): unknown => {
      if ((typeof v === "string" || typeof v === "number") && this.to.has(String(v))) {
        changed = true;
        return this.to.get(String(v));
      }
      return Array.isArray(v) ? v.map(swap) : v;
    };
    const out = Object.fromEntries(Object.entries(args).map(([k, v]) => [k, swap(v)]));
    return changed ? out : args;
  }
}

/** The row the last call inserted: its table and key (the last insert among the session's writes from index `from`). */
export function insertedRow(session: Pick<ToolSession, "writes">, from: number): { table: string; key: string } | undefined {
  const writes = session.writes;
  for (let i = writes.length - 1; i >= from; i--) {
    const w = writes[i]!;
    if (w.op === "insert") return { table: w.table, key: w.key };
  }
  return undefined;
}

/**
 * The key a create's recorded result gives the row it made: the table's key field at the top
 * of the result, or in an object one level down (`{"order": {...}}`).
 */
export function keyInResult(domain: Domain, table: string, content: string): string | undefined {
  let data: unknown;
  try {
    data = JSON.parse(content);
  } catch {
    return undefined;
  }
  if (!data || typeof data !== "object" || Array.isArray(data)) return undefined;
  const field = domain.keyOf(table);
  const scalar = (v: unknown) => (typeof v === "string" || typeof v === "number" ? String(v) : undefined);
  const top = scalar((data as Record<string, unknown>)[field]);
  if (top !== undefined) return top;
  for (const v of Object.values(data as Record<string, unknown>)) {
    if (v && typeof v === "object" && !Array.isArray(v)) {
      const inner = scalar((v as Record<string, unknown>)[field]);
      if (inner !== undefined) return inner;
    }
  }
  return undefined;
}
