import type { Cond, Expr } from "@chatmill/schema";
import { describe, expect, it } from "vitest";
import type { Row } from "../contract.js";
import { calculate } from "./calculate.js";
import { type Scope, evaluate, fill, holds } from "./expr.js";

// The forms over nested JSON that tau-bench's tools need: an order's items, a product's
// variants by item id, a user's payment methods by id.
const product: Row = {
  product_id: "P1",
  name: "Tee",
  variants: {
    "100": { item_id: "100", price: 10, available: true, options: { size: "S" } },
    "101": { item_id: "101", price: 12.5, available: false, options: { size: "M" } },
  },
};
const order: Row = {
  order_id: "#W1",
  items: [
    { item_id: "100", product_id: "P1", price: 10 },
    { item_id: "100", product_id: "P1", price: 10 },
    { item_id: "101", product_id: "P1", price: 12.5 },
  ],
  payment_history: [{ transaction_type: "payment", amount: 32.5, payment_method_id: "gift_card_1" }],
};
const user: Row = { user_id: "u1", payment_methods: { gift_card_1: { source: "gift_card", balance: 5.1 }, card_2: { source: "credit_card" } } };
const scope: Scope = {
  args: { item_ids: ["100", "100"], new_ids: ["101", "100"], pm: "gift_card_1", text: "(12.5 + 3) * 2" },
  ref: (name) => ({ order, user })[name],
  rows: (table) => (table === "products" ? [product, { product_id: "P2", name: "Mug", variants: {} }] : []),
  get: (table, key) => (table === "products" && key === "P1" ? product : undefined),
};
const ev = (e: Expr): unknown => evaluate(e, scope);
const ok = (c: Cond): boolean => holds(c, scope);
const items: Expr = { field: "items", of: "order" };

describe("expressions over lists and objects", () => {
  it("at: products[pid].variants[vid].price, with computed keys; null or the default when the path leads nowhere", () => {
    expect(ev({ at: { lookup: "products", key: { value: "P1" } }, path: [{ value: "variants" }, { arg: "new_ids" }] })).toBeNull();
    expect(ev({ at: { lookup: "products", key: { value: "P1" } }, path: [{ value: "variants" }, { value: "101" }, { value: "price" }] })).toBe(12.5);
    expect(ev({ at: items, path: [{ value: 2 }, { value: "item_id" }] })).toBe("101");
    expect(ev({ at: items, path: [{ value: 9 }], default: "none" })).toBe("none");
    expect(ev({ lookup: "products", key: { value: "P9" } })).toBeNull();
  });

  it("map, filter, find, index, len over an order's items; count of an id in a list", () => {
    expect(ev({ map: items, as: "i", to: { field: "price", of: "i" } })).toEqual([10, 10, 12.5]);
    expect(ev({ len: { filter: items, as: "i", where: { eq: [{ field: "item_id", of: "i" }, { value: "100" }] } } })).toBe(2);
    expect(ev({ find: items, as: "i", where: { gt: [{ field: "price", of: "i" }, { value: 11 }] } })).toEqual(order.items && (order.items as Row[])[2]);
    expect(ev({ find: items, as: "i", where: { gt: [{ field: "price", of: "i" }, { value: 99 }] } })).toBeNull();
    expect(ev({ index: items, as: "i", where: { eq: [{ field: "item_id", of: "i" }, { value: "101" }] } })).toBe(2);
    expect(ev({ index: items, as: "i", where: { eq: [{ field: "item_id", of: "i" }, { value: "nope" }] } })).toBe(-1);
    expect(ev({ len: { field: "payment_methods", of: "user" } })).toBe(2);
    expect(ev({ len: { value: null } })).toBe(0);
  });

  it("zip pairs two argument lists; total sums a price difference; abs and sort", () => {
    const pairs = ev({ zip: [{ arg: "item_ids" }, { arg: "new_ids" }] });
    expect(pairs).toEqual([["100", "101"], ["100", "100"]]);
    const diff: Expr = {
      total: {
        map: { zip: [{ arg: "item_ids" }, { arg: "new_ids" }] },
        as: "p",
        to: {
          sub: [
            { at: { lookup: "products", key: { value: "P1" } }, path: [{ value: "variants" }, { at: { var: "p" }, path: [{ value: 1 }] }, { value: "price" }] },
            { at: { lookup: "products", key: { value: "P1" } }, path: [{ value: "variants" }, { at: { var: "p" }, path: [{ value: 0 }] }, { value: "price" }] },
          ],
        },
      },
    };
    expect(ev(diff)).toBe(2.5);
    expect(ev({ abs: { sub: [{ value: 0.1 }, { value: 0.3 }] } })).toBe(0.2);
    expect(ev({ sort: { value: ["b", "A", "10", "9"] } })).toEqual(["10", "9", "A", "b"]);
    expect(ev({ sort: { value: [10, 9, 1.5] } })).toEqual([1.5, 9, 10]);
  });

  it("put sets a gift card's balance inside the payment methods (a copy: the row is not changed); merge, concat, list, omit", () => {
    const next = ev({ put: { field: "payment_methods", of: "user" }, path: [{ arg: "pm" }, { value: "balance" }], to: { value: 0.1 } }) as Record<string, Row>;
    expect(next.gift_card_1).toEqual({ source: "gift_card", balance: 0.1 });
    expect(next.card_2).toBe((user.payment_methods as Record<string, Row>).card_2);
    expect((user.payment_methods as Record<string, Row>).gift_card_1!.balance).toBe(5.1);
    expect(ev({ put: items, path: [{ value: 1 }, { value: "item_id" }], to: { value: "999" } })).toEqual([order.items && (order.items as Row[])[0], { item_id: "999", product_id: "P1", price: 10 }, (order.items as Row[])[2]]);
    expect(ev({ put: { value: {} }, path: [{ value: "a" }, { value: "b" }], to: { value: 1 } })).toEqual({ a: { b: 1 } });
    expect(() => ev({ put: items, path: [{ value: 7 }], to: { value: 1 } })).toThrow(/index 7 is outside a list of 3/);
    expect(ev({ merge: [{ value: { a: 1, b: 2 } }, { object: { b: { value: 3 } } }] })).toEqual({ a: 1, b: 3 });
    expect(ev({ concat: [{ value: [1] }, { list: [{ value: 2 }, { arg: "pm" }] }] })).toEqual([1, 2, "gift_card_1"]);
    expect(ev({ omit: { row: "user" }, keys: [{ value: "payment_methods" }] })).toEqual({ user_id: "u1" });
    expect(ev({ omit: { field: "payment_methods", of: "user" }, keys: [{ arg: "pm" }] })).toEqual({ card_2: { source: "credit_card" } });
  });

  it("reduce folds each pair into the items in turn: duplicates change one by one", () => {
    const swapped = ev({
      reduce: { zip: [{ arg: "item_ids" }, { arg: "new_ids" }] },
      as: "p",
      acc: "acc",
      init: items,
      to: {
        put: { var: "acc" },
        path: [{ index: { var: "acc" }, as: "i", where: { eq: [{ field: "item_id", of: "i" }, { at: { var: "p" }, path: [{ value: 0 }] }] } }, { value: "item_id" }],
        to: { at: { var: "p" }, path: [{ value: 1 }] },
      },
    }) as Row[];
    // 100→101 changes the first 100; 100→100 then finds the second 100.
    expect(swapped.map((i) => i.item_id)).toEqual(["101", "100", "101"]);
  });

  it("to_object builds {name: id} from a table's rows; rows selects them", () => {
    expect(ev({ to_object: { rows: { table: "products" } }, as: "p", key: { field: "name", of: "p" }, to: { field: "product_id", of: "p" } })).toEqual({ Tee: "P1", Mug: "P2" });
    expect(ev({ rows: { table: "products", where: { has: [{ field: "variants" }, { value: "101" }] } } })).toEqual([product]);
  });

  it("calc evaluates an arithmetic text, and gives null for anything else", () => {
    expect(ev({ calc: { arg: "text" } })).toBe(31);
    expect(calculate("-2 * (3 + .5) / 7")).toBe(-1);
    expect(calculate("1 / 0")).toBeNull();
    expect(calculate("2 +")).toBeNull();
    expect(calculate("2 ** 3 ** 2")).toBe(512);
    expect(calculate("-2 ** 2")).toBe(-4);
    expect(calculate("2 ** -1")).toBe(0.5);
    expect(calculate("7 // 2 * 3")).toBe(9);
    expect(calculate("2 * * 3")).toBeNull();
    expect(calculate("(1")).toBeNull();
    expect(calculate("")).toBeNull();
  });
});

describe("text", () => {
  it("text joins values as text; slice cuts a text or a list as Python's s[a:b]", () => {
    expect(ev({ text: [{ value: "2024-05-" }, { add: [{ slice: { value: "2024-05-09" }, from: -2 }, { value: 1 }] }] })).toBe("2024-05-10");
    expect(ev({ text: [{ value: "a" }, { value: null }, { value: 1.5 }, { value: { b: 1 } }] })).toBe('a1.5{"b":1}');
    expect(ev({ slice: { arg: "item_ids" }, from: 0, to: 1 })).toEqual(["100"]);
    expect(ev({ slice: { value: "abcdef" }, from: 1, to: -1 })).toBe("bcde");
    expect(ev({ slice: { value: 5 }, from: 0 })).toBeNull();
  });
});

describe("conditions over lists and objects", () => {
  it("has: an object's key, a list's element (exactly); is_set; matches", () => {
    expect(ok({ has: [{ field: "payment_methods", of: "user" }, { arg: "pm" }] })).toBe(true);
    expect(ok({ has: [{ field: "payment_methods", of: "user" }, { value: "paypal_9" }] })).toBe(false);
    expect(ok({ has: [{ arg: "item_ids" }, { value: "100" }] })).toBe(true);
    expect(ok({ has: [{ arg: "item_ids" }, { value: 100 }] })).toBe(false);
    expect(ok({ is_set: { at: items, path: [{ value: 0 }] } })).toBe(true);
    expect(ok({ is_set: { at: items, path: [{ value: 5 }] } })).toBe(false);
    expect(ok({ matches: [{ arg: "text" }, "^[0-9+\\-*/(). ]*$"] })).toBe(true);
    expect(ok({ matches: [{ arg: "pm" }, "^[0-9+\\-*/(). ]*$"] })).toBe(false);
  });

  it("a bound object's fields read with of, and in messages as {{name.field}} or {{name}}", () => {
    const inner: Scope = { ...scope, vars: { lookup: (n) => (n === "first" ? { value: { amount: 32.5 } } : n === "bad" ? { value: "101" } : undefined) } };
    expect(evaluate({ field: "amount", of: "first" }, inner)).toBe(32.5);
    expect(fill("{{first.amount}} on {{bad}} for {{arg.pm}}", inner)).toBe("32.5 on 101 for gift_card_1");
    expect(evaluate({ var: "missing" }, inner)).toBeNull();
  });
});
