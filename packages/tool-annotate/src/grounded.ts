import { escapeRe, hasWord } from "./words.js";
import { idLike, type EntryIndex, type Entry } from "./mentions.js";
import { valuesIn } from "./request.js";
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
  /** A fixed answer (a static tool such as ops' none): nothing a reply could draw on. */
  fixed?: boolean;
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
  /** The domain's catalog values (request.ts catalogValues): a reply stating one needs a result showing it. */
  values?: Map<string, Set<string>>;
  /** Values as written the dialogue has shown (a time the user gave: "before 13:38"). */
  said?: (s: string) => boolean;
}

const WORDS: Record<string, number> = { one: 1, two: 2, three: 3, four: 4, five: 5, six: 6, seven: 7, eight: 8, nine: 9, ten: 10, eleven: 11, twelve: 12 };
const COUNT = /\b(found|returned|there are|there were|i have|i've got|we have|got|showing|i see|came back with|plus)\s+(\d{1,3}|one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve)\b(?!\s*(?:%|gb|mb|pounds|dollars|usd|gbp|eur|minutes|min|hours|nights|people|stars?|am|pm|:))/gi;
/** Leads that may count what a reply shows rather than all that matched ("I've got two to pick from: …"). */
const SHOWN_LEADS = new Set(["i have", "i've got", "we have", "got", "showing"]);
/** Prices and measured quantities ($49.99, 12 pounds, 94%, 31G, 80 GB): each must be a number a result shows. */
const QUANTITY = /(?:[$£€]\s?(\d+(?:\.\d{1,2})?))|(?:\b(\d+(?:\.\d{1,2})?)\s?(?:pounds|gbp|usd|dollars|eur|euros|%|gb|g|mb|m|tb|gib|mib|minutes|mins)(?![a-z0-9]))/gi;

/** The item names/ids, prices and counts a reply states. */
export interface Claims {
  items: Entry[];
  prices: number[];
  /** Counts of the whole list it states ("I found 3", "there are 12"). */
  counts: number[];
  /** Counts of what it shows ("I've got two to pick from", "showing 3"): the whole list's, or the rows it names. */
  shownCounts: number[];
  /** Counts of the rest beyond what it shows ("there are 7 more", "plus 11 more"). */
  more: number[];
  /** Other numbers it states, as written (97, 2.91, 19:40): not list markers, not parts of ids or words. */
  numbers: string[];
}

export function claimsIn(text: string, index: EntryIndex, extra?: EntryIndex): Claims {
  const items = index.find(text).map((m) => m.entry);
  if (extra) for (const m of extra.find(text)) if (!items.some((e) => e.table === m.entry.table && e.id === m.entry.id)) items.push(m.entry);
  const prices = [...text.matchAll(QUANTITY)].map((m) => Number(m[1] ?? m[2]));
  const counts: number[] = [];
  const shownCounts: number[] = [];
  const more: number[] = [];
  for (const m of text.matchAll(COUNT)) {
    const lead = m[1]!.toLowerCase();
    const n = WORDS[m[2]!.toLowerCase()] ?? Number(m[2]);
    if (/^\s+(?:more|others?)\b/i.test(text.slice(m.index + m[0].length))) more.push(n);
    else if (lead !== "plus") (SHOWN_LEADS.has(lead) ? shownCounts : counts).push(n);
  }
  return { items, prices, counts, shownCounts, more, numbers: numbersStated(text) };
}

/** The bare numbers of a text, once each: what prices, quantities and counts leave, less list markers ("2. ") and parts of ids or words (MS01, web-01, 2024-05-25). */
function numbersStated(text: string): string[] {
  const rest = text.replace(QUANTITY, " ").replace(COUNT, " ").replace(/^\s*\d{1,2}[.)]\s/gm, " ");
  const out = new Set<string>();
  for (const m of rest.matchAll(/(?<![\p{L}\p{N}_\-/.:])\d+(?:[.:]\d+)*(?![\p{L}\p{N}_\-/]|[.:]\d)/gu)) out.add(m[0]);
  return [...out];
}

/**
 * Is the reply supported by the result? Every item it names is in the result (or in an
 * earlier result of the dialogue), every price, quantity and other number it states is one a
 * result shows or the user said, every catalog value it states (a color, a climate, a status)
 * is one a result shows, the user said or the call asked, and every count it states ("I found
 * 3") equals the length of the result's list. Null when there is no reply to check.
 * `support`: 0 when an item, amount or count it states is unsupported (exact claims), else the
 * share of its other numbers and catalog values that are supported (1 when it states none).
 * `drawn` says whether the reply uses this result: it states something (an item, a number, a
 * value, the count) the result shows; null when the result has nothing to draw on (it failed,
 * its list is empty, or there is no result).
 */
export function judgeGrounded(
  text: string | null | undefined,
  result: Evidence | null,
  bg: Background,
  index: EntryIndex,
  extra?: EntryIndex,
): { grounded: boolean | null; notes: string[]; support?: number; drawn?: boolean | null } {
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
  // Items and amounts are exact claims: one unsupported and the reply is not grounded (support 0).
  const hard = notes.length;
  // Every other number it states (97 days, 19:40, load 2.91, qty: 20) is one a result shows or the user said.
  // Totals a reply may add up from the list: a field's sum over all rows or per value of another field (qty per color), and rows per value.
  const sums = result?.ok && result.rows && claims.numbers.length > 0 ? sumsOf(result.rows) : undefined;
  for (const n of claims.numbers) {
    const plain = !n.includes(":");
    if (plain && (numbersIn(shown).has(Number(n)) || sums?.has(Number(n)) || numbersIn(context).has(Number(n)) || numbersIn(bg.named).has(Number(n)) || bg.saidNumber?.(Number(n)))) continue;
    if (boundedIn(result?.ok ? result.text : undefined, n) || boundedIn(bg.text, n) || bg.said?.(n) || bg.named.some((o) => Object.values(o).some((v) => boundedIn(String(v), n)))) continue;
    notes.push(`states ${n}, which no result shows`);
  }
  // Every catalog value it states (climate: all-weather; area: east) is one a result shows, the user said or the call asked.
  let statedValues = 0;
  if (bg.values) {
    const argText = bg.named.flatMap((o) => Object.values(o)).map((v) => String(v).toLowerCase()).join(" ");
    const stated = valuesIn(bg.values, text);
    statedValues = stated.length;
    // A field name shows it too, as a reply writes it (eco_friendly: "eco friendly").
    const resultText = stated.length > 0 && result?.ok ? result.text?.replace(/_/g, " ") : undefined;
    const contextText = stated.length > 0 ? bg.text.replace(/_/g, " ") : "";
    for (const v of stated) {
      if (hasWord(resultText, v) || hasWord(contextText, v) || hasWord(argText, v) || bg.said?.(v)) continue;
      notes.push(`states "${v}", which no result shows`);
    }
  }
  // A reply that tells of success when the result it answers failed ignores the error.
  const claimed = result && !result.ok ? successClaim(text) : undefined;
  if (claimed) notes.push(`says "${claimed}", but the result failed`);
  const soft = notes.length - hard - (claimed ? 1 : 0);
  let miscount = false;
  // A count is the list's length or total; a count of what it shows may also be the rows the reply
  // itself shows ("I've got two to pick from: …"), and "N more" is what the list holds beyond those.
  // The rows it shows: its list lines ("1) …", "- …") when it lists them, else the result's items it
  // names (a name inside another, "Rolex Cellini" in "Rolex Cellini Moonphase", would count twice in a list).
  const lines = (text.match(/^\s*(?:\d{1,2}[.)]|[-•])\s/gm) ?? []).length;
  const named = !result?.ok ? 0 : lines > 0 ? lines : claims.items.filter((item) => holds(shown, item)).length;
  const whole = (n: number) => result?.rows?.length === n || result?.total === n;
  // "N more": the rows it names and N make the list (or its total); where it names none the index
  // knows (a flight number), N leaves between one row and the list's length for what it showed.
  const restOf = (n: number): boolean => {
    if (named > 0) return whole(n + named);
    const shownMax = result?.rows?.length ?? 0;
    return [result?.rows?.length, result?.total].some((w) => w !== undefined && w - n >= 1 && w - n <= shownMax);
  };
  const stated = [...claims.counts.map((c) => [c, "all"] as const), ...claims.shownCounts.map((c) => [c, "shown"] as const), ...claims.more.map((c) => [c, "more"] as const)];
  for (const [c, kind] of stated) {
    if (!result?.ok || result.rows === undefined) notes.push(`states a count (${c}) the result has no list for`);
    else if (kind === "more" ? !restOf(c) : !whole(c) && !(kind === "shown" && named > 0 && c === named)) notes.push(`says ${kind === "more" ? `${c} more` : c} but the result lists ${result.rows.length}`);
    else continue;
    miscount = true;
  }
  // Other numbers and catalog values may be derived or incidental: they count by their share.
  const softTotal = claims.numbers.length + statedValues;
  const support = hard > 0 || miscount || claimed ? 0 : softTotal === 0 ? 1 : (softTotal - soft) / softTotal;
  return { grounded: notes.length === 0, notes, support, drawn: drawsOn(text, claims, result, bg) };
}

const SUCCESS = /\b(all set|done|booked|confirmed|cancell?ed|updated|completed|successfully|here(?:'s| is| are) what i found|i found|good news)\b/i;
const NEGATION = /\b(not|no|never|couldn't|can't|cannot|unable|failed|fail|sorry|error|didn't|wasn't|isn't|won't|apologi[sz]e|problem|issue|trouble)\b|n't\b/i;

/** The words of a sentence that tell of success without a negation ("booked", "all set"), if any. */
export function successClaim(text: string): string | undefined {
  for (const sentence of text.split(/(?<=[.!?])\s+|\n+/)) {
    const m = SUCCESS.exec(sentence);
    if (m && !NEGATION.test(sentence)) return m[1]!;
  }
  return undefined;
}

/** Sums of each numeric field over the rows, in all and per value of each other field; and the number of rows per value. */
function sumsOf(rows: Obj[]): Set<number> {
  const out = new Set<number>();
  const all = new Map<string, number>();
  const grouped = new Map<string, number>();
  for (const r of rows.slice(0, 200)) {
    const labels = Object.entries(r).filter(([, v]) => typeof v === "string" || typeof v === "boolean").map(([k, v]) => `${k}=${String(v)}`);
    for (const l of labels) grouped.set(`#${l}`, (grouped.get(`#${l}`) ?? 0) + 1);
    for (const [k, v] of Object.entries(r)) {
      if (typeof v !== "number") continue;
      all.set(k, (all.get(k) ?? 0) + v);
      for (const l of labels) grouped.set(`${k}|${l}`, (grouped.get(`${k}|${l}`) ?? 0) + v);
    }
  }
  for (const v of [...all.values(), ...grouped.values()]) out.add(Math.round(v * 100) / 100);
  return out;
}

/** Does the reply state something this result shows? Null when the result has nothing to draw on. */
function drawsOn(text: string, claims: Claims, result: Evidence | null, bg: Background): boolean | null {
  if (!result?.ok || result.fixed || (result.rows !== undefined && result.rows.length === 0) || result.objects.length === 0) return null;
  const shown = result.objects;
  const t = result.text;
  if (claims.items.some((item) => holds(shown, item) || Boolean(t && item.phrases.some((p) => t.includes(p))))) return true;
  const nums = numbersIn(shown);
  if (claims.prices.some((p) => nums.has(p))) return true;
  if ([...claims.counts, ...claims.shownCounts].some((c) => result.rows?.length === c || result.total === c)) return true;
  if (claims.numbers.some((n) => (!n.includes(":") && nums.has(Number(n))) || boundedIn(t, n))) return true;
  // An id the result shows (a booking reference, a train) that no catalog indexes.
  if (t && text.split(/[^A-Za-z0-9-]+/).some((w) => idLike(w) && hasWord(t, w.toLowerCase()))) return true;
  if (bg.values && t) {
    const flat = t.replace(/_/g, " ");
    if (valuesIn(bg.values, text).some((v) => hasWord(flat, v))) return true;
  }
  return false;
}

/** Does the text hold the number `n` as written, not as part of a longer number or time (19:40 in 19:405)? */
function boundedIn(t: string | undefined, n: string): boolean {
  return Boolean(t && new RegExp(`(^|[^0-9.:])${escapeRe(n)}(?![0-9]|[.:][0-9])`).test(t));
}

function keyShaped(id: string): boolean {
  return id.length >= 3 && /\d/.test(id);
}

/** The object shows the item: its key field holds its key, or a field holds a distinctive key or its name. */
export function holds(objects: Obj[], item: Entry): boolean {
  const name = item.name?.toLowerCase();
  return objects.some((o) => {
    for (const [k, v] of Object.entries(o)) {
      // The item's own key field (its table's key) shows it; so does any field holding a key too
      // distinctive to be another value (3+ characters with a digit: a reference to it, "19242",
      // "web-01"), whatever the field is called. A short key ("4") in another field is a star
      // rating or a party size, not the item.
      if ((typeof v === "string" || typeof v === "number") && String(v) === item.id && (k === item.key || keyShaped(item.id))) return true;
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

/** Every item the text names, linked to its catalog record and the latest call whose result showed it. */
export function groundingOf(text: string, index: EntryIndex, extra: EntryIndex, shownBy: Array<{ callId: string; objects: Obj[] }>): Obj[] {
  const mentions: Entry[] = index.find(text).map((m) => m.entry);
  for (const m of extra.find(text)) if (!mentions.some((e) => e.id === m.entry.id || (e.name && e.name === m.entry.name))) mentions.push(m.entry);
  return mentions.map((e) => {
    const by = [...shownBy].reverse().find((s) => holds(s.objects, e));
    return {
      item_id: e.id,
      ...(e.name ? { name: e.name } : {}),
      table: e.table,
      ...(e.image ? { image: e.image } : {}),
      ...(by ? { call_id: by.callId } : {}),
    };
  });
}
