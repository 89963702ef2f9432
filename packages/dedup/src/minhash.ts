import { fmix32 } from "@chatmill/kit";

/**
 * One-permutation MinHash with optimal densification (Shrivastava, ICML 2017):
 * each shingle hash falls into one of K buckets and keeps the bucket's minimum, so a
 * signature costs one pass over the shingles instead of K; an empty bucket borrows
 * the value of a non-empty bucket chosen by a fixed probe sequence. For two sets the
 * chance that bucket i agrees is their Jaccard similarity, as with K permutations.
 */
export class MinHasher {
  readonly bits: number;
  private readonly probes: Uint16Array;
  private readonly maxProbe: number;

  constructor(readonly numPerm: number, readonly seed = 0) {
    if (!Number.isInteger(Math.log2(numPerm)) || numPerm < 16 || numPerm > 1024) {
      throw new Error(`--num-perm must be a power of two between 16 and 1024, got ${numPerm}`);
    }
    this.bits = Math.log2(numPerm);
    this.full = new Uint8Array(numPerm);
    // The probe sequence of each bucket is a property of the hasher, not of the record.
    this.maxProbe = 64;
    this.probes = new Uint16Array(numPerm * this.maxProbe);
    for (let i = 0; i < numPerm; i++) {
      for (let a = 0; a < this.maxProbe; a++) this.probes[i * this.maxProbe + a] = fmix32((i * 0x9e3779b1 + a * 0x85ebca6b + seed) >>> 0) & (numPerm - 1);
    }
  }

  private readonly full: Uint8Array;

  /** The signature, written into `out` when given (so a caller can reuse one buffer). */
  signature(shingles: Uint32Array, out?: Uint32Array): Uint32Array {
    const k = this.numPerm;
    const sig = (out ?? new Uint32Array(k)).fill(0xffffffff);
    const full = this.full.fill(0);
    const shift = 32 - this.bits;
    // Two independent mixes: one picks the bucket, the other orders shingles within it.
    // (Taking both from one hash's high and low bits gave 2.5× more false candidates
    // on the planted benchmark.)
    for (let i = 0; i < shingles.length; i++) {
      const bucket = fmix32((shingles[i]! ^ this.seed ^ 0x27d4eb2d) >>> 0) >>> shift;
      const v = fmix32((shingles[i]! + 0x165667b1 + this.seed) >>> 0);
      full[bucket] = 1;
      if (v < sig[bucket]!) sig[bucket] = v;
    }
    if (shingles.length === 0) return sig;
    // In place: only empty buckets are written, and only full ones are read.
    for (let i = 0; i < k; i++) {
      if (full[i]) continue;
      let found = false;
      for (let a = 0; a < this.maxProbe; a++) {
        const j = this.probes[i * this.maxProbe + a]!;
        if (full[j]) {
          sig[i] = sig[j]!;
          found = true;
          break;
        }
      }
      if (!found) {
        // Very sparse set: fall back to a linear scan from a fixed start (still deterministic).
        for (let s = 1; s < k; s++) {
          const j = (i + s) & (k - 1);
          if (full[j]) { sig[i] = sig[j]!; break; }
        }
      }
    }
    return sig;
  }
}

/** The share of signature positions two signatures agree on: an estimate of Jaccard. */
export function estimateJaccard(a: Uint32Array, b: Uint32Array): number {
  let same = 0;
  for (let i = 0; i < a.length; i++) if (a[i] === b[i]) same++;
  return same / a.length;
}
