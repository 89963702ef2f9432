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
import { cents, idLike, isObj, num, numbersByPath, numericFields, records, sum, sumExpression, type Derived, type Obj } from "./amounts.js";

export { sumExpression, type Derived } from "./amounts.js";
export { paymentTotals, recordBefore, writeAmounts, writesTotals, type Write } from "./write-totals.js";
export { actionPrice, isListAmount, prices, unpriced } from "./action-price.js";

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

/** The derived quantity equal to `target` (to the cent), first found. */
export function derivedEqual(target: number, candidates: ReadonlyArray<Derived>): Derived | undefined {
  return candidates.find((d) => cents(Math.abs(d.value)) === cents(Math.abs(target)));
}
