import { Context, RecordError, UsageError, fromValues } from "@chatmill/kit";
import { startFakeLlm, type FakeLlm } from "@chatmill/fake-llm";
import { Llm, resolveConfig } from "@chatmill/llm";
import { afterEach, describe, expect, it } from "vitest";
import { z } from "zod";
import { llmMapTransform } from "./llm-map.js";
import { Template } from "./template.js";

describe("Template", () => {
  it("fills fields, nested fields and JSON", () => {
    const t = new Template("{{name}} ({{a.b}}) {{json:a}} {{json}} {{n}}");
    expect(t.render({ name: "Ann", a: { b: 2 }, n: null })).toBe('Ann (2) {"b":2} {"name":"Ann","a":{"b":2},"n":null} null');
  });
  it("names the missing field and its path", () => {
    const err = (() => {
      try {
        new Template("x {{a.b}}").render({ a: {} });
      } catch (e) {
        return e;
      }
    })() as RecordError;
    expect(err).toBeInstanceOf(RecordError);
    expect(err.path).toBe("/a/b");
    expect(() => new Template("{{ }}")).toThrow(UsageError);
  });
});

const servers: FakeLlm[] = [];
afterEach(async () => {
  await Promise.all(servers.splice(0).map((s) => s.close()));
});

async function collect(it: AsyncIterable<unknown>) {
  const out: unknown[] = [];
  for await (const x of it) out.push(x);
  return out;
}

describe("llmMapTransform", () => {
  it("maps records in order, rejects those missing a field, fails those whose calls fail", async () => {
    const server = await startFakeLlm({ script: [{ match: "boom", reply: { status: 400, error: "bad input" } }] });
    servers.push(server);
    const ctx = new Context({ seed: 3 });
    const llm = new Llm(resolveConfig({ model: "m", "base-url": server.url }, {}), ctx, { signals: false });
    const transform = llmMapTransform({ prompt: "Echo {{text}}", field: "out", role: "writer" }, llm, ctx);
    const out = (await collect(transform(fromValues([{ id: 1, text: "a" }, { id: 2 }, { id: 3, text: "boom" }, { text: "no id", meta: { keep: true } }]), ctx))) as Array<Record<string, any>>;
    expect(out.map((o) => o.out)).toEqual([expect.stringMatching(/to: Echo a$/), expect.stringMatching(/to: Echo no id$/)]);
    expect(out[1]!.meta).toMatchObject({ keep: true, llm: { engine: "openai", usage: { calls: 1 } } });
    expect(ctx.issues.map((i) => [i.line, i.kind])).toEqual([[2, "missing_field"], [3, "bad_request"]]);
  });

  it("stores structured answers", async () => {
    const server = await startFakeLlm();
    servers.push(server);
    const ctx = new Context();
    const llm = new Llm(resolveConfig({ model: "m", "base-url": server.url }, {}), ctx, { signals: false });
    const json = { type: "object", properties: { tag: { type: "string" } }, required: ["tag"] };
    const transform = llmMapTransform({ prompt: "{{text}}", field: "tag", role: "writer", meta: false, schema: { zod: z.fromJSONSchema(json as never), json, name: "tag" } }, llm, ctx);
    const out = (await collect(transform(fromValues([{ text: "x" }]), ctx))) as Array<Record<string, any>>;
    expect(out[0]!.tag).toEqual({ tag: expect.stringMatching(/^fake /) });
    expect(out[0]!.meta).toBeUndefined();
  });
});
