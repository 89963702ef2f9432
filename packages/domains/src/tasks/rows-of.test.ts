import { describe, expect, it } from "vitest";
import { createSession } from "../session.js";
import { loadDomain } from "../load.js";
import { ONE_ROW, resultRowsOf, rowsOf, toolRows } from "./rows-of.js";

// The one reading of a tool result's rows: at the place the tool declares (or its op fixes),
// else by the result's shape alone — never by what a field of the result is called.

describe("rowsOf", () => {
  it("reads the declared place: a field's list, or the result as one row", () => {
    const data = { count: 2, flights: [{ n: 1 }, { n: 2 }], legs: [{ n: 3 }] };
    expect(rowsOf(data, "flights")).toEqual([{ n: 1 }, { n: 2 }]);
    expect(rowsOf(data, "legs")).toEqual([{ n: 3 }]);
    expect(rowsOf(data, ONE_ROW)).toEqual([data]);
    expect(rowsOf(data, "nothing_here")).toEqual([]);
  });

  it("without a declaration reads the shape: a list, an error, the only list of objects, else one row", () => {
    expect(rowsOf([{ a: 1 }, 2, [3], { b: 2 }])).toEqual([{ a: 1 }, { b: 2 }]);
    expect(rowsOf({ error: { type: "not_found", message: "no" } })).toEqual([]);
    // Whatever the list is called (no list of names is consulted).
    expect(rowsOf({ total: 1, zzq: [{ a: 1 }] })).toEqual([{ a: 1 }]);
    expect(rowsOf({ total: 1, venues: [{ a: 1 }] })).toEqual([{ a: 1 }]);
    // Two lists of objects: one row whose lists are its parts (deterministic; declare result_rows to read one).
    const order = { id: "o1", items: [{ a: 1 }], payments: [{ p: 1 }] };
    expect(rowsOf(order)).toEqual([order]);
    // An empty list or a list of text is not taken for the rows.
    const row = { id: "r", tags: ["x"], notes: [] };
    expect(rowsOf(row)).toEqual([row]);
    expect(rowsOf("text")).toEqual([]);
  });

  it("takes the place from the tool: its op's fixed place, its declaration, or none", () => {
    const ops = loadDomain("ops");
    const tool = (name: string) => ops.pack.tools.find((t) => t.function.name === name);
    const search = ops.pack.tools.find((t) => t.run.op === "search")!;
    const get = ops.pack.tools.find((t) => t.run.op === "get")!;
    expect(resultRowsOf(search)).toBe("results");
    expect(resultRowsOf(get)).toBe(ONE_ROW);
    expect(resultRowsOf(tool("no_such_tool"))).toBeUndefined();
    expect(resultRowsOf({ ...search, run: { op: "static", result: {} }, result_rows: "hosts" } as typeof search)).toBe("hosts");
    // A get's row keeps its nested list (a host's disks): one row, not the list.
    const s = createSession(ops, { failureRate: 0 });
    const key = ops.table(get.run.table as string)[0]![ops.keyOf(get.run.table as string)];
    const r = s.call({ name: get.function.name, arguments: { [(get.run as { key_arg: string }).key_arg]: key } });
    expect(r.ok).toBe(true);
    expect(toolRows(ops, get.function.name, r.data)).toEqual([r.data]);
  });
});
