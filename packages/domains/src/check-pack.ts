import type { DomainPack } from "@chatmill/schema";
import { fieldOf } from "./match.js";
import { PackError } from "./pack-error.js";
import type { BaseTable } from "./tables.js";

type Run = DomainPack["tools"][number]["run"];

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
      default:
        break;
    }
  });
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
    }
  });
  pack.persona?.preferences?.forEach((p, i) => {
    if (p.from) needTable(p.from.table, `persona.preferences[${i}].from.table`);
    if (!p.from && !p.values?.length) fail(`persona.preferences[${i}]`, "give `values` or `from: {table, field}`");
    if (p.pick[0] > p.pick[1]) fail(`persona.preferences[${i}].pick`, "pick is [min, max] with min <= max");
  });
}
