import { Rng } from "@chatmill/kit";

/**
 * Random-hyperplane LSH (SimHash) for cosine similarity: each bit is the side of a
 * random hyperplane a vector falls on; two vectors at angle θ agree on a bit with
 * probability 1 − θ/π. Bits are grouped into bands of `rows` bits.
 */
export class Hyperplanes {
  private readonly planes: Float32Array;
  /** Hyperplanes (bits of a sketch): bands × rows. */
  readonly bits: number;
  /** 32-bit words of a packed sketch. */
  readonly words: number;

  constructor(readonly dim: number, readonly bands: number, readonly rows: number, seed: number) {
    const rng = Rng.for(seed, "dedup", "hyperplanes", String(dim));
    this.bits = bands * rows;
    this.words = Math.ceil(this.bits / 32);
    this.planes = new Float32Array(this.bits * dim);
    for (let i = 0; i < this.planes.length; i++) this.planes[i] = gaussian(rng);
  }

  /** The sketch of `v`: bit j (word j >> 5, bit j & 31) is the side of plane j it falls on. */
  signs(v: Float32Array, out = new Uint32Array(this.words)): Uint32Array {
    out.fill(0);
    const d = this.dim;
    for (let j = 0; j < this.bits; j++) {
      const off = j * d;
      let dot = 0;
      for (let i = 0; i < d; i++) dot += this.planes[off + i]! * v[i]!;
      if (dot >= 0) out[j >>> 5]! |= 1 << (j & 31);
    }
    return out;
  }

  /** One key per band from a sketch; a band of up to 30 bits is its own key (a small integer). */
  bandKeysOf(signs: Uint32Array): Int32Array {
    const keys = new Int32Array(this.bands);
    for (let b = 0; b < this.bands; b++) {
      let key = 0;
      for (let r = 0; r < this.rows; r++) {
        const j = b * this.rows + r;
        const bit = (signs[j >>> 5]! >>> (j & 31)) & 1;
        key = this.rows <= 30 ? (key << 1) | bit : (Math.imul(key, 31) + bit) | 0;
      }
      keys[b] = key & 0x3fffffff;
    }
    return keys;
  }

  bandKeys(v: Float32Array): Int32Array {
    return this.bandKeysOf(this.signs(v));
  }

  /**
   * The most sketch bits two vectors at cosine `threshold` differ in, but for a chance
   * below 1e-9: each bit differs with probability θ/π (θ = acos(threshold)), so the
   * count is binomial; its mean plus 6 standard deviations. Candidates further apart
   * cannot reach the threshold but by that chance, and are not read back.
   */
  maxDifferingBits(threshold: number): number {
    const p = Math.acos(Math.max(-1, Math.min(1, threshold))) / Math.PI;
    return Math.ceil(this.bits * p + 6 * Math.sqrt(this.bits * p * (1 - p)));
  }
}

/** Bits that differ between the sketch in `a` and the one at `b[off…]`. */
export function differingBits(a: Uint32Array, b: Uint32Array, off: number): number {
  let n = 0;
  for (let k = 0; k < a.length; k++) {
    let x = (a[k]! ^ b[off + k]!) >>> 0;
    x -= (x >>> 1) & 0x55555555;
    x = (x & 0x33333333) + ((x >>> 2) & 0x33333333);
    n += (Math.imul((x + (x >>> 4)) & 0x0f0f0f0f, 0x01010101) >>> 24);
  }
  return n;
}

function gaussian(rng: Rng): number {
  const u = Math.max(rng.next(), 1e-12);
  return Math.sqrt(-2 * Math.log(u)) * Math.cos(2 * Math.PI * rng.next());
}

export function normalizeVector(v: ArrayLike<number>): Float32Array {
  const out = Float32Array.from(v);
  let n = 0;
  for (let i = 0; i < out.length; i++) n += out[i]! * out[i]!;
  n = Math.sqrt(n);
  if (n > 0) for (let i = 0; i < out.length; i++) out[i] = out[i]! / n;
  return out;
}

export function dot(a: Float32Array, b: Float32Array): number {
  let s = 0;
  for (let i = 0; i < a.length; i++) s += a[i]! * b[i]!;
  return s;
}
