/**
 * The buckets of an LSH index: one map per band from a band key to the records that
 * share it. A bucket with one record holds the number itself (most buckets), so the
 * index costs a map entry per band per kept record.
 */
export class BandTable {
  private readonly maps: Array<Map<number, number | number[]>>;
  private stamp = new Int32Array(1024);
  private epoch = 0;

  constructor(readonly bands: number) {
    this.maps = Array.from({ length: bands }, () => new Map());
  }

  add(keys: ArrayLike<number>, item: number): void {
    for (let b = 0; b < this.bands; b++) {
      const map = this.maps[b]!;
      const key = keys[b]!;
      const cur = map.get(key);
      if (cur === undefined) map.set(key, item);
      else if (typeof cur === "number") map.set(key, [cur, item]);
      else cur.push(item);
    }
  }

  /** Items sharing at least one band key, each once, in insertion order per band. */
  candidates(keys: ArrayLike<number>, size: number): number[] {
    if (this.stamp.length < size) {
      const next = new Int32Array(Math.max(size, this.stamp.length * 2));
      next.set(this.stamp);
      this.stamp = next;
    }
    this.epoch += 1;
    if (this.epoch === 0x7fffffff) {
      this.stamp.fill(0);
      this.epoch = 1;
    }
    const out: number[] = [];
    for (let b = 0; b < this.bands; b++) {
      const cur = this.maps[b]!.get(keys[b]!);
      if (cur === undefined) continue;
      if (typeof cur === "number") {
        if (this.stamp[cur] !== this.epoch) { this.stamp[cur] = this.epoch; out.push(cur); }
      } else {
        for (const c of cur) if (this.stamp[c] !== this.epoch) { this.stamp[c] = this.epoch; out.push(c); }
      }
    }
    return out;
  }
}
