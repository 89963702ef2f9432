import { Rng } from "@chatmill/kit";
import { describe, expect, it } from "vitest";
import { closingTerm, denseRewards } from "./rewards.js";

const sumInOrder = (xs: number[]) => xs.reduce((a, b) => a + b, 0);

describe("dense rewards", () => {
  it("add up to the episode reward exactly, in IEEE double, for any qualities", () => {
    const rng = new Rng("7");
    for (let t = 0; t < 5000; t++) {
      const n = rng.int(1, 30);
      const q = Array.from({ length: n }, () => (rng.chance(0.2) ? 0 : rng.next()));
      const R = rng.chance(0.1) ? 0 : rng.chance(0.1) ? 1 : rng.next();
      expect(sumInOrder(denseRewards(q, R))).toBe(R);
    }
  });
  it("reward a good step more than a failed one, even when the episode earns 0", () => {
    const [good, failed, reply] = denseRewards([1, 0, 1], 0);
    expect(good!).toBeGreaterThan(failed!);
    expect(failed!).toBeLessThan(0);
    expect(good! + failed! + reply!).toBe(0);
  });
  it("split R equally when no step has any quality", () => {
    expect(denseRewards([0, 0], 0.5)).toEqual([0.25, 0.25]);
  });
  it("close the sum even where R - s rounds", () => {
    const s = 0.1 + 0.2;
    expect(s + closingTerm(s, 0.9)).toBe(0.9);
  });
});
