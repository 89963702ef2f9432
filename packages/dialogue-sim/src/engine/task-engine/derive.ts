/**
 * Quantities a reader of the transcript would work out to answer a question or fill in an
 * amount, derived from the structure of what was seen — never searched for against the
 * answer. Each derivation is one of a few computations a real agent makes:
 *
 * - **named totals**: the sum of one numeric field over the records the user named (all the
 *   grills they bought, the balances of their gift cards: records with a text field whose
 *   value the user said);
 * - **savings on a cheaper choice**: what a record the user named cost, less the cheapest
 *   usable record among its siblings (the variants of the product it is one of), summed over
 *   the named records;
 * - **dated totals**: over the records of one kind (every reservation read), as first seen, what
 *   each was paid, summed over all, over the upcoming ones (a date after now) or the past ones;
 * - **what the writes came to**: per write, what its result shows that the record did not show
 *   before (a refund, a price difference) or the total of the records it names by id (the
 *   prices of the items returned), summed over every write made; and per payment id, the
 *   amounts the writes' own arguments put on it;
 * - **the price an action pays**: for each record an action names (each flight it books), the
 *   number that record shows under a key the action names (its fare in the cabin booked),
 *   summed, times the count of another list of the action (its passengers), less the other
 *   amounts beside the one sought (what the other payments cover).
 *
 * The engine knows the answer (the task names it), so it keeps the candidate equal to it; the
 * candidates are few and each is a meaningful quantity, unlike a subset sum over every shown
 * number (`findAcross`), whose workings stay flagged as searched. No derivation looks at a
 * tool's, table's or field's name: only at shapes, values and what the user said.
 */

/** A quantity worked out from seen values: its value, an expression over seen numbers for the calculator, and which derivation gave it. */
export interface Derived {
  value: number;
  how: string;
  kind: "named total" | "saving" | "writes total" | "payment total" | "action price" | "dated total";
}

type Obj = Record<string, unknown>;
const isObj = (v: unknown): v is Obj => !!v && typeof v === "object" && !Array.isArray(v);
const cents = (x: number): number => Math.round(x * 100);
const num = (x: number): string => String(Math.round(x * 100) / 100);

/** A sum written over seen numbers: positive terms first, a negative one as a subtraction of its magnitude. */
export function sumExpression(terms: ReadonlyArray<number>): string {
  const parts = terms.map((t) => ({ neg: t < 0, text: num(Math.abs(t)) }));
  parts.sort((a, b) => Number(a.neg) - Number(b.neg));
  return parts.map((p, i) => (i === 0 ? `${p.neg ? "-" : ""}${p.text}` : `${p.neg ? " - " : " + "}${p.text}`)).join("");
}

/** Every object inside a value (the records it shows), outermost first. */
function records(v: unknown, out: Array<{ rec: Obj }> = []): Array<{ rec: Obj }> {
  if (Array.isArray(v)) for (const x of v) records(x, out);
  else if (isObj(v)) {
    out.push({ rec: v });
    for (const x of Object.values(v)) records(x, out);
  }
  return out;
}

/** A map keyed by id (every key holds a digit): its values are siblings, like a list's elements. */
function isMap(v: Obj): boolean {
  const keys = Object.keys(v);
  return keys.length > 0 && keys.every((k) => /\d/.test(k)) && Object.values(v).every(isObj);
}

/** Records with their siblings: an element of a list or a value of an id-keyed map. */
function recordsWithSiblings(v: unknown): Array<{ rec: Obj; siblings: Obj[] }> {
  const out: Array<{ rec: Obj; siblings: Obj[] }> = [];
  const walk = (x: unknown): void => {
    if (Array.isArray(x)) {
      const objs = x.filter(isObj);
      for (const o of objs) out.push({ rec: o, siblings: objs });
      x.forEach(walk);
    } else if (isObj(x)) {
      if (isMap(x)) {
        const objs = Object.values(x) as Obj[];
        for (const o of objs) out.push({ rec: o, siblings: objs });
      }
      Object.values(x).forEach(walk);
    }
  };
  walk(v);
  return out;
}

const numericFields = (r: Obj): Array<[string, number]> => Object.entries(r).filter((e): e is [string, number] => typeof e[1] === "number" && Number.isFinite(e[1]));
const idLike = (s: string): boolean => s.length >= 3 && /\d/.test(s);

/** The text values of a record the user named: a value said as words ("gift_card" as "gift cards", "Grill" as "grills"); `said` as `words` gives it. */
function namedBy(rec: Obj, said: string): string[] {
  const out: string[] = [];
  for (const v of Object.values(rec)) {
    if (typeof v !== "string" || v.length < 3 || idLike(v)) continue;
    const phrase = words(v).trim();
    let re = phraseRe.get(phrase);
    if (phraseRe.size > 10_000) phraseRe.clear();
    if (!re) phraseRe.set(phrase, (re = new RegExp(`(?<![a-z0-9])${escape(phrase)}(?:s|es)?(?![a-z0-9])`)));
    if (re.test(said)) out.push(v);
  }
  return out;
}
const phraseRe = new Map<string, RegExp>();

/** Lower case, with _ and - as spaces: "gift_card" and "T-Shirt" as said ("gift card", "t shirt"). */
function words(s: string): string {
  return s.toLowerCase().replace(/[_-]+/g, " ");
}

function escape(s: string): string {
  return s.replace(/[.*+?^${}()|[\]\\]/g, "\\$&");
}

/**
 * Named totals: for each text value the user said, the sum of each numeric field over the
 * records showing it, across every result (a record shown by several results counts once: the
 * most times any one result shows it).
 */
export function namedTotals(results: ReadonlyArray<unknown>, userText: string): Derived[] {
  const said = words(userText);
  const groups = new Map<string, Map<string, { values: number[]; count: number }>>();
  for (const data of results) {
    const here = new Map<string, Map<string, { values: number[]; count: number }>>();
    for (const { rec } of records(data)) {
      const names = namedBy(rec, said);
      if (names.length === 0) continue;
      const fields = numericFields(rec);
      for (const name of names)
        for (const [field, value] of fields) {
          const group = `${name}\u0000${field}`;
          const g = here.get(group) ?? new Map();
          const key = JSON.stringify(rec);
          const e = g.get(key) ?? { values: [], count: 0 };
          e.values.push(value);
          e.count++;
          g.set(key, e);
          here.set(group, g);
        }
    }
    for (const [group, g] of here) {
      const all = groups.get(group) ?? new Map();
      for (const [key, e] of g) if ((all.get(key)?.count ?? 0) < e.count) all.set(key, e);
      groups.set(group, all);
    }
  }
  const out: Derived[] = [];
  for (const g of groups.values()) {
    const terms = [...g.values()].flatMap((e) => e.values);
    if (terms.length < 2) continue;
    out.push({ value: sum(terms), how: sumExpression(terms), kind: "named total" });
  }
  return out;
}

/**
 * Savings on a cheaper choice: for each record the user named that shows a number under a
 * field and an id, the siblings (in another result) of a record with that id — what it could be
 * swapped for — and the cheapest of those whose flags (boolean fields) are all true; the saving
 * is the named record's number less that cheapest. Every subset of two or more named records
 * gives a total saving; one alone gives its own.
 */
export function savings(results: ReadonlyArray<unknown>, userText: string): Derived[] {
  const said = words(userText);
  const per: Array<{ key: string; value: number; how: string }> = [];
  const withSiblings = results.map((r) => recordsWithSiblings(r));
  results.forEach((data, ri) => {
    for (const { rec } of records(data)) {
      if (namedBy(rec, said).length === 0) continue;
      const ids = Object.values(rec).filter((v): v is string => typeof v === "string" && idLike(v));
      for (const [field, value] of numericFields(rec)) {
        let best: number | undefined;
        withSiblings.forEach((list, rj) => {
          if (rj === ri) return;
          for (const { rec: other, siblings } of list) {
            if (!ids.some((id) => Object.values(other).includes(id))) continue;
            // Another copy of the list the named record is in (its order read again) is no choice of replacements.
            if (siblings.some((s) => Object.entries(rec).every(([k, v]) => JSON.stringify(s[k]) === JSON.stringify(v)))) continue;
            const usable = siblings.filter((s) => typeof s[field] === "number" && Object.values(s).every((x) => typeof x !== "boolean" || x));
            for (const s of usable) if (best === undefined || (s[field] as number) < best) best = s[field] as number;
          }
        });
        if (best !== undefined && best < value) {
          const key = `${JSON.stringify(rec)}\u0000${field}`;
          if (!per.some((p) => p.key === key)) per.push({ key, value: value - best, how: `${num(value)} - ${num(best)}` });
        }
      }
    }
  });
  const out: Derived[] = per.map((p) => ({ value: p.value, how: p.how, kind: "saving" as const }));
  const n = Math.min(per.length, 10);
  for (let mask = 1; mask < 1 << n; mask++) {
    const picked = per.slice(0, n).filter((_, i) => mask & (1 << i));
    if (picked.length < 2) continue;
    out.push({ value: sum(picked.map((p) => p.value)), how: picked.map((p) => `(${p.how})`).join(" + "), kind: "saving" });
  }
  return out;
}

/**
 * Dated totals: over the records of one kind that results showed at their top (the same lists
 * and maps in them: every reservation, every order), each record as first seen (before any
 * write changed it), the sum of the numbers under one field anywhere in the record (what each
 * was paid), summed over all of them, over those with a date after `now` (upcoming) and over
 * those with none after it (past). A record is told apart by its top-level id-like values.
 */
export function datedTotals(results: ReadonlyArray<unknown>, now: string | undefined): Derived[] {
  const kinds = new Map<string, Map<string, Obj>>();
  for (const r of results) {
    if (!isObj(r)) continue;
    const kind = Object.keys(r).filter((k) => r[k] !== null && typeof r[k] === "object").sort().join(",");
    if (kind === "") continue;
    const identity = Object.values(r).filter((v): v is string => typeof v === "string" && idLike(v)).sort().join(",");
    const of = kinds.get(kind) ?? new Map<string, Obj>();
    if (!of.has(identity)) of.set(identity, r);
    kinds.set(kind, of);
  }
  const out: Derived[] = [];
  for (const of of kinds.values()) {
    const recs = [...of.values()];
    if (recs.length < 2) continue;
    const fields = new Set(recs.flatMap((r) => [...numbersByPath(r).keys()].map((p) => p.split(".").at(-1)!)));
    const upcoming = (r: Obj): boolean => now !== undefined && leafValues(r).some((v) => typeof v === "string" && /^\d{4}-\d{2}-\d{2}/.test(v) && v > now);
    for (const field of fields) {
      const per = recs.map((r) => ({ r, terms: [...numbersByPath(r)].filter(([p]) => p.split(".").at(-1) === field).map(([, v]) => v) }));
      for (const pick of [per, per.filter((p) => upcoming(p.r)), per.filter((p) => !upcoming(p.r))]) {
        const terms = pick.flatMap((p) => p.terms).filter((v) => v !== 0);
        if (pick.length < 2 || terms.length < 2) continue;
        out.push({ value: sum(terms), how: sumExpression(terms), kind: "dated total" });
      }
    }
  }
  return out;
}

function leafValues(v: unknown, out: unknown[] = []): unknown[] {
  if (Array.isArray(v)) v.forEach((x) => leafValues(x, out));
  else if (isObj(v)) Object.values(v).forEach((x) => leafValues(x, out));
  else out.push(v);
  return out;
}

/** A write made: its arguments, what its record looked like before (the latest earlier result about it), and its result. */
export interface Write {
  args: Obj;
  before?: unknown;
  after: unknown;
}

/** The latest of `earlier` that is about the record a write's result shows: a top-level field of both holds one of the write's text arguments. */
export function recordBefore(args: Obj, after: unknown, earlier: ReadonlyArray<unknown>): unknown {
  if (!isObj(after)) return undefined;
  const values = Object.values(args).filter((v): v is string => typeof v === "string" && idLike(v));
  for (let i = earlier.length - 1; i >= 0; i--) {
    const e = earlier[i];
    if (!isObj(e)) continue;
    if (Object.entries(e).some(([k, v]) => typeof v === "string" && values.includes(v) && after[k] === v)) return e;
  }
  return undefined;
}

/** Numbers by path ("payment_history.1.amount"). */
function numbersByPath(v: unknown, path = "", out = new Map<string, number>()): Map<string, number> {
  if (typeof v === "number" && Number.isFinite(v)) out.set(path, v);
  else if (Array.isArray(v)) v.forEach((x, i) => numbersByPath(x, `${path}.${i}`, out));
  else if (isObj(v)) for (const [k, x] of Object.entries(v)) numbersByPath(x, `${path}.${k}`, out);
  return out;
}

/** What one write came to, as candidates: each number its result shows that its record did not before, and the total of each numeric field over the records it names by id. */
export function writeAmounts(w: Write): number[][] {
  const out: number[][] = [];
  if (w.before !== undefined) {
    const before = numbersByPath(w.before);
    const fresh = [...numbersByPath(w.after)].filter(([p, v]) => before.get(p) !== v && v !== 0);
    for (const [, v] of fresh) out.push([v]);
    // Several new numbers under one field (two refunds of one cancellation): their total too.
    const byField = new Map<string, number[]>();
    for (const [p, v] of fresh) {
      const f = p.split(".").at(-1)!;
      byField.set(f, [...(byField.get(f) ?? []), v]);
    }
    for (const vs of byField.values()) if (vs.length > 1) out.push(vs);
  }
  for (const list of Object.values(w.args)) {
    if (!Array.isArray(list) || list.length === 0 || !list.every((x) => typeof x === "string")) continue;
    const named = records(w.after).filter(({ rec }) => Object.values(rec).some((v) => typeof v === "string" && list.includes(v)));
    // Every id resolved, each to one record.
    if (named.length !== list.length) continue;
    const fields = new Set(named.flatMap(({ rec }) => numericFields(rec).map(([f]) => f)));
    for (const f of fields) if (named.every(({ rec }) => typeof rec[f] === "number")) out.push(named.map(({ rec }) => rec[f] as number));
  }
  return out;
}

/** What the writes came to: the sum over every write of one of its amounts (writeAmounts). */
export function writesTotals(writes: ReadonlyArray<Write>): Derived[] {
  const per = writes.map(writeAmounts);
  if (per.length === 0 || per.some((c) => c.length === 0)) return [];
  const out: Derived[] = [];
  const go = (i: number, terms: number[]): void => {
    if (out.length >= 512) return;
    if (i === per.length) {
      out.push({ value: sum(terms), how: sumExpression(terms), kind: "writes total" });
      return;
    }
    for (const c of per[i]!) go(i + 1, [...terms, ...c]);
  };
  go(0, []);
  return out.filter((d) => d.how.includes(" "));
}

/** Per payment id, what the writes' own arguments put on it: objects of one id and one amount, over every write. */
export function paymentTotals(writes: ReadonlyArray<{ args: Obj }>): Derived[] {
  const byId = new Map<string, number[]>();
  for (const w of writes)
    for (const { rec } of records(w.args)) {
      const ids = Object.values(rec).filter((v): v is string => typeof v === "string" && idLike(v));
      const nums = numericFields(rec);
      if (ids.length !== 1 || nums.length !== 1) continue;
      byId.set(ids[0]!, [...(byId.get(ids[0]!) ?? []), nums[0]![1]]);
    }
  return [...byId.values()].filter((v) => v.length > 1).map((v) => ({ value: sum(v), how: sumExpression(v), kind: "payment total" as const }));
}

/**
 * The price an action pays with the amount `target` (at `path` in its arguments, e.g.
 * payment_methods.3.amount): each record an object list of the action names (all its fields
 * equal to a seen record's) shows a number under a key equal to one of the action's text
 * arguments; their sum, times 1 or the length of another object list of the action, less the
 * other amounts at the same place in the target's list. Undefined until every named record
 * has been seen with such a number, or when no such price gives the target.
 */
export function actionPrice(args: Obj, target: number, results: ReadonlyArray<unknown>): Derived | undefined {
  const shape = priceShape(args, target);
  if (!shape) return undefined;
  const seenRecords = results.flatMap((r) => records(r).map((x) => x.rec));
  for (const [name, list] of shape.lists) {
    const each = list.map((e) => priceOf(e, shape.keys, seenRecords));
    if (each.some((p) => p === undefined)) continue;
    // A record may show several numbers under the key (seats left and the fare in one cabin):
    // one place for every record, each place tried.
    const paths = [...each[0]!.keys()].filter((path) => each.every((m) => m!.has(path)));
    for (const path of paths) {
      const prices = each.map((m) => m!.get(path)!);
      const base = sum(prices);
      const times = [1, ...shape.lists.filter(([k]) => k !== name).map(([, l]) => l.length)];
      for (const m of new Set(times)) {
        if (cents(base * m - sum(shape.others)) !== cents(target)) continue;
        const terms = sumExpression(prices);
        const whole = m > 1 ? Array.from({ length: m }, () => `(${terms})`).join(" + ") : terms;
        return { value: target, how: `${whole}${shape.others.map((o) => ` - ${num(o)}`).join("")}`, kind: "action price" };
      }
    }
  }
  return undefined;
}

/**
 * The records an action names that no seen record prices yet (see actionPrice): what to read
 * next to work its amount out. Empty when the amount is no part of a list of amounts.
 */
export function unpriced(args: Obj, target: number, results: ReadonlyArray<unknown>): Obj[] {
  const shape = priceShape(args, target);
  if (!shape) return [];
  const seenRecords = results.flatMap((r) => records(r).map((x) => x.rec));
  return shape.lists.flatMap(([, list]) => list.filter((e) => priceOf(e, shape.keys, seenRecords) === undefined));
}

/** Whether this amount of an action is one of a list of amounts (a payment among several): actionPrice's case. */
export function isListAmount(args: Obj, target: number): boolean {
  return priceShape(args, target) !== undefined;
}

/** Whether a result prices this record: it shows a record with all its fields and a number under one of `keys`. */
export function prices(result: unknown, e: Obj, args: Obj): boolean {
  const keys = new Set(Object.values(args).filter((v): v is string => typeof v === "string"));
  return priceOf(e, keys, records(result).map((x) => x.rec)) !== undefined;
}

/** Where the target sits (an amount in a list of amounts), the other amounts of that list, the action's other object lists, and its text values (the keys a price may be under). */
function priceShape(args: Obj, target: number): { others: number[]; lists: Array<[string, Obj[]]>; keys: Set<string> } | undefined {
  const at = pathOf(args, target);
  if (!at || at.length < 3 || typeof at[at.length - 2] !== "number") return undefined;
  const [listKey, index, field] = [at[at.length - 3] as string, at[at.length - 2] as number, at[at.length - 1] as string];
  const holder = getPath(args, at.slice(0, -3)) as Obj;
  const others = (holder[listKey] as unknown[]).filter((x, i) => i !== index && isObj(x) && typeof x[field] === "number").map((x) => (x as Obj)[field] as number);
  const keys = new Set(Object.values(args).filter((v): v is string => typeof v === "string"));
  const lists = Object.entries(args).filter(([k, v]) => k !== listKey && Array.isArray(v) && v.length > 0 && v.every((x) => isObj(x) && Object.values(x).every((y) => typeof y !== "object"))) as Array<[string, Obj[]]>;
  return { others, lists, keys };
}

/** The numbers (by place) the latest seen record with all of `e`'s fields shows under one of `keys`; undefined when none does. */
function priceOf(e: Obj, keys: Set<string>, seenRecords: ReadonlyArray<Obj>): Map<string, number> | undefined {
  for (let i = seenRecords.length - 1; i >= 0; i--) {
    const r = seenRecords[i]!;
    if (!Object.entries(e).every(([k, v]) => r[k] === v)) continue;
    const found = keyedNumbers(r, keys);
    if (found.size > 0) return found;
  }
  return undefined;
}

/** The numbers of a record under a key that is one of `keys` (a fare under the cabin's name), at any depth, by path. */
function keyedNumbers(r: Obj, keys: Set<string>, path = "", out = new Map<string, number>()): Map<string, number> {
  for (const [k, v] of Object.entries(r)) {
    if (typeof v === "number" && keys.has(k)) out.set(`${path}.${k}`, v);
    else if (isObj(v)) keyedNumbers(v, keys, `${path}.${k}`, out);
  }
  return out;
}

function pathOf(v: unknown, target: number, path: Array<string | number> = []): Array<string | number> | undefined {
  if (typeof v === "number") return v === target ? path : undefined;
  if (Array.isArray(v)) {
    for (let i = 0; i < v.length; i++) {
      const p = pathOf(v[i], target, [...path, i]);
      if (p) return p;
    }
  } else if (isObj(v)) {
    for (const [k, x] of Object.entries(v)) {
      const p = pathOf(x, target, [...path, k]);
      if (p) return p;
    }
  }
  return undefined;
}

function getPath(v: unknown, path: ReadonlyArray<string | number>): unknown {
  let x = v;
  for (const p of path) x = (x as Record<string | number, unknown>)[p];
  return x;
}

function sum(xs: ReadonlyArray<number>): number {
  return xs.reduce((n, x) => n + cents(x), 0) / 100;
}

/** The derived quantity equal to `target` (to the cent), first found. */
export function derivedEqual(target: number, candidates: ReadonlyArray<Derived>): Derived | undefined {
  return candidates.find((d) => cents(Math.abs(d.value)) === cents(Math.abs(target)));
}
