import type { Effect, Expr, Let, TransactRun } from "@chatmill/schema";
import type { Row } from "../contract.js";
import type { State } from "../state.js";
import { keyString } from "../tables.js";
import { type Scope, type Vars, RuleError, evaluate, holds, withRow } from "./expr.js";
import { brokenInvariant, refusal } from "./invariants.js";
import { findRow } from "./rows.js";
import { type OpContext, type OpResult, fail, present } from "./types.js";
import { newId } from "./write.js";

/**
 * A call's writes before they are made: effects change this staged copy, later effects and
 * rules read it, and only when every invariant holds is it written to the session — so a
 * refused call changes nothing.
 */
class Stage {
  private readonly changed = new Map<string, Map<string, Row>>();
  /** Rows written, in the order first touched: what commit() logs. */
  readonly order: Array<{ table: string; key: string; insert: boolean }> = [];

  constructor(private readonly state: State) {}

  get(table: string, key: string): Row | undefined {
    const mine = this.changed.get(table)?.get(key);
    return mine ?? this.state.view(table).get(key);
  }

  put(table: string, key: string, row: Row, insert: boolean): void {
    let m = this.changed.get(table);
    if (!m) this.changed.set(table, (m = new Map()));
    if (!m.has(key)) this.order.push({ table, key, insert });
    m.set(key, row);
  }

  /** A table's rows with this call's changes (inserted rows last). */
  rows(table: string): readonly Row[] {
    const base = this.state.view(table).rows();
    const m = this.changed.get(table);
    if (!m) return base;
    const key = this.state.view(table).key;
    const out = base.map((r) => m.get(keyString(r[key])) ?? r);
    for (const w of this.order) if (w.insert && w.table === table) out.push(m.get(w.key)!);
    return out;
  }

  final(w: { table: string; key: string }): Row {
    return this.changed.get(w.table)!.get(w.key)!;
  }

  commit(): void {
    for (const w of this.order) {
      const row = this.final(w);
      if (w.insert) this.state.insert(w.table, row);
      else this.state.update(w.table, w.key, row);
    }
  }
}

/** transact: reads the refs, checks every rule, stages every effect, checks the tables' invariants, then writes all or nothing. */
export function runTransact(ctx: OpContext, run: TransactRun): OpResult {
  try {
    return transact(ctx, run);
  } catch (err) {
    // An expression the data cannot compute (text where a number is needed): a pack or data bug, reported as a result.
    if (err instanceof RuleError) return fail("internal_error", `${ctx.tool}: ${err.message}`);
    throw err;
  }
}

/** A transact's `let` values: each computed once, when first used, in the call's scope as it is then. */
class Lets implements Vars {
  private readonly values = new Map<string, unknown>();
  scope!: Scope;
  constructor(private readonly lets: ReadonlyMap<string, Let>) {}
  lookup(name: string): { value: unknown } | undefined {
    if (this.values.has(name)) return { value: this.values.get(name) };
    const l = this.lets.get(name);
    if (!l) return undefined;
    const value = evaluate(l.value, this.scope) ?? null;
    this.values.set(name, value);
    return { value };
  }
}

const letsOf = new WeakMap<TransactRun, ReadonlyMap<string, Let>>();

function transact(ctx: OpContext, run: TransactRun): OpResult {
  const stage = new Stage(ctx.state);
  /** name → where its row is (null: looked up and not found). */
  const found = new Map<string, { table: string; key: string } | null>();
  let lets: Lets | undefined;
  if (run.let) {
    let byName = letsOf.get(run);
    if (!byName) letsOf.set(run, (byName = new Map(run.let.map((l) => [l.as, l]))));
    lets = new Lets(byName);
  }
  const scope: Scope = {
    args: ctx.args,
    ref: (name) => {
      const at = found.get(name);
      return at ? stage.get(at.table, at.key) : undefined;
    },
    rows: (table) => stage.rows(table),
    get: (table, key) => stage.get(table, key),
    vars: lets,
  };
  if (lets) lets.scope = scope;

  const missing: Array<{ table: string; field: string; value: unknown }> = [];
  for (const ref of run.refs ?? []) {
    const view = ctx.state.view(ref.table);
    const value = evaluate(ref.key, scope);
    const row = present(value) && typeof value !== "object" ? findRow(view.rows(), (k) => view.get(k), view.key, value, ref.by) : undefined;
    found.set(ref.as, row ? { table: ref.table, key: keyString(row[view.key]) } : null);
    if (!row && !ref.optional) missing.push({ table: ref.table, field: ref.by ?? view.key, value });
  }

  for (const rule of run.require ?? []) if (!holds(rule.check, scope)) return refusal(rule, scope);
  // No rule spoke for a missing row the call needs: the API's plain not-found.
  const gone = missing[0];
  if (gone) return fail("not_found", `No ${gone.table} with ${gone.field} '${keyString(gone.value)}'.`, { table: gone.table });

  const written: Array<{ name: string; table: string; key: string }> = [];
  for (const effect of run.effects ?? []) {
    if (effect.when && !holds(effect.when, scope)) continue;
    const out = stageEffect(ctx, effect, stage, scope, found, written);
    if (out) return out;
  }

  for (const w of stage.order) {
    const broken = brokenInvariant(ctx.domain, w.table, stage.final(w), scope);
    if (broken) return broken;
  }
  const result = resultOf(run.result, scope, stage, written);
  stage.commit();
  return { ok: true, data: result };
}

function stageEffect(
  ctx: OpContext,
  effect: Effect,
  stage: Stage,
  scope: Scope,
  found: Map<string, { table: string; key: string } | null>,
  written: Array<{ name: string; table: string; key: string }>,
): OpResult | undefined {
  const apply = (row: Row): Row => {
    // Every value of one effect is computed from the row before it, as SQL's UPDATE … SET does.
    const s = withRow(scope, row);
    const next: Record<string, unknown> = { ...row };
    for (const [field, e] of Object.entries(effect.set)) {
      const v = evaluate(e, s);
      if (v !== undefined) next[field] = v;
    }
    return next;
  };
  if ("update" in effect) {
    const at = found.get(effect.update);
    const row = at ? stage.get(at.table, at.key) : undefined;
    if (!at || !row) return fail("not_found", `${ctx.tool}: '${effect.update}' was not found, so it cannot be changed.`);
    stage.put(at.table, at.key, apply(row), false);
    if (!written.some((w) => w.table === at.table && w.key === at.key)) written.push({ name: effect.update, ...at });
    return undefined;
  }
  if ("update_all" in effect) {
    const table = effect.update_all;
    const key = ctx.state.view(table).key;
    const where = effect.where;
    for (const row of stage.rows(table).filter((r) => holds(where, withRow(scope, r)))) {
      const k = keyString(row[key]);
      stage.put(table, k, apply(row), false);
    }
    return undefined;
  }
  const table = effect.insert;
  const view = ctx.state.view(table);
  const row: Record<string, unknown> = {};
  for (const [field, e] of Object.entries(effect.set)) {
    const v = evaluate(e, scope);
    if (v !== undefined) row[field] = v;
  }
  const given = present(row[view.key]);
  const key = given ? keyString(row[view.key]) : newId(ctx, table, effect.id_prefix ?? "", (k) => stage.get(table, k) !== undefined);
  if (given && stage.get(table, key)) return fail("invalid_state", `${table} '${key}' already exists.`, { table });
  const name = effect.as ?? table;
  // The key first, as create writes it.
  stage.put(table, key, given ? row : { [view.key]: key, ...row }, true);
  found.set(name, { table, key });
  written.push({ name, table, key });
  return undefined;
}

/** The call's result: the pack's `result` expression, else every written row by its name. */
function resultOf(expr: Expr | undefined, scope: Scope, stage: Stage, written: ReadonlyArray<{ name: string; table: string; key: string }>): Record<string, unknown> {
  if (expr) {
    const v = evaluate(expr, scope);
    return v !== null && typeof v === "object" && !Array.isArray(v) ? (v as Record<string, unknown>) : { result: v ?? null };
  }
  const out: Record<string, unknown> = {};
  for (const w of written) out[w.name] = stage.get(w.table, w.key);
  return out;
}
