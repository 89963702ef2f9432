import { nameOf, type Domain, type LoadedDomain } from "@chatmill/domains";
import { isObj, type Obj } from "./source-skeleton.js";
import type { ToolWords } from "./tool-words.js";

/**
 * What a result row is called and what a write's result is said as. A pack's own tool: the row's
 * declared title (display.<table>.title, the one name lookup) and the written table's key as the
 * reference. A tool no pack declares (rows of an imported dialogue): the name fields such data
 * uses, and the reference fields its booking APIs return. A write whose row has no name is said
 * by what `tools` calls the tool's row.
 */
export function rowSaying(domain: (LoadedDomain & Domain) | undefined, tools: ToolWords): { name: (r: Obj, tool: string) => string | undefined; write: (data: unknown, tool: string) => string } {
  const tableOf = (tool: string) => (domain?.toolSpecs.get(tool)?.run as { table?: string } | undefined)?.table;
  const name = (r: Obj, tool: string): string | undefined => {
    const table = tableOf(tool);
    if (table !== undefined) return nameOf(r, domain!.titleOf(table));
    for (const k of IMPORTED_NAME_FIELDS) if (typeof r[k] === "string" && r[k]) return r[k] as string;
    return undefined;
  };
  const write = (data: unknown, tool: string): string => {
    const row = isObj(data) ? data : {};
    const table = tableOf(tool);
    const key = table !== undefined && domain!.tables.has(table) ? domain!.keyOf(table) : undefined;
    const what = name(key !== undefined ? row : { ...row, id: undefined }, tool) ?? tools.object(tool);
    const ref = (key !== undefined ? [key] : IMPORTED_REF_FIELDS).map((k) => row[k]).find((v) => typeof v === "string" || typeof v === "number");
    return `${what.charAt(0).toUpperCase()}${what.slice(1)}${ref !== undefined ? `, reference ${String(ref)}` : ""}.`;
  };
  return { name, write };
}

/** Imported rows (MultiWOZ, SGD) with no pack: the fields they name a row by, and a booking's reference by. */
const IMPORTED_NAME_FIELDS = ["name", "title", "restaurant", "hotel", "trainID", "train_id", "id"];
const IMPORTED_REF_FIELDS = ["reference", "ref", "booking_id", "confirmation", "id"];
