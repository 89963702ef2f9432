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
