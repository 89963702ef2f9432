// The numbers every derivation works with: sums to the cent, written as expressions over the
// seen numbers, and the records a value shows.

/** A quantity worked out from seen values: its value, an expression over seen numbers for the calculator, and which derivation gave it. */
export interface Derived {
  value: number;
  how: string;
  kind: "named total" | "saving" | "writes total" | "payment total" | "action price" | "dated total";
}

export type Obj = Record<string, unknown>;
export const isObj = (v: unknown): v is Obj => !!v && typeof v === "object" && !Array.isArray(v);
export const cents = (x: number): number => Math.round(x * 100);
export const num = (x: number): string => String(Math.round(x * 100) / 100);

/** A sum written over seen numbers: positive terms first, a negative one as a subtraction of its magnitude. */
export function sumExpression(terms: ReadonlyArray<number>): string {
  const parts = terms.map((t) => ({ neg: t < 0, text: num(Math.abs(t)) }));
  parts.sort((a, b) => Number(a.neg) - Number(b.neg));
  return parts.map((p, i) => (i === 0 ? `${p.neg ? "-" : ""}${p.text}` : `${p.neg ? " - " : " + "}${p.text}`)).join("");
}


/** Every object inside a value (the records it shows), outermost first. */
export function records(v: unknown, out: Array<{ rec: Obj }> = []): Array<{ rec: Obj }> {
  if (Array.isArray(v)) for (const x of v) records(x, out);
  else if (isObj(v)) {
    out.push({ rec: v });
    for (const x of Object.values(v)) records(x, out);
  }
  return out;
}

export const numericFields = (r: Obj): Array<[string, number]> => Object.entries(r).filter((e): e is [string, number] => typeof e[1] === "number" && Number.isFinite(e[1]));
export const idLike = (s: string): boolean => s.length >= 3 && /\d/.test(s);

/** The sum to the cent. */
export function sum(xs: ReadonlyArray<number>): number {
  return xs.reduce((n, x) => n + cents(x), 0) / 100;
}

/** Numbers by path ("payment_history.1.amount"). */
export function numbersByPath(v: unknown, path = "", out = new Map<string, number>()): Map<string, number> {
  if (typeof v === "number" && Number.isFinite(v)) out.set(path, v);
  else if (Array.isArray(v)) v.forEach((x, i) => numbersByPath(x, `${path}.${i}`, out));
  else if (isObj(v)) for (const [k, x] of Object.entries(v)) numbersByPath(x, `${path}.${k}`, out);
  return out;
}
