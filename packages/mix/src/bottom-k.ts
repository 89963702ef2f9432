/**
 * Keeps the k smallest keys seen (a max-heap), so choosing k records out of n needs
 * memory for k numbers, not n records. `threshold()` is the k-th smallest key.
 */
export class BottomK {
  private readonly heap: Float64Array;
  private size = 0;

  constructor(readonly k: number) {
    this.heap = new Float64Array(Math.max(0, k));
  }

  add(key: number): void {
    if (this.k === 0) return;
    const h = this.heap;
    if (this.size < this.k) {
      let i = this.size++;
      h[i] = key;
      while (i > 0) {
        const p = (i - 1) >> 1;
        if (h[p]! >= h[i]!) break;
        [h[p], h[i]] = [h[i]!, h[p]!];
        i = p;
      }
      return;
    }
    if (key >= h[0]!) return;
    h[0] = key;
    let i = 0;
    for (;;) {
      const l = 2 * i + 1;
      const r = l + 1;
      let m = i;
      if (l < this.size && h[l]! > h[m]!) m = l;
      if (r < this.size && h[r]! > h[m]!) m = r;
      if (m === i) break;
      [h[m], h[i]] = [h[i]!, h[m]!];
      i = m;
    }
  }

  /** The largest kept key (the k-th smallest overall), or -Infinity when nothing is kept. */
  threshold(): number {
    return this.size === 0 ? -Infinity : this.heap[0]!;
  }

  /** The kept keys, in no particular order. */
  values(): number[] {
    return Array.from(this.heap.subarray(0, this.size));
  }
}
