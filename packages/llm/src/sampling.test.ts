import { UsageError } from "@chatmill/kit";
import { describe, expect, it } from "vitest";
import { drawSampled, messagesHash, parseSampledFlag } from "./sampling.js";

describe("sampling lists (seed 003)", () => {
  it("reads one number or a comma-separated list, within the setting's range", () => {
    expect(parseSampledFlag("temperature", "temperature", "0.7")).toBe(0.7);
    expect(parseSampledFlag("temperature", "temperature", "0.7, 0.8,1")).toEqual([0.7, 0.8, 1]);
    expect(parseSampledFlag("frequency-penalty", "frequency_penalty", "-0.5,0.7")).toEqual([-0.5, 0.7]);
    for (const bad of ["", "0.7,", "x", "2.5", "0.5,3"]) expect(() => parseSampledFlag("temperature", "temperature", bad)).toThrow(UsageError);
    expect(() => parseSampledFlag("top-p", "top_p", "1.5")).toThrow(/--top-p expects a number from 0 to 1/);
  });

  it("draws from a list per request: the same request the same value, different requests all of them", () => {
    const list = [0.7, 0.8, 0.9, 1];
    const drawn = new Set<number>();
    for (let i = 0; i < 200; i++) {
      const h = messagesHash({ messages: [{ role: "user", content: `turn ${i}` }] });
      const v = drawSampled(list, "temperature", 7, "rec-1", "user", h)!;
      expect(list).toContain(v);
      expect(drawSampled(list, "temperature", 7, "rec-1", "user", h)).toBe(v);
      drawn.add(v);
    }
    expect(drawn).toEqual(new Set(list));
    expect(drawSampled(0.3, "temperature", 7, "r", "user", 1)).toBe(0.3);
    expect(drawSampled(undefined, "top_p", 7, "r", "user", 1)).toBeUndefined();
  });
});
