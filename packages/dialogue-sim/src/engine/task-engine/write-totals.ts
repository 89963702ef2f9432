import { idLike, isObj, numbersByPath, numericFields, records, sum, sumExpression, type Derived, type Obj } from "./amounts.js";

// What the writes of a dialogue came to (see derive.ts): per write, what its result shows that
// its record did not before, or the total of the records it names; per payment id, the amounts
// the writes' own arguments put on it.

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
