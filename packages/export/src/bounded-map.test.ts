import { describe, expect, it } from "vitest";
import { BoundedMap } from "./bounded-map.js";

describe("BoundedMap", () => {
  it("holds at most its limit, forgetting everything when a new key would pass it", () => {
    const m = new BoundedMap<string, number>(3);
    m.set("a", 1).set("b", 2).set("c", 3);
    m.set("b", 20);
    expect([...m.entries()]).toEqual([["a", 1], ["b", 20], ["c", 3]]);
    m.set("d", 4);
    expect([...m.entries()]).toEqual([["d", 4]]);
    for (let i = 0; i < 100; i++) m.set(`k${i}`, i);
    expect(m.size).toBeLessThanOrEqual(3);
    expect(m.get("k99")).toBe(99);
  });
});
