import { sha256Hex } from "@chatmill/kit";
import { canonicalJson } from "../canonical.js";
import type { Row } from "../contract.js";
import { fieldOf, testValue } from "../match.js";
import { keyString } from "../tables.js";
import { brokenInvariant, plainScope } from "./invariants.js";
import { findRow } from "./rows.js";
import { type OpContext, type OpResult, type RunOf, fail, present } from "./types.js";

type ValueSource = RunOf<"create">["set"][string];

/** A value for a written field; undefined leaves the field out. */
function evaluate(src: ValueSource, args: Record<string, unknown>, ref: Row | undefined, id: string): unknown {
  if ("arg" in src) return present(args[src.arg as string]) ? args[src.arg as string] : src.default;
  if ("ref" in src) return ref ? fieldOf(ref, src.ref as string) : undefined;
  if ("value" in src) return src.value;
  if ("pick" in src) {
    const list = src.pick as unknown[];
    return list[parseInt(sha256Hex(`pick\u0000${id}`).slice(0, 8), 16) % list.length];
  }
  if ("template" in src) {
    return String(src.template).replace(/\{\{\s*([^}]+?)\s*\}\}/g, (_, name: string) => {
      if (name === "id") return id;
      const v = name.startsWith("ref.") ? (ref ? fieldOf(ref, name.slice(4)) : undefined) : args[name];
      return v == null ? "" : String(v);
    });
  }
  if ("digits" in src) {
    const n = src.digits as number;
    let digits = "";
    for (let i = 0; digits.length < n; i++) digits += BigInt(`0x${sha256Hex(`digits\u0000${id}\u0000${i}`).slice(0, 12)}`).toString().slice(1);
    return `${(src.prefix as string | undefined) ?? ""}${digits.slice(0, n)}`;
  }
  return undefined;
}

/** A booking reference like MultiWOZ's: prefix and 8 base-36 characters, from the state and the call. */
export function newId(ctx: OpContext, table: string, prefix: string, taken: (id: string) => boolean): string {
  // The table by its position, so a renamed pack makes the same references.
  const seed = canonicalJson({ domain: ctx.domain.name, table: ctx.domain.tableIndex(table), state: ctx.state.digest(), args: ctx.args });
  for (let i = 0; ; i++) {
    const h = sha256Hex(`${seed}\u0000${i}`);
    const id = `${prefix}${BigInt(`0x${h.slice(0, 12)}`).toString(36).toUpperCase().padStart(8, "0").slice(-8)}`;
    if (!taken(id)) return id;
  }
}

/** create: a new booking/order row, referring to an existing venue/item. */
export function runCreate(ctx: OpContext, run: RunOf<"create">): OpResult {
  const { args } = ctx;
  const view = ctx.state.view(run.table);
  let ref: Row | undefined;
  if (run.ref) {
    const refView = ctx.state.view(run.ref.table);
    const value = args[run.ref.arg];
    ref = findRow(refView.rows(), (k) => refView.get(k), refView.key, value, run.ref.field);
    if (!ref) return fail("not_found", `No ${run.ref.table} with ${run.ref.field ?? refView.key} '${keyString(value)}'.`, { table: run.ref.table });
    for (const w of run.ref.where ?? []) {
      const v = fieldOf(ref, w.field);
      if (!testValue(v, w.op ?? "eq", w.value)) {
        return fail("unavailable", `${run.ref.table} '${keyString(value)}' cannot be booked: ${w.field} is '${keyString(v)}'.`, { table: run.ref.table });
      }
    }
  }
  const id = newId(ctx, run.table, run.id_prefix ?? "", (k) => view.get(k) !== undefined);
  const row: Record<string, unknown> = { [view.key]: id };
  for (const [field, src] of Object.entries(run.set)) {
    const v = evaluate(src, args, ref, id);
    if (v !== undefined) row[field] = v;
  }
  if (run.capacity) {
    const cap = run.capacity;
    const live = liveRows(ctx.domain, run.table);
    const slot = view.rows().filter((r) => live(r) && cap.per.every((f) => testValue(fieldOf(r, f), "eq", row[f])));
    const size = (r: Row): number => (cap.sum ? Number(fieldOf(r, cap.sum) ?? 0) : 1);
    const used = slot.reduce((n, r) => n + size(r), 0);
    if (used + size(row) > cap.limit) {
      return fail("unavailable", `Fully booked for ${cap.per.map((f) => keyString(row[f])).join(", ")}: ${Math.max(0, cap.limit - used)} left. Try another slot.`, {
        table: run.table,
      });
    }
  }
  const broken = brokenInvariant(ctx.domain, run.table, row, plainScope(ctx));
  if (broken) return broken;
  ctx.state.insert(run.table, row);
  return { ok: true, data: row };
}

/**
 * Which rows of a table still take a place in a capacity: not those a cancel tool of the pack
 * has cancelled (its status_field and value; a cancelled booking keeps its row). Read from the
 * pack's own cancel runs, so a pack that says "void" in a field "state" is counted right.
 */
const liveCache = new WeakMap<OpContext["domain"], Map<string, (r: Row) => boolean>>();
function liveRows(domain: OpContext["domain"], table: string): (r: Row) => boolean {
  let byTable = liveCache.get(domain);
  if (!byTable) liveCache.set(domain, (byTable = new Map()));
  let live = byTable.get(table);
  if (!live) {
    const marks = domain.pack.tools.flatMap((t) => (t.run?.op === "cancel" && t.run.table === table ? [cancelMark(t.run)] : []));
    live = (r) => !marks.some((m) => testValue(r[m.field], "eq", m.value));
    byTable.set(table, live);
  }
  return live;
}

/** The field a cancel run sets and the value it sets it to (documented defaults: status, cancelled). */
export function cancelMark(run: RunOf<"cancel">): { field: string; value: string } {
  return { field: run.status_field ?? "status", value: run.value ?? "cancelled" };
}

function closedError(run: { closed?: { field: string; values: unknown[] } | undefined }, row: Row, table: string, key: string): OpResult | undefined {
  if (!run.closed) return undefined;
  const v = fieldOf(row, run.closed.field);
  if (run.closed.values.some((c) => testValue(v, "eq", c))) {
    return fail("invalid_state", `${table} '${key}' is ${keyString(v)} and cannot be changed.`, { table, [run.closed.field]: v });
  }
  return undefined;
}

/** modify: changes the fields whose arguments are given. */
export function runModify(ctx: OpContext, run: RunOf<"modify">): OpResult {
  const view = ctx.state.view(run.table);
  const key = keyString(ctx.args[run.key_arg]);
  const row = view.get(key);
  if (!row) return fail("not_found", `No ${run.table} with ${view.key} '${key}'.`, { table: run.table });
  const closed = closedError(run, row, run.table, key);
  if (closed) return closed;
  const next: Record<string, unknown> = { ...row };
  let changed = 0;
  for (const [field, src] of Object.entries(run.set)) {
    if ("arg" in src && !present(ctx.args[src.arg as string])) continue;
    const v = evaluate(src, ctx.args, undefined, key);
    if (v === undefined) continue;
    if ("arg" in src) changed++;
    next[field] = v;
  }
  if (changed === 0) {
    const fields = Object.values(run.set).flatMap((s) => ("arg" in s ? [s.arg as string] : []));
    return fail("bad_arguments", `nothing to change: give one of ${fields.join(", ")}`);
  }
  const broken = brokenInvariant(ctx.domain, run.table, next, plainScope(ctx));
  if (broken) return broken;
  ctx.state.update(run.table, key, next);
  return { ok: true, data: next };
}

/** cancel: sets the status field to cancelled (the row stays, as a real booking system keeps it). */
export function runCancel(ctx: OpContext, run: RunOf<"cancel">): OpResult {
  const view = ctx.state.view(run.table);
  const key = keyString(ctx.args[run.key_arg]);
  const row = view.get(key);
  if (!row) return fail("not_found", `No ${run.table} with ${view.key} '${key}'.`, { table: run.table });
  const { field: statusField, value } = cancelMark(run);
  // The error names the state the record is in, as a closed record's does: a caller (the offline
  // assistant) says "already cancelled" from it, not a guess from the error's type.
  if (testValue(row[statusField], "eq", value)) return fail("invalid_state", `${run.table} '${key}' is already ${value}.`, { table: run.table, [statusField]: row[statusField] });
  const closed = closedError(run, row, run.table, key);
  if (closed) return closed;
  const next = { ...row, [statusField]: value };
  const broken = brokenInvariant(ctx.domain, run.table, next, plainScope(ctx));
  if (broken) return broken;
  ctx.state.update(run.table, key, next);
  return { ok: true, data: next };
}
