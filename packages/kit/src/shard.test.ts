import { describe, expect, it } from "vitest";
import { UsageError } from "./errors.js";
import { ownsItem, parseShard } from "./shard.js";

describe("parseShard", () => {
  it("reads I/N with I from 0", () => {
    expect(parseShard("0/1")).toEqual({ index: 0, count: 1 });
    expect(parseShard(" 7 / 8 ")).toEqual({ index: 7, count: 8 });
  });
  it.each(["8/8", "1/0", "-1/3", "a/3", "3", "1/2/3", ""])("refuses %j with a usage error", (text) => {
    expect(() => parseShard(text)).toThrow(UsageError);
  });
});

describe("ownsItem", () => {
  it("gives every item to exactly one shard", () => {
    const shards = [0, 1, 2].map((index) => ({ index, count: 3 }));
    for (let k = 0; k < 30; k++) expect(shards.filter((s) => ownsItem(s, k)).map((s) => s.index)).toEqual([k % 3]);
  });
  it("owns everything without a shard", () => {
    expect(ownsItem(undefined, 5)).toBe(true);
  });
});
