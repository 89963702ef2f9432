import type { Row } from "./contract.js";

/** The field operators of a pack's filters (see FieldOp in @chatmill/schema). */
export type FieldOp = "eq" | "ne" | "lt" | "lte" | "gt" | "gte" | "in" | "contains" | "match" | "between" | "exists";

/** A row's field; dotted paths reach into nested objects ("price.single"). */
export function fieldOf(row: Row, path: string): unknown {
  const direct = row[path];
  if (direct !== undefined || !path.includes(".")) return direct;
  let cur: unknown = row;
  for (const part of path.split(".")) {
    if (!cur || typeof cur !== "object") return undefined;
    cur = (cur as Record<string, unknown>)[part];
  }
  return cur;
}

const NUMERIC = /^-?\d+(\.\d+)?$/;

/** A number, or a numeric string as its number; undefined for anything else. */
export function asNumber(v: unknown): number | undefined {
  if (typeof v === "number") return Number.isFinite(v) ? v : undefined;
  if (typeof v === "string" && v.length > 0 && v.length < 24 && NUMERIC.test(v.trim())) return Number(v);
  return undefined;
}

const norm = (v: unknown): string => String(v).trim().toLowerCase();

/** -1, 0, 1; numbers (and numeric strings) by value, other values as case-folded text. */
export function compareValues(a: unknown, b: unknown): number {
  const x = asNumber(a);
  const y = asNumber(b);
  if (x !== undefined && y !== undefined) return x < y ? -1 : x > y ? 1 : 0;
  const s = norm(a);
  const t = norm(b);
  return s < t ? -1 : s > t ? 1 : 0;
}

/** A value turned into what sorting compares: a number, or case-folded text; null sorts last. */
export function sortValue(v: unknown): number | string | null {
  if (v == null || v === "") return null;
  const n = asNumber(v);
  return n !== undefined ? n : norm(Array.isArray(v) ? v[0] : v);
}

const STOP = new Set("a an and any are at be for from i in is it me my of on or please show some something that the to with want need looking find".split(" "));

/** Lower-cased word stems: "Dresses" and "dress" meet, "hoodies" and "hoodie" too. */
export function words(text: string): string[] {
  const out: string[] = [];
  for (const raw of text.toLowerCase().split(/[^a-z0-9]+/)) {
    if (raw.length < 2 || STOP.has(raw)) continue;
    out.push(stem(raw));
  }
  return out;
}

function stem(w: string): string {
  if (w.length > 4 && /(sses|shes|ches|xes)$/.test(w)) return w.slice(0, -2);
  if (w.length > 3 && w.endsWith("s") && !w.endsWith("ss") && !w.endsWith("us")) return w.slice(0, -1);
  return w;
}

// Word sets of the (finite) field values of the packs' rows, computed once.
const valueWords = new Map<string, Set<string>>();
function wordSet(text: string): Set<string> {
  let s = valueWords.get(text);
  if (!s) {
    s = new Set(words(text));
    if (valueWords.size < 100_000) valueWords.set(text, s);
  }
  return s;
}

const fieldIds = new WeakMap<readonly string[], string>();
/** A cache key for a list of fields (the lists come from a pack's run specs, so they are reused). */
export function fieldsId(fields: readonly string[]): string {
  let id = fieldIds.get(fields);
  if (id === undefined) fieldIds.set(fields, (id = fields.join("\u0000")));
  return id;
}

// Rows are frozen and shared by every session, so their word sets are computed once.
const wordCache = new WeakMap<Row, Map<string, Set<string>>>();

/** The searchable word set of some fields of a row. */
export function rowWords(row: Row, fields: readonly string[], id = fieldsId(fields)): Set<string> {
  let byFields = wordCache.get(row);
  const hit = byFields?.get(id);
  if (hit) return hit;
  const out = new Set<string>();
  const add = (v: unknown): void => {
    if (v == null) return;
    if (Array.isArray(v)) v.forEach(add);
    else if (typeof v !== "object") for (const w of wordSet(String(v))) out.add(w);
  };
  for (const f of fields) add(fieldOf(row, f));
  if (Object.isFrozen(row)) {
    if (!byFields) wordCache.set(row, (byFields = new Map()));
    byFields.set(id, out);
  }
  return out;
}

export type Test = (value: unknown) => boolean;

/**
 * Compiles one field test against a fixed target, so filtering thousands of rows does not
 * re-normalise the target per row. Array values pass when any element does (`ne` when
 * none is equal); an array target for eq/contains/match means "any of these".
 */
export function compileTest(op: FieldOp, target: unknown): Test {
  switch (op) {
    case "exists":
      return target === false ? (v) => !isPresent(v) : isPresent;
    case "ne": {
      const eq = compileTest("eq", target);
      return (v) => !eq(v);
    }
    case "in": {
      const tests = (Array.isArray(target) ? target : [target]).map((t) => compileTest("eq", t));
      return (v) => tests.some((t) => t(v));
    }
    case "between": {
      const [lo, hi] = Array.isArray(target) ? target : [];
      const a = lo == null ? undefined : compileTest("gte", lo);
      const b = hi == null ? undefined : compileTest("lte", hi);
      return (v) => v != null && (!a || a(v)) && (!b || b(v));
    }
    default:
      break;
  }
  if (Array.isArray(target)) {
    const tests = target.map((t) => compileTest(op, t));
    return (v) => tests.some((t) => t(v));
  }
  const scalar = compileScalar(op, target);
  return (v) => (Array.isArray(v) ? v.some(scalar) : scalar(v));
}

function isPresent(v: unknown): boolean {
  return v != null && v !== "" && !(Array.isArray(v) && v.length === 0);
}

function compileScalar(op: FieldOp, target: unknown): Test {
  const tNum = asNumber(target);
  const tStr = norm(target);
  switch (op) {
    case "eq":
      if (tNum !== undefined) return (v) => v === target || (v != null && asNumber(v) === tNum);
      return (v) => v === target || (typeof v === "string" && asNumber(v) === undefined && norm(v) === tStr) || (typeof v === "boolean" && String(v) === tStr);
    case "lt":
    case "lte":
    case "gt":
    case "gte": {
      const want = op === "lt" ? (c: number) => c < 0 : op === "lte" ? (c: number) => c <= 0 : op === "gt" ? (c: number) => c > 0 : (c: number) => c >= 0;
      return (v) => {
        if (v == null || typeof v === "object") return false;
        if (tNum !== undefined) {
          const n = asNumber(v);
          if (n !== undefined) return want(n < tNum ? -1 : n > tNum ? 1 : 0);
        }
        const s = norm(v);
        return want(s < tStr ? -1 : s > tStr ? 1 : 0);
      };
    }
    case "contains":
      return (v) => v != null && typeof v !== "object" && norm(v).includes(tStr);
    case "match": {
      const want = words(String(target));
      return (v) => {
        if (v == null || typeof v === "object") return false;
        const have = wordSet(String(v));
        return want.every((w) => have.has(w));
      };
    }
    default:
      return () => false;
  }
}

/** Whether a value passes one test (compile with compileTest when testing many rows). */
export function testValue(value: unknown, op: FieldOp, target: unknown): boolean {
  return compileTest(op, target)(value);
}

/** A condition on one field of a row: a goal's constraint, a filter, a rule. */
export interface FieldCondition {
  field: string;
  op?: FieldOp | string;
  value?: unknown;
}

const OPS = new Set<string>(["eq", "ne", "lt", "lte", "gt", "gte", "in", "contains", "match", "between", "exists"]);

/**
 * Whether a row meets a condition, judged exactly as a tool's filter with that op judges it
 * (the one matcher: the generator, the outcome check and the grader all call this, so they
 * agree with each other and with what a search returns). See the README's "Matching".
 * An unknown op never passes.
 */
export function meetsConstraint(row: Row, c: FieldCondition): boolean {
  const op = c.op ?? "eq";
  if (!OPS.has(op)) return false;
  return compileTest(op as FieldOp, c.value)(fieldOf(row, c.field));
}

/** Whether a value (of a field, or an argument) meets a condition's op and value. */
export function valueMeets(value: unknown, c: Omit<FieldCondition, "field">): boolean {
  const op = c.op ?? "eq";
  if (!OPS.has(op)) return false;
  return compileTest(op as FieldOp, c.value)(value);
}
