import { hash128 } from "./hash.js";

/**
 * A small seeded PRNG (sfc32). Every record gets its own stream derived from the
 * run's seed and the record's id, so output does not depend on record order or on
 * how input is split across processes. `fork(label)` gives an independent stream
 * for one concern, so drawing one more number elsewhere does not shift it.
 */
export class Rng {
  private a: number;
  private b: number;
  private c: number;
  private d: number;

  constructor(readonly key: string) {
    [this.a, this.b, this.c, this.d] = hash128(key);
    for (let i = 0; i < 12; i++) this.u32();
  }

  static for(seed: number | string, id: string, ...labels: string[]): Rng {
    return new Rng([String(seed), id, ...labels].join("\u0000"));
  }

  fork(label: string): Rng {
    return new Rng(`${this.key}\u0000${label}`);
  }

  u32(): number {
    this.a >>>= 0; this.b >>>= 0; this.c >>>= 0; this.d >>>= 0;
    let t = (this.a + this.b) | 0;
    this.a = this.b ^ (this.b >>> 9);
    this.b = (this.c + (this.c << 3)) | 0;
    this.c = (this.c << 21) | (this.c >>> 11);
    this.d = (this.d + 1) | 0;
    t = (t + this.d) | 0;
    this.c = (this.c + t) | 0;
    return t >>> 0;
  }

  /** Uniform in [0, 1). */
  next(): number {
    return this.u32() / 4294967296;
  }

  /** Integer in [min, max], both inclusive. */
  int(min: number, max: number): number {
    return min + Math.floor(this.next() * (max - min + 1));
  }

  chance(p: number): boolean {
    return this.next() < p;
  }

  pick<T>(items: readonly T[]): T {
    if (items.length === 0) throw new Error("Rng.pick: empty list");
    return items[Math.floor(this.next() * items.length)] as T;
  }

  /** Picks a key by weight; weights need not sum to 1. */
  weighted<K extends string>(weights: Readonly<Record<K, number>> | ReadonlyArray<readonly [K, number]>): K {
    const entries = (Array.isArray(weights) ? weights : Object.entries(weights)) as Array<[K, number]>;
    let total = 0;
    for (const [, w] of entries) total += w;
    if (!(total > 0)) throw new Error("Rng.weighted: weights must sum to more than 0");
    let r = this.next() * total;
    for (const [k, w] of entries) {
      r -= w;
      if (r < 0) return k;
    }
    return entries[entries.length - 1]![0];
  }

  shuffle<T>(items: readonly T[]): T[] {
    const out = items.slice();
    for (let i = out.length - 1; i > 0; i--) {
      const j = Math.floor(this.next() * (i + 1));
      [out[i], out[j]] = [out[j] as T, out[i] as T];
    }
    return out;
  }

  /** `k` distinct items, in random order. */
  sample<T>(items: readonly T[], k: number): T[] {
    return this.shuffle(items).slice(0, Math.max(0, Math.min(k, items.length)));
  }
}
