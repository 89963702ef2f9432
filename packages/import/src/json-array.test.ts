import { describe, expect, it } from "vitest";
import { splitJsonArray } from "./json-array.js";

describe("splitJsonArray", () => {
  it("splits a pretty-printed array into its elements with the line each starts on", () => {
    const text = '[\n  {"a": "x, ]"},\n  {"b": [1, {"c": "\\"}"}]},\n  3\n]\n';
    const els = [...splitJsonArray(text)];
    expect(els.map((e) => e.line)).toEqual([2, 3, 4]);
    expect(els.map((e) => JSON.parse(e.text))).toEqual([{ a: "x, ]" }, { b: [1, { c: '"}' }] }, 3]);
  });

  it("reads an empty array and a one-line array", () => {
    expect([...splitJsonArray(" [ ] ")]).toEqual([]);
    expect([...splitJsonArray('[{"a":1},{"b":2}]')].map((e) => e.text)).toEqual(['{"a":1}', '{"b":2}']);
  });

  it("names the line when the array is not closed or has text after it", () => {
    expect(() => [...splitJsonArray('[\n{"a":1},\n')]).toThrow(/line 3: the JSON array is not closed/);
    expect(() => [...splitJsonArray('[1]\nx')]).toThrow(/line 2: unexpected text/);
    expect(() => [...splitJsonArray('{"a":1}')]).toThrow(/expected '\['/);
    expect(() => [...splitJsonArray('[\n"abc')]).toThrow(/line 2: a string in element 0 never ends/);
  });
});
