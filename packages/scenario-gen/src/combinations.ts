import type { Domain } from "@chatmill/domains";
import type { Rng } from "@chatmill/kit";
import { LOGICAL_COMBINATIONS, SIZE_NAME, SIZE_WEIGHTS } from "./data/seed003.js";

/** The service combinations a domain offers, by size name (single, double, triple, quadruple). */
export type Combinations = Record<string, string[][]>;

/**
 * A pack may list its own combinations in `offline.combinations` (arrays of service names);
 * otherwise seed 003's logical combinations are used, keeping those whose services the pack
 * has. Singles are every service. Sizes with no combination drop out of the weights.
 */
export function combinationsOf(domain: Pick<Domain, "services" | "offline">): Combinations {
  const names = new Set(domain.services.map((s) => s.name));
  const own = domain.offline.combinations;
  const out: Combinations = { single: [...names].sort().map((s) => [s]) };
  const lists: ReadonlyArray<readonly string[]> = Array.isArray(own)
    ? (own as unknown[]).filter((c): c is string[] => Array.isArray(c) && c.every((s) => typeof s === "string"))
    : Object.values(LOGICAL_COMBINATIONS).flat();
  for (const combo of lists) {
    if (combo.length < 2 || combo.length > 4 || !combo.every((s) => names.has(s)) || new Set(combo).size !== combo.length) continue;
    const size = SIZE_NAME[combo.length]!;
    const key = [...combo].sort().join("+");
    const list = (out[size] ??= []);
    if (!list.some((c) => [...c].sort().join("+") === key)) list.push([...combo]);
  }
  return out;
}

/** The size weights restricted to the sizes a domain has combinations of. */
export function sizeWeights(combos: Combinations, weights: Readonly<Record<string, number>> = SIZE_WEIGHTS): Record<string, number> {
  const out: Record<string, number> = {};
  for (const [size, w] of Object.entries(weights)) if ((combos[size]?.length ?? 0) > 0 && w > 0) out[size] = w;
  if (Object.keys(out).length === 0) out.single = 1;
  return out;
}

export function comboKey(services: readonly string[]): string {
  return [...services].sort().join("+");
}

/**
 * Opt-in exact balancing (--balance): within the drawn size, the least-used combination so
 * far, ties broken by the record's own random stream. It keeps state, so a record's services
 * then depend on the records before it (and on how the input was split).
 */
export class CombinationBalancer {
  private readonly used = new Map<string, number>();

  choose(candidates: readonly string[][], rng: Rng): string[] {
    let best: string[][] = [];
    let least = Infinity;
    for (const c of candidates) {
      const n = this.used.get(comboKey(c)) ?? 0;
      if (n < least) {
        least = n;
        best = [c];
      } else if (n === least) best.push(c);
    }
    const pick = rng.pick(best);
    this.used.set(comboKey(pick), least + 1);
    return pick;
  }
}
