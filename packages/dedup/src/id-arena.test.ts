import { describe, expect, it } from "vitest";
import { IdArena } from "./id-arena.js";

describe("IdArena (ids as UTF-8 bytes back to back)", () => {
  it("gives every id back as it was pushed, across growths, whatever its characters", () => {
    const a = new IdArena();
    const ids = ["", "d-1", "naïve-√", "日本語-42", "emoji-😀", "x".repeat(10_000)];
    for (let i = 0; i < 5000; i++) ids.push(`rec-${i}-${"é".repeat(i % 7)}`);
    ids.forEach((id, i) => expect(a.push(id)).toBe(i));
    expect(a.size).toBe(ids.length);
    ids.forEach((id, i) => expect(a.get(i)).toBe(id));
    expect(() => a.get(ids.length)).toThrow(RangeError);
  });
});
