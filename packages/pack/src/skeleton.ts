import type { CategorySpec, DomainPack } from "@chatmill/schema";

/** A JSON Schema, as plain JSON. */
export type JsonSchema = Record<string, unknown>;

export type ImportedRole = "lookup" | "search" | "act";
export type ImportedChange = "create" | "modify" | "cancel";

/**
 * One tool as a source describes it, with what we inferred about it: the common form the
 * OpenAPI and MCP importers both produce, so the pack is written by one function.
 */
export interface ImportedTool {
  name: string;
  description?: string;
  /** The arguments' JSON Schema, `$ref`s resolved. */
  parameters: JsonSchema;
  role: ImportedRole;
  /** Why that role: what in the source said so (shown by `check` until the user confirms). */
  roleReason: string;
  /** For an act: the kind of write inferred, and why. */
  change?: ImportedChange;
  changeReason?: string;
  /** The table the tool reads or writes in the skeleton (empty until the user fills it). */
  table: string;
  /** An argument naming one row of `table` (a path id, an MCP `*_id` argument). */
  idArg?: string;
  /** A read that returns one row (get) rather than rows (list). */
  single?: boolean;
  /** Arguments that test a same-named field of the result rows (query parameters that are result fields). */
  filterArgs?: string[];
  /** The service it belongs to (an OpenAPI tag, the server's name). */
  service: string;
  /** What the source said, kept for the live ops that will call it. */
  source: Record<string, unknown>;
}

export interface ImportedApi {
  name: string;
  description: string;
  /** Where the pack came from, e.g. `{"openapi": "petstore.yaml"}`. */
  source: Record<string, unknown>;
  tools: ImportedTool[];
  /** table → key field; tables not listed get `id`. */
  keys?: Record<string, string>;
  serviceDescriptions?: Record<string, string>;
}

/** A pack name the loader accepts (`^[a-z0-9_-]+$`), from any title. */
export function slug(text: string, fallback = "imported"): string {
  const s = text
    .replace(/([a-z0-9])([A-Z])/g, "$1_$2")
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, "_")
    .replace(/^_+|_+$/g, "");
  return s || fallback;
}

/** A tool name OpenAI accepts (1–64 of `[a-zA-Z0-9_-]`). */
export function toolName(text: string): string {
  const s = text.replace(/[^a-zA-Z0-9_-]+/g, "_").replace(/^_+|_+$/g, "").slice(0, 64);
  return s || "tool";
}

/** Names made unique in order: a repeated name gets `_2`, `_3`, … */
export function uniqueNames(names: string[]): string[] {
  const seen = new Map<string, number>();
  return names.map((n) => {
    const k = (seen.get(n) ?? 0) + 1;
    seen.set(n, k);
    return k === 1 ? n : `${n.slice(0, 60)}_${k}`;
  });
}

const CATEGORY_TASK: Record<ImportedChange, CategorySpec["task"]> = { create: "create", modify: "modify", cancel: "cancel" };

/**
 * The pack skeleton: the tools in OpenAI function form with their inferred roles, a placeholder
 * `run` over an empty table per result shape (so the pack loads and `check` can say what to fill),
 * services and categories made from the tools. Everything inferred is listed under `inferred`
 * (per tool, and for the pack's services and categories) until the user confirms it by deleting
 * the entry.
 */
export function buildSkeleton(api: ImportedApi): DomainPack & Record<string, unknown> {
  const tables = new Map<string, string>();
  for (const t of api.tools) if (!tables.has(t.table)) tables.set(t.table, api.keys?.[t.table] ?? "id");
  const tools = api.tools.map((t) => {
    const inferred: Record<string, string> = { role: t.roleReason };
    const tool: Record<string, unknown> = {
      type: "function",
      function: { name: t.name, ...(t.description ? { description: t.description } : {}), parameters: t.parameters },
      role: t.role,
    };
    if (t.role === "act") {
      const change = changeOf(t);
      tool.changes = [{ table: t.table, change }];
      inferred.changes = t.changeReason ?? `a ${change} of '${t.table}' assumed: say which tables this tool really writes and how`;
    }
    tool.run = placeholderRun(t);
    inferred.run = `placeholder: op ${(tool.run as { op: string }).op} over the empty table '${t.table}' until the tool runs against the real backend; fill the table or replace the run`;
    tool.source = t.source;
    tool.inferred = inferred;
    return tool;
  });

  const services = [...new Set(api.tools.map((t) => t.service))];
  const categories: Record<string, CategorySpec> = {};
  const serviceList = services.map((name) => {
    const own = api.tools.filter((t) => t.service === name);
    const cats: string[] = [];
    const reads = own.filter((t) => t.role !== "act");
    if (reads.length > 0) {
      cats.push(`${name}_info`);
      categories[`${name}_info`] = { task: "info" };
    }
    for (const change of ["create", "modify", "cancel"] as const) {
      if (!own.some((t) => t.role === "act" && changeOf(t) === change)) continue;
      cats.push(`${name}_${change}`);
      categories[`${name}_${change}`] = { task: CATEGORY_TASK[change] };
    }
    const search = own.find((t) => t.role === "search") ?? reads[0];
    const creator = own.find((t) => t.role === "act" && changeOf(t) === "create");
    const canceller = own.find((t) => t.role === "act" && changeOf(t) === "cancel" && t.table === creator?.table);
    const modifier = own.find((t) => t.role === "act" && changeOf(t) === "modify" && t.table === creator?.table);
    return {
      name,
      ...(api.serviceDescriptions?.[name] ? { description: api.serviceDescriptions[name] } : {}),
      ...(search ? { table: search.table } : {}),
      categories: cats,
      ...(creator
        ? {
            booking: {
              create: creator.name,
              ...(modifier ? { modify: modifier.name } : {}),
              ...(canceller ? { cancel: canceller.name } : {}),
              fields: requiredArgs(creator.parameters).filter((a) => a !== creator.idArg),
            },
          }
        : {}),
    };
  });

  return {
    name: api.name,
    version: "0.1.0",
    description: api.description,
    source: api.source,
    services: serviceList,
    general_categories: [],
    intents: [...new Set(api.tools.map((t) => t.role))],
    tools: tools as DomainPack["tools"],
    categories,
    database: { tables: Object.fromEntries([...tables].map(([name, key]) => [name, { key, rows: [] }])) },
    inferred: {
      services: "one service per group of tools the source declares (OpenAPI tags, the MCP server); give each a description and check its table and booking",
      categories: "one category per kind of task the tools allow (info, create, modify, cancel); rename them as users would ask, add `label` and `asks`, and add general ones",
    },
  };
}

/** A modify or a cancel names the row it changes; without an id argument the act can only be a create. */
function changeOf(t: ImportedTool): ImportedChange {
  return t.change && t.change !== "create" && t.idArg ? t.change : "create";
}

function requiredArgs(params: JsonSchema): string[] {
  const req = params.required;
  return Array.isArray(req) ? req.filter((r): r is string => typeof r === "string") : [];
}

function properties(params: JsonSchema): string[] {
  const props = params.properties;
  return props && typeof props === "object" ? Object.keys(props) : [];
}

/**
 * A declarative run the loader accepts for the tool's role: reads list or get rows of the
 * empty table; acts write it the inferred way, each argument into a same-named field.
 */
function placeholderRun(t: ImportedTool): Record<string, unknown> {
  const filters = (t.filterArgs ?? []).map((a) => ({ arg: a, field: a }));
  const withFilters = filters.length > 0 ? { filters } : {};
  if (t.role === "search") return { op: "search", table: t.table, ...withFilters };
  if (t.role === "lookup") {
    if (t.single && t.idArg) return { op: "get", table: t.table, key_arg: t.idArg };
    const byId = t.idArg ? [{ arg: t.idArg, field: t.idArg }] : [];
    const all = [...byId, ...filters];
    return { op: "list", table: t.table, ...(all.length > 0 ? { filters: all } : {}) };
  }
  const change = changeOf(t);
  const set = Object.fromEntries(properties(t.parameters).filter((a) => a !== t.idArg || change === "create").map((a) => [a, { arg: a }]));
  if (change === "modify") return { op: "modify", table: t.table, key_arg: t.idArg, set };
  if (change === "cancel") return { op: "cancel", table: t.table, key_arg: t.idArg };
  return { op: "create", table: t.table, set };
}
