import { Context, fromValues } from "@chatmill/kit";
import { describe, expect, it } from "vitest";
import { exportTransform } from "./emit.js";
import { issue } from "./rules/issue.js";

const dialogue = (id: string, n: number) => ({ id, tools: [], messages: Array.from({ length: n }, (_, i) => ({ role: i % 2 ? "assistant" : "user", content: `m${i}` })) });

describe("exportTransform's row stage", () => {
  it("sees each dialogue's rows before the rules: it may cut, drop with a note, or reject (dead-lettered)", async () => {
    const ctx = new Context();
    const makeRows = (d: { messages: unknown[] }) => [{ messages: d.messages }];
    const check = (row: unknown) => ((row as { messages: unknown[] }).messages.length > 4 ? issue("test.too_long", "/messages", "over 4") : undefined);
    const t = exportTransform(ctx, makeRows as never, check, {
      rowStage: function* (rows, d, sink) {
        for (const row of rows as Iterable<{ messages: unknown[] }>) {
          if (d.id === "drop") sink.note("rows dropped by the stage");
          else if (d.id === "reject") sink.reject(row, issue("stage.over_limit", "", "cannot be cut"));
          else yield { messages: row.messages.slice(0, 4) };
        }
      },
    });
    const out: unknown[] = [];
    for await (const r of t(fromValues([dialogue("cut", 6), dialogue("drop", 2), dialogue("reject", 2)]))) out.push(r);
    expect(out).toEqual([{ messages: dialogue("cut", 4).messages }]);
    expect(ctx.counters.notes.get("rows dropped by the stage")).toBe(1);
    expect(ctx.issues.map((i) => i.kind)).toEqual(["stage.over_limit"]);
  });
});
