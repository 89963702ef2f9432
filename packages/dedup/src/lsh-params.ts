/**
 * Bands (b) and rows (r) of an LSH index: two records become candidates when all r
 * positions of at least one band agree, which happens with probability
 * P(s) = 1 - (1 - p(s)^r)^b for a per-position agreement chance p(s).
 *
 * We pick b·r ≤ K minimising  wFP·∫₀ᵗ P(s) ds + wFN·∫ₜ¹ (1 − P(s)) ds  (the areas of
 * false candidates below the threshold and of missed pairs above it). Candidates are
 * confirmed by the real similarity before anything is dropped, so a false candidate
 * only costs time while a miss loses a duplicate: misses weigh 19× as much
 * (0.95 : 0.05), which puts the chance of catching a pair exactly at the threshold
 * near 0.9 (0.95 for Jaccard 0.8 with K = 128: b = 16, r = 8).
 */
export interface LshParams {
  bands: number;
  rows: number;
  falsePositiveArea: number;
  falseNegativeArea: number;
}

export const FP_WEIGHT = 0.05;
export const FN_WEIGHT = 0.95;

export function optimalParams(
  threshold: number,
  budget: number,
  agreement: (s: number) => number = (s) => s,
  lower = 0,
): LshParams {
  let best: LshParams | undefined;
  let bestCost = Infinity;
  for (let b = 1; b <= budget; b++) {
    for (let r = 1; r * b <= budget; r++) {
      const p = (s: number) => 1 - (1 - agreement(s) ** r) ** b;
      const fp = integrate((s) => p(s), lower, threshold);
      const fn = integrate((s) => 1 - p(s), threshold, 1);
      const cost = FP_WEIGHT * fp + FN_WEIGHT * fn;
      if (cost < bestCost - 1e-12) {
        bestCost = cost;
        best = { bands: b, rows: r, falsePositiveArea: fp, falseNegativeArea: fn };
      }
    }
  }
  return best!;
}

/** Chance that two records of similarity s become candidates. */
export function candidateProbability(s: number, p: LshParams, agreement: (s: number) => number = (x) => x): number {
  return 1 - (1 - agreement(s) ** p.rows) ** p.bands;
}

function integrate(f: (x: number) => number, a: number, b: number): number {
  const n = 40;
  const h = (b - a) / n;
  let sum = 0;
  for (let i = 0; i < n; i++) sum += f(a + (i + 0.5) * h);
  return sum * h;
}

/** Random-hyperplane bits agree with probability 1 − θ/π for vectors at angle θ. */
export function hyperplaneAgreement(cosine: number): number {
  return 1 - Math.acos(Math.max(-1, Math.min(1, cosine))) / Math.PI;
}
