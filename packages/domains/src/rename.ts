import type { DomainPack } from "@chatmill/schema";
import { renamePackFields, renameRowFields, type FieldRenames } from "./rename-fields.js";
import { renameRuleTables } from "./rename-rules.js";

export interface Renames {
  tools?: Record<string, string>;
  tables?: Record<string, string>;
  categories?: Record<string, string>;
  /** table (its name before renaming) → field → new name: see renamePackFields for where fields are renamed. */
  fields?: FieldRenames;
}

/**
 * A copy of a pack with tools, tables and categories renamed everywhere the pack format
 * refers to them (tool names and booking tools; table keys, `run` tables, includes, a place's `among`, command
 * tables, declared changes, `about`, business rules' tables, persona pools, display, the
 * policy's tools and identity table; categories and their tasks).
 * A renamed category keeps what a person calls it: its label, or without one its task's words
 * (what a category is called never comes from its name).
 * Descriptions are prose and stay as they are. Data files are not touched (rows hold no
 * table, tool or category names), except for a table whose fields are renamed: its rows,
 * from `rows(table)`, are written into the pack with their fields renamed (and its `file`
 * dropped). The renaming test uses this to show that no behaviour depends on a name; a user
 * can use it to give a pack's names a prefix.
 */
export function renamePack(pack: DomainPack, renames: Renames, rows?: (table: string) => readonly Record<string, unknown>[]): DomainPack {
  const p = structuredClone(pack) as DomainPack;
  for (const table of Object.keys(renames.fields ?? {})) {
    const spec = p.database.tables[table];
    if (!spec) throw new Error(`renamePack: no table '${table}' to rename fields of`);
    if (!rows) throw new Error(`renamePack: renaming fields of '${table}' rewrites its rows: give rows(table)`);
    spec.rows = renameRowFields(rows(table), renames.fields![table]);
    delete spec.file;
  }
  // A field name some table keeps (or a tool's argument) keeps its wording under that name too.
  const kept = (field: string): boolean =>
    (rows !== undefined && Object.keys(p.database.tables).some((t) => renames.fields?.[t]?.[field] === undefined && rows(t).slice(0, 1000).some((r) => Object.hasOwn(r, field)))) ||
    p.tools.some((t) => Object.hasOwn((t.function.parameters.properties ?? {}) as object, field));
  renamePackFields(p, renames.fields ?? {}, kept);
  const tool = (n: string): string => renames.tools?.[n] ?? n;
  const table = (n: string): string => renames.tables?.[n] ?? n;
  const category = (n: string): string => renames.categories?.[n] ?? n;
  const keys = <T>(rec: Record<string, T>, f: (k: string) => string): Record<string, T> => Object.fromEntries(Object.entries(rec).map(([k, v]) => [f(k), v]));

  p.database.tables = keys(p.database.tables, table);
  for (const s of p.services) {
    if (s.table !== undefined) s.table = table(s.table);
    s.categories = s.categories.map(category);
    if (s.booking) {
      s.booking.create = tool(s.booking.create);
      if (s.booking.modify !== undefined) s.booking.modify = tool(s.booking.modify);
      if (s.booking.cancel !== undefined) s.booking.cancel = tool(s.booking.cancel);
      for (const v of Object.values(s.booking.values ?? {})) if (v.kind === "place" && v.among) v.among = v.among.map(table);
    }
  }
  p.general_categories = p.general_categories.map(category);
  p.categories = Object.fromEntries(
    Object.entries(p.categories).map(([name, spec]) => [category(name), spec]),
  );
  for (const t of p.tools) {
    t.function.name = tool(t.function.name);
    if (t.about !== undefined) t.about = table(t.about);
    for (const c of t.changes ?? []) c.table = table(c.table);
    const run = t.run as Record<string, unknown>;
    if (typeof run.table === "string") run.table = table(run.table);
    if (typeof run.item_table === "string") run.item_table = table(run.item_table);
    const ref = run.ref as { table?: string } | undefined;
    if (ref?.table !== undefined) ref.table = table(ref.table);
    for (const inc of (run.include as Array<{ table: string }> | undefined) ?? []) inc.table = table(inc.table);
    for (const rule of (run.commands as Array<{ each?: { table: string }; effects?: Array<{ table: string }> }> | undefined) ?? []) {
      if (rule.each) rule.each.table = table(rule.each.table);
      for (const e of rule.effects ?? []) e.table = table(e.table);
    }
  }
  renameRuleTables(p, table);
  for (const pref of p.persona?.preferences ?? []) if (pref.from) pref.from.table = table(pref.from.table);
  if (p.offline?.display) p.offline.display = keys(p.offline.display, table);
  if (p.wording?.short_names) p.wording.short_names = keys(p.wording.short_names, table);
  const policy = p.policy;
  if (policy?.identity) {
    policy.identity.table = table(policy.identity.table);
    policy.identity.tools = policy.identity.tools.map(tool);
    for (const s of policy.identity.scoped) s.tool = tool(s.tool);
  }
  if (policy?.confirm) policy.confirm.tools = policy.confirm.tools.map(tool);
  if (policy?.handoff) policy.handoff.tool = tool(policy.handoff.tool);
  return p;
}
