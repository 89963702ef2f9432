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
