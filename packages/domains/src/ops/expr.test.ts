import type { Cond, Expr } from "@chatmill/schema";
import { describe, expect, it } from "vitest";
import type { Row } from "../contract.js";
import { RuleError, type Scope, evaluate, fill, holds } from "./expr.js";

const order: Row = {
  id: "O1",
  user: "u1",
  status: "Pending",
  total: "12.50",
  items: [
    { item_id: "a", price: 10.1, qty: 2 },
    { item_id: "b", price: 0.2, qty: 1 },
    { item_id: "c", price: 5, qty: 1 },
  ],
};
const scope: Scope = {
  args: { amount: 0.1, item_ids: ["a", "b"], user: "U1", word: "text" },
  ref: (name) => (name === "order" ? order : undefined),
  rows: (table) => (table === "orders" ? [order, { id: "O2", user: "u2", status: "delivered", total: 3 }] : []),
  get: (table, key) => (table === "orders" && key === "O1" ? order : undefined),
};
const ev = (e: Expr): unknown => evaluate(e, scope);
const ok = (c: Cond): boolean => holds(c, scope);

describe("expressions", () => {
  it("arithmetic keeps 15 significant digits: 0.1 + 0.2 is 0.3, 0.3 - 0.1 is 0.2", () => {
    expect(ev({ add: [{ arg: "amount" }, { value: 0.2 }] })).toBe(0.3);
    expect(ev({ sub: [{ value: 0.3 }, { arg: "amount" }] })).toBe(0.2);
    expect(ev({ mul: [{ value: 19.99 }, { value: 3 }] })).toBe(59.97);
    expect(ev({ div: [{ value: 10 }, { value: 4 }] })).toBe(2.5);
    expect(ev({ add: [{ value: 99_999_999 }, { value: 0.01 }] })).toBe(99_999_999.01);
  });

  it("numeric strings in the data count as numbers", () => {
    expect(ev({ add: [{ field: "total", of: "order" }, { value: 1 }] })).toBe(13.5);
  });

  it("rounds half away from zero at the decimal, not the float (1.005 → 1.01)", () => {
    expect(ev({ round: { value: 1.005 }, places: 2 })).toBe(1.01);
    expect(ev({ round: { value: 2.5 } })).toBe(3);
    expect(ev({ round: { value: -2.5 } })).toBe(-3);
    expect(ev({ round: { value: 0.49995 }, places: 2 })).toBe(0.5);
  });

  it("min and max", () => {
    expect(ev({ min: [{ value: 3 }, { value: "2" }] })).toBe(2);
    expect(ev({ max: [{ value: 3 }, { value: -1 }] })).toBe(3);
  });

  it("sums a field over selected elements of a row's array (a partial refund's price)", () => {
    const refund: Expr = { sum: { in: { field: "items", of: "order" }, field: "price", where: { in: [{ field: "item_id" }, { arg: "item_ids" }] } } };
    expect(ev(refund)).toBe(10.3);
    expect(ev({ count: { in: { field: "items", of: "order" } } })).toBe(3);
  });

  it("sums and counts rows of a table as the call sees it", () => {
    expect(ev({ sum: { table: "orders", field: "total" } })).toBe(15.5);
    expect(ev({ count: { table: "orders", where: { eq: [{ field: "status" }, { value: "pending" }] } } })).toBe(1);
  });

  it("if/then/else, defaults, whole rows and objects", () => {
    expect(ev({ if: { exists: "gift_card" }, then: { value: "gift card" }, else: { value: "card" } })).toBe("card");
    expect(ev({ arg: "missing", default: 7 })).toBe(7);
    expect(ev({ field: "nope", of: "order", default: 0 })).toBe(0);
    expect(ev({ field: "id", of: "gift_card" })).toBeUndefined();
    expect(ev({ row: "gift_card" })).toBeNull();
    expect(ev({ object: { id: { field: "id", of: "order" }, gone: { arg: "missing" } } })).toEqual({ id: "O1" });
  });

  it("a value that is not a number is a RuleError, never NaN", () => {
    expect(() => ev({ add: [{ arg: "word" }, { value: 1 }] })).toThrow(RuleError);
    expect(() => ev({ sub: [{ arg: "missing" }, { value: 1 }] })).toThrow(/absent/);
    expect(() => ev({ div: [{ value: 1 }, { value: 0 }] })).toThrow(/division by zero/);
  });
});

describe("conditions use the one matcher", () => {
  it("eq is case-insensitive and numeric by value", () => {
    expect(ok({ eq: [{ field: "user", of: "order" }, { arg: "user" }] })).toBe(true);
    expect(ok({ eq: [{ field: "total", of: "order" }, { value: 12.5 }] })).toBe(true);
    expect(ok({ ne: [{ field: "status", of: "order" }, { value: "pending" }] })).toBe(false);
  });

  it("in: a status in an allowed set", () => {
    expect(ok({ in: [{ field: "status", of: "order" }, { value: ["pending", "processed"] }] })).toBe(true);
    expect(ok({ in: [{ field: "status", of: "order" }, { value: ["delivered"] }] })).toBe(false);
  });

  it("comparisons against an expression; a missing value is never greater or less", () => {
    expect(ok({ gte: [{ field: "total", of: "order" }, { add: [{ value: 12 }, { value: 0.5 }] }] })).toBe(true);
    expect(ok({ gt: [{ field: "total", of: "order" }, { value: 12.5 }] })).toBe(false);
    expect(ok({ lt: [{ field: "nope", of: "order" }, { value: 1 }] })).toBe(false);
    expect(ok({ gt: [{ field: "nope", of: "order" }, { value: 1 }] })).toBe(false);
  });

  it("exists, all, any, not", () => {
    expect(ok({ exists: "order" })).toBe(true);
    expect(ok({ exists: "gift_card" })).toBe(false);
    expect(ok({ all: [{ exists: "order" }, { not: { exists: "gift_card" } }] })).toBe(true);
    expect(ok({ any: [{ exists: "gift_card" }, { contains: [{ field: "status", of: "order" }, { value: "PEND" }] }] })).toBe(true);
  });
});

describe("messages", () => {
  it("fills {{arg.NAME}}, {{REF.FIELD}} and {{row.FIELD}}; an absent value is empty", () => {
    expect(fill("{{arg.amount}} for {{order.id}} ({{order.items}}) by {{ row.user }}, {{gift_card.id}}.", { ...scope, row: { user: "me" } })).toBe(
      `0.1 for O1 (${JSON.stringify(order.items)}) by me, .`,
    );
  });
});
