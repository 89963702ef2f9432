import type { Cond, Expr, RowSource } from "@chatmill/schema";
import type { Row } from "../contract.js";
import { asNumber, fieldOf, testValue } from "../match.js";

/** What an expression can see: the call's arguments, the rows it references, the row in context, whole tables. */
export interface Scope {
  args: Record<string, unknown>;
  /** A reference's row as the call sees it so far (after earlier effects); undefined when it was not found. */
  ref(name: string): Row | undefined;
  /** The row `{field}` without `of` reads: the row an update changes, a `where` tests, an invariant checks. */
  row?: Row;
  /** A table's rows as the call sees them so far. */
  rows(table: string): readonly Row[];
}

/** The scope with another row in context (a fixed shape: cheaper than a spread, on every row a `where` tests). */
export function withRow(s: Scope, row: Row | undefined): Scope {
  return { args: s.args, ref: s.ref, rows: s.rows, row };
}

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
    const row = e.of !== undefined ? s.ref(e.of) : s.row;
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
  const out: Record<string, unknown> = {};
  for (const [k, x] of Object.entries(e.object)) {
    const v = evaluate(x, s);
    if (v !== undefined) out[k] = v;
  }
  return out;
}

/** Whether a condition holds. Comparisons are the one matcher's (testValue): "Red" eq "red", "12.50" eq 12.5, a missing value is never lt/gt anything. */
export function holds(c: Cond, s: Scope): boolean {
  if ("exists" in c) return s.ref(c.exists) !== undefined;
  if ("all" in c) return c.all.every((x) => holds(x, s));
  if ("any" in c) return c.any.some((x) => holds(x, s));
  if ("not" in c) return !holds(c.not, s);
  const [op, [a, b]] = Object.entries(c)[0] as ["eq" | "ne" | "lt" | "lte" | "gt" | "gte" | "in" | "contains", [Expr, Expr]];
  return testValue(evaluate(a, s), op, evaluate(b, s));
}

/** A message or text with {{arg.NAME}}, {{REF.FIELD}} and {{row.FIELD}} filled in (absent: empty). */
export function fill(template: string, s: Scope): string {
  return template.replace(/\{\{\s*([^}]+?)\s*\}\}/g, (_, path: string) => {
    const dot = path.indexOf(".");
    const head = dot < 0 ? path : path.slice(0, dot);
    const rest = dot < 0 ? "" : path.slice(dot + 1);
    let v: unknown;
    if (head === "arg") v = s.args[rest];
    else {
      const row = head === "row" ? s.row : s.ref(head);
      v = row && rest ? fieldOf(row, rest) : undefined;
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
