import { describe, expect, it } from "vitest";
import { canTag, parseTagPath, withTag } from "./tag.js";

describe("tags", () => {
  it("sets a nested field on a copy, keeping the rest of the record", () => {
    const rec = { id: "1", meta: { engine: "offline" } };
    expect(withTag(rec, ["meta", "mix_source"], "a")).toEqual({ id: "1", meta: { engine: "offline", mix_source: "a" } });
    expect(rec.meta).toEqual({ engine: "offline" });
    expect(withTag({}, ["x", "y"], "b")).toEqual({ x: { y: "b" } });
  });

  it("cannot tag under a field that is not an object", () => {
    expect(canTag({ meta: "v1" }, ["meta", "mix_source"])).toBe(false);
    expect(canTag({ meta: null }, ["meta", "mix_source"])).toBe(false);
    expect(canTag({ meta: "v1" }, ["meta"])).toBe(true);
    expect(canTag({}, ["a", "b", "c"])).toBe(true);
  });

  it("refuses empty path segments", () => {
    expect(() => parseTagPath("meta..x")).toThrow(/not a field path/);
    expect(parseTagPath("meta.mix_source")).toEqual(["meta", "mix_source"]);
  });
});
