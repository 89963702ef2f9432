import { z } from "zod";
import { name } from "./common.js";

/**
 * Business rules as data: a tiny typed expression language in JSON, the preconditions a
 * call must meet, the effects it makes (several rows, several tables, computed values) and
 * the invariants a table keeps. @chatmill/domains evaluates them (ops/expr.ts,
 * ops/transact.ts, ops/invariants.ts) and checks every name at load (check-rules.ts).
 * A typed AST rather than expression strings: a pack is JSON, so JSON Schema/zod check
 * its shape, and every field, table and argument it names can be checked at load with the
 * JSON path of the mistake.
 */

const jsonValue = z.json();
/** A name an expression binds (map, filter, let…): read with {"var": name}, or {"field": f, "of": name} for an object. */
const binder = name.regex(/^[A-Za-z_]\w*$/).describe("the name each element is bound to");

/** A value computed from the call's arguments and the rows it references. */
export type Expr =
  | { arg: string; default?: z.infer<typeof jsonValue> }
  | { value: z.infer<typeof jsonValue> }
  | { field: string; of?: string; default?: z.infer<typeof jsonValue> }
  | { row: string }
  | { add: Expr[] }
  | { sub: [Expr, Expr] }
  | { mul: Expr[] }
  | { div: [Expr, Expr] }
  | { min: Expr[] }
  | { max: Expr[] }
  | { round: Expr; places?: number }
  | { sum: RowSource & { field: string } }
  | { count: RowSource }
  | { if: Cond; then: Expr; else: Expr }
  | { template: string }
  | { object: Record<string, Expr> }
  | { var: string }
  | { at: Expr; path: Expr[]; default?: z.infer<typeof jsonValue> }
  | { lookup: string; key: Expr }
  | { rows: RowSource }
  | { map: Expr; as: string; to: Expr }
  | { filter: Expr; as: string; where: Cond }
  | { find: Expr; as: string; where: Cond }
  | { index: Expr; as: string; where: Cond }
  | { reduce: Expr; as: string; acc: string; init: Expr; to: Expr }
  | { to_object: Expr; as: string; key: Expr; to: Expr }
  | { list: Expr[] }
  | { zip: [Expr, Expr] }
  | { len: Expr }
  | { total: Expr }
  | { abs: Expr }
  | { sort: Expr }
  | { concat: Expr[] }
  | { merge: Expr[] }
  | { put: Expr; path: Expr[]; to: Expr }
  | { omit: Expr; keys: Expr[] }
  | { text: Expr[] }
  | { slice: Expr; from: number; to?: number }
  | { calc: Expr };

/** Rows an aggregate runs over: a table as the call sees it, or an array field (`in`), narrowed by `where`. */
export interface RowSource {
  table?: string;
  in?: Expr;
  where?: Cond;
}

/** A condition; comparisons use the one matcher (meetsConstraint's rules: "Red" eq "red", "12.50" eq 12.5). */
export type Cond =
  | { exists: string }
  | { eq: [Expr, Expr] }
  | { ne: [Expr, Expr] }
  | { lt: [Expr, Expr] }
  | { lte: [Expr, Expr] }
  | { gt: [Expr, Expr] }
  | { gte: [Expr, Expr] }
  | { in: [Expr, Expr] }
  | { contains: [Expr, Expr] }
  | { all: Cond[] }
  | { any: Cond[] }
  | { not: Cond }
  | { has: [Expr, Expr] }
  | { is_set: Expr }
  | { matches: [Expr, string] };

const pair = (): z.ZodType<[Expr, Expr]> => z.tuple([Expr, Expr]);

export const Expr: z.ZodType<Expr> = z.lazy(() =>
  z.union([
    z.strictObject({ arg: name.describe("a call argument"), default: jsonValue.optional().describe("when the argument is absent") }),
    z.strictObject({ value: jsonValue.describe("a constant") }),
    z
      .strictObject({
        field: name.describe("a field (dotted paths reach nested objects)"),
        of: name.optional().describe("the reference (refs[].as, or an insert's as) whose row it is; default: the row in context (the row an update changes, the row a where tests, the row an invariant checks)"),
        default: jsonValue.optional().describe("when the field is absent"),
      })
      .describe("a field of a row, as the call sees it so far (after earlier effects)"),
    z.strictObject({ row: name.describe("a reference's whole row (for results)") }),
    z.strictObject({ add: z.array(Expr).min(2) }),
    z.strictObject({ sub: pair() }),
    z.strictObject({ mul: z.array(Expr).min(2).describe("multiply, e.g. by a rate") }),
    z.strictObject({ div: pair() }),
    z.strictObject({ min: z.array(Expr).min(2) }),
    z.strictObject({ max: z.array(Expr).min(2) }),
    z.strictObject({ round: Expr, places: z.number().int().min(0).max(10).optional().describe("decimal places (default 0)") }),
    z.strictObject({ sum: RowSourceWith(true).describe("sum of a field over selected rows") }),
    z.strictObject({ count: RowSourceWith(false).describe("how many rows are selected") }),
    z.strictObject({ if: Cond, then: Expr, else: Expr }),
    z.strictObject({ template: z.string().describe("text with {{arg.NAME}}, {{REF.FIELD}} and {{row.FIELD}} placeholders") }),
    z.strictObject({ object: z.record(z.string(), Expr).describe("an object of computed values (for results)") }),
    z.strictObject({ var: name.describe("a value bound by a transact's let, or by the as/acc of a map, filter, find, index, reduce or to_object around it") }),
    z.strictObject({
      at: Expr,
      path: z.array(Expr).min(1).describe("keys (object) and indexes (array) in turn: products[pid].variants[vid] is {at: product, path: [variants, vid]}"),
      default: jsonValue.optional().describe("when the path leads nowhere"),
    }).describe("a value inside an object or array, by keys computed at run time (null when absent)"),
    z.strictObject({ lookup: name.describe("a table"), key: Expr }).describe("a table's row by key, as the call sees it so far (null when absent)"),
    z.strictObject({ rows: RowSourceWith(false).describe("the selected rows, as a list") }),
    z.strictObject({ map: Expr, as: binder, to: Expr }),
    z.strictObject({ filter: Expr, as: binder, where: Cond }),
    z.strictObject({ find: Expr, as: binder, where: Cond }).describe("the first element meeting where (null when none)"),
    z.strictObject({ index: Expr, as: binder, where: Cond }).describe("the position of the first element meeting where (-1 when none)"),
    z.strictObject({
      reduce: Expr,
      as: binder,
      acc: binder.describe("the accumulated value, starting at init"),
      init: Expr,
      to: Expr,
    }).describe("a fold: each element in turn updates the accumulator"),
    z.strictObject({ to_object: Expr, as: binder, key: Expr, to: Expr }).describe("an object with one entry per element"),
    z.strictObject({ list: z.array(Expr) }).describe("a list of computed values"),
    z.strictObject({ zip: pair() }).describe("pairs [a_i, b_i], as long as the shorter list"),
    z.strictObject({ len: Expr }).describe("the length of a list or text, or an object's number of keys (0 when absent)"),
    z.strictObject({ total: Expr }).describe("the sum of a list of numbers"),
    z.strictObject({ abs: Expr }),
    z.strictObject({ sort: Expr }).describe("ascending: numbers by value, texts by code point (as Python's sorted)"),
    z.strictObject({ concat: z.array(Expr).min(2).describe("lists") }).describe("one list after the other"),
    z.strictObject({ merge: z.array(Expr).min(2).describe("objects") }).describe("the objects' entries, later ones winning"),
    z.strictObject({
      put: Expr,
      path: z.array(Expr).min(1),
      to: Expr,
    }).describe("a copy with the value at path set (missing objects along the path are created)"),
    z.strictObject({ omit: Expr, keys: z.array(Expr).min(1) }).describe("a copy without these keys (computed: a certificate used up leaves the payment methods)"),
    z.strictObject({ text: z.array(Expr).min(1) }).describe("the values written one after the other as text (numbers as JavaScript writes them; null and absent as nothing)"),
    z.strictObject({
      slice: Expr,
      from: z.number().int().describe("the first position (negative: from the end)"),
      to: z.number().int().optional().describe("the position after the last (default: the end; negative: from the end)"),
    }).describe("part of a text or a list, as Python's s[from:to]"),
    z.strictObject({ calc: Expr }).describe("the value of an arithmetic text, as Python reads it: numbers, + - * / // **, signs and parentheses (null when it is not one, or divides by zero)"),
  ]),
).meta({ id: "RuleExpr", description: "a value computed from the call's arguments and the rows it references" });

function RowSourceWith(field: true): z.ZodType<RowSource & { field: string }>;
function RowSourceWith(field: false): z.ZodType<RowSource>;
function RowSourceWith(field: boolean): z.ZodType<RowSource> {
  const base = {
    table: name.optional().describe("rows of this table (with the call's earlier effects)"),
    in: Expr.optional().describe("or the elements of this array (objects), e.g. an order's items"),
    where: Cond.optional().describe("keeps the rows meeting it; {field} is the row tested"),
  };
  return field ? z.strictObject({ ...base, field: name.describe("the field summed") }) : z.strictObject(base);
}

export const Cond: z.ZodType<Cond> = z.lazy(() =>
  z.union([
    z.strictObject({ exists: name.describe("a reference (refs[].as) whose row was found") }),
    z.strictObject({ eq: pair() }),
    z.strictObject({ ne: pair() }),
    z.strictObject({ lt: pair() }),
    z.strictObject({ lte: pair() }),
    z.strictObject({ gt: pair() }),
    z.strictObject({ gte: pair() }),
    z.strictObject({ in: pair().describe("the first value equals one of the second (an array)") }),
    z.strictObject({ contains: pair() }),
    z.strictObject({ all: z.array(Cond).min(1) }),
    z.strictObject({ any: z.array(Cond).min(1) }),
    z.strictObject({ not: Cond }),
    z.strictObject({ has: pair() }).describe("an object has this key (the second value), or a list this element (exactly)"),
    z.strictObject({ is_set: Expr }).describe("the value is not null nor absent"),
    z.strictObject({
      matches: z.tuple([Expr, z.string().describe("a regular expression (JavaScript syntax), checked at load")]),
    }).describe("the text matches the regular expression"),
  ]),
).meta({ id: "RuleCond", description: "a condition over arguments and rows" });

/** A rule: when `check` fails, the call returns `{"error": {"type": error, "message": message}}` and changes nothing. */
export const Rule = z.strictObject({
  check: Cond,
  message: z.string().min(1).describe("the pack's own error text; {{arg.NAME}}, {{REF.FIELD}}, {{row.FIELD}} are filled in"),
  error: z
    .string()
    .regex(/^[a-z][a-z_]*$/)
    .optional()
    .describe("the error type (default refused): not_found, invalid_state, unavailable, insufficient_funds…"),
});
export type Rule = z.infer<typeof Rule>;

/** A row the call reads by key (or by another field); a rule says what happens when it is missing. */
export const RowRef = z.strictObject({
  as: name.regex(/^[A-Za-z_]\w*$/).describe("the name rules and effects use for the row (not arg nor row)"),
  table: name,
  key: Expr.describe("the key looked up, e.g. {\"arg\": \"account_id\"} or another row's field"),
  by: name.optional().describe("a field matched instead of the table key"),
  optional: z.boolean().optional().describe("the call may go on without it (default: a missing row is not_found after the rules)"),
});
export type RowRef = z.infer<typeof RowRef>;

const set = z.record(z.string(), Expr).describe("field → value");
const when = Cond.optional().describe("the effect happens only when this holds");

/** One write of a call: change a referenced row, every row meeting a condition, or insert a row. */
export const Effect = z.union([
  z.strictObject({ update: name.describe("a reference (refs[].as or an earlier insert's as)"), set, when }),
  z.strictObject({ update_all: name.describe("a table: every row meeting `where` is changed"), where: Cond, set, when }),
  z.strictObject({
    insert: name.describe("the table a row is added to"),
    as: name.regex(/^[A-Za-z_]\w*$/).optional().describe("a name later effects and the result use for the new row"),
    id_prefix: z.string().optional().describe("the new key is this and 8 characters derived from the state and the call (unless set gives the key)"),
    set,
    when,
  }),
]);
export type Effect = z.infer<typeof Effect>;

/**
 * transact: reads rows, checks every rule, then makes every effect, or none. Loose like the
 * other runs (code reads `run.table` across the union); @chatmill/domains refuses an unknown
 * key at load, so a misspelt `require` cannot silently drop the rules.
 */
export const Let = z.strictObject({
  as: name.regex(/^[A-Za-z_]\w*$/).describe("the name rules, effects, the result and messages use ({\"var\": name}, {{name}})"),
  value: Expr.describe("computed once, when first used, from the state the call sees then"),
});
export type Let = z.infer<typeof Let>;

export const TransactRun = z.looseObject({
  op: z.literal("transact"),
  refs: z.array(RowRef).optional().describe("rows the call reads, in order (a key may use an earlier ref)"),
  let: z.array(Let).optional().describe("named values computed from the arguments and the rows (a price difference, the first unknown item)"),
  require: z.array(Rule).optional().describe("checked in order before any write; the first that fails is the result"),
  effects: z.array(Effect).optional().describe("made in order on a staged copy; tables' invariants are checked before anything is written (none: a read with rules, e.g. a look-up with the pack's own not-found message)"),
  result: Expr.optional().describe("what the call returns (default: every row an update or an insert wrote, by its ref name or as)"),
});
export type TransactRun = z.infer<typeof TransactRun>;

/** Rules a table's rows always meet; a call whose writes would break one is refused and writes nothing. */
export const Invariants = z.array(Rule).describe("checked on every row a call writes to the table; {field} is that row");
