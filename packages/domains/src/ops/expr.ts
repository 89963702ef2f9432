import type { Cond, Expr, RowSource } from "@chatmill/schema";
import type { Row } from "../contract.js";
import { asNumber, fieldOf, testValue } from "../match.js";
import { calculate } from "./calculate.js";

/** What an expression can see: the call's arguments, the rows it references, the row in context, whole tables. */
export interface Scope {
  args: Record<string, unknown>;
  /** A reference's row as the call sees it so far (after earlier effects); undefined when it was not found. */
  ref(name: string): Row | undefined;
  /** The row `{field}` without `of` reads: the row an update changes, a `where` tests, an invariant checks. */
  row?: Row;
  /** A table's rows as the call sees them so far. */
  rows(table: string): readonly Row[];
  /** A table's row by key as the call sees it so far ({"lookup"}); undefined when absent. */
  get(table: string, key: string): Row | undefined;
  /** Values bound by a transact's `let` and by the `as`/`acc` of a map, filter, find, index, reduce or to_object. */
  vars?: Vars;
}

/** Bound names: a chain of frames, innermost first (a loop's element shadows nothing: the loader keeps names distinct). */
export interface Vars {
  /** The value bound to a name; `undefined` when this chain does not bind it. */
  lookup(name: string): { value: unknown } | undefined;
}

class Frame implements Vars {
  constructor(
    private readonly name: string,
    private readonly value: unknown,
    private readonly up: Vars | undefined,
  ) {}
  lookup(name: string): { value: unknown } | undefined {
    return name === this.name ? { value: this.value } : this.up?.lookup(name);
  }
}

/** The scope with another row in context (a fixed shape: cheaper than a spread, on every row a `where` tests). */
export function withRow(s: Scope, row: Row | undefined): Scope {
  return { args: s.args, ref: s.ref, rows: s.rows, row, get: s.get, vars: s.vars };
}

/** The scope with a name bound (a loop's element, a fold's accumulator). */
function bind(s: Scope, name: string, value: unknown): Scope {
  return { args: s.args, ref: s.ref, rows: s.rows, row: s.row, get: s.get, vars: new Frame(name, value, s.vars) };
}

function bound(s: Scope, name: string): { value: unknown } | undefined {
  return s.vars?.lookup(name);
}

const isObject = (v: unknown): v is Record<string, unknown> => v !== null && typeof v === "object" && !Array.isArray(v);

/** An expression that cannot be computed (text where a number is needed, a division by zero): the call fails, nothing is written. */
export class RuleError extends Error {}

/** The value of an expression. Arithmetic keeps 15 significant digits, so 0.1 + 0.2 is 0.3 (money adds up as on paper). */
export function evaluate(e: Expr, s: Scope): unknown {
  if ("arg" in e) {
    const v = s.args[e.arg];
    return v === undefined || v === null ? e.default : v;
  }
  if ("value" in e) return e.value;
  if ("field" in e) {
    const row = e.of !== undefined ? (s.ref(e.of) ?? objectOf(bound(s, e.of)?.value)) : s.row;
    const v = row ? fieldOf(row, e.field) : undefined;
    return v === undefined || v === null ? e.default : v;
  }
  if ("row" in e) return s.ref(e.row) ?? null;
  if ("add" in e) return clean(e.add.reduce((n, x) => n + num(x, s, "add"), 0));
  if ("sub" in e) return clean(num(e.sub[0], s, "sub") - num(e.sub[1], s, "sub"));
  if ("mul" in e) return clean(e.mul.reduce((n, x) => n * num(x, s, "mul"), 1));
  if ("div" in e) {
    const d = num(e.div[1], s, "div");
    if (d === 0) throw new RuleError("div: division by zero");
    return clean(num(e.div[0], s, "div") / d);
  }
  if ("min" in e) return Math.min(...e.min.map((x) => num(x, s, "min")));
  if ("max" in e) return Math.max(...e.max.map((x) => num(x, s, "max")));
  if ("round" in e) return roundTo(num(e.round, s, "round"), e.places ?? 0);
  if ("sum" in e) {
    const field = e.sum.field;
    return clean(rowsOf(e.sum, s).reduce((n, r) => n + toNumber(fieldOf(r, field), `sum of ${field}`), 0));
  }
  if ("count" in e) return rowsOf(e.count, s).length;
  if ("if" in e) return holds(e.if, s) ? evaluate(e.then, s) : evaluate(e.else, s);
  if ("template" in e) return fill(e.template, s);
  if ("object" in e) {
    const out: Record<string, unknown> = {};
    for (const [k, x] of Object.entries(e.object)) {
      const v = evaluate(x, s);
      if (v !== undefined) out[k] = v;
    }
    return out;
  }
  return evaluateData(e, s);
}

type DataExpr = Exclude<Expr, { arg: string } | { value: unknown } | { field: string } | { row: string } | { add: Expr[] } | { sub: [Expr, Expr] } | { mul: Expr[] } | { div: [Expr, Expr] } | { min: Expr[] } | { max: Expr[] } | { round: Expr } | { sum: unknown } | { count: unknown } | { if: Cond } | { template: string } | { object: Record<string, Expr> }>;

/** The forms over lists, objects and bound names (tau-bench's orders, variants and payment methods live in nested JSON). */
function evaluateData(e: DataExpr, s: Scope): unknown {
  if ("var" in e) return bound(s, e.var)?.value ?? null;
  if ("at" in e) {
    let cur: unknown = evaluate(e.at, s);
    for (const k of e.path) cur = step(cur, evaluate(k, s));
    return cur === undefined || cur === null ? (e.default ?? null) : cur;
  }
  if ("lookup" in e) {
    const key = evaluate(e.key, s);
    if (key === null || key === undefined || typeof key === "object") return null;
    return s.get(e.lookup, String(key)) ?? null;
  }
  if ("rows" in e) return rowsOf(e.rows, s);
  if ("map" in e) return listOf(e.map, s).map((x) => evaluate(e.to, bind(s, e.as, x)));
  if ("filter" in e) return listOf(e.filter, s).filter((x) => holds(e.where, bind(s, e.as, x)));
  if ("find" in e) return listOf(e.find, s).find((x) => holds(e.where, bind(s, e.as, x))) ?? null;
  if ("index" in e) return listOf(e.index, s).findIndex((x) => holds(e.where, bind(s, e.as, x)));
  if ("reduce" in e) {
    let acc = evaluate(e.init, s);
    for (const x of listOf(e.reduce, s)) acc = evaluate(e.to, bind(bind(s, e.as, x), e.acc, acc));
    return acc;
  }
  if ("to_object" in e) {
    const out: Record<string, unknown> = {};
    for (const x of listOf(e.to_object, s)) {
      const inner = bind(s, e.as, x);
      const k = evaluate(e.key, inner);
      if (k === null || k === undefined || typeof k === "object") throw new RuleError(`to_object: the key ${JSON.stringify(k ?? null)} is not a text or number`);
      out[String(k)] = evaluate(e.to, inner);
    }
    return out;
  }
  if ("list" in e) return e.list.map((x) => evaluate(x, s) ?? null);
  if ("zip" in e) {
    const a = listOf(e.zip[0], s);
    const b = listOf(e.zip[1], s);
    return a.slice(0, Math.min(a.length, b.length)).map((x, i) => [x, b[i]]);
  }
  if ("len" in e) {
    const v = evaluate(e.len, s);
    return Array.isArray(v) || typeof v === "string" ? v.length : isObject(v) ? Object.keys(v).length : 0;
  }
  if ("total" in e) return clean(listOf(e.total, s).reduce<number>((n, x) => n + toNumber(x, "total: an element"), 0));
  if ("abs" in e) return Math.abs(num(e.abs, s, "abs"));
  if ("sort" in e) return [...listOf(e.sort, s)].sort(ascending);
  if ("concat" in e) return e.concat.flatMap((x) => listOf(x, s));
  if ("merge" in e) return Object.assign({}, ...e.merge.map((x) => objectOf(evaluate(x, s)) ?? {}));
  if ("put" in e) return putAt(evaluate(e.put, s), e.path.map((k) => evaluate(k, s)), evaluate(e.to, s));
  if ("omit" in e) {
    const v = objectOf(evaluate(e.omit, s));
    if (!v) return null;
    const out = { ...v };
    for (const k of e.keys) {
      const key = evaluate(k, s);
      if (typeof key === "string" || typeof key === "number") delete out[key];
    }
    return out;
  }
  if ("text" in e) return e.text.map((x) => textOf(evaluate(x, s))).join("");
  if ("slice" in e) {
    const v = evaluate(e.slice, s);
    return typeof v === "string" || Array.isArray(v) ? v.slice(e.from, e.to) : null;
  }
  const text = evaluate(e.calc, s);
  return typeof text === "string" ? calculate(text) : null;
}

function textOf(v: unknown): string {
  return v == null ? "" : typeof v === "object" ? JSON.stringify(v) : String(v);
}

function objectOf(v: unknown): Row | undefined {
  return isObject(v) ? v : undefined;
}

function listOf(e: Expr, s: Scope): readonly unknown[] {
  const v = evaluate(e, s);
  return Array.isArray(v) ? v : [];
}

/** One step of a path: an object's key, an array's index. */
function step(cur: unknown, k: unknown): unknown {
  if (Array.isArray(cur)) return typeof k === "number" || (typeof k === "string" && /^\d+$/.test(k)) ? cur[Number(k)] : undefined;
  if (isObject(cur) && (typeof k === "string" || typeof k === "number")) return Object.hasOwn(cur, k) ? cur[k] : undefined;
  return undefined;
}

/** A copy of `v` with `value` at `path`; objects missing along the way are created, arrays are indexed. */
function putAt(v: unknown, path: readonly unknown[], value: unknown): unknown {
  if (path.length === 0) return value;
  const [k, ...rest] = path;
  if (Array.isArray(v)) {
    const i = typeof k === "number" ? k : typeof k === "string" && /^\d+$/.test(k) ? Number(k) : -1;
    if (i < 0 || i >= v.length) throw new RuleError(`put: index ${JSON.stringify(k)} is outside a list of ${v.length}`);
    const out = v.slice();
    out[i] = putAt(v[i], rest, value);
    return out;
  }
  if (typeof k !== "string" && typeof k !== "number") throw new RuleError(`put: the key ${JSON.stringify(k ?? null)} is not a text or number`);
  const base = isObject(v) ? v : {};
  return { ...base, [k]: putAt(base[k], rest, value) };
}

/** Numbers by value, then texts by code point (Python's sorted on ids); mixed lists put numbers first. */
function ascending(a: unknown, b: unknown): number {
  if (typeof a === "number" && typeof b === "number") return a - b;
  if (typeof a === "number") return -1;
  if (typeof b === "number") return 1;
  const x = String(a);
  const y = String(b);
  return x < y ? -1 : x > y ? 1 : 0;
}

/** Whether a condition holds. Comparisons are the one matcher's (testValue): "Red" eq "red", "12.50" eq 12.5, a missing value is never lt/gt anything. */
export function holds(c: Cond, s: Scope): boolean {
  if ("exists" in c) return s.ref(c.exists) !== undefined;
  if ("all" in c) return c.all.every((x) => holds(x, s));
  if ("any" in c) return c.any.some((x) => holds(x, s));
  if ("not" in c) return !holds(c.not, s);
  if ("has" in c) {
    const where = evaluate(c.has[0], s);
    const k = evaluate(c.has[1], s);
    if (Array.isArray(where)) return where.includes(k);
    return isObject(where) && (typeof k === "string" || typeof k === "number") && Object.hasOwn(where, k);
  }
  if ("is_set" in c) {
    const v = evaluate(c.is_set, s);
    return v !== undefined && v !== null;
  }
  if ("matches" in c) {
    const v = evaluate(c.matches[0], s);
    return typeof v === "string" && pattern(c.matches[1]).test(v);
  }
  const [op, [a, b]] = Object.entries(c)[0] as ["eq" | "ne" | "lt" | "lte" | "gt" | "gte" | "in" | "contains", [Expr, Expr]];
  return testValue(evaluate(a, s), op, evaluate(b, s));
}

const patterns = new Map<string, RegExp>();
function pattern(source: string): RegExp {
  let re = patterns.get(source);
  if (!re) patterns.set(source, (re = new RegExp(source)));
  return re;
}

/** A message or text with {{arg.NAME}}, {{REF.FIELD}}, {{row.FIELD}} and {{NAME}} / {{NAME.FIELD}} (a let) filled in (absent: empty). */
export function fill(template: string, s: Scope): string {
  return template.replace(/\{\{\s*([^}]+?)\s*\}\}/g, (_, path: string) => {
    const dot = path.indexOf(".");
    const head = dot < 0 ? path : path.slice(0, dot);
    const rest = dot < 0 ? "" : path.slice(dot + 1);
    let v: unknown;
    if (head === "arg") v = s.args[rest];
    else {
      const b = head === "row" ? undefined : bound(s, head);
      if (b && !rest) v = b.value;
      else {
        const row = head === "row" ? s.row : (s.ref(head) ?? objectOf(b?.value));
        v = row && rest ? fieldOf(row, rest) : undefined;
      }
    }
    return v == null ? "" : typeof v === "object" ? JSON.stringify(v) : String(v);
  });
}

/** The rows an aggregate runs over. */
function rowsOf(src: RowSource, s: Scope): readonly Row[] {
  let rows: readonly Row[];
  if (src.table !== undefined) rows = s.rows(src.table);
  else {
    const list = src.in !== undefined ? evaluate(src.in, s) : undefined;
    rows = Array.isArray(list) ? list.filter((x): x is Row => x !== null && typeof x === "object" && !Array.isArray(x)) : [];
  }
  const where = src.where;
  return where ? rows.filter((row) => holds(where, withRow(s, row))) : rows;
}

function num(e: Expr, s: Scope, op: string): number {
  const v = evaluate(e, s);
  if (typeof v === "number" && Number.isFinite(v)) return v;
  return toNumber(v, `${op}: ${JSON.stringify(e)}`);
}

function toNumber(v: unknown, what: string): number {
  const n = asNumber(v);
  if (n === undefined) throw new RuleError(`${what} is not a number (${v === undefined ? "absent" : JSON.stringify(v)})`);
  return n;
}

function clean(x: number): number {
  if (Number.isInteger(x)) return x;
  if (!Number.isFinite(x)) throw new RuleError(`the result ${x} is not a finite number`);
  // Float noise (0.30000000000000004) shows as 16+ significant digits; most sums are short.
  return String(x).length < 16 ? x : parseFloat(x.toPrecision(15));
}

/** Rounds half away from zero, so -2.5 and 2.5 round alike. */
function roundTo(x: number, places: number): number {
  const sign = x < 0 ? -1 : 1;
  const a = Math.abs(x);
  const text = String(a);
  // Shift by the decimal exponent, not by multiplying: 1.005 * 100 is 100.49999999999999.
  const scaled = text.includes("e") ? a * 10 ** places : Number(`${text}e${places}`);
  return clean((sign * Math.round(scaled)) / 10 ** places);
}
