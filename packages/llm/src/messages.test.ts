import { describe, expect, it } from "vitest";
import { extractJson, parseHermesCalls, toHermes, toWire, type ToolDefinition } from "./messages.js";
import { makeRedactor } from "./redact.js";
import { canonical, requestKey } from "./canonical.js";

describe("extractJson", () => {
  it("finds JSON alone, fenced, or inside prose", () => {
    expect(extractJson('{"a":1}')).toEqual({ value: { a: 1 } });
    expect(extractJson('Sure!\n```json\n{"a": [1, 2]}\n```\nDone.')).toEqual({ value: { a: [1, 2] } });
    expect(extractJson('The answer is {"a": "}{", "b": {"c": true}} as asked')).toEqual({ value: { a: "}{", b: { c: true } } });
    expect(extractJson("[1, 2]")).toEqual({ value: [1, 2] });
  });
  it("says why when there is none", () => {
    expect(extractJson("no json here")).toEqual({ error: expect.stringMatching(/not valid JSON|no JSON/) });
    expect(extractJson('{"a": 1')).toHaveProperty("error");
  });
});

describe("Hermes tool calls", () => {
  const tools: ToolDefinition[] = [{ type: "function", function: { name: "search_items", parameters: { type: "object", properties: { q: { type: "string" } } } } }];

  it("parses <tool_call> blocks and keeps the surrounding text", () => {
    const text = 'Let me look.\n<tool_call>\n{"name": "search_items", "arguments": {"q": "red dress"}}\n</tool_call>\n<tool_call>{"name":"x","arguments":"{\\"a\\":1}"}</tool_call>';
    const parsed = parseHermesCalls(text);
    expect(parsed.calls).toEqual([{ name: "search_items", arguments: { q: "red dress" } }, { name: "x", arguments: { a: 1 } }]);
    expect(parsed.text).toBe("Let me look.");
    expect(parsed.problems).toEqual([]);
  });

  it("reports a block it cannot read, and reads an unclosed last block", () => {
    expect(parseHermesCalls("<tool_call>{oops}</tool_call>").problems).toHaveLength(1);
    expect(parseHermesCalls('<tool_call>{"name":"a","arguments":{}}').calls).toEqual([{ name: "a", arguments: {} }]);
  });

  it("rewrites a tool conversation in the Hermes format", () => {
    const out = toHermes(
      [
        { role: "system", content: "You sell clothes." },
        { role: "user", content: "red dress", intent: "search" },
        { role: "assistant", content: null, tool_calls: [{ id: "c1", name: "search_items", arguments: { q: "red" } }] },
        { role: "tool", tool_call_id: "c1", name: "search_items", content: "[]" },
      ],
      tools,
    );
    expect(out[0]!.role).toBe("system");
    expect(String(out[0]!.content)).toMatch(/^You sell clothes\.\n\n.*<tools>\n\{"type":"function"/s);
    expect(out[2]).toEqual({ role: "assistant", content: '<tool_call>\n{"name":"search_items","arguments":{"q":"red"}}\n</tool_call>' });
    expect(out[3]).toEqual({ role: "user", content: '<tool_response>\n{"name":"search_items","content":"[]"}\n</tool_response>' });
  });
});

describe("toWire", () => {
  it("turns Dialogue-form tool calls into the wire form and drops labels", () => {
    const wire = toWire([
      { role: "user", content: "hi", intent: "chit_chat", emotion: "happy" },
      { role: "assistant", content: null, tool_calls: [{ id: "c1", name: "f", arguments: { a: 1 } }] },
    ]);
    expect(wire).toEqual([
      { role: "user", content: "hi" },
      { role: "assistant", content: null, tool_calls: [{ id: "c1", type: "function", function: { name: "f", arguments: '{"a":1}' } }] },
    ]);
  });
});

describe("redact", () => {
  it("removes the key and anything shaped like one", () => {
    const r = makeRedactor(["my-very-secret", undefined]);
    expect(r("key my-very-secret here")).toBe("key [redacted] here");
    expect(r("Incorrect API key provided: sk-proj-abc123****wxyz.")).not.toMatch(/abc123/);
    expect(r("Authorization: Bearer abc.def")).not.toMatch(/abc\.def/);
    expect(r('{"api_key":"zzz-111"}')).not.toMatch(/zzz-111/);
  });
});

describe("request keys", () => {
  it("do not depend on key order, and change with anything asked", () => {
    expect(canonical({ b: 1, a: [{ d: 2, c: undefined }] })).toBe('{"a":[{"d":2}],"b":1}');
    const a = requestKey("chat", { model: "m", messages: [{ role: "user", content: "x" }], temperature: 0 });
    expect(requestKey("chat", { temperature: 0, messages: [{ content: "x", role: "user" }], model: "m" })).toBe(a);
    expect(requestKey("chat", { model: "m", messages: [{ role: "user", content: "x" }], temperature: 0.1 })).not.toBe(a);
    expect(requestKey("chat", { model: "m2", messages: [{ role: "user", content: "x" }], temperature: 0 })).not.toBe(a);
    expect(requestKey("embeddings", { model: "m", messages: [{ role: "user", content: "x" }], temperature: 0 })).not.toBe(a);
  });
});
