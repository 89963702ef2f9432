/**
 * The shingle sets of kept records, back to back in one growable Uint32Array.
 * One buffer instead of a typed array per record: with 100,000 kept records the
 * garbage collector otherwise spends much of its time tracking small ArrayBuffers.
 * A set is stored as it comes (unsorted, maybe with repeats) and sorted in place the
 * first time it is compared or saved, since most kept records never are.
 */
export class ShingleStore {
  private data = new Uint32Array(1 << 16);
  private used = 0;
  private readonly start: number[] = [];
  private readonly length: number[] = [];
  private readonly sorted: boolean[] = [];

  /** Stores a set; returns its index (the record's index in the Deduper). */
  push(set: Uint32Array | undefined, isSorted = false): number {
    const i = this.start.length;
    const n = set?.length ?? 0;
    if (this.used + n > this.data.length) {
      const next = new Uint32Array(Math.max(this.data.length * 2, this.used + n));
      next.set(this.data.subarray(0, this.used));
      this.data = next;
    }
    if (set) this.data.set(set, this.used);
    this.start.push(set ? this.used : -1);
    this.length.push(n);
    this.sorted.push(isSorted);
    this.used += n;
    return i;
  }

  has(i: number): boolean {
    return (this.start[i] ?? -1) >= 0;
  }

  /** The set, sorted and without repeats: a view into the store, valid until the next push. */
  sortedView(i: number): Uint32Array | undefined {
    const s = this.start[i]!;
    if (s < 0) return undefined;
    let n = this.length[i]!;
    if (!this.sorted[i]) {
      const view = this.data.subarray(s, s + n).sort();
      let k = 0;
      for (let j = 0; j < n; j++) if (j === 0 || view[j] !== view[k - 1]) view[k++] = view[j]!;
      this.length[i] = n = k;
      this.sorted[i] = true;
    }
    return this.data.subarray(s, s + n);
  }
}
