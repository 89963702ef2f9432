import { describe, expect, it } from "vitest";
import { BottomK } from "./bottom-k.js";

describe("BottomK", () => {
  it("keeps the k smallest keys of a stream", () => {
    const h = new BottomK(5);
    const keys = Array.from({ length: 200 }, (_, i) => (i * 7919) % 1000);
    for (const k of keys) h.add(k);
    const want = keys.slice().sort((a, b) => a - b).slice(0, 5);
    expect(h.values().sort((a, b) => a - b)).toEqual(want);
    expect(h.threshold()).toBe(want[4]);
  });

  it("holds fewer than k when fewer came, and nothing when k is 0", () => {
    const h = new BottomK(3);
    h.add(2);
    expect(h.values()).toEqual([2]);
    const z = new BottomK(0);
    z.add(1);
    expect(z.values()).toEqual([]);
    expect(z.threshold()).toBe(-Infinity);
  });
});
