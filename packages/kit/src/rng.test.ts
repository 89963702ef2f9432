import { describe, expect, it } from "vitest";
import { Rng } from "./rng.js";

describe("Rng", () => {
  it("is deterministic for a seed and id, and differs across ids and seeds", () => {
    const a = Rng.for(7, "rec-1");
    const b = Rng.for(7, "rec-1");
    const seqA = Array.from({ length: 10 }, () => a.u32());
    expect(Array.from({ length: 10 }, () => b.u32())).toEqual(seqA);
    expect(Array.from({ length: 10 }, () => Rng.for(7, "rec-2").u32())).not.toEqual(seqA);
    expect(Rng.for(8, "rec-1").u32()).not.toBe(seqA[0]);
  });

  it("gives independent streams per fork label", () => {
    const r = Rng.for(1, "x");
    const f1 = r.fork("names").next();
    r.next();
    r.next();
    expect(r.fork("names").next()).toBe(f1);
    expect(r.fork("other").next()).not.toBe(f1);
  });

  it("draws uniformly and by weight", () => {
    const r = Rng.for(3, "dist");
    const counts: Record<string, number> = { a: 0, b: 0, c: 0 };
    for (let i = 0; i < 20_000; i++) counts[r.weighted({ a: 0.5, b: 0.3, c: 0.2 })]! += 1;
    expect(counts.a! / 20_000).toBeCloseTo(0.5, 1);
    expect(counts.b! / 20_000).toBeCloseTo(0.3, 1);
    expect(counts.c! / 20_000).toBeCloseTo(0.2, 1);
    for (let i = 0; i < 1000; i++) {
      const n = r.int(5, 10);
      expect(n).toBeGreaterThanOrEqual(5);
      expect(n).toBeLessThanOrEqual(10);
    }
  });

  it("samples distinct items and shuffles without losing any", () => {
    const r = Rng.for(0, "s");
    const items = [1, 2, 3, 4, 5, 6];
    expect(new Set(r.sample(items, 4)).size).toBe(4);
    expect(r.shuffle(items).sort()).toEqual(items);
    expect(() => r.pick([])).toThrow(/empty/);
  });
});
