import type { Row } from "../contract.js";

/**
 * The rows inside a tool result, whatever its shape: a list, {results|items|rows|…: [...]},
 * or one object (a get). The assistant only ever talks about rows found here.
 */
export function rowsOf(data: unknown): Row[] {
  if (Array.isArray(data)) return data.filter((r): r is Row => !!r && typeof r === "object" && !Array.isArray(r));
  if (!data || typeof data !== "object") return [];
  const obj = data as Record<string, unknown>;
  for (const k of ["results", "items", "rows", "matches", "data", "venues", "options", "agents", "hosts", "entries", "logs"]) {
    const v = obj[k];
    if (Array.isArray(v)) return rowsOf(v);
  }
  // A get returns the row itself, whose nested lists (an agent's disks) are part of it.
  return [obj];
}
