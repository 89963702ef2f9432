import { cents, isObj, num, records, sum, sumExpression, type Derived, type Obj } from "./amounts.js";

// The price an action pays (see derive.ts): from the records it names and the numbers seen
// records show under a key the action names.

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
