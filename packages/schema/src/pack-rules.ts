import { z } from "zod";

/**
 * Business rules as data: a tiny typed expression language in JSON, the preconditions a
 * call must meet, the effects it makes (several rows, several tables, computed values) and
 * the invariants a table keeps. @chatmill/domains evaluates them (ops/expr.ts,
 * ops/transact.ts, ops/invariants.ts) and checks every name at load (check-rules.ts).
 * A typed AST rather than expression strings: a pack is JSON, so JSON Schema/zod check
 * its shape, and every field, table and argument it names can be checked at load with the
 * JSON path of the mistake.
 */

const name = z.string().min(1);
const jsonValue = z.json();

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
  | { object: Record<string, Expr> };

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
  | { not: Cond };

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
export const TransactRun = z.looseObject({
  op: z.literal("transact"),
  refs: z.array(RowRef).optional().describe("rows the call reads, in order (a key may use an earlier ref)"),
  require: z.array(Rule).optional().describe("checked in order before any write; the first that fails is the result"),
  effects: z.array(Effect).min(1).describe("made in order on a staged copy; tables' invariants are checked before anything is written"),
  result: Expr.optional().describe("what the call returns (default: every row an update or an insert wrote, by its ref name or as)"),
});
export type TransactRun = z.infer<typeof TransactRun>;

/** Rules a table's rows always meet; a call whose writes would break one is refused and writes nothing. */
export const Invariants = z.array(Rule).describe("checked on every row a call writes to the table; {field} is that row");
