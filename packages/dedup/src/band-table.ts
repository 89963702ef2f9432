import { fmix32 } from "@chatmill/kit";
import { ensureLength } from "./growable.js";

/**
 * The buckets of an LSH index: per band, an open-addressing hash table (linear
 * probing) whose slots hold a band key and the number of a record with that key,
 * side by side in one Int32Array: [key, record + 1] (0 = empty slot). Records sharing
 * a key sit in the same probe run, so a bucket is the matching slots of the run that
 * starts at the key's home. One slot is 8 bytes; tables stay 68–85% full (they grow
 * by a quarter when 85% full), so a band costs 9.4–11.8 bytes per kept record,
 * instead of a Map entry (and an array per shared bucket) on the JavaScript heap.
 */
export const MAX_LOAD = 0.85;
export const TABLE_GROWTH = 1.25;
const INITIAL_SLOTS = 1024;

export class BandTable {
  private readonly tables: Int32Array[];
  private slots = INITIAL_SLOTS;
  private entries = 0;
  private found = new Int32Array(64);

  constructor(readonly bands: number) {
    this.tables = Array.from({ length: bands }, () => new Int32Array(2 * INITIAL_SLOTS));
  }

  /** Slots per band (for tests of growth). */
  get capacity(): number {
    return this.slots;
  }

  /** Records `item` (a record number ≥ 0) under its key of each band. */
  add(keys: ArrayLike<number>, item: number): void {
    if (this.entries + 1 > this.slots * MAX_LOAD) this.grow(Math.ceil(this.slots * TABLE_GROWTH));
    for (let b = 0; b < this.bands; b++) place(this.tables[b]!, this.slots, keys[b]! | 0, item + 1);
    this.entries += 1;
  }

  /**
   * The records sharing at least one band key with `keys`, each once, in ascending
   * order: a view of a buffer reused by the next call.
   */
  candidates(keys: ArrayLike<number>): Int32Array {
    let n = 0;
    const cap = this.slots;
    for (let b = 0; b < this.bands; b++) {
      const t = this.tables[b]!;
      const key = keys[b]! | 0;
      let s = home(key, cap);
      for (;;) {
        const v = t[2 * s + 1]!;
        if (v === 0) break;
        if (t[2 * s] === key) {
          if (n === this.found.length) this.found = ensureLength(this.found, n + 1);
          this.found[n++] = v - 1;
        }
        if (++s === cap) s = 0;
      }
    }
    const out = this.found.subarray(0, n).sort();
    let k = 0;
    for (let i = 0; i < n; i++) if (i === 0 || out[i] !== out[k - 1]) out[k++] = out[i]!;
    return out.subarray(0, k);
  }

  private grow(slots: number): void {
    for (let b = 0; b < this.bands; b++) {
      const old = this.tables[b]!;
      const t = new Int32Array(2 * slots);
      for (let s = 0; s < this.slots; s++) if (old[2 * s + 1] !== 0) place(t, slots, old[2 * s]!, old[2 * s + 1]!);
      this.tables[b] = t;
    }
    this.slots = slots;
  }
}

function home(key: number, cap: number): number {
  return fmix32(key >>> 0) % cap;
}

function place(t: Int32Array, cap: number, key: number, value: number): void {
  let s = home(key, cap);
  while (t[2 * s + 1] !== 0) if (++s === cap) s = 0;
  t[2 * s] = key;
  t[2 * s + 1] = value;
}
