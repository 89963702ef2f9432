import { describe, expect, it } from "vitest";
import { compareValues, testValue, words } from "./match.js";
import { createSession } from "./session.js";

describe("field operators", () => {
  it.each([
    ["eq", "Red", "red", true],
    ["eq", ["Black", "Red"], "red", true],
    ["eq", "4", 4, true],
    ["eq", 4, "4", true],
    ["eq", "yes", "no", false],
    ["eq", "Red", ["blue", "red"], true],
    ["ne", "Red", "blue", true],
    ["ne", ["Black", "Red"], "red", false],
    ["lt", 30, 50, true],
    ["lte", 50, 50, true],
    ["gt", "17:05", "17:00", true],
    ["gte", "09:00", "17:00", false],
    ["gte", "4", 3, true],
    ["in", "M", ["S", "M"], true],
    ["in", ["XS", "S"], ["L", "XL"], false],
    ["contains", "pizza hut city centre", "Hut", true],
    ["contains", ["Organic Cotton", "Polyester"], "cotton", true],
    ["match", "hoodies & sweatshirts", "hoodie", true],
    ["match", "Dresses", "dress", true],
    ["match", "tees", "pants", false],
    ["between", 40, [30, 50], true],
    ["between", 60, [null, 50], false],
    ["between", 10, [5, null], true],
    ["exists", "", true, false],
    ["exists", [], true, false],
    ["exists", "x", true, true],
    ["exists", null, false, true],
  ] as const)("%s: %j vs %j → %s", (op, value, target, expected) => {
    expect(testValue(value, op, target)).toBe(expected);
  });

  it("compares numbers by value and text case-folded", () => {
    expect(compareValues("10", 9)).toBe(1);
    expect(compareValues("apple", "Banana")).toBe(-1);
  });

  it("stems words so plurals meet", () => {
    expect(words("Red Dresses for the Hoodies")).toEqual(["red", "dress", "hoodie"]);
  });
});

describe("indexes over big tables see a session's own writes", () => {
  it("an updated train row is found by its new value and not by its old one", () => {
    const s = createSession("travel");
    const train = s.domain.table("train").find((t) => t.day === "monday" && t.departure === "cambridge" && t.destination === "ely")!;
    s.apply([{ table: "train", op: "update", key: String(train.id), row: { ...train, day: "sunday", leaveAt: "23:59" } }]);
    const find = (day: string, after = String(train.leaveAt)) =>
      ((s.call({ name: "find_train", arguments: { departure: "cambridge", destination: "ely", day, leave_after: after } }).data as { results: Array<{ id: string }> }).results).map((r) => r.id);
    expect(find("monday")).not.toContain(train.id);
    expect(find("monday").length).toBeGreaterThan(0);
    expect(find("sunday", "23:00")).toContain(train.id);
    const fresh = createSession("travel").call({ name: "find_train", arguments: { departure: "cambridge", destination: "ely", day: "monday", leave_after: train.leaveAt } });
    expect((fresh.data as { results: Array<{ id: string }> }).results.map((r) => r.id)).toContain(train.id);
  });

  it("a deleted row is gone from index lookups", () => {
    const s = createSession("retail");
    const v = s.domain.table("variants").find((x) => x.item_id === "MH01")!;
    s.apply([{ table: "variants", op: "delete", key: String(v.sku) }]);
    const r = s.call({ name: "check_availability", arguments: { item_id: "MH01" } }).data as { options: Array<{ sku: string }> };
    expect(r.options.map((o) => o.sku)).not.toContain(v.sku);
    expect(r.options.length).toBe(s.domain.table("variants").filter((x) => x.item_id === "MH01").length - 1);
  });
});
