import { cleanCatalogText, loadPackFile, markupInRows, resolvePackFile, type LoadedDomain } from "@chatmill/domains";
import { SourceError } from "./source-error.js";

/** One thing a pack lacks for good dialogues: where (file and JSON path) and what to do. */
export interface Finding {
  file: string;
  path: string;
  kind: "inferred" | "empty_table" | "no_tool_for_task" | "no_search_fields" | "no_booking" | "markup";
  message: string;
}

type Pack = LoadedDomain["pack"] & { inferred?: Record<string, unknown> };
type Tool = Pack["tools"][number] & { inferred?: Record<string, unknown> };

/**
 * Loads a pack with the domains loader (the one checker of what a pack must be; a pack that
 * cannot load throws its PackError; a path that names no pack, a SourceError) and lists what it still lacks for good dialogues.
 */
export function checkPack(nameOrPath: string): { domain: LoadedDomain; findings: Finding[] } {
  const domain = openPack(nameOrPath);
  domain.checkTools();
  return { domain, findings: findingsOf(domain) };
}

/** A pack by name or path, loaded; a path that names no pack is a SourceError, a pack that cannot load its PackError. */
export function openPack(nameOrPath: string): LoadedDomain {
  let file: string;
  try {
    file = resolvePackFile(nameOrPath);
  } catch (err) {
    throw new SourceError((err as Error).message);
  }
  return loadPackFile(file);
}

/** What a loadable pack still lacks: unconfirmed inferences, empty tables that tools read, tasks no tool can do, text with HTML markup. */
export function findingsOf(domain: LoadedDomain): Finding[] {
  const file = domain.file;
  const pack = domain.pack as Pack;
  const out: Finding[] = [];
  const add = (path: string, kind: Finding["kind"], message: string) => out.push({ file, path, kind, message });

  for (const [key, why] of Object.entries(pack.inferred ?? {})) {
    add(`inferred.${key}`, "inferred", `${key} were made by the importer, not confirmed: ${String(why)}; then delete this entry`);
  }
  pack.tools.forEach((t, i) => {
    for (const [key, why] of Object.entries((t as Tool).inferred ?? {})) {
      add(`tools[${i}].inferred.${key}`, "inferred", `'${t.function.name}': ${key} inferred, not confirmed (${String(why)}); confirm or correct tools[${i}].${key}, then delete this entry`);
    }
  });

  // A table a tool reads or a service offers, with no rows: searches and lookups find nothing.
  const readers = new Map<string, string[]>();
  const note = (table: string | undefined, who: string) => {
    if (table === undefined) return;
    readers.set(table, [...(readers.get(table) ?? []), who]);
  };
  for (const t of pack.tools) if (t.role === "lookup" || t.role === "search") note((t.run as { table?: string }).table, `tool '${t.function.name}'`);
  for (const s of pack.services) note(s.table, `service '${s.name}'`);
  for (const [table, who] of readers) {
    if (domain.table(table).length > 0) continue;
    add(`database.tables.${table}`, "empty_table", `table '${table}' has no rows, but ${[...new Set(who)].join(", ")} read${who.length === 1 ? "s" : ""} it: add rows ("rows": [...] or "file") so lookups and goals have data`);
  }

  // Each category's task needs a tool that can do it.
  const changes = new Set(pack.tools.flatMap((t) => (t.role === "act" ? (t.changes ?? []).map((c) => c.change) : [])));
  const reads = pack.tools.some((t) => t.role === "lookup" || t.role === "search");
  for (const [name, spec] of Object.entries(pack.categories)) {
    const task = spec.task;
    if (task === "info" && !reads) add(`categories.${name}.task`, "no_tool_for_task", `category '${name}' asks for information, but no tool is a lookup or a search`);
    if ((task === "create" || task === "modify" || task === "cancel") && !changes.has(task)) {
      add(`categories.${name}.task`, "no_tool_for_task", `category '${name}' is a ${task} task, but no act tool declares a '${task}' change`);
    }
  }

  pack.services.forEach((s, i) => {
    if (s.table && !(s.search_fields?.length)) {
      add(`services[${i}].search_fields`, "no_search_fields", `service '${s.name}' has a table but no search_fields: users of its scenarios state no constraints; list the fields of '${s.table}' a user would ask by`);
    }
    const creates = s.categories.some((c) => pack.categories[c]?.task === "create");
    if (creates && !s.booking) add(`services[${i}].booking`, "no_booking", `service '${s.name}' has a create category but no booking: name the tool that creates ("create") and the arguments a user gives ("fields")`);
  });

  // Text copied from a web page ("HeatTech&trade;", "<p>…</p>") would be said as written in every
  // dialogue. The checker only reports it: the pack's bytes are the user's to change.
  for (const table of domain.tables.keys()) {
    const hits = markupInRows(domain.table(table));
    if (hits.length === 0) continue;
    const first = hits[0]!;
    const where = `database.tables.${table}`;
    const kinds = [...new Set(hits.map((h) => (h.markup.startsWith("&") ? "HTML entities" : "HTML tags")))].join(" and ");
    add(
      where,
      "markup",
      `table '${table}' has ${hits.length} text value${hits.length === 1 ? "" : "s"} with ${kinds} (first: row ${first.row}, ${first.path}: ${JSON.stringify(first.text.length > 60 ? `${first.text.slice(0, 57)}...` : first.text)}), which dialogues would say as written: ` +
        `decode the entities (${first.markup.startsWith("&") ? `${first.markup} → ${JSON.stringify(cleanCatalogText(first.markup))}` : "&trade; → ™"}) and remove the tags in the data, e.g. with cleanCatalogText from @chatmill/domains`,
    );
  }
  return out;
}

/** `FILE: PATH: message`, the form every chatmill pack error takes. */
export function formatFinding(f: Finding): string {
  return `${f.file}: ${f.path}: ${f.message}`;
}
