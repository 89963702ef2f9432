import { nameOf } from "@chatmill/domains";
import type { Domain, Row } from "../../contract.js";

/**
 * How a person refers to a value they would not know by its id: by what the pack's data says
 * of the thing it keys — its name and its options ("Water Bottle (capacity 750ml, color
 * black)"), a payment method's kind ("credit_card visa 9513"). Built once per pack from every
 * row of every table: an object holding the value under an id field describes it; a thing
 * without a name of its own (a variant) takes its row's name.
 */
const cache = new WeakMap<Domain, Map<string, string>>();

export function describeValue(domain: Domain, value: unknown): string | undefined {
  if (typeof value !== "string" && typeof value !== "number") return undefined;
  let index = cache.get(domain);
  if (!index) cache.set(domain, (index = buildIndex(domain)));
  return index.get(String(value));
}

function buildIndex(domain: Domain): Map<string, string> {
  const index = new Map<string, string>();
  for (const table of Object.keys(domain.pack.database.tables)) {
    const title = domain.titleOf(table);
    for (const row of domain.table(table)) {
      const rowName = nameOf(row, title);
      walk(row, rowName, index, true);
    }
  }
  return index;
}

function walk(o: unknown, rowName: string | undefined, index: Map<string, string>, isRow: boolean): void {
  if (Array.isArray(o)) {
    for (const x of o) walk(x, rowName, index, false);
    return;
  }
  if (!o || typeof o !== "object") return;
  const obj = o as Row;
  for (const [k, v] of Object.entries(obj)) {
    if ((typeof v === "string" || typeof v === "number") && /(^|_)id$/i.test(k) && !index.has(String(v))) {
      const text = describeObject(obj, k, isRow ? undefined : rowName);
      if (text) index.set(String(v), text);
    }
    if (v && typeof v === "object") walk(v, rowName, index, false);
  }
}

/** The object's name (or its row's, for a part without one that has options) and its short text fields. */
function describeObject(obj: Row, idKey: string, rowName: string | undefined): string | undefined {
  // A thing that holds named things (an order and its items) is described by them: "the one with Water Bottle, Pet Bed".
  for (const [k, v] of Object.entries(obj)) {
    if (!Array.isArray(v)) continue;
    const names = v.map((x) => (x && typeof x === "object" && !Array.isArray(x) ? nameOf(x as Row) : undefined)).filter((n): n is string => n !== undefined);
    if (names.length > 0 && names.length === v.length) {
      const status = typeof obj.status === "string" ? `, ${obj.status}` : "";
      return `the one with ${k.replaceAll("_", " ")} ${[...new Set(names)].join(", ")}${status}`;
    }
  }
  const own = nameOf(obj);
  const details: string[] = [];
  let nested = false;
  for (const [k, v] of Object.entries(obj)) {
    if (k === idKey || /(^|_)ids?$/i.test(k) || v === own) continue;
    if (typeof v === "string" && v.length <= 40 && !/\d{6,}/.test(v)) details.push(`${k.replaceAll("_", " ")} ${v}`);
    else if (v && typeof v === "object" && !Array.isArray(v)) {
      const parts = Object.entries(v as Row).filter(([, x]) => typeof x === "string" || typeof x === "number");
      if (parts.length > 0 && parts.length === Object.keys(v as Row).length) {
        nested = true;
        for (const [sk, sv] of parts) details.push(`${sk.replaceAll("_", " ")} ${String(sv)}`);
      }
    }
  }
  const name = own ?? (nested ? rowName : undefined);
  if (!name && details.length === 0) return undefined;
  return name ? (details.length > 0 ? `${name} (${details.join(", ")})` : name) : details.join(" ");
}
