import { arr, isObj, num, str, type Obj } from "./record-shapes.js";

/**
 * Whether a recommended item suits the persona. Items are looked up by id in the
 * dialogue's tool results (any JSON object there with an `id` or `item_id`), merged
 * with the assistant's grounding entry.
 *  - budget: the item's price (price, price_usd, sale_price, cost) within the persona's
 *    budget min..max; skipped when either is unknown or the currencies differ.
 *  - preferences: for each preference (colors, styles, brands, sizes, …) the item's
 *    field of the same name, singular or plural; a match when any preferred value
 *    occurs in it (case-insensitive). Checked when the item has at least one such field.
 * An item is aligned when every aspect that could be checked passes.
 */
export interface ItemCheck {
  budget?: boolean;
  preference?: boolean;
}

const PRICE_FIELDS = ["price", "price_usd", "sale_price", "cost"];

export function collectItems(value: unknown, into: Map<string, Obj>, depth = 0): void {
  if (depth > 6) return;
  if (Array.isArray(value)) {
    for (const v of value) collectItems(v, into, depth + 1);
    return;
  }
  if (!isObj(value)) return;
  const id = str(value.id) ?? str(value.item_id);
  if (id && Object.keys(value).length > 1) into.set(id, { ...(into.get(id) ?? {}), ...value });
  for (const v of Object.values(value)) if (typeof v === "object" && v !== null) collectItems(v, into, depth + 1);
}

export function checkItem(item: Obj, persona: Obj | undefined): ItemCheck {
  const out: ItemCheck = {};
  if (!persona) return out;
  const budget = isObj(persona.budget) ? persona.budget : undefined;
  const price = PRICE_FIELDS.map((f) => num(item[f])).find((p) => p !== undefined);
  if (budget && price !== undefined) {
    const max = num(budget.max);
    const min = num(budget.min) ?? 0;
    const cur = str(budget.currency)?.toUpperCase();
    const itemCur = str(item.currency)?.toUpperCase();
    if (max !== undefined && !(cur && itemCur && cur !== itemCur)) out.budget = price >= min && price <= max;
  }
  const prefs = isObj(persona.preferences) ? persona.preferences : undefined;
  if (prefs) {
    let checked = false;
    let matched = false;
    for (const [key, want] of Object.entries(prefs)) {
      const wanted = values(want);
      if (wanted.length === 0) continue;
      const field = fieldFor(item, key);
      if (field === undefined) continue;
      checked = true;
      const have = values(field).join(" | ");
      if (wanted.some((w) => have.includes(w))) matched = true;
    }
    if (checked) out.preference = matched;
  }
  return out;
}

function fieldFor(item: Obj, key: string): unknown {
  const k = key.toLowerCase();
  const singular = k.endsWith("ies") ? `${k.slice(0, -3)}y` : k.endsWith("s") ? k.slice(0, -1) : k;
  for (const name of [k, singular, `${singular}s`, `preferred_${singular}`]) if (item[name] !== undefined) return item[name];
  return undefined;
}

function values(v: unknown): string[] {
  if (typeof v === "string") return [v.toLowerCase()];
  if (typeof v === "number") return [String(v)];
  return arr(v).flatMap((x) => (typeof x === "string" || typeof x === "number" ? [String(x).toLowerCase()] : []));
}

export function hasImage(grounding: Obj, item: Obj | undefined): boolean {
  if (str(grounding.image)) return true;
  if (!item) return false;
  if (str(item.image) || str(item.image_url) || str(item.thumbnail)) return true;
  return arr(item.images).length > 0;
}
