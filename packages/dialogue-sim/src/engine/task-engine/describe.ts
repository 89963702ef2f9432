import { nameOf, sayableName } from "@chatmill/domains";
import type { Domain, Row } from "../../contract.js";

/**
 * How a person refers to a value they would not know by its id: by what the pack's data says
 * of the thing it keys — its name and its options ("Water Bottle (capacity 750ml, color
 * black)"), a payment method's kind ("credit_card visa 9513"). Built once per pack from every
 * row of every table. What is an id is read from the data's shape, never from a field's name: a
 * table's key (its rows), and the key of a map of objects whose object holds that same key in a
 * field (tau's variants by item id, payment methods by id); a thing without a name of its own (a
 * variant) takes its row's name. A field is said by its sayable words (sayableName), else not.
 */
const cache = new WeakMap<Domain, Map<string, string>>();

export function describeValue(domain: Domain, value: unknown): string | undefined {
  if (typeof value !== "string" && typeof value !== "number") return undefined;
  let index = cache.get(domain);
  if (!index) cache.set(domain, (index = buildIndex(domain)));
  return index.get(String(value));
}

/** One thing an id keys: the object, the field holding its id, its row's name, and what its table shows with it (display.details). */
interface Keyed {
  obj: Row;
  idKey: string | undefined;
  rowName: string | undefined;
  details: readonly string[];
  /** A table's row: its fields are the pack's, said by their sayable words; a nested object's keys are data, said as written. */
  isRow: boolean;
}

function buildIndex(domain: Domain): Map<string, string> {
  const keyed = new Map<string, Keyed>();
  const note = (id: unknown, k: Keyed) => {
    if ((typeof id === "string" || typeof id === "number") && !keyed.has(String(id))) keyed.set(String(id), k);
  };
  for (const table of Object.keys(domain.pack.database.tables)) {
    const title = domain.titleOf(table);
    const key = domain.keyOf(table);
    const details = domain.offline.display?.[table]?.details ?? [];
    for (const row of domain.table(table)) {
      const rowName = nameOf(row, title);
      note(row[key], { obj: row, idKey: key, rowName: undefined, details, isRow: true });
      walkMaps(row, rowName, note);
    }
  }
  const ids = new Set(keyed.keys());
  const words = (k: string) => sayableName(domain, k);
  const index = new Map<string, string>();
  for (const [id, k] of keyed) {
    const text = describeObject(k, ids, words);
    if (text) index.set(id, text);
  }
  return index;
}

/** Maps of objects keyed by their own id, anywhere in a row: each object is noted under its key. */
function walkMaps(o: unknown, rowName: string | undefined, note: (id: unknown, k: Keyed) => void): void {
  if (Array.isArray(o)) {
    for (const x of o) walkMaps(x, rowName, note);
    return;
  }
  if (!o || typeof o !== "object") return;
  for (const [k, v] of Object.entries(o as Row)) {
    if (v && typeof v === "object" && !Array.isArray(v)) {
      const idKey = Object.keys(v as Row).find((f) => String((v as Row)[f]) === k);
      if (idKey !== undefined) note(k, { obj: v as Row, idKey, rowName, details: [], isRow: false });
    }
    if (v && typeof v === "object") walkMaps(v, rowName, note);
  }
}

/** The object's name (or its row's, for a part without one that has options) and its short text fields. */
function describeObject(k: Keyed, ids: ReadonlySet<string>, words: (field: string) => string | undefined): string | undefined {
  const { obj, idKey, rowName } = k;
  const said = (field: string, v: string) => [k.isRow ? words(field) : field.replaceAll("_", " "), v].filter((x) => x !== undefined).join(" ");
  // A thing that holds named things (an order and its items) is described by them, with what its table shows of it: "the one with items Water Bottle, Pet Bed, pending".
  for (const [f, v] of Object.entries(obj)) {
    if (!Array.isArray(v)) continue;
    const names = v.map((x) => (x && typeof x === "object" && !Array.isArray(x) ? nameOf(x as Row) : undefined)).filter((n): n is string => n !== undefined);
    if (names.length > 0 && names.length === v.length) {
      const shown = k.details.map((d) => obj[d]).filter((x): x is string => typeof x === "string");
      return `the one with ${said(f, [...new Set(names)].join(", "))}${shown.map((x) => `, ${x}`).join("")}`;
    }
  }
  const own = nameOf(obj);
  const details: string[] = [];
  let nested = false;
  for (const [f, v] of Object.entries(obj)) {
    // Ids are not what a person says of a thing: its own, and any value that keys something else.
    if (f === idKey || v === own || ((typeof v === "string" || typeof v === "number") && ids.has(String(v)))) continue;
    if (typeof v === "string" && v.length <= 40 && !/\d{6,}/.test(v)) details.push(said(f, v));
    else if (v && typeof v === "object" && !Array.isArray(v)) {
      const parts = Object.entries(v as Row).filter(([, x]) => typeof x === "string" || typeof x === "number");
      if (parts.length > 0 && parts.length === Object.keys(v as Row).length) {
        nested = true;
        // A nested object's keys are data (a variant's options: "scent family woody"), said as written.
        for (const [sk, sv] of parts) details.push(`${sk.replaceAll("_", " ")} ${String(sv)}`);
      }
    }
  }
  const name = own ?? (nested ? rowName : undefined);
  if (!name && details.length === 0) return undefined;
  return name ? (details.length > 0 ? `${name} (${details.join(", ")})` : name) : details.join(" ");
}
