import type { Row } from "./contract.js";

/**
 * Fields that hold what a row is called when its table declares no title (rows of an
 * imported dialogue, whose tables are unknown). A pack declares each table's title in
 * `offline.display.<table>.title`; that field always wins. After these, a field ending in
 * `_name` (restaurant_name) is used.
 */
export const NAME_FIELDS: readonly string[] = ["name", "title", "hostname", "label", "product_name", "productDisplayName"];

/** What a person calls a row: its declared title field, else the first non-empty name field. */
export function nameOf(row: Row, title?: string): string | undefined {
  if (title !== undefined) {
    const v = row[title];
    if ((typeof v === "string" && v.trim() !== "") || typeof v === "number") return String(v);
  }
  for (const f of NAME_FIELDS) {
    const v = row[f];
    if (typeof v === "string" && v.trim() !== "") return v;
  }
  // Imported rows name things by kind: restaurant_name, hotel_name (SGD).
  for (const [k, v] of Object.entries(row)) if (k.endsWith("_name") && typeof v === "string" && v.trim() !== "") return v;
  return undefined;
}

/** The field nameOf reads for this row: the declared title when the row has it, else the first name field present. */
export function nameFieldOf(row: Row, title?: string): string | undefined {
  if (title !== undefined) {
    const v = row[title];
    if ((typeof v === "string" && v.trim() !== "") || typeof v === "number") return title;
  }
  const named = (k: string) => typeof row[k] === "string" && (row[k] as string).trim() !== "";
  return NAME_FIELDS.find(named) ?? Object.keys(row).find((k) => k.endsWith("_name") && named(k));
}
