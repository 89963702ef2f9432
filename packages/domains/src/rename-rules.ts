import type { DomainPack, TransactRun } from "@chatmill/schema";

/**
 * Renames the tables a transact run names: its refs, its inserts and update_alls, and the
 * `table` of every `sum`/`count`/`rows` and the table of every `lookup` in its expressions; and those inside the tables'
 * invariants. Constants (`value`, `default`) are data and stay as they are.
 */
export function renameRuleTables(p: DomainPack, table: (n: string) => string): void {
  for (const t of p.tools) {
    if (t.run.op !== "transact") continue;
    const run = t.run as TransactRun;
    for (const ref of run.refs ?? []) ref.table = table(ref.table);
    for (const e of run.effects ?? []) {
      if ("insert" in e) e.insert = table(e.insert);
      if ("update_all" in e) e.update_all = table(e.update_all);
    }
    walk(run, table);
  }
  for (const spec of Object.values(p.database.tables)) walk(spec.invariants, table);
}

function walk(node: unknown, table: (n: string) => string): void {
  if (Array.isArray(node)) return node.forEach((x) => walk(x, table));
  if (node === null || typeof node !== "object") return;
  const keys = Object.keys(node);
  for (const [k, v] of Object.entries(node as Record<string, unknown>)) {
    // A constant ({"value": …} alone, or a default) is data; a let's "value" beside its "as" is an expression.
    if (k === "default" || (k === "value" && keys.length === 1)) continue;
    if (k === "lookup" && typeof v === "string") (node as Record<string, unknown>)[k] = table(v);
    if ((k === "sum" || k === "count" || k === "rows") && v !== null && typeof v === "object" && typeof (v as { table?: unknown }).table === "string") {
      (v as { table: string }).table = table((v as { table: string }).table);
    }
    walk(v, table);
  }
}
