import type { Cond, DomainPack, Expr, RowSource, TransactRun } from "@chatmill/schema";
import { calculate } from "./ops/calculate.js";
import { fieldOf } from "./match.js";
import type { BaseTable } from "./tables.js";

type Fail = (path: string, detail: string) => never;
type Change = NonNullable<DomainPack["tools"][number]["changes"]>[number];

/** What names an expression may use where it stands. */
interface Names {
  /** Reference name → its table (refs declared so far, and earlier inserts' `as`); null: a bound value (a let, a loop's element), whose fields are not checked. */
  refs: ReadonlyMap<string, string | null>;
  /** The table of the row `{field}` without `of` reads; null: rows of no declared table (an array's elements); undefined: no row here. */
  row: string | null | undefined;
  /** The tool's declared arguments; undefined where any tool's may be meant (a table's invariants). */
  args: ReadonlySet<string> | undefined;
}

const RESERVED = new Set(["arg", "row"]);
const TRANSACT_KEYS = new Set(["op", "refs", "let", "require", "effects", "result"]);
const COMPARE = ["eq", "ne", "lt", "lte", "gt", "gte", "in", "contains"] as const;

/**
 * Checks the names business rules use, so a typo fails at load with the JSON path instead of
 * refusing every call: tables, fields (of tables that have rows), arguments, references.
 */
export class RuleChecker {
  constructor(
    private readonly tables: ReadonlyMap<string, BaseTable>,
    private readonly fail: Fail,
    /** Per table, the fields its tools may add (`database.tables.<t>.fields`). */
    private readonly added: ReadonlyMap<string, ReadonlySet<string>> = new Map(),
  ) {}

  /** A transact run: refs, rules, effects and result, in the order the runtime meets them. */
  transact(run: TransactRun, at: string, args: ReadonlySet<string>): void {
    for (const k of Object.keys(run)) if (!TRANSACT_KEYS.has(k)) this.fail(`${at}.${k}`, `unknown key '${k}' of a transact run (it has: ${[...TRANSACT_KEYS].join(", ")})`);
    const refs = new Map<string, string | null>();
    const names = (): Names => ({ refs, row: undefined, args });
    (run.refs ?? []).forEach((ref, i) => {
      const p = `${at}.refs[${i}]`;
      this.needName(ref.as, refs, `${p}.as`);
      this.needTable(ref.table, `${p}.table`);
      if (ref.by !== undefined) this.needField(ref.table, ref.by, `${p}.by`);
      this.expr(ref.key, `${p}.key`, names());
      refs.set(ref.as, ref.table);
    });
    // A let sees the refs and the lets before it (so none can depend on itself).
    (run.let ?? []).forEach((l, i) => {
      const p = `${at}.let[${i}]`;
      this.needName(l.as, refs, `${p}.as`);
      this.expr(l.value, `${p}.value`, names());
      refs.set(l.as, null);
    });
    (run.require ?? []).forEach((rule, i) => {
      this.cond(rule.check, `${at}.require[${i}].check`, names());
      this.template(rule.message, `${at}.require[${i}].message`, names());
    });
    (run.effects ?? []).forEach((effect, i) => {
      const p = `${at}.effects[${i}]`;
      if (effect.when) this.cond(effect.when, `${p}.when`, names());
      let table: string;
      if ("update" in effect) {
        const t = refs.get(effect.update);
        if (t === undefined || t === null) this.fail(`${p}.update`, `no reference '${effect.update}' before this effect (${this.known(refs)})`);
        table = t;
      } else if ("update_all" in effect) {
        table = effect.update_all;
        this.needTable(table, `${p}.update_all`);
        this.cond(effect.where, `${p}.where`, { refs, row: table, args });
      } else {
        table = effect.insert;
        this.needTable(table, `${p}.insert`);
      }
      const inserting = "insert" in effect;
      const key = this.tables.get(table)!.key;
      for (const [field, e] of Object.entries(effect.set)) {
        if (!inserting && field === key) this.fail(`${p}.set.${field}`, `'${field}' is the key of '${table}'; a row's key cannot change`);
        if (!(inserting && field === key)) this.needField(table, field, `${p}.set.${field}`);
        this.expr(e, `${p}.set.${field}`, { refs, row: inserting ? undefined : table, args });
      }
      if ("insert" in effect && effect.as !== undefined) {
        this.needName(effect.as, refs, `${p}.as`);
        refs.set(effect.as, table);
      }
    });
    if (run.result) this.expr(run.result, `${at}.result`, names());
  }

  /** A table's invariants: conditions on the row written ({field} is that row). */
  invariants(pack: DomainPack): void {
    for (const [table, spec] of Object.entries(pack.database.tables)) {
      (spec.invariants ?? []).forEach((rule, i) => {
        const p = `database.tables.${table}.invariants[${i}]`;
        const names: Names = { refs: new Map(), row: table, args: undefined };
        this.cond(rule.check, `${p}.check`, names);
        this.template(rule.message, `${p}.message`, names);
      });
    }
  }

  expr(e: Expr, path: string, n: Names): void {
    if ("arg" in e) return this.needArg(e.arg, `${path}.arg`, n);
    if ("value" in e) return;
    if ("field" in e) {
      if (e.of !== undefined) {
        const t = n.refs.get(e.of);
        if (t === undefined) this.fail(`${path}.of`, `no reference '${e.of}' here (${this.known(n.refs)})`);
        if (t !== null) this.needField(t, e.field, `${path}.field`);
        return;
      }
      if (n.row === undefined) this.fail(`${path}.field`, `'${e.field}' has no row here: say whose it is with "of" (${this.known(n.refs)})`);
      if (n.row !== null) this.needField(n.row, e.field, `${path}.field`);
      return;
    }
    if ("row" in e) {
      if (!n.refs.get(e.row)) this.fail(`${path}.row`, `no reference '${e.row}' here (${this.known(n.refs)})`);
      return;
    }
    if ("add" in e) return this.list(e.add, `${path}.add`, n);
    if ("sub" in e) return this.list(e.sub, `${path}.sub`, n);
    if ("mul" in e) return this.list(e.mul, `${path}.mul`, n);
    if ("div" in e) return this.list(e.div, `${path}.div`, n);
    if ("min" in e) return this.list(e.min, `${path}.min`, n);
    if ("max" in e) return this.list(e.max, `${path}.max`, n);
    if ("round" in e) return this.expr(e.round, `${path}.round`, n);
    if ("sum" in e) return this.source(e.sum, `${path}.sum`, n, e.sum.field);
    if ("count" in e) return this.source(e.count, `${path}.count`, n);
    if ("if" in e) {
      this.cond(e.if, `${path}.if`, n);
      this.expr(e.then, `${path}.then`, n);
      return this.expr(e.else, `${path}.else`, n);
    }
    if ("template" in e) return this.template(e.template, `${path}.template`, n);
    if ("object" in e) {
      for (const [k, x] of Object.entries(e.object)) this.expr(x, `${path}.object.${k}`, n);
      return;
    }
    if ("var" in e) {
      if (n.refs.get(e.var) !== null) this.fail(`${path}.var`, `no value named '${e.var}' is bound here (a transact's let, or the as/acc of a map, filter, find, index, reduce or to_object around it; ${this.known(n.refs)})`);
      return;
    }
    if ("at" in e) {
      this.expr(e.at, `${path}.at`, n);
      return this.list(e.path, `${path}.path`, n);
    }
    if ("lookup" in e) {
      this.needTable(e.lookup, `${path}.lookup`);
      return this.expr(e.key, `${path}.key`, n);
    }
    if ("rows" in e) return this.source(e.rows, `${path}.rows`, n);
    if ("map" in e) return this.loop(e.map, `${path}.map`, e.as, `${path}.as`, n, (inner) => this.expr(e.to, `${path}.to`, inner));
    if ("filter" in e) return this.loop(e.filter, `${path}.filter`, e.as, `${path}.as`, n, (inner) => this.cond(e.where, `${path}.where`, inner));
    if ("find" in e) return this.loop(e.find, `${path}.find`, e.as, `${path}.as`, n, (inner) => this.cond(e.where, `${path}.where`, inner));
    if ("index" in e) return this.loop(e.index, `${path}.index`, e.as, `${path}.as`, n, (inner) => this.cond(e.where, `${path}.where`, inner));
    if ("reduce" in e) {
      this.expr(e.init, `${path}.init`, n);
      return this.loop(e.reduce, `${path}.reduce`, e.as, `${path}.as`, n, (inner) => {
        const both = this.bindName(e.acc, `${path}.acc`, inner);
        this.expr(e.to, `${path}.to`, both);
      });
    }
    if ("to_object" in e) {
      return this.loop(e.to_object, `${path}.to_object`, e.as, `${path}.as`, n, (inner) => {
        this.expr(e.key, `${path}.key`, inner);
        this.expr(e.to, `${path}.to`, inner);
      });
    }
    if ("list" in e) return this.list(e.list, `${path}.list`, n);
    if ("zip" in e) return this.list(e.zip, `${path}.zip`, n);
    if ("len" in e) return this.expr(e.len, `${path}.len`, n);
    if ("total" in e) return this.expr(e.total, `${path}.total`, n);
    if ("abs" in e) return this.expr(e.abs, `${path}.abs`, n);
    if ("sort" in e) return this.expr(e.sort, `${path}.sort`, n);
    if ("concat" in e) return this.list(e.concat, `${path}.concat`, n);
    if ("merge" in e) return this.list(e.merge, `${path}.merge`, n);
    if ("put" in e) {
      this.expr(e.put, `${path}.put`, n);
      this.list(e.path, `${path}.path`, n);
      return this.expr(e.to, `${path}.to`, n);
    }
    if ("omit" in e) {
      this.expr(e.omit, `${path}.omit`, n);
      return this.list(e.keys, `${path}.keys`, n);
    }
    if ("text" in e) return this.list(e.text, `${path}.text`, n);
    if ("slice" in e) return this.expr(e.slice, `${path}.slice`, n);
    if ("calc" in e) {
      // A constant text is checked now: a typo in a pack's formula fails at load.
      if ("value" in e.calc && (typeof e.calc.value !== "string" || calculate(e.calc.value) === null)) this.fail(`${path}.calc`, `${JSON.stringify(e.calc.value)} is not an arithmetic text (numbers, + - * / // **, signs and parentheses)`);
      return this.expr(e.calc, `${path}.calc`, n);
    }
  }

  /** A list expression and the body that sees its element bound to `as`. */
  private loop(list: Expr, listPath: string, as: string, asPath: string, n: Names, body: (inner: Names) => void): void {
    this.expr(list, listPath, n);
    body(this.bindName(as, asPath, n));
  }

  private bindName(name: string, path: string, n: Names): Names {
    this.needName(name, n.refs, path);
    if (n.args?.has(name)) this.fail(path, `'${name}' is also an argument's name; choose another so {{${name}}} cannot be misread`);
    const refs = new Map(n.refs);
    refs.set(name, null);
    return { refs, row: n.row, args: n.args };
  }

  private list(xs: readonly Expr[], path: string, n: Names): void {
    xs.forEach((x, i) => this.expr(x, `${path}[${i}]`, n));
  }

  cond(c: Cond, path: string, n: Names): void {
    if ("exists" in c) {
      if (!n.refs.get(c.exists)) this.fail(`${path}.exists`, `no reference '${c.exists}' here (${this.known(n.refs)})`);
      return;
    }
    if ("all" in c) return c.all.forEach((x, i) => this.cond(x, `${path}.all[${i}]`, n));
    if ("any" in c) return c.any.forEach((x, i) => this.cond(x, `${path}.any[${i}]`, n));
    if ("not" in c) return this.cond(c.not, `${path}.not`, n);
    if ("has" in c) return c.has.forEach((x, i) => this.expr(x, `${path}.has[${i}]`, n));
    if ("is_set" in c) return this.expr(c.is_set, `${path}.is_set`, n);
    if ("matches" in c) {
      try {
        new RegExp(c.matches[1]);
      } catch (err) {
        this.fail(`${path}.matches[1]`, `not a regular expression: ${(err as Error).message}`);
      }
      return this.expr(c.matches[0], `${path}.matches[0]`, n);
    }
    for (const op of COMPARE) {
      if (op in c) return (c as Record<typeof op, [Expr, Expr]>)[op].forEach((x, i) => this.expr(x, `${path}.${op}[${i}]`, n));
    }
  }

  /** The writes a transact makes, as an act must declare them in `changes`. */
  static writes(run: TransactRun): Change[] {
    const refs = new Map((run.refs ?? []).map((r) => [r.as, r.table]));
    const out = new Map<string, Change>();
    for (const e of run.effects ?? []) {
      let c: Change | undefined;
      if ("insert" in e) c = { table: e.insert, change: "create" };
      else if ("update_all" in e) c = { table: e.update_all, change: "update" };
      else {
        // Updating a row this call inserted is still one insert in the write log.
        const t = refs.get(e.update);
        if (t !== undefined) c = { table: t, change: "update" };
      }
      if (c) out.set(`${c.table}\u0000${c.change}`, c);
    }
    return [...out.values()];
  }

  private source(src: RowSource & { field?: string }, path: string, n: Names, field?: string): void {
    if ((src.table === undefined) === (src.in === undefined)) this.fail(path, "give exactly one of table (a table's rows) or in (an array of objects)");
    if (src.table !== undefined) this.needTable(src.table, `${path}.table`);
    if (src.in !== undefined) this.expr(src.in, `${path}.in`, n);
    const row = src.table ?? null;
    if (field !== undefined && row !== null) this.needField(row, field, `${path}.field`);
    if (src.where) this.cond(src.where, `${path}.where`, { ...n, row });
  }

  private template(text: string, path: string, n: Names): void {
    for (const m of text.matchAll(/\{\{\s*([^}]+?)\s*\}\}/g)) {
      const name = m[1]!;
      const dot = name.indexOf(".");
      const head = dot < 0 ? name : name.slice(0, dot);
      const rest = dot < 0 ? "" : name.slice(dot + 1);
      if (!rest) {
        if (n.refs.get(head) === null) continue;
        this.fail(path, `{{${name}}}: write {{arg.NAME}}, {{REF.FIELD}}, {{row.FIELD}} or {{NAME}} of a let`);
      }
      if (head === "arg") this.needArg(rest, path, n);
      else if (head === "row") {
        if (n.row === undefined) this.fail(path, `{{${name}}}: there is no row in context here; name the reference (${this.known(n.refs)})`);
        if (n.row !== null) this.needField(n.row, rest, path);
      } else {
        const t = n.refs.get(head);
        if (t === undefined) this.fail(path, `{{${name}}}: no reference '${head}' here (${this.known(n.refs)})`);
        if (t !== null) this.needField(t, rest, path);
      }
    }
  }

  private needName(name: string, refs: ReadonlyMap<string, string | null>, path: string): void {
    if (RESERVED.has(name)) this.fail(path, `'${name}' is reserved (placeholders {{arg.…}} and {{row.…}}); choose another name`);
    if (refs.has(name)) this.fail(path, `'${name}' already names a ${refs.get(name) === null ? "bound value" : "reference"}; names must differ`);
  }

  private needArg(arg: string, path: string, n: Names): void {
    if (n.args && !n.args.has(arg)) this.fail(path, `argument '${arg}' is not declared in function.parameters.properties (it has: ${[...n.args].join(", ") || "none"})`);
  }

  private needTable(table: string, path: string): void {
    if (!this.tables.has(table)) this.fail(path, `no table '${table}' in database.tables (it has: ${[...this.tables.keys()].join(", ")})`);
  }

  /** A field must exist in some row; tables that start empty (ledgers, bookings) have nothing to check against. */
  private needField(table: string, field: string, path: string): void {
    const rows = this.tables.get(table)?.rows;
    if (!rows || rows.length === 0) return;
    if (this.added.get(table)?.has(field.split(".")[0]!)) return;
    if (!rows.some((r) => fieldOf(r, field) !== undefined)) this.fail(path, `no row of table '${table}' has a field '${field}'`);
  }

  private known(refs: ReadonlyMap<string, string | null>): string {
    return refs.size ? `references here: ${[...refs.keys()].join(", ")}` : "no references are declared before it";
  }
}
