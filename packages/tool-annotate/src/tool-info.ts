import { resultRowsOf } from "@chatmill/domains";
import type { DomainTool, ToolRun } from "@chatmill/schema";
import type { Domain, Obj } from "./types.js";
import { isObj } from "./types.js";

/** What tool-annotate needs to know about one tool, read from the pack's declarative `run` spec. */
export interface ToolInfo {
  name: string;
  parameters: Obj;
  properties: Obj;
  required: string[];
  run?: ToolRun;
  /** The table whose rows the result shows (the item table for availability and reviews). */
  table?: string;
  /** The table an id argument must name a row of, with that argument. */
  idArgs: Array<{ arg: string; table: string; many: boolean }>;
  /** Argument → row field it filters on. */
  filters: Array<{ arg: string; field: string; op: string }>;
  /** Changes the database (create/modify/cancel, or a command with effects). */
  writes: boolean;
  /** Where its result holds the rows it shows, as the pack declares it (@chatmill/domains' resultRowsOf). */
  rowsAt?: string;
}

const cache = new WeakMap<object, Map<string, ToolInfo>>();

export function toolInfos(domain: Domain): Map<string, ToolInfo> {
  let infos = cache.get(domain);
  if (!infos) {
    infos = new Map(domain.pack.tools.map((t) => [t.function.name, infoOf(t, domain)]));
    cache.set(domain, infos);
  }
  return infos;
}

/** Tool info from a bare definition (a tool the dialogue offers that the domain does not run). */
export function infoFromDefinition(def: { function: { name: string; parameters?: unknown } }): ToolInfo {
  const parameters = isObj(def.function.parameters) ? def.function.parameters : { type: "object", properties: {} };
  return {
    name: def.function.name,
    parameters,
    properties: isObj(parameters.properties) ? parameters.properties : {},
    required: Array.isArray(parameters.required) ? parameters.required.filter((r): r is string => typeof r === "string") : [],
    idArgs: [],
    filters: [],
    writes: false,
  };
}

function infoOf(tool: DomainTool, domain: Domain): ToolInfo {
  const base = infoFromDefinition(tool);
  const run = tool.run as ToolRun & Obj;
  const idArgs: ToolInfo["idArgs"] = [];
  const filters: ToolInfo["filters"] = [];
  let table: string | undefined = typeof run.table === "string" ? run.table : undefined;
  const addFilters = (list: unknown): void => {
    if (!Array.isArray(list)) return;
    for (const f of list) if (isObj(f) && typeof f.arg === "string" && typeof f.field === "string") filters.push({ arg: f.arg, field: f.field, op: typeof f.op === "string" ? f.op : "eq" });
  };
  addFilters(run.filters);
  switch (run.op) {
    case "get":
    case "similar":
      if (typeof run.key_arg === "string") idArgs.push({ arg: run.key_arg, table: run.table, many: false });
      break;
    case "compare":
      idArgs.push({ arg: run.keys_arg, table: run.table, many: true });
      break;
    case "availability":
      idArgs.push({ arg: run.key_arg, table: run.item_table ?? run.table, many: false });
      table = run.item_table ?? run.table;
      break;
    case "search":
    case "filter":
    case "list":
      if (run.ref) idArgs.push({ arg: run.ref.arg, table: run.ref.table, many: false });
      // Rows that describe rows of another table (reviews of an item) count as that table's, as the pack declares.
      if (tool.about !== undefined) table = tool.about;
      if (run.text) filters.push({ arg: run.text.arg, field: run.text.fields[0] ?? "name", op: "text" });
      break;
    case "create":
      if (run.ref) {
        idArgs.push({ arg: run.ref.arg, table: run.ref.table, many: false });
        table = run.ref.table;
      }
      break;
    case "modify":
    case "cancel":
      idArgs.push({ arg: run.key_arg, table: run.table, many: false });
      break;
    case "command":
      idArgs.push({ arg: run.key_arg, table: run.table, many: false });
      break;
    default:
      break;
  }
  // What the pack declares it changes (the loader checked the declaration against the run).
  const writes = (tool.changes ?? []).length > 0;
  const known = new Set(domainTables(domain));
  const rowsAt = resultRowsOf(tool);
  return {
    ...base,
    run: tool.run,
    ...(rowsAt !== undefined ? { rowsAt } : {}),
    ...(table !== undefined ? { table } : {}),
    idArgs: idArgs.filter((a) => known.has(a.table)),
    filters,
    writes,
  };
}

function domainTables(domain: Domain): string[] {
  return Object.keys(domain.pack.database.tables);
}

/**
 * The tables whose rows an assistant recommends by name or id (services' tables and every named
 * table). Not an information service's table (its `facts`): its rows are topics ("uptime",
 * "systemctl restart") whose names are ordinary words of the conversation, not items shown.
 */
export function catalogTables(domain: Domain): string[] {
  const out = new Set<string>();
  const knowledge = new Set(domain.services.filter((s) => s.facts).map((s) => s.table));
  for (const s of domain.services) if (s.table && !s.facts) out.add(s.table);
  for (const t of domainTables(domain)) {
    const first = domain.table(t)[0];
    if (!knowledge.has(t) && first && (typeof first.name === "string" || typeof first.hostname === "string")) out.add(t);
  }
  return [...out];
}
