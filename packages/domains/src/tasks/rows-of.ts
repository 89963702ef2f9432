import type { DomainPack } from "@chatmill/schema";
import type { Domain, Row } from "../contract.js";

type PackTool = DomainPack["tools"][number];

/** The rows a result shows are the result itself taken as one row (a get's row, whatever lists it holds). */
export const ONE_ROW = "$row";

/** Where the ops that build their own result put its list (read.ts); a get returns the row itself. */
const OP_LISTS: Readonly<Record<string, string>> = { search: "results", filter: "results", list: "results", similar: "results", compare: "results", availability: "options", get: ONE_ROW };

/** Where an op that builds its own result puts its rows (undefined: the run's result is the pack's to shape). */
export function opRowsPlace(op: string): string | undefined {
  return OP_LISTS[op];
}

/**
 * Where a tool's result holds the rows it shows: the tool's declared `result_rows`, else what its
 * op returns (search, filter, list, similar and compare: `results`; availability: `options`; get:
 * the row itself, ONE_ROW), else undefined — the result's shape is read as rowsOf describes.
 */
export function resultRowsOf(tool: PackTool | undefined): string | undefined {
  if (!tool) return undefined;
  return tool.result_rows ?? OP_LISTS[tool.run.op];
}

/** The declared place of the rows of the pack's tool `name` (undefined for a tool the pack lacks). */
export function resultRowsOfTool(domain: Domain | undefined, name: string): string | undefined {
  return resultRowsOf(domain?.pack.tools.find((t) => t.function.name === name));
}

/**
 * The rows inside a tool result: the one reading, shared by the engines, the task derivation and
 * tool-annotate. `where` is the tool's declared place (resultRowsOf): the field of the result
 * object holding the list, or ONE_ROW. Nothing is read from what a field is called. Without a
 * declaration: a list is its objects; an error result (`{error: {…}}`) shows none; an object
 * with exactly one field holding a list of objects shows that list; any other object is one
 * row — so a result with two lists of objects and no declaration is one row whose lists are its
 * parts (declare `result_rows` on the tool to read one of them).
 */
export function rowsOf(data: unknown, where?: string): Row[] {
  if (Array.isArray(data)) return data.filter(isRow);
  if (!isRow(data)) return [];
  if (where === ONE_ROW) return [data];
  if (where !== undefined) {
    const v = data[where];
    return Array.isArray(v) ? v.filter(isRow) : [];
  }
  if (isRow(data.error)) return [];
  const lists = Object.values(data).filter((v): v is unknown[] => Array.isArray(v) && v.length > 0 && v.every(isRow));
  return lists.length === 1 ? (lists[0] as Row[]) : [data];
}

/** The rows a call of the pack's tool `name` showed in `data` (rowsOf with the tool's declared place). */
export function toolRows(domain: Domain | undefined, name: string, data: unknown): Row[] {
  return rowsOf(data, resultRowsOfTool(domain, name));
}

function isRow(v: unknown): v is Row {
  return !!v && typeof v === "object" && !Array.isArray(v);
}
