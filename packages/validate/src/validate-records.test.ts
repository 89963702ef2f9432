import { Context, RawLine, fromValues, type InputRecord } from "@chatmill/kit";
import { describe, expect, it } from "vitest";
import { formatReport, validateTransform } from "./validate-records.js";
import { compileSchema } from "./validator.js";

async function run(values: object[], type = "auto", report = false) {
  const ctx = new Context();
  const infos: string[] = [];
  ctx.info = (m: string) => void infos.push(m);
  const out: string[] = [];
  for await (const r of validateTransform({ type, report }, ctx)(fromValues(values), ctx)) out.push((r as RawLine).text);
  return { out, ctx, infos };
}

describe("validateTransform", () => {
  it("passes valid records as their original lines and rejects the rest with a JSON path", async () => {
    const { out, ctx } = await run([
      { id: "p1", style: "casual", language: "en" },
      { id: "p2", style: "casual", language: "en", budget: { max: -1, currency: "USD" } },
    ]);
    expect(out).toEqual(['{"id":"p1","style":"casual","language":"en"}']);
    expect(ctx.issues).toHaveLength(1);
    expect(ctx.issues[0]).toMatchObject({ line: 2, kind: "invalid_record", path: "/budget/max", reason: "must be >= 0" });
  });

  it("detects each record's type and reports what it cannot tell", async () => {
    const { ctx } = await run([{ id: "d", tools: [], messages: [] }, { hello: 1 }]);
    expect(ctx.issues.map((i) => i.reason)).toEqual([
      "must NOT have fewer than 1 items",
      "cannot tell the record type from its fields; pass --type or --schema",
    ]);
  });

  it("names the message whose role is unknown (discriminated by role)", async () => {
    const { ctx } = await run([{ id: "d", tools: [], messages: [{ role: "robot", content: "x" }] }], "dialogue");
    expect(ctx.issues[0]).toMatchObject({ path: "/messages/0", reason: 'value of tag "role" must be in oneOf (got "robot")' });
  });

  it("counts failures by kind for --report", async () => {
    const { infos } = await run([{ id: "a", style: 1, language: "en" }, { id: "b", style: 2, language: "en" }], "persona", true);
    expect(infos[0]).toBe("validate report: invalid records by failed check\n  2  type at /style");
    expect(formatReport(new Map())).toBe("validate report: every record is valid");
  });
});

describe("validateTransform's pass-through and --unique-ids", () => {
  const persona = (id: string) => ({ id, style: "casual", language: "en" });

  it("gives back each line's own end, and the BOM only at the very start", async () => {
    const ctx = new Context();
    const recs: InputRecord[] = [
      { value: persona("a"), line: 1, raw: '{"id":"a"}', source: "s", lineEnd: "\r\n", bom: true },
      { value: persona("b"), line: 2, raw: '{"id":"b"}', source: "s", lineEnd: "" },
    ];
    const out: RawLine[] = [];
    for await (const r of validateTransform({}, ctx)(fromRecords(recs), ctx)) out.push(r as RawLine);
    expect(out.map((r) => [r.text, r.end])).toEqual([["\uFEFF{\"id\":\"a\"}", "\r\n"], ['{"id":"b"}', "\n"]]);
  });

  it("refuses an id seen before, valid or not, and only with uniqueIds", async () => {
    const values = [persona("a"), { id: "b", style: 1 }, persona("b"), persona("a"), persona("c")];
    const ctx = new Context();
    const out: string[] = [];
    for await (const r of validateTransform({ uniqueIds: true }, ctx)(fromValues(values), ctx)) out.push((r as RawLine).text);
    expect(out.map((t) => JSON.parse(t).id)).toEqual(["a", "c"]);
    expect(ctx.issues.map((i) => [i.line, i.kind])).toEqual([[2, "invalid_record"], [3, "duplicate_id"], [4, "duplicate_id"]]);
    expect(ctx.issues[1]!.reason).toBe('id "b" was already used by an earlier record (--unique-ids)');
    const plain = await run(values);
    expect(plain.out).toHaveLength(4);
  });
});

async function* fromRecords(recs: InputRecord[]): AsyncGenerator<InputRecord> {
  yield* recs;
}

describe("compileSchema", () => {
  it("picks the draft from $schema and checks formats", () => {
    const check = compileSchema({ $schema: "https://json-schema.org/draft/2020-12/schema", type: "object", properties: { when: { type: "string", format: "date" } } });
    expect(check({ when: "2026-11-28" })).toBeUndefined();
    expect(check({ when: "yesterday" })).toMatchObject({ path: "/when", kind: "format at /when" });
  });
});
