/**
 * JSON.stringify(a) === JSON.stringify(b), without building the two texts: the same keys
 * in the same order (keys whose value JSON leaves out skipped), the same values. Anything
 * JSON.stringify treats specially (toJSON, boxed primitives, non-plain objects) is
 * compared through JSON.stringify itself.
 */
export function jsonEqual(a: unknown, b: unknown): boolean {
  if (a === b) return true;
  const ta = typeof a;
  const tb = typeof b;
  if (ta === "string" || tb === "string") return ta === tb ? false : JSON.stringify(a) === JSON.stringify(b);
  if (ta !== "object" || tb !== "object" || a === null || b === null) return JSON.stringify(a) === JSON.stringify(b);
  if (!jsonPlain(a as object) || !jsonPlain(b as object)) return JSON.stringify(a) === JSON.stringify(b);
  const aa = Array.isArray(a);
  if (aa !== Array.isArray(b)) return false;
  if (aa) {
    const x = a as unknown[];
    const y = b as unknown[];
    if (x.length !== y.length) return false;
    for (let i = 0; i < x.length; i++) if (!jsonEqual(inArray(x[i]), inArray(y[i]))) return false;
    return true;
  }
  const ka = shown(a as Record<string, unknown>);
  const kb = shown(b as Record<string, unknown>);
  if (ka.length !== kb.length) return false;
  for (let i = 0; i < ka.length; i++) {
    const k = ka[i]!;
    if (k !== kb[i]) return false;
    if (!jsonEqual((a as Record<string, unknown>)[k], (b as Record<string, unknown>)[k])) return false;
  }
  return true;
}

/** What JSON writes for an array element: undefined, functions and symbols become null. */
function inArray(v: unknown): unknown {
  return v === undefined || typeof v === "function" || typeof v === "symbol" ? null : v;
}

/** The keys JSON.stringify writes (values undefined, functions and symbols are left out). */
function shown(o: Record<string, unknown>): string[] {
  const out: string[] = [];
  for (const k of Object.keys(o)) {
    const v = o[k];
    if (v !== undefined && typeof v !== "function" && typeof v !== "symbol") out.push(k);
  }
  return out;
}

/** An array or an object whose JSON text is its own keys' (no toJSON, not a boxed primitive or other class instance). */
export function jsonPlain(v: object): boolean {
  if (typeof (v as { toJSON?: unknown }).toJSON === "function") return false;
  if (Array.isArray(v)) return true;
  const proto = Object.getPrototypeOf(v) as unknown;
  return proto === Object.prototype || proto === null;
}
