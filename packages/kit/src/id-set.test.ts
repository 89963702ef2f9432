import { describe, expect, it } from "vitest";
import { IdSet } from "./id-set.js";

describe("IdSet", () => {
  it("tells new ids from ones already added, across growth", () => {
    const ids = new IdSet(16);
    for (let i = 0; i < 100_000; i++) expect(ids.add(`rec-${i}`)).toBe(true);
    expect(ids.size).toBe(100_000);
    for (let i = 0; i < 100_000; i += 997) expect(ids.add(`rec-${i}`)).toBe(false);
    expect(ids.add("")).toBe(true);
    expect(ids.add("")).toBe(false);
    expect(ids.size).toBe(100_001);
  });

  it("keeps about 8 to 22 bytes an id", () => {
    const ids = new IdSet();
    for (let i = 0; i < 300_000; i++) ids.add(`dialogue-${i.toString(16)}`);
    expect(ids.bytes / ids.size).toBeGreaterThanOrEqual(8);
    expect(ids.bytes / ids.size).toBeLessThanOrEqual(22);
  });
});
