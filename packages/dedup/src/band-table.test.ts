import { Rng } from "@chatmill/kit";
import { describe, expect, it } from "vitest";
import { BandTable, MAX_LOAD } from "./band-table.js";

describe("BandTable (open addressing, one Int32Array per band)", () => {
  it("finds every record of a bucket after many growths, and nothing else", () => {
    const bands = 4;
    const t = new BandTable(bands);
    const rng = new Rng("bands");
    const n = 20_000;
    const keys: Int32Array[] = [];
    const start = t.capacity;
    for (let i = 0; i < n; i++) {
      // Keys from a small range per band, so buckets are shared by many records.
      const k = Int32Array.from({ length: bands }, (_, b) => (b === 0 ? rng.int(0, 999) : rng.int(0, 1 << 30)));
      keys.push(k);
      t.add(k, i);
    }
    expect(t.capacity).toBeGreaterThan(start * 10);
    expect(n / t.capacity).toBeLessThanOrEqual(MAX_LOAD);
    // Brute force: the records sharing at least one band key.
    for (const q of [0, 1, 777, 12_345, n - 1]) {
      const want = [];
      for (let i = 0; i < n; i++) if (keys[i]!.some((v, b) => v === keys[q]![b])) want.push(i);
      expect([...t.candidates(keys[q]!)]).toEqual(want);
    }
    expect([...t.candidates([1000, 5, 6, 7])]).toEqual([]);
  });

  it("keeps keys apart that share a home slot (same key in another band, colliding hashes)", () => {
    const t = new BandTable(2);
    // Record i has key 42 in band 0 only when even; band 1's keys are all different.
    for (let i = 0; i < 3000; i++) t.add([i % 2 === 0 ? 42 : 43 + i, 100_000 + i], i);
    const evens = Array.from({ length: 1500 }, (_, k) => 2 * k);
    expect([...t.candidates([42, -1])]).toEqual(evens);
    expect([...t.candidates([-1, 100_007])]).toEqual([7]);
    // The same number as a key in the other band is another key.
    expect([...t.candidates([100_007, 42])]).toEqual([]);
    // Negative and top-bit keys are keys like any other.
    t.add([-5, 0x7fffffff], 3000);
    expect([...t.candidates([-5, 0])]).toEqual([3000]);
    expect([...t.candidates([0, 0x7fffffff])]).toEqual([3000]);
  });

  it("returns each record once even when it matches in several bands", () => {
    const t = new BandTable(3);
    t.add([1, 2, 3], 5);
    t.add([1, 2, 4], 9);
    expect([...t.candidates([1, 2, 3])]).toEqual([5, 9]);
  });

  it("with 16-bit keys (semantic bands of ≤ 16 bits): the same answers, and a key too wide is refused", () => {
    const wide = new BandTable(3);
    const narrow = new BandTable(3, 14);
    const rng = new Rng("narrow");
    const keys: number[][] = [];
    for (let i = 0; i < 5000; i++) {
      const k = [rng.int(0, (1 << 14) - 1), rng.int(0, 50), rng.int(0, (1 << 14) - 1)];
      keys.push(k);
      wide.add(k, i);
      narrow.add(k, i);
    }
    expect(narrow.capacity).toBe(wide.capacity);
    for (const q of [0, 99, 4999]) expect([...narrow.candidates(keys[q]!)]).toEqual([...wide.candidates(keys[q]!)]);
    expect(narrow.candidates(keys[7]!).length).toBeGreaterThan(50);
    expect(() => narrow.add([1 << 16, 0, 0], 5000)).toThrow(/does not fit a 16-bit band table/);
  });
});
