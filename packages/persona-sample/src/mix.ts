import { UsageError } from "@chatmill/kit";

/** Overridden distributions: key → value → weight. */
export type Mix = Map<string, Record<string, number>>;

/**
 * Parses `--mix key=value:weight,value:weight` (repeatable). A value without a weight
 * weighs 1; weights need not sum to 1. `allowed` lists the keys a tool understands, so a
 * typo is a usage error rather than a silently ignored flag.
 */
export function parseMix(specs: readonly string[] | undefined, allowed: readonly string[]): Mix {
  const mix: Mix = new Map();
  for (const spec of specs ?? []) {
    const eq = spec.indexOf("=");
    if (eq <= 0) throw new UsageError(`--mix expects key=value:weight,...; got '${spec}' (e.g. --mix style=casual:0.5,stressed:0.5)`);
    const key = spec.slice(0, eq).trim();
    if (!allowed.includes(key)) throw new UsageError(`--mix: unknown key '${key}'; known keys: ${allowed.join(", ")}`);
    const weights: Record<string, number> = {};
    for (const part of spec.slice(eq + 1).split(",")) {
      if (part.trim() === "") continue;
      const colon = part.lastIndexOf(":");
      const value = (colon > 0 ? part.slice(0, colon) : part).trim();
      const w = colon > 0 ? Number(part.slice(colon + 1)) : 1;
      if (value === "" || !Number.isFinite(w) || w < 0) {
        throw new UsageError(`--mix ${key}: '${part}' is not value:weight with a weight of 0 or more`);
      }
      weights[value] = w;
    }
    if (!Object.values(weights).some((w) => w > 0)) throw new UsageError(`--mix ${key}: give at least one value with a weight above 0`);
    mix.set(key, weights);
  }
  return mix;
}

/** Checks that every value of `key` in the mix is one of `known` (for closed lists such as cities). */
export function checkMixValues(mix: Mix, key: string, known: readonly string[]): void {
  const weights = mix.get(key);
  if (!weights) return;
  for (const v of Object.keys(weights)) {
    if (!known.includes(v)) throw new UsageError(`--mix ${key}: unknown value '${v}'; known values: ${known.join(", ")}`);
  }
}
