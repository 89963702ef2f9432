import { describe, expect, it } from "vitest";
import { canonicalJson } from "./canonical.js";
import { meetsConstraint, valueMeets } from "./match.js";
import { nameFieldOf, nameOf } from "./names.js";

// The one matcher: the cases on which the four former copies (scenario-gen, dialogue-sim,
// tool-annotate, the runtime) disagreed, each with the answer all of chatmill now gives.
describe("meetsConstraint: the disputed cases", () => {
  const row = { name: "Pizza Hut City Centre", colors: ["Black", "Red"], price: "12.50", stars: 4, phone: "", tags: [], open: true, nested: { single: 40 } };
  it.each([
    // eq: text is case-insensitive, numbers and numeric strings compare by value.
    ["eq differs only in case", { field: "name", op: "eq", value: "pizza hut city centre" }, true],
    ["eq number vs numeric string", { field: "price", op: "eq", value: 12.5 }, true],
    ["eq numeric string vs number", { field: "stars", op: "eq", value: "4" }, true],
    ["eq boolean vs its text", { field: "open", op: "eq", value: "true" }, true],
    ["eq array field: any element", { field: "colors", op: "eq", value: "red" }, true],
    ["eq array target: any of them", { field: "stars", op: "eq", value: [3, 4] }, true],
    ["eq on a missing field", { field: "area", op: "eq", value: "centre" }, false],
    // ne on arrays: no element equals (not "some element differs").
    ["ne array field holding the value", { field: "colors", op: "ne", value: "red" }, false],
    ["ne array field without it", { field: "colors", op: "ne", value: "blue" }, true],
    ["ne on a missing field", { field: "area", op: "ne", value: "centre" }, true],
    // exists: present and not empty; "" and [] are absent.
    ["exists on an empty string", { field: "phone", op: "exists" }, false],
    ["exists on an empty array", { field: "tags", op: "exists" }, false],
    ["exists on a value", { field: "stars", op: "exists" }, true],
    ["exists false on an empty string", { field: "phone", op: "exists", value: false }, true],
    ["exists on a missing field", { field: "area", op: "exists" }, false],
    // contains: text containment, case-insensitive, any element of an array.
    ["contains in text", { field: "name", op: "contains", value: "HUT" }, true],
    ["contains in an array element", { field: "colors", op: "contains", value: "bla" }, true],
    ["contains absent", { field: "colors", op: "contains", value: "blue" }, false],
    // in: equals one of the values.
    ["in", { field: "stars", op: "in", value: ["3", "4"] }, true],
    ["in array field", { field: "colors", op: "in", value: ["white", "red"] }, true],
    ["in none", { field: "colors", op: "in", value: ["white"] }, false],
    // order: numbers by value, other text as text ("17:05" > "17:00").
    ["lte numeric string", { field: "price", op: "lte", value: 12.5 }, true],
    ["lt numeric string", { field: "price", op: "lt", value: 12.5 }, false],
    ["gt text", { field: "name", op: "gt", value: "pizza" }, true],
    ["gte on a missing field", { field: "area", op: "gte", value: 1 }, false],
    // dotted paths reach nested objects.
    ["dotted path", { field: "nested.single", op: "lte", value: 40 }, true],
    // an op the matcher does not know never passes.
    ["unknown op", { field: "stars", op: "approximately", value: 4 }, false],
    // no op means eq.
    ["default op", { field: "stars", value: 4 }, true],
  ] as const)("%s", (_what, c, expected) => {
    expect(meetsConstraint(row, c)).toBe(expected);
  });

  it("judges a value the same way as a row's field", () => {
    expect(valueMeets(["Black", "Red"], { op: "ne", value: "RED" })).toBe(false);
    expect(valueMeets("", { op: "exists" })).toBe(false);
    expect(valueMeets(undefined, { op: "ne", value: "x" })).toBe(true);
  });
});

describe("nameOf: what a row is called", () => {
  it.each([
    ["the declared title wins", { name: "A", trainID: "TR1" }, "trainID", "TR1"],
    ["a numeric title is said as text", { code: 42, name: "A" }, "code", "42"],
    ["an empty title falls back to the name fields", { trainID: "", title: "B" }, "trainID", "B"],
    ["name before title", { title: "T", name: "N" }, undefined, "N"],
    ["hostname", { id: "web-01", hostname: "web-01.prod" }, undefined, "web-01.prod"],
    ["an imported *_name field", { restaurant_name: "Curry Garden" }, undefined, "Curry Garden"],
    ["nothing that names it", { id: "x1", price: 3 }, undefined, undefined],
  ] as const)("%s", (_what, row, title, expected) => {
    expect(nameOf(row, title)).toBe(expected);
  });

  it("nameFieldOf names the field nameOf read", () => {
    expect(nameFieldOf({ trainID: "TR1", name: "x" }, "trainID")).toBe("trainID");
    expect(nameFieldOf({ trainID: "", name: "x" }, "trainID")).toBe("name");
    expect(nameFieldOf({ hotel_name: "x" })).toBe("hotel_name");
    expect(nameFieldOf({ id: 3 })).toBeUndefined();
  });
});

describe("canonicalJson", () => {
  it.each([
    ["keys sorted at every level", { b: 1, a: { d: [{ y: 1, x: 2 }], c: null } }, '{"a":{"c":null,"d":[{"x":2,"y":1}]},"b":1}'],
    ["undefined fields left out", { a: undefined, b: 1 }, '{"b":1}'],
    ["undefined in an array is null", [undefined, 1], "[null,1]"],
    ["scalars as JSON", "x", '"x"'],
  ] as const)("%s", (_what, value, expected) => {
    expect(canonicalJson(value)).toBe(expected);
  });
});
