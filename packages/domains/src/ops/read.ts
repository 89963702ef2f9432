import type { Row } from "../contract.js";
import { compileTest, fieldOf, rowWords, words } from "../match.js";
import { keyString } from "../tables.js";
import { filterRows, findRow, hasWord, limitOf, project, sortRows, textFilter } from "./rows.js";
import { type OpContext, type OpResult, type RunOf, fail, present } from "./types.js";

const notFound = (table: string, field: string, value: unknown): OpResult =>
  fail("not_found", `No ${table} with ${field} '${keyString(value)}'.`, { table, [field]: value });

/** search / filter / list: rows matching the filters and text, sorted, limited. */
export function runSearch(ctx: OpContext, run: RunOf<"search" | "filter" | "list">): OpResult {
  const view = ctx.state.view(run.table);
  const { args } = ctx;
  if (run.ref && present(args[run.ref.arg])) {
    const refView = ctx.state.view(run.ref.table);
    const value = args[run.ref.arg];
    if (!findRow(refView.rows(), (k) => refView.get(k), refView.key, value, run.ref.field)) {
      return notFound(run.ref.table, run.ref.field ?? refView.key, value);
    }
  }
  let rows = filterRows(view, args, run.filters, run.where);
  if (run.text && present(args[run.text.arg])) rows = textFilter(rows, String(args[run.text.arg]), run.text.fields);
  let sort = run.sort ?? [];
  const sortArg = run.sort_arg ? args[run.sort_arg] : undefined;
  if (typeof sortArg === "string" && sortArg) {
    sort = [sortArg.startsWith("-") ? { field: sortArg.slice(1), order: "desc" } : { field: sortArg, order: "asc" }, ...sort];
  }
  sortRows(rows, sort, view.key);
  const total = rows.length;
  const results = rows.slice(0, limitOf(args, run.limit, run.limit_arg)).map((r) => project(r, run.project));
  return { ok: true, data: { count: results.length, total, results }, list: "results" };
}

/** get: one row by key (or another field), with rows of other tables attached. */
export function runGet(ctx: OpContext, run: RunOf<"get">): OpResult {
  const view = ctx.state.view(run.table);
  const value = ctx.args[run.key_arg];
  const row = findRow(view.rows(), (k) => view.get(k), view.key, value, run.by);
  if (!row) return notFound(run.table, run.by ?? view.key, value);
  const out = project(row, run.project);
  for (const inc of run.include ?? []) {
    const other = ctx.state.view(inc.table);
    const key = row[view.key];
    const test = compileTest("eq", key);
    const rows = other.rows().filter((r) => test(fieldOf(r, inc.field)));
    sortRows(rows, inc.sort ?? [], other.key);
    out[inc.as] = rows.slice(0, inc.limit ?? rows.length).map((r) => project(r, inc.project));
  }
  return { ok: true, data: out };
}

/** compare: rows side by side, which attributes differ, which are shared, numeric extremes. */
export function runCompare(ctx: OpContext, run: RunOf<"compare">): OpResult {
  const view = ctx.state.view(run.table);
  const keys = ctx.args[run.keys_arg];
  if (!Array.isArray(keys) || keys.length === 0) return fail("bad_arguments", `'${run.keys_arg}' must be a non-empty array of ids`, { path: `$.${run.keys_arg}` });
  const rows: Row[] = [];
  const missing: string[] = [];
  for (const k of keys) {
    const r = view.get(k);
    if (r) rows.push(r);
    else missing.push(keyString(k));
  }
  if (missing.length) return fail("not_found", `No ${run.table} with ${view.key} ${missing.map((m) => `'${m}'`).join(", ")}.`, { table: run.table, missing });
  const fields = [...new Set([...(run.project ?? [view.key]), ...run.attributes])];
  const results = rows.map((r) => project(r, fields));
  const differing: string[] = [];
  const shared: Record<string, unknown> = {};
  const extremes: Record<string, { lowest: string; highest: string }> = {};
  for (const attr of run.attributes) {
    const values = rows.map((r) => fieldOf(r, attr));
    const texts = values.map((v) => JSON.stringify(v ?? null));
    if (texts.every((t) => t === texts[0])) {
      if (values[0] != null) shared[attr] = values[0];
      continue;
    }
    differing.push(attr);
    if (values.every((v) => typeof v === "number")) {
      let lo = 0;
      let hi = 0;
      values.forEach((v, i) => {
        if ((v as number) < (values[lo] as number)) lo = i;
        if ((v as number) > (values[hi] as number)) hi = i;
      });
      extremes[attr] = { lowest: keyString(rows[lo]![view.key]), highest: keyString(rows[hi]![view.key]) };
    }
  }
  return { ok: true, data: { count: results.length, results, differing, shared, extremes } };
}

/** similar: rows sharing the most attribute values with an anchor row, or the most words of a description. */
export function runSimilar(ctx: OpContext, run: RunOf<"similar">): OpResult {
  const view = ctx.state.view(run.table);
  const { args } = ctx;
  let anchor: Row | undefined;
  if (run.key_arg && present(args[run.key_arg])) {
    anchor = view.get(args[run.key_arg]);
    if (!anchor) return notFound(run.table, view.key, args[run.key_arg]);
  } else if (run.anchor && present(args[run.anchor.arg])) {
    const wanted = String(args[run.anchor.arg]).trim().toLowerCase();
    const field = run.anchor.field;
    anchor = view.rows().find((r) => {
      const v = fieldOf(r, field);
      if (typeof v !== "string" || !v) return false;
      const have = v.toLowerCase();
      return have === wanted || (have.length > 8 && wanted.endsWith(have));
    });
    if (!anchor && !(run.text && present(args[run.text.arg]))) {
      return fail("not_found", `No ${run.table} matches ${run.anchor.arg} '${String(args[run.anchor.arg])}'.`, { table: run.table });
    }
  }
  const query = run.text && present(args[run.text.arg]) ? words(String(args[run.text.arg])) : [];
  if (!anchor && query.length === 0) {
    const need = [run.key_arg, run.anchor?.arg, run.text?.arg].filter(Boolean).join(" or ");
    return fail("bad_arguments", `give ${need} to find similar ${run.table}`);
  }
  const anchorKey = anchor ? keyString(anchor[view.key]) : undefined;
  const anchorValues = new Map<string, Set<string>>();
  if (anchor) for (const a of run.attributes) anchorValues.set(a, attrSet(anchor, a));
  const candidates = filterRows(view, args, run.filters, run.where);
  const scored: Array<{ row: Row; score: number; shared: string[] }> = [];
  for (const row of candidates) {
    if (anchorKey !== undefined && keyString(row[view.key]) === anchorKey) continue;
    let score = 0;
    const shared: string[] = [];
    if (anchor) {
      for (const a of run.attributes) {
        const mine = attrSet(row, a);
        let n = 0;
        for (const v of anchorValues.get(a)!) if (mine.has(v)) n++;
        if (n > 0) shared.push(a);
        score += n;
      }
    } else {
      const have = rowWords(row, run.text!.fields);
      score = query.filter((w) => hasWord(have, w)).length;
    }
    if (score > 0) scored.push({ row, score, shared });
  }
  scored.sort((x, y) => y.score - x.score || cmpKey(x.row, y.row, view.key));
  const limit = limitOf(args, run.limit, run.limit_arg, 5);
  const results: Array<Record<string, unknown>> = [];
  if (anchor && run.include_anchor) results.push({ ...project(anchor, run.project), match: "exact" });
  for (const s of scored) {
    if (results.length >= limit) break;
    results.push(anchor ? { ...project(s.row, run.project), score: s.score, shared: s.shared } : { ...project(s.row, run.project), score: s.score });
  }
  return { ok: true, data: { anchor: anchorKey ?? null, count: results.length, results }, list: "results" };
}

/** availability: the stock rows of one item, which are in stock for the quantity asked. */
export function runAvailability(ctx: OpContext, run: RunOf<"availability">): OpResult {
  const { args } = ctx;
  const key = args[run.key_arg];
  if (run.item_table) {
    const items = ctx.state.view(run.item_table);
    if (!items.get(key)) return notFound(run.item_table, items.key, key);
  }
  const view = ctx.state.view(run.table);
  const isItem = compileTest("eq", key);
  const ofItem = (view.candidates(run.key_field, [key]) ?? view.rows()).filter((r) => isItem(fieldOf(r, run.key_field)));
  const rows = sortRows(filterRows(ofItem, args, run.filters), [], view.key);
  const wanted = run.quantity_arg && typeof args[run.quantity_arg] === "number" ? (args[run.quantity_arg] as number) : 1;
  const options = rows.map((r) => {
    const qty = Number(fieldOf(r, run.quantity_field) ?? 0);
    return { ...project(r, run.project), in_stock: qty >= wanted };
  });
  const data: Record<string, unknown> = {
    [run.key_arg]: key,
    requested_quantity: wanted,
    available: options.some((o) => o.in_stock),
    count: options.length,
    options,
  };
  if (ofItem.length > 0 && rows.length === 0) data.note = "no variant of this item matches the requested options";
  return { ok: true, data, list: "options" };
}

const valueSets = new WeakMap<Row, Map<string, Set<string>>>();

/** The case-folded values of a row's attribute; cached for the shared (frozen) rows. */
function attrSet(row: Row, attr: string): Set<string> {
  let m = valueSets.get(row);
  let s = m?.get(attr);
  if (s) return s;
  s = valueSet(fieldOf(row, attr));
  if (Object.isFrozen(row)) {
    if (!m) valueSets.set(row, (m = new Map()));
    m.set(attr, s);
  }
  return s;
}

function valueSet(v: unknown): Set<string> {
  const out = new Set<string>();
  const add = (x: unknown): void => {
    if (x == null || x === "") return;
    if (Array.isArray(x)) x.forEach(add);
    else if (typeof x !== "object") out.add(String(x).toLowerCase());
  };
  add(v);
  return out;
}

function cmpKey(a: Row, b: Row, key: string): number {
  const x = keyString(a[key]);
  const y = keyString(b[key]);
  return x < y ? -1 : x > y ? 1 : 0;
}
