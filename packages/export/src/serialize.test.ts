import { describe, expect, it } from "vitest";
import { jsonEqual } from "./json-equal.js";
import { RowSerializer } from "./serialize.js";

describe("RowSerializer", () => {
  it("gives JSON.stringify's text for rows that share messages", () => {
    const ser = new RowSerializer();
    const msgs = Array.from({ length: 12 }, (_, i) => ({ role: i % 2 ? "assistant" : "user", content: `m${i} "quoted" \u2028 é`, n: i, skip: undefined }));
    const w1 = msgs.map((m) => ({ ...m, weight: 1 }));
    const tools = [{ type: "function", function: { name: "f", parameters: {} } }];
    for (let k = 0; k < msgs.length; k++) {
      const row = { messages: [...msgs.slice(0, k), w1[k]], tools, state: { messages: msgs.slice(0, k), digest: "d" }, next: { messages: msgs.slice(0, k + 1) } };
      expect(ser.stringify(row)).toBe(JSON.stringify(row));
    }
  });

  it("keeps JSON.stringify's edge cases: undefined, functions, NaN, toJSON, boxed values, holes", () => {
    const ser = new RowSerializer();
    const shared = { a: 1 };
    // eslint-disable-next-line no-sparse-arrays
    const rows: unknown[] = [
      { a: undefined, b: () => 1, c: NaN, d: -0, e: Infinity, f: null, g: [undefined, () => 1, Symbol("s"), NaN, shared] },
      { when: new Date(0), s: new String("x"), n: new Number(2), nested: { deep: { deeper: [1, { x: [shared] }] } } },
      { list: [shared, shared, 1, "two", null, [shared]], list2: [shared, shared, 1, "two"], o: Object.create(null) as object },
      { arr: [1, , 3], big: { toJSON: () => "custom" }, objs: [{ toJSON: () => 5 }] },
      [shared, { k: [shared] }],
    ];
    for (const row of rows) expect(ser.stringify(row)).toBe(JSON.stringify(row));
  });

  it("escapes a long string once per dialogue and still writes each row's own string", () => {
    const ser = new RowSerializer();
    const tools = JSON.stringify(Array.from({ length: 20 }, (_, i) => ({ type: "function", function: { name: `t${i}`, description: 'say "hi"\n' } })));
    const other = tools.replace("t1", "u1");
    for (const t of [tools, tools, `${tools}`, other, tools]) {
      const row = { conversations: [{ from: "human", value: "x" }], tools: t, chosen: { from: "gpt", value: t } };
      expect(ser.stringify(row)).toBe(JSON.stringify(row));
    }
    ser.reset();
    expect(ser.stringify({ tools: other })).toBe(JSON.stringify({ tools: other }));
  });

  it("does not reuse the text of an array that was changed in place", () => {
    const ser = new RowSerializer();
    const a = { x: 1 };
    const b = { x: 2 };
    const list: object[] = [a, a];
    expect(ser.stringify({ l: list })).toBe(JSON.stringify({ l: list }));
    list[1] = b;
    list.push(a);
    expect(ser.stringify({ l: list })).toBe(JSON.stringify({ l: list }));
  });
});

describe("jsonEqual", () => {
  it("agrees with comparing JSON.stringify texts", () => {
    const f = () => 1;
    const values: unknown[] = [
      1, 0, -0, NaN, Infinity, null, undefined, "a", "1", true, false, f,
      [], {}, [1], [null], [undefined], [f], { a: 1 }, { a: 1, b: undefined }, { b: undefined, a: 1 }, { a: 1, b: 2 }, { b: 2, a: 1 },
      { a: [1, { b: "x" }] }, { a: [1, { b: "y" }] }, { a: [1, { b: "x", c: f }] }, new Date(0), { toJSON: () => 1 }, new String("a"),
      { tool_calls: [{ tool: "s", args: { q: "red" } }], response: null }, { tool_calls: [{ tool: "s", args: { q: "red" } }], response: null, text: undefined },
    ];
    for (const a of values) for (const b of values) expect([a, b, jsonEqual(a, b)]).toEqual([a, b, JSON.stringify(a) === JSON.stringify(b)]);
  });
});
