import type { EntryIndex, Entry } from "./mentions.js";
import { isObj, type Obj } from "./types.js";

/** What one tool result showed, as the grounding checks read it. */
export interface Evidence {
  ok: boolean;
  /** The list the result shows (what a count refers to); undefined when it is not a list. */
  rows: Obj[] | undefined;
  /** How many matched in all, when the result says (a list cut to its limit shows fewer). */
  total?: number;
  /** Every object anywhere in the result. */
  objects: Obj[];
  /** The result as text, lower-cased (a command's output names things no object holds). */
  text?: string;
}

/** What else the reply may draw on besides this call's result. */
export interface Background {
  /** Objects of the earlier results. */
  context: Obj[];
  /** Earlier results and the user's messages as lower-case text. */
  text: string;
  /** What the call itself names (an item id, an agent). */
  named: Obj[];
  /** Numbers the user stated (a budget the reply repeats). */
  saidNumber?: (n: number) => boolean;
}

const WORDS: Record<string, number> = { one: 1, two: 2, three: 3, four: 4, five: 5, six: 6, seven: 7, eight: 8, nine: 9, ten: 10, eleven: 11, twelve: 12 };
const COUNT = /\b(?:found|returned|there are|there were|i have|i've got|we have|got|showing|i see|came back with)\s+(\d{1,3}|one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve)\b(?!\s*(?:%|gb|mb|pounds|dollars|usd|gbp|eur|minutes|min|hours|nights|people|stars?|am|pm|:))/gi;
/** Prices and measured quantities ($49.99, 12 pounds, 94%, 31G, 80 GB): each must be a number a result shows. */
const QUANTITY = /(?:[$£€]\s?(\d+(?:\.\d{1,2})?))|(?:\b(\d+(?:\.\d{1,2})?)\s?(?:pounds|gbp|usd|dollars|eur|euros|%|gb|g|mb|m|tb|gib|mib|minutes|mins)(?![a-z0-9]))/gi;

/** The item names/ids, prices and counts a reply states. */
export interface Claims {
  items: Entry[];
  prices: number[];
  counts: number[];
}

export function claimsIn(text: string, index: EntryIndex, extra?: EntryIndex): Claims {
  const items = index.find(text).map((m) => m.entry);
  if (extra) for (const m of extra.find(text)) if (!items.some((e) => e.table === m.entry.table && e.id === m.entry.id)) items.push(m.entry);
  const prices = [...text.matchAll(QUANTITY)].map((m) => Number(m[1] ?? m[2]));
  const counts = [...text.matchAll(COUNT)].map((m) => WORDS[m[1]!.toLowerCase()] ?? Number(m[1]));
  return { items, prices, counts };
}

/**
 * Is the reply supported by the result? Every item it names is in the result (or in an
 * earlier result of the dialogue), every price it states is a number the result or context
 * shows, and every count it states ("I found 3") equals the length of the result's list.
 * Null when there is no reply to check.
 */
export function judgeGrounded(
  text: string | null | undefined,
  result: Evidence | null,
  bg: Background,
  index: EntryIndex,
  extra?: EntryIndex,
): { grounded: boolean | null; notes: string[] } {
  const context = bg.context;
  if (!text || !text.trim()) return { grounded: null, notes: [] };
  const claims = claimsIn(text, index, extra);
  const notes: string[] = [];
  const shown = result?.ok ? result.objects : [];
  for (const item of claims.items) {
    const inText = (t: string | undefined) => Boolean(t && item.phrases.some((p) => t.includes(p)));
    if (!holds(shown, item) && !holds(context, item) && !holds(bg.named, item) && !inText(result?.ok ? result.text : undefined) && !inText(bg.text)) notes.push(`names ${item.name ?? item.id} (${item.id}), which the result does not show`);
  }
  for (const p of claims.prices) if (!numbersIn(shown).has(p) && !numbersIn(context).has(p) && !bg.saidNumber?.(p)) notes.push(`states the amount ${p}, which no result shows`);
  for (const c of claims.counts) {
    if (!result?.ok || result.rows === undefined) notes.push(`states a count (${c}) the result has no list for`);
    else if (result.rows.length !== c && result.total !== c) notes.push(`says ${c} but the result lists ${result.rows.length}`);
  }
  return { grounded: notes.length === 0, notes };
}

/** The object shows the item: an id field holds its id, or a name field its name. */
export function holds(objects: Obj[], item: Entry): boolean {
  const name = item.name?.toLowerCase();
  return objects.some((o) => {
    for (const [k, v] of Object.entries(o)) {
      if ((k === "id" || k.endsWith("_id") || k === "sku" || k === "trainID" || k === "agent") && String(v) === item.id) return true;
      if (name && typeof v === "string" && v.toLowerCase() === name) return true;
    }
    return false;
  });
}

const numberCache = new WeakMap<Obj[], { size: number; numbers: Set<number> }>();

/** Numbers the objects show; cached per array (the dialogue's context only grows, so it is extended, not rebuilt). */
function numbersIn(objects: Obj[]): Set<number> {
  const hit = numberCache.get(objects);
  if (hit && hit.size === objects.length) return hit.numbers;
  const out = hit?.numbers ?? new Set<number>();
  collectNumbers(objects.slice(hit?.size ?? 0), out);
  numberCache.set(objects, { size: objects.length, numbers: out });
  return out;
}

function collectNumbers(objects: Obj[], out: Set<number>): Set<number> {
  for (const o of objects) {
    for (const v of Object.values(o)) {
      if (typeof v === "number") out.add(v);
      else if (typeof v === "string") for (const m of v.matchAll(/\d+(?:\.\d+)?/g)) out.add(Number(m[0]));
      else if (Array.isArray(v)) {
        for (const x of v) if (typeof x === "number") out.add(x);
      } else if (isObj(v)) {
        for (const x of Object.values(v)) if (typeof x === "number") out.add(x);
      }
    }
  }
  return out;
}
