import { FIELD_PARTS, type DisplayParts, type DomainPack } from "@chatmill/schema";

/** table → field → its new name. */
export type FieldRenames = Record<string, Record<string, string>>;

type Obj = Record<string, unknown>;

/**
 * Renames fields (columns) of tables everywhere the pack format names a field of a known table:
 * the table's key and added fields; a run's filters, where, text, sort, project, by, attributes,
 * anchor, key/quantity/status fields, capacity, closed, the keys it writes (`set`), its ref's
 * field, where and `{ref: field}` values, its includes, its command matches, effects and
 * `{{field}}` templates; services' search_fields, facts and says; categories' where; persona
 * pools; display; identity owners; and `wording.values`/`wording.names` keys (under the new name
 * when every table renaming the field renames it alike; also under the old one while `kept` says a
 * table or tool argument still has that name). Runs over the pack's tables
 * only: a pack with business rules (op transact, invariants) is refused, as their expressions
 * are not walked yet. Rows are renamed by renameRowFields. Runs before tables are renamed.
 */
export function renamePackFields(p: DomainPack, renames: FieldRenames, kept: (field: string) => boolean = () => false): void {
  if (Object.keys(renames).length === 0) return;
  if (p.tools.some((t) => t.run.op === "transact") || Object.values(p.database.tables).some((t) => t.invariants !== undefined)) {
    throw new Error(`renamePack: renaming fields of a pack with business rules (op transact, invariants) is not supported; '${p.name}' has them`);
  }
  const f = (table: string | undefined, field: string): string => (table === undefined ? field : renames[table]?.[field] ?? field);
  const list = (table: string | undefined, xs: string[] | undefined): string[] | undefined => xs?.map((x) => f(table, x));
  const keysOf = (table: string | undefined, rec: Obj): Obj => Object.fromEntries(Object.entries(rec).map(([k, v]) => [f(table, k), v]));
  const template = (table: string | undefined, text: string): string => text.replace(/\{\{\s*([A-Za-z_][\w.]*)\s*\}\}/g, (m, name: string) => (renames[table ?? ""]?.[name] ? `{{${f(table, name)}}}` : m));
  const onFields = (table: string | undefined, xs: Array<{ field: string }> | undefined) => xs?.forEach((x) => (x.field = f(table, x.field)));

  for (const [table, spec] of Object.entries(p.database.tables)) {
    spec.key = f(table, spec.key);
    if (spec.fields) spec.fields = list(table, spec.fields)!;
  }
  for (const t of p.tools) {
    const run = t.run as Obj & { table?: string };
    const table = run.table;
    onFields(table, run.filters as Array<{ field: string }> | undefined);
    onFields(table, run.where as Array<{ field: string }> | undefined);
    onFields(table, run.sort as Array<{ field: string }> | undefined);
    const text = run.text as { fields: string[] } | undefined;
    if (text) text.fields = list(table, text.fields)!;
    for (const k of ["project", "attributes"] as const) if (Array.isArray(run[k])) run[k] = list(table, run[k] as string[]);
    for (const k of ["by", "key_field", "quantity_field", "status_field"] as const) if (typeof run[k] === "string") run[k] = f(table, run[k] as string);
    const anchor = run.anchor as { field: string } | undefined;
    if (anchor) anchor.field = f(table, anchor.field);
    const closed = (run.closed ?? run.offline) as { field: string } | undefined;
    if (closed) closed.field = f(table, closed.field);
    const capacity = run.capacity as { per: string[]; sum?: string } | undefined;
    if (capacity) {
      capacity.per = list(table, capacity.per)!;
      if (capacity.sum !== undefined) capacity.sum = f(table, capacity.sum);
    }
    const ref = run.ref as { table: string; field?: string; where?: Array<{ field: string }> } | undefined;
    if (ref?.field !== undefined) ref.field = f(ref.table, ref.field);
    onFields(ref?.table, ref?.where);
    if (run.set && typeof run.set === "object") {
      const set = run.set as Record<string, Obj>;
      for (const src of Object.values(set)) {
        if (typeof src.ref === "string") src.ref = f(ref?.table, src.ref);
        if (typeof src.template === "string") src.template = (src.template as string).replace(/\{\{\s*ref\.([\w]+)\s*\}\}/g, (_m, name: string) => `{{ref.${f(ref?.table, name)}}}`);
      }
      run.set = keysOf(table, set);
    }
    if (table === undefined && !Array.isArray(run.include)) continue;
    for (const inc of (run.include as Array<{ table: string; field: string; project?: string[]; sort?: Array<{ field: string }> }> | undefined) ?? []) {
      inc.field = f(inc.table, inc.field);
      if (inc.project) inc.project = list(inc.table, inc.project)!;
      onFields(inc.table, inc.sort);
    }
    for (const rule of (run.commands as Array<Obj> | undefined) ?? []) {
      if (typeof rule.output === "string") rule.output = template(table, rule.output);
      const each = rule.each as { table: string; match: Record<string, string>; line: string; header?: string; empty?: string } | undefined;
      if (each) {
        each.match = Object.fromEntries(Object.entries(each.match).map(([k, v]) => [f(each.table, k), template(table, v)]));
        each.line = template(each.table, each.line);
      }
      for (const e of (rule.effects as Array<{ table: string; match: Record<string, string>; set: Obj }> | undefined) ?? []) {
        e.match = Object.fromEntries(Object.entries(e.match).map(([k, v]) => [f(e.table, k), template(table, v)]));
        e.set = keysOf(e.table, e.set);
      }
    }
  }
  for (const s of p.services) {
    if (s.search_fields) s.search_fields = list(s.table, s.search_fields)!;
    if (s.facts) s.facts = list(s.table, s.facts)!;
    if (s.says) s.says = list(s.table, s.says)!;
  }
  for (const [name, spec] of Object.entries(p.categories)) {
    const table = p.services.find((s) => s.categories.includes(name))?.table;
    onFields(table, spec.where);
  }
  for (const pref of p.persona?.preferences ?? []) if (pref.from) pref.from.field = f(pref.from.table, pref.from.field);
  for (const [table, d] of Object.entries(p.offline?.display ?? {})) {
    for (const k of ["title", "id", "price", "image", "prose"] as const) if (d[k] !== undefined) d[k] = f(table, d[k]!);
    if (d.details) d.details = list(table, d.details)!;
    if (d.unsaid) d.unsaid = list(table, d.unsaid)!;
    if (d.parts) renameParts(p, table, d.parts, f);
  }
  for (const s of p.policy?.identity?.scoped ?? []) {
    const table = (p.tools.find((t) => t.function.name === s.tool)?.run as { table?: string } | undefined)?.table;
    if (s.owner !== undefined) s.owner = f(table, s.owner);
  }
  // Wording names fields without their table: said under the new name when it is the same in every table that renames it,
  // and still under the old one when a table keeps a field of that name or a tool takes it as an argument (`kept`:
  // travel renames police.name only; the taxi's departure argument is no table's field).
  const global = (field: string): string => {
    const names = new Set(Object.values(renames).flatMap((m) => (m[field] !== undefined ? [m[field]!] : [])));
    return names.size === 1 ? [...names][0]! : field;
  };
  const both = <T>(rec: Record<string, T>): Record<string, T> => Object.fromEntries(Object.entries(rec).flatMap(([k, v]) => (global(k) === k ? [[k, v]] : kept(k) ? [[k, v], [global(k), v]] : [[global(k), v]])));
  if (p.wording?.values) p.wording.values = both(p.wording.values);
  if (p.wording?.names) p.wording.names = both(p.wording.names);
}

/** A table's rows with their fields renamed (top-level fields; values are data and stay). */
export function renameRowFields(rows: readonly Obj[], renames: Record<string, string> | undefined): Obj[] {
  if (!renames) return rows.map((r) => ({ ...r }));
  return rows.map((r) => Object.fromEntries(Object.entries(r).map(([k, v]) => [renames[k] ?? k, v])));
}

/**
 * A display's parts: the fields of the table's rows, and a list's entries' fields by the table
 * that holds them (the include that joins the list, whose `as` keeps its name; a list in the data
 * is a field of the table, and keeps its entries' names, as renameRowFields renames top-level
 * fields only).
 */
function renameParts(p: DomainPack, table: string, parts: DisplayParts, f: (table: string | undefined, field: string) => string): void {
  for (const k of FIELD_PARTS) if (parts[k] !== undefined) parts[k] = f(table, parts[k]!);
  if (parts.where) parts.where = parts.where.map((x) => f(table, x));
  for (const m of parts.metrics ?? []) m.field = f(table, m.field);
  const joined = (list: string): string | undefined => {
    for (const t of p.tools) {
      const run = t.run as { table?: string; include?: Array<{ table: string; as: string }> };
      const inc = run.table === table ? run.include?.find((i) => i.as === list) : undefined;
      if (inc) return inc.table;
    }
    return undefined;
  };
  if (parts.usage) {
    const from = joined(parts.usage.list);
    parts.usage = { ...parts.usage, list: from === undefined ? f(table, parts.usage.list) : parts.usage.list, name: f(from, parts.usage.name), percent: f(from, parts.usage.percent) };
  }
  if (parts.members) {
    const from = joined(parts.members.list);
    parts.members = { ...parts.members, list: from === undefined ? f(table, parts.members.list) : parts.members.list, name: f(from, parts.members.name), state: f(from, parts.members.state) };
  }
}
