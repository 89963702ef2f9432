import { valueMeets } from "@chatmill/domains";
import type { Domain, Row } from "../contract.js";

/** The rows inside a tool result (toolRows: as the tool declares them): the one reading in @chatmill/domains, shared with the task derivation and tool-annotate. */
export { rowsOf, toolRows, resultRowsOfTool } from "@chatmill/domains";

/** What a row is called: the domain's one name lookup (a table's declared title first). */
export { nameFieldOf, nameOf } from "@chatmill/domains";

/** A row's field, dotted paths reaching nested objects (as the tools' filters read it). */
export { fieldOf } from "@chatmill/domains";

/**
 * A name as an assistant writes it: scenario-gen's display, so the goal text and the dialogue
 * write a database's lower-case names ("archway house") the same way (Archway House).
 */
export { display as displayName } from "@chatmill/scenario-gen";

/** Whether a row meets one goal constraint: the domain's one matcher, as a tool's filter judges it. */
export { meetsConstraint as meets } from "@chatmill/domains";

/** Whether a row's fields agree with an expectation's `match` (only fields the row has). */
export function agrees(row: Row, match: Record<string, unknown> | undefined): boolean {
  if (!match) return true;
  for (const [k, v] of Object.entries(match)) {
    if (!(k in row)) continue;
    if (!valueMeets(row[k], { op: "eq", value: v })) return false;
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

