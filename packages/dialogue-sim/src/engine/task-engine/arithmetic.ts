/**
 * Arithmetic over numbers the conversation showed ("3131.1 + 4777.75 + 367.38"): tau2's gold
 * has such expressions for the totals and differences the assistant must say. An expression
 * counts as seen when every number in it was seen; its value is then something a reader of the
 * transcript can work out, so the assistant may say it.
 */
const EXPRESSION = /^[\d\s.+\-*/()]+$/;

/** The numbers of an arithmetic expression, or undefined when the text is not one (it needs an operator). */
export function expressionNumbers(text: string): number[] | undefined {
  if (!EXPRESSION.test(text) || !/\d\s*[-+*/]\s*[\d(]/.test(text)) return undefined;
  // Hyphens between digits with no space are a date or a phone number, not a subtraction.
  if (!/[+*/()\s]/.test(text.trim())) return undefined;
  return (text.match(/\d+(?:\.\d+)?/g) ?? []).map(Number);
}

/** The value of + - * / ( ) over decimal numbers; undefined when the text does not parse. */
export function evaluate(text: string): number | undefined {
  const tokens = text.match(/\d+(?:\.\d+)?|[-+*/()]/g) ?? [];
  if (tokens.join("") !== text.replace(/\s+/g, "")) return undefined;
  let i = 0;
  const expr = (): number => {
    let v = term();
    while (tokens[i] === "+" || tokens[i] === "-") v = tokens[i++] === "+" ? v + term() : v - term();
    return v;
  };
  const term = (): number => {
    let v = factor();
    while (tokens[i] === "*" || tokens[i] === "/") v = tokens[i++] === "*" ? v * factor() : v / factor();
    return v;
  };
  const factor = (): number => {
    const t = tokens[i++];
    if (t === "(") {
      const v = expr();
      if (tokens[i++] !== ")") throw new Error("unbalanced");
      return v;
    }
    if (t === "-") return -factor();
    if (t === undefined || !/^\d/.test(t)) throw new Error("number expected");
    return Number(t);
  };
  try {
    const v = expr();
    return i === tokens.length && Number.isFinite(v) ? v : undefined;
  } catch {
    return undefined;
  }
}

const cents = (x: number): number => Math.round(x * 100);

/**
 * A working for `target` from numbers results showed: a difference of two numbers (a price
 * difference), a sum of two or three numbers of one result (a refund of several items), or a
 * sum or difference of two facts already worked out. The caller knows the target (the task
 * names it), so a working can also match by chance: callers count the facts said this way.
 */
export function findWorking(target: number, results: ReadonlyArray<ReadonlyArray<number>>, earlier: ReadonlyArray<number> = []): string | undefined {
  const want = cents(Math.abs(target));
  const all = [...new Set(results.flat())];
  const byCents = new Map(all.map((x) => [cents(x), x]));
  for (const a of all) {
    const b = byCents.get(cents(a) - want);
    if (b !== undefined && b !== a) return `${a} - ${b}`;
  }
  for (const group of results) {
    // Each number as often as the result shows it (two certificates of 500 are 1000), by position.
    const g = group.filter((x) => x > 0).slice(0, 80);
    const at = new Map<number, number[]>();
    g.forEach((x, i) => at.set(cents(x), [...(at.get(cents(x)) ?? []), i]));
    const other = (c: number, ...not: number[]): number | undefined => at.get(c)?.find((k) => !not.includes(k));
    for (let i = 0; i < g.length; i++) {
      const rest = want - cents(g[i]!);
      const b = other(rest, i);
      if (b !== undefined && b > i) return `${g[i]} + ${g[b]}`;
      for (let j = i + 1; j < g.length; j++) {
        const c = other(rest - cents(g[j]!), i, j);
        if (c !== undefined && c > j) return `${g[i]} + ${g[j]} + ${g[c]}`;
      }
    }
  }
  for (let i = 0; i < earlier.length; i++) {
    for (let j = 0; j < earlier.length; j++) {
      if (i === j) continue;
      if (cents(earlier[i]! + earlier[j]!) === want && i < j) return `${earlier[i]} + ${earlier[j]}`;
      if (cents(earlier[i]! - earlier[j]!) === want) return `${earlier[i]} - ${earlier[j]}`;
    }
  }
  return undefined;
}

/** A number a tool result showed, with the field it was shown under ("price", "amount", "business") and which result (0, 1, …) showed it. */
export interface ShownNumber {
  value: number;
  key: string;
  result: number;
}

/**
 * The bound of the search across results: sums of at most ACROSS_TERMS numbers shown under one
 * field name (the price of each grill, the total of each reservation), or of two differences
 * under one field name, the two minuends from one result and each subtrahend from another (a
 * saving over two exchanges: two items of an order less their new prices), over the first ACROSS_PER_KEY numbers of
 * that name; an amount may be a multiple (up to ACROSS_TIMES: one fare per passenger) of such a
 * sum less amounts the action pays otherwise. Terms are distinct shown numbers (by position).
 */
export const ACROSS_TERMS = 4;
export const ACROSS_PER_KEY = 80;
export const ACROSS_TIMES = 4;

/**
 * A working for `target` over numbers several results showed, within the bound above:
 * `(a + b + …) + … (m times) - s1 - s2` (m and the `minus` terms only when given), or `(a - b) + (c - d)`.
 * As with findWorking, the caller knows the target, so a working found here may match by chance.
 */
export function findAcross(target: number, shown: ReadonlyArray<ShownNumber>, minus: ReadonlyArray<number> = [], times = 1): string | undefined {
  const groups = new Map<string, number[]>();
  for (const s of shown) {
    if (!(s.value > 0) || s.key === "") continue;
    const g = groups.get(s.key) ?? [];
    if (g.length < ACROSS_PER_KEY) g.push(s.value);
    groups.set(s.key, g);
  }
  const less = minus.filter((x) => x > 0);
  const tail = less.map((x) => ` - ${x}`).join("");
  for (let m = 1; m <= times; m++) {
    const whole = cents(Math.abs(target)) + less.reduce((n, x) => n + cents(x), 0);
    if (whole % m !== 0) continue;
    const want = whole / m;
    for (const values of groups.values()) {
      const terms = subsetSum(values, want);
      // A multiple is written as a repeated sum: every number in the expression is one the conversation showed.
      if (terms) return `${m > 1 ? Array.from({ length: m }, () => `(${terms.join(" + ")})`).join(" + ") : terms.join(" + ")}${tail}`;
    }
  }
  if (less.length > 0 || times > 1) return undefined;
  // Two differences: two numbers of one result (what two items of an order cost) less two numbers
  // of other results (their new prices), as a saving over two exchanges is.
  const want = cents(Math.abs(target));
  for (const key of groups.keys()) {
    const of = shown.filter((s) => s.key === key && s.value > 0).slice(0, ACROSS_PER_KEY);
    const diffs = new Map<number, Array<[number, number]>>();
    for (let i = 0; i < of.length; i++)
      for (let j = 0; j < of.length; j++) {
        if (of[i]!.result === of[j]!.result) continue;
        const d = cents(of[i]!.value) - cents(of[j]!.value);
        if (d > 0) diffs.set(d, [...(diffs.get(d) ?? []), [i, j] as [number, number]].slice(0, 8));
      }
    for (const [d, pairs] of diffs) {
      for (const [a, b] of pairs) {
        const other = diffs.get(want - d)?.find(([c, e]) => c !== a && e !== b && of[c]!.result === of[a]!.result && of[e]!.result !== of[b]!.result);
        if (other) return `(${of[a]!.value} - ${of[b]!.value}) + (${of[other[0]]!.value} - ${of[other[1]]!.value})`;
      }
    }
  }
  return undefined;
}

/** Two to ACROSS_TERMS of `values` (distinct positions) whose sum is `want` cents, smallest first; undefined when none. */
function subsetSum(values: ReadonlyArray<number>, want: number): number[] | undefined {
  const sorted = [...values].sort((a, b) => a - b);
  const c = sorted.map(cents);
  const pick: number[] = [];
  const go = (from: number, left: number): boolean => {
    if (left === 0 && pick.length >= 2) return true;
    if (pick.length === ACROSS_TERMS) return false;
    for (let i = from; i < c.length; i++) {
      if (c[i]! > left) break;
      pick.push(i);
      if (go(i + 1, left - c[i]!)) return true;
      pick.pop();
    }
    return false;
  };
  return go(0, want) ? pick.map((i) => sorted[i]!) : undefined;
}
