import { Rng } from "@chatmill/kit";

/**
 * Random-hyperplane LSH (SimHash) for cosine similarity: each bit is the side of a
 * random hyperplane a vector falls on; two vectors at angle θ agree on a bit with
 * probability 1 − θ/π. Bits are grouped into bands of `rows` bits.
 */
export class Hyperplanes {
  private readonly planes: Float32Array;

  constructor(readonly dim: number, readonly bands: number, readonly rows: number, seed: number) {
    const rng = Rng.for(seed, "dedup", "hyperplanes", String(dim));
    const n = bands * rows;
    this.planes = new Float32Array(n * dim);
    for (let i = 0; i < this.planes.length; i++) this.planes[i] = gaussian(rng);
  }

  /** One key per band; a band of up to 30 bits is its own key (a small integer). */
  bandKeys(v: Float32Array): Int32Array {
    const keys = new Int32Array(this.bands);
    const d = this.dim;
    for (let b = 0; b < this.bands; b++) {
      let key = 0;
      for (let r = 0; r < this.rows; r++) {
        const off = (b * this.rows + r) * d;
        let dot = 0;
        for (let i = 0; i < d; i++) dot += this.planes[off + i]! * v[i]!;
        key = this.rows <= 30 ? (key << 1) | (dot >= 0 ? 1 : 0) : (Math.imul(key, 31) + (dot >= 0 ? 1 : 0)) | 0;
      }
      keys[b] = key & 0x3fffffff;
    }
    return keys;
  }
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
