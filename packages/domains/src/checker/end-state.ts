import { canonicalJson } from "../canonical.js";
import type { Row } from "../contract.js";
import type { ToolSession } from "../session.js";

/** A row whose final value differs between two sessions over the same pack (null: absent or deleted). */
export interface StateDifference {
  table: string;
  key: string;
  expected: Row | null;
  actual: Row | null;
}

/**
 * tau-bench's end-state comparison, over what either session changed: every row written by
 * one or the other must have the same final value in both. Rows neither touched are the
 * pack's own and equal by construction; the order of the writes does not matter, only where
 * they left the data.
 */
export function endStateDiff(expected: ToolSession, actual: ToolSession): StateDifference[] {
  const touched = new Map<string, { table: string; key: string }>();
  for (const w of [...expected.writes, ...actual.writes]) touched.set(`${w.table}\u0000${w.key}`, { table: w.table, key: w.key });
  const out: StateDifference[] = [];
  for (const { table, key } of touched.values()) {
    const e = expected.get(table, key) ?? null;
    const a = actual.get(table, key) ?? null;
    if (canonicalJson(e) !== canonicalJson(a)) out.push({ table, key, expected: e, actual: a });
  }
  return out.sort((x, y) => (x.table === y.table ? (x.key < y.key ? -1 : x.key > y.key ? 1 : 0) : x.table < y.table ? -1 : 1));
}
