import type { DomainPack } from "@chatmill/schema";
import { RuleChecker } from "./check-rules.js";
import { checkDisplay } from "./check-display.js";
import { fieldOf, meetsConstraint } from "./match.js";
import { PackError } from "./pack-error.js";
import type { BaseTable } from "./tables.js";
import { READ_ROLES, checkHttp, checkMcp, checkRole, needServer, type Fail, type NeedTable, type Run } from "./check-tools.js";

/**
 * Checks what the JSON Schema cannot: that the names a pack uses point at tables, fields,
 * arguments and tools that exist. Errors name the file and the field path.
 */
export function checkReferences(pack: DomainPack, tables: ReadonlyMap<string, BaseTable>, file: string): void {
  const fail = (path: string, detail: string): never => {
    throw new PackError(file, path, detail);
  };
  const tableNames = [...tables.keys()].join(", ") || "(none)";
  const needTable = (name: string | undefined, path: string): void => {
    if (name !== undefined && !tables.has(name)) fail(path, `no table '${name}' in database.tables (it has: ${tableNames})`);
  };
  const toolNames = new Set<string>();
  pack.tools.forEach((tool, i) => {
    const at = `tools[${i}]`;
    const fname = tool.function.name;
    if (toolNames.has(fname)) fail(`${at}.function.name`, `duplicate tool name '${fname}'`);
    toolNames.add(fname);
    const params = tool.function.parameters as { properties?: Record<string, unknown> };
    const declared = new Set(Object.keys(params.properties ?? {}));
    const needArg = (arg: string | undefined, path: string): void => {
      if (arg !== undefined && !declared.has(arg)) {
        fail(`${at}.run.${path}`, `argument '${arg}' is not declared in function.parameters.properties of '${fname}'`);
      }
    };
    const run = tool.run as Run & Record<string, unknown>;
    needTable(run.table as string | undefined, `${at}.run.table`);
    const needField = (table: string | undefined, field: string, path: string): void => {
      const rows = table !== undefined ? tables.get(table)?.rows : undefined;
      // Tables that start empty (bookings) have no fields to check against.
      if (!rows || rows.length === 0) return;
      if (!rows.some((r) => fieldOf(r, field) !== undefined)) fail(`${at}.run.${path}`, `no row of table '${table}' has a field '${field}'`);
    };
    const table = run.table as string | undefined;
    for (const [j, f] of ((run.project as string[] | undefined) ?? []).entries()) needField(table, f, `project[${j}]`);
    for (const [j, f] of ((run.filters as Array<{ field: string }> | undefined) ?? []).entries()) needField(table, f.field, `filters[${j}].field`);
    for (const [j, f] of ((run.where as Array<{ field: string }> | undefined) ?? []).entries()) needField(table, f.field, `where[${j}].field`);
    for (const [j, f] of ((run.sort as Array<{ field: string }> | undefined) ?? []).entries()) needField(table, f.field, `sort[${j}].field`);
    for (const [j, f] of ((run.attributes as string[] | undefined) ?? []).entries()) needField(table, f, `attributes[${j}]`);
    for (const [j, f] of (((run.text as { fields: string[] } | undefined)?.fields) ?? []).entries()) needField(table, f, `text.fields[${j}]`);
    for (const key of ["key_arg", "keys_arg", "command_arg", "limit_arg", "sort_arg", "quantity_arg"] as const) {
      needArg(run[key] as string | undefined, key);
    }
    for (const [j, f] of ((run.filters as Array<{ arg: string }> | undefined) ?? []).entries()) needArg(f.arg, `filters[${j}].arg`);
    const text = run.text as { arg: string } | undefined;
    if (text) needArg(text.arg, "text.arg");
    const anchor = run.anchor as { arg: string } | undefined;
    if (anchor) needArg(anchor.arg, "anchor.arg");
    checkHttp(run, at, needArg, fail, pack);
    checkMcp(run, at, needArg, fail, pack);
    switch (run.op) {
      case "get":
        run.include?.forEach((inc, j) => needTable(inc.table, `${at}.run.include[${j}].table`));
        break;
      case "availability":
        needTable(run.item_table, `${at}.run.item_table`);
        break;
      case "create":
        if (run.ref) {
          needTable(run.ref.table, `${at}.run.ref.table`);
          needArg(run.ref.arg, "ref.arg");
        }
        for (const [field, src] of Object.entries(run.set)) if ("arg" in src) needArg(src.arg as string, `set.${field}.arg`);
        break;
      case "modify":
        for (const [field, src] of Object.entries(run.set)) if ("arg" in src) needArg(src.arg as string, `set.${field}.arg`);
        break;
      case "command":
        run.commands.forEach((rule, j) => {
          try {
            new RegExp(rule.pattern);
          } catch (err) {
            fail(`${at}.run.commands[${j}].pattern`, `not a regular expression: ${(err as Error).message}`);
          }
          if (rule.each) needTable(rule.each.table, `${at}.run.commands[${j}].each.table`);
          rule.effects?.forEach((e, k) => needTable(e.table, `${at}.run.commands[${j}].effects[${k}].table`));
        });
        break;
      case "transact":
        new RuleChecker(tables, fail, addedFields(pack)).transact(run, `${at}.run`, declared);
        break;
      default:
        break;
    }
  });
  new RuleChecker(tables, fail, addedFields(pack)).invariants(pack);
  const reset = pack.live?.reset;
  if (reset && "tool" in reset) needServer(pack, reset.server, "live.reset.server", fail);
  pack.tools.forEach((tool, i) => checkRole(tool, `tools[${i}]`, needTable, fail));
  pack.services.forEach((s, i) => {
    needTable(s.table, `services[${i}].table`);
    const rows = s.table !== undefined ? tables.get(s.table)?.rows : undefined;
    s.search_fields?.forEach((f, j) => {
      if (rows && rows.length > 0 && !rows.some((r) => fieldOf(r, f) !== undefined)) {
        fail(`services[${i}].search_fields[${j}]`, `no row of table '${s.table}' has a field '${f}'`);
      }
    });
    if (s.booking) {
      for (const key of ["create", "modify", "cancel"] as const) {
        const t = s.booking[key];
        if (t !== undefined && !toolNames.has(t)) fail(`services[${i}].booking.${key}`, `no tool named '${t}' in tools`);
      }
      for (const [field, v] of Object.entries(s.booking.values ?? {})) {
        const at = `services[${i}].booking.values.${field}`;
        if (!s.booking.fields.includes(field)) fail(at, `'${field}' is not one of booking.fields (${s.booking.fields.join(", ")}); declare values only for the fields a user gives`);
        if (v.kind === "time" && v.hours[0] > v.hours[1]) fail(`${at}.hours`, "hours is [earliest, latest] with earliest <= latest");
        if (v.kind === "count" && v.between[0] > v.between[1]) fail(`${at}.between`, "between is [min, max] with min <= max");
        if (v.kind === "place") {
          v.among?.forEach((t, j) => {
            needTable(t, `${at}.among[${j}]`);
            if (tables.get(t)?.rows.length === 0) fail(`${at}.among[${j}]`, `table '${t}' has no rows: a place is drawn from its rows`);
          });
        }
      }
    }
  });
  checkCategories(pack, fail);
  checkFacts(pack, tables, fail);
  checkCategoryRows(pack, tables, fail);
  checkCategoryChanges(pack, fail);
  checkOffline(pack, tables, needTable, fail);
  checkNames(pack, tables, fail);
  pack.persona?.preferences?.forEach((p, i) => {
    if (p.from) needTable(p.from.table, `persona.preferences[${i}].from.table`);
    if (!p.from && !p.values?.length) fail(`persona.preferences[${i}]`, "give `values` or `from: {table, field}`");
    if (p.pick[0] > p.pick[1]) fail(`persona.preferences[${i}].pick`, "pick is [min, max] with min <= max");
  });
}

/** Per table, the fields its tools may add (`database.tables.<t>.fields`). */
function addedFields(pack: DomainPack): Map<string, Set<string>> {
  return new Map(Object.entries(pack.database.tables).map(([t, spec]) => [t, new Set(spec.fields ?? [])]));
}

/** Every category a service or general_categories lists has a declared task, and no other is declared. */
function checkCategories(pack: DomainPack, fail: Fail): void {
  const listed = new Set<string>();
  pack.services.forEach((s, i) =>
    s.categories.forEach((c, j) => {
      listed.add(c);
      if (!pack.categories[c]) fail(`services[${i}].categories[${j}]`, `category '${c}' has no entry in \`categories\`; declare its task: {"${c}": {"task": "create|modify|cancel|info|issue"}}`);
    }),
  );
  pack.general_categories.forEach((c, j) => {
    listed.add(c);
    if (!pack.categories[c]) fail(`general_categories[${j}]`, `category '${c}' has no entry in \`categories\`; declare its task: {"${c}": {"task": "create|modify|cancel|info|issue"}}`);
  });
  for (const c of Object.keys(pack.categories)) {
    if (!listed.has(c)) fail(`categories.${c}`, `'${c}' is not a category of any service nor in general_categories`);
  }
}

/** A modify category's declared `changes` are booking fields of every service that lists it. */
function checkCategoryChanges(pack: DomainPack, fail: Fail): void {
  for (const [c, spec] of Object.entries(pack.categories)) {
    if (!spec.changes) continue;
    const at = `categories.${c}.changes`;
    if (spec.task !== "modify") fail(at, `'${c}' is a ${spec.task} task; \`changes\` names the booking fields a modify task changes`);
    const owners = pack.services.filter((s) => s.categories.includes(c));
    if (owners.length === 0) fail(at, `'${c}' names the booking fields it changes, so the services that list it need bookings (general categories cannot)`);
    for (const s of owners) {
      const fields = s.booking?.fields ?? [];
      spec.changes.forEach((f, j) => {
        if (!fields.includes(f)) fail(`${at}[${j}]`, `'${f}' is not a booking field of service '${s.name}' (${fields.join(", ") || "it has no booking"})`);
      });
    }
  }
}

/** As the checker compares a fact with what was said: lower-case, without commas. */
const asSaid = (v: unknown): string => String(v).toLowerCase().replaceAll(",", "");

/**
 * An information service (`facts`) can be answered from its data: it has a table, a lookup or
 * search tool reads that table, every row has a value for every fact, and the fields the
 * answer is worded from (`says`) hold each row's facts, so the answer says them.
 */
function checkFacts(pack: DomainPack, tables: ReadonlyMap<string, BaseTable>, fail: Fail): void {
  pack.services.forEach((s, i) => {
    const at = `services[${i}]`;
    if (s.says && !s.facts) fail(`${at}.says`, "`says` words the answer of an information service: declare its `facts` too");
    if (!s.facts) return;
    if (s.table === undefined) fail(`${at}.facts`, `service '${s.name}' declares facts but no \`table\` to read them from`);
    const table = tables.get(s.table!)!;
    const readers = pack.tools.filter((t) => READ_ROLES.has(t.role) && (t.run as { table?: string }).table === s.table);
    if (readers.length === 0) fail(`${at}.facts`, `no lookup or search tool reads table '${s.table}': declare one, so the assistant can look up the row it answers from`);
    const says = s.says ?? s.facts;
    for (const [list, fields] of [["facts", s.facts], ["says", says]] as const) {
      fields.forEach((f, j) => {
        if (table.rows.length > 0 && !table.rows.some((r) => fieldOf(r, f) !== undefined)) fail(`${at}.${list}[${j}]`, `no row of table '${s.table}' has a field '${f}'`);
      });
    }
    for (const row of table.rows) {
      const key = String(row[table.key]);
      const said = says.map((f) => asSaid(fieldOf(row, f) ?? "")).join(" ");
      s.facts.forEach((f, j) => {
        const v = fieldOf(row, f);
        if (v === undefined || v === null || String(v).trim() === "") fail(`${at}.facts[${j}]`, `row '${key}' of table '${s.table}' has no '${f}': every row a user can ask about needs its facts`);
        if (!said.includes(asSaid(v))) fail(`${at}.facts[${j}]`, `row '${key}' of table '${s.table}': its '${f}' (${JSON.stringify(v)}) is not in what the answer says (${says.join(", ")})`);
      });
    }
  });
}

/** A category's `where` narrows the rows of the table of each service that lists it: its fields exist and some row meets it. */
function checkCategoryRows(pack: DomainPack, tables: ReadonlyMap<string, BaseTable>, fail: Fail): void {
  for (const [c, spec] of Object.entries(pack.categories)) {
    if (!spec.where) continue;
    const at = `categories.${c}.where`;
    const owners = pack.services.filter((s) => s.categories.includes(c));
    if (owners.length === 0 || owners.some((s) => s.table === undefined)) fail(at, `'${c}' narrows the rows it is about, so every service that lists it needs a \`table\` (general categories cannot)`);
    for (const s of owners) {
      const rows = tables.get(s.table!)?.rows ?? [];
      spec.where.forEach((w, j) => {
        if (rows.length > 0 && !rows.some((r) => fieldOf(r, w.field) !== undefined)) fail(`${at}[${j}].field`, `no row of table '${s.table}' has a field '${w.field}'`);
      });
      if (rows.length > 0 && !rows.some((r) => spec.where!.every((w) => meetsConstraint(r, w)))) fail(at, `no row of table '${s.table}' meets every condition`);
    }
  }
}

/** Every field the wording declares (`wording.names`, `wording.values`) is a field some table has (or a tool adds) or an argument some tool takes: a misspelt one would silently never be said. */
function checkNames(pack: DomainPack, tables: ReadonlyMap<string, BaseTable>, fail: Fail): void {
  const known = new Set<string>();
  for (const t of pack.tools) for (const a of Object.keys((t.function.parameters as { properties?: object }).properties ?? {})) known.add(a);
  for (const fields of addedFields(pack).values()) for (const f of fields) known.add(f);
  for (const t of tables.values()) for (const r of t.rows.slice(0, 1000)) for (const f of Object.keys(r)) known.add(f);
  for (const section of ["names", "values"] as const) {
    for (const f of Object.keys(pack.wording?.[section] ?? {})) {
      if (!known.has(f)) fail(`wording.${section}.${f}`, `no table has a field '${f}' and no tool an argument '${f}': word a field or argument the pack has`);
    }
  }  // A misspelt table's short names would never be said.
  for (const t of Object.keys(pack.wording?.short_names ?? {})) if (!tables.has(t)) fail(`wording.short_names.${t}`, `no table named '${t}': name a table of the pack's database`);
}

function checkOffline(pack: DomainPack, tables: ReadonlyMap<string, BaseTable>, needTable: NeedTable, fail: Fail): void {
  const off = pack.offline;
  if (!off) return;
  const services = new Set(pack.services.map((s) => s.name));
  checkDisplay(pack, tables, needTable, fail);
  for (const s of Object.keys(off.nouns ?? {})) if (!services.has(s)) fail(`offline.nouns.${s}`, `no service named '${s}'`);
  off.combinations?.forEach((combo, i) =>
    combo.forEach((s, j) => {
      if (!services.has(s)) fail(`offline.combinations[${i}][${j}]`, `no service named '${s}'`);
    }),
  );
}
