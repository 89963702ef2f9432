import { describe, expect, it } from "vitest";
import { canonicalJson, sortKeys } from "./canonical-json.js";

describe("canonicalJson", () => {
  it("gives the same text whatever order the keys were written in, at every level", () => {
    expect(canonicalJson({ b: 1, a: { d: [{ y: 1, x: 2 }], c: null } })).toBe('{"a":{"c":null,"d":[{"x":2,"y":1}]},"b":1}');
    expect(canonicalJson({ a: { d: [{ x: 2, y: 1 }], c: null }, b: 1 })).toBe(canonicalJson({ b: 1, a: { c: null, d: [{ y: 1, x: 2 }] } }));
  });

  it("leaves undefined out of objects and writes it as null in arrays, as JSON.stringify does", () => {
    expect(canonicalJson({ a: undefined, b: [undefined, 1] })).toBe('{"b":[null,1]}');
    expect(sortKeys({ z: 1, a: 2 })).toEqual({ a: 2, z: 1 });
    expect(Object.keys(sortKeys({ z: 1, a: 2 }) as object)).toEqual(["a", "z"]);
  });
});
