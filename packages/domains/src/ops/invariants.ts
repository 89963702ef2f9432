import type { Rule } from "@chatmill/schema";
import type { Row } from "../contract.js";
import type { LoadedDomain } from "../domain.js";
import { type Scope, RuleError, fill, holds } from "./expr.js";
import { type OpContext, type OpResult, fail } from "./types.js";

/** A failed rule as the call's result: the pack's message with its placeholders filled in. */
export function refusal(rule: Rule, s: Scope): OpResult {
  return fail(rule.error ?? "refused", fill(rule.message, s));
}

/** The invariants a table declares (none for most tables: then a write costs one lookup). */
export function invariantsOf(domain: LoadedDomain, table: string): readonly Rule[] | undefined {
  const rules = domain.pack.database.tables[table]?.invariants;
  return rules && rules.length > 0 ? rules : undefined;
}

/**
 * The first invariant of `table` that `row` would break, as the call's error; undefined when
 * the row keeps them all. Every write path asks this before it writes (create, modify, cancel,
 * a command's effects, a transact's staged rows), so no call can leave a table breaking them.
 */
export function brokenInvariant(domain: LoadedDomain, table: string, row: Row, base: Omit<Scope, "row">): OpResult | undefined {
  const rules = invariantsOf(domain, table);
  if (!rules) return undefined;
  const s: Scope = { args: base.args, ref: base.ref, rows: base.rows, row, get: base.get };
  for (const rule of rules) {
    try {
      if (!holds(rule.check, s)) return refusal(rule, s);
    } catch (err) {
      if (err instanceof RuleError) return fail("internal_error", `invariant of ${table}: ${err.message}`);
      throw err;
    }
  }
  return undefined;
}

/** What a table's invariants see from a create, modify, cancel or command: the arguments and the session's tables (no named rows). */
export function plainScope(ctx: OpContext): Omit<Scope, "row"> {
  return { args: ctx.args, ref: () => undefined, rows: (table) => ctx.state.view(table).rows(), get: (table, key) => ctx.state.view(table).get(key) };
}
