import { fmix32 } from "@chatmill/kit";
import { ensureLength } from "./growable.js";

/**
 * The buckets of an LSH index: per band, an open-addressing hash table (linear
 * probing) whose slot s holds a band key (keys[s]) and the number of a record with
 * that key (items[s], record + 1; 0 = empty slot). Records sharing a key sit in the
 * same probe run, so a bucket is the matching slots of the run that starts at the
 * key's home. A slot is 8 bytes, or 6 when every key fits in 16 bits (the semantic
 * index's bands of ≤ 16 hyperplane bits); tables stay 68–85% full (they grow by a
 * quarter when 85% full), so a band costs 9.4–11.8 (7.1–8.8) bytes per kept record,
 * instead of a Map entry (and an array per shared bucket) on the JavaScript heap.
 */
export const MAX_LOAD = 0.85;
export const TABLE_GROWTH = 1.25;
const INITIAL_SLOTS = 1024;

type Keys = Int32Array | Uint16Array;

export class BandTable {
  private readonly keys: Keys[];
  private readonly items: Int32Array[];
  private slots = INITIAL_SLOTS;
  private entries = 0;
  private found = new Int32Array(64);
  private readonly narrow: boolean;

  /** `keyBits`: how many bits a key can have; ≤ 16 stores keys in 2 bytes. */
  constructor(readonly bands: number, keyBits = 32) {
    this.narrow = keyBits <= 16;
    this.keys = Array.from({ length: bands }, () => this.newKeys(INITIAL_SLOTS));
    this.items = Array.from({ length: bands }, () => new Int32Array(INITIAL_SLOTS));
  }

  /** Slots per band (for tests of growth). */
  get capacity(): number {
    return this.slots;
  }

  /** Records `item` (a record number ≥ 0) under its key of each band. */
  add(keys: ArrayLike<number>, item: number): void {
    if (this.entries + 1 > this.slots * MAX_LOAD) this.grow(Math.ceil(this.slots * TABLE_GROWTH));
    for (let b = 0; b < this.bands; b++) {
      const key = this.keyOf(keys[b]!);
      place(this.keys[b]!, this.items[b]!, this.slots, key, item + 1);
    }
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
      const ks = this.keys[b]!, items = this.items[b]!;
      const key = this.keyOf(keys[b]!);
      let s = home(key, cap);
      for (;;) {
        const v = items[s]!;
        if (v === 0) break;
        if (ks[s] === key) {
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

  /** The key as stored: a 16-bit table refuses keys that do not fit, rather than mixing them up. */
  private keyOf(key: number): number {
    if (!this.narrow) return key | 0;
    if (key >>> 16 !== 0 || key < 0) throw new RangeError(`band key ${key} does not fit a 16-bit band table`);
    return key;
  }

  private newKeys(slots: number): Keys {
    return this.narrow ? new Uint16Array(slots) : new Int32Array(slots);
  }

  private grow(slots: number): void {
    for (let b = 0; b < this.bands; b++) {
      const oldKeys = this.keys[b]!, oldItems = this.items[b]!;
      const keys = this.newKeys(slots), items = new Int32Array(slots);
      for (let s = 0; s < this.slots; s++) if (oldItems[s] !== 0) place(keys, items, slots, oldKeys[s]!, oldItems[s]!);
      this.keys[b] = keys;
      this.items[b] = items;
    }
    this.slots = slots;
  }
}

function home(key: number, cap: number): number {
  return fmix32(key >>> 0) % cap;
}

function place(keys: Keys, items: Int32Array, cap: number, key: number, value: number): void {
  let s = home(key, cap);
  while (items[s] !== 0) if (++s === cap) s = 0;
  keys[s] = key;
  items[s] = value;
}
