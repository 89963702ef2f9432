/** Why a text is not arithmetic (caught inside calculate, which answers null). */
class NotArithmetic extends Error {}

/**
 * An arithmetic text, read as Python reads it (tau-bench's calculator evaluates it so): numbers,
 * + - * / // ** , unary signs and parentheses; ** binds tighter than a sign on its left and
 * groups right (-2 ** 2 is -4). Null when it is not one, or divides by zero.
 */
export function calculate(text: string): number | null {
  let i = 0;
  const peek = (): string => {
    while (text[i] === " ") i++;
    return text[i] ?? "";
  };
  const take = (op: string): boolean => {
    if (peek() !== op[0] || text.slice(i, i + op.length) !== op) return false;
    i += op.length;
    return true;
  };
  const expr = (): number => {
    let v = term();
    for (let c = peek(); c === "+" || c === "-"; c = peek()) {
      i++;
      v = c === "+" ? v + term() : v - term();
    }
    return v;
  };
  const term = (): number => {
    let v = unary();
    for (;;) {
      if (peek() !== "*" && peek() !== "/") return v;
      if (text.slice(i, i + 2) === "**") return v; // only after a primary, handled in power()
      const floor = take("//");
      const op = floor ? "//" : text[i++]!;
      const r = unary();
      if (op !== "*" && r === 0) throw new NotArithmetic("division by zero");
      v = op === "*" ? v * r : floor ? Math.floor(v / r) : v / r;
    }
  };
  const unary = (): number => {
    const c = peek();
    if (c === "-" || c === "+") {
      i++;
      return c === "-" ? -unary() : unary();
    }
    return power();
  };
  const power = (): number => {
    const base = primary();
    return take("**") ? base ** unary() : base;
  };
  const primary = (): number => {
    if (peek() === "(") {
      i++;
      const v = expr();
      if (peek() !== ")") throw new NotArithmetic("missing )");
      i++;
      return v;
    }
    const m = /^(\d+\.?\d*|\.\d+)/.exec(text.slice(i));
    if (!m) throw new NotArithmetic("a number is expected");
    i += m[0].length;
    return Number(m[0]);
  };
  try {
    const v = expr();
    if (peek() !== "") return null;
    return Number.isFinite(v) ? v : null;
  } catch (err) {
    if (err instanceof NotArithmetic) return null;
    throw err;
  }
}
