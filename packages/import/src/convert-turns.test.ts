import { RecordError } from "@chatmill/kit";
import { describe, expect, it } from "vitest";
import { convertTurns } from "./convert-turns.js";
import { readTools } from "./tools.js";

function errorOf(fn: () => unknown): RecordError {
  try {
    fn();
  } catch (err) {
    if (err instanceof RecordError) return err;
    throw err;
  }
  throw new Error("expected a RecordError");
}

describe("convertTurns: ShareGPT / glaive", () => {
  const row = {
    system: "Be brief.",
    conversations: [
      { from: "human", value: "Convert 10 USD to EUR" },
      { from: "function_call", value: '{"name": "convert", "arguments": {"amount": 10, "from": "USD", "to": "EUR"}}' },
      { from: "observation", value: '{"result": 9.2}' },
      { from: "gpt", value: "That is 9.20 EUR." },
    ],
    tools: '[{"name": "convert", "description": "convert money", "parameters": {"type": "object", "properties": {"amount": {"type": "number"}}}}]',
    category: "finance",
  };

  it("turns function_call / observation into a tool call and its result", () => {
    const c = convertTurns(row);
    expect(c.messages).toEqual([
      { role: "system", content: "Be brief." },
      { role: "user", content: "Convert 10 USD to EUR" },
      { role: "assistant", content: null, tool_calls: [{ id: "call_1", name: "convert", arguments: { amount: 10, from: "USD", to: "EUR" } }] },
      { role: "tool", tool_call_id: "call_1", name: "convert", content: '{"result": 9.2}', ok: true },
      { role: "assistant", content: "That is 9.20 EUR." },
    ]);
    expect(c.tools).toEqual([{ type: "function", function: { name: "convert", description: "convert money", parameters: { type: "object", properties: { amount: { type: "number" } } } } }]);
    expect(c.rest).toEqual({ category: "finance" });
  });

  it("takes a list of calls in one function_call turn, answered in order", () => {
    const c = convertTurns({
      conversations: [
        { from: "human", value: "weather in A and B" },
        { from: "function_call", value: '[{"name": "w", "arguments": {"city": "A"}}, {"name": "w", "arguments": "{\\"city\\": \\"B\\"}"}]' },
        { from: "observation", value: "sunny" },
        { from: "observation", value: "rain" },
        { from: "gpt", value: "A sunny, B rain" },
      ],
    });
    expect(c.messages[1]!.tool_calls).toEqual([
      { id: "call_1", name: "w", arguments: { city: "A" } },
      { id: "call_2", name: "w", arguments: { city: "B" } },
    ]);
    expect(c.messages.slice(2, 4).map((m) => m.tool_call_id)).toEqual(["call_1", "call_2"]);
  });

  it("names the field of a bad turn", () => {
    expect(errorOf(() => convertTurns({ conversations: [{ from: "alien", value: "x" }] })).path).toBe("/conversations/0/from");
    expect(errorOf(() => convertTurns({ conversations: [{ from: "function_call", value: "{nope" }] })).path).toBe("/conversations/0/value");
    expect(errorOf(() => convertTurns({ conversations: [{ from: "observation", value: "x" }] })).message).toMatch(/no tool call before it/);
    expect(errorOf(() => convertTurns({ conversations: [] })).path).toBe("/conversations");
    expect(errorOf(() => convertTurns({ conversations: [{ from: "human" }] })).path).toBe("/conversations/0/content");
    expect(errorOf(() => convertTurns({ text: "hello" })).message).toMatch(/no list of turns/);
    expect(errorOf(() => convertTurns({ conversations: [{ from: "human", value: "x" }], tools: "[{" })).path).toBe("/tools");
    expect(errorOf(() => convertTurns({ conversations: [{ from: "human", value: "x" }], system: 3 })).path).toBe("/system");
  });
});

describe("convertTurns: OpenAI chat logs and plain exports", () => {
  it("parses string arguments, keeps call ids and finds tool names from them", () => {
    const c = convertTurns({
      id: "log-1",
      messages: [
        { role: "user", content: [{ type: "text", text: "order status?" }] },
        { role: "assistant", content: null, tool_calls: [{ id: "c9", type: "function", function: { name: "get_order", arguments: '{"order_id": "A1"}' } }] },
        { role: "tool", tool_call_id: "c9", content: '{"status": "shipped"}' },
        { role: "assistant", content: "Shipped!", weight: 1 },
      ],
      tools: [{ type: "function", function: { name: "get_order", parameters: { type: "object" } } }],
    });
    expect(c.sourceId).toBe("log-1");
    expect(c.messages[0]).toEqual({ role: "user", content: "order status?" });
    expect(c.messages[1]!.tool_calls).toEqual([{ id: "c9", name: "get_order", arguments: { order_id: "A1" } }]);
    expect(c.messages[2]).toEqual({ role: "tool", tool_call_id: "c9", name: "get_order", content: '{"status": "shipped"}', ok: true });
    expect(c.messages[3]).toEqual({ role: "assistant", content: "Shipped!", weight: 1 });
  });

  it("reads the legacy function_call / function role and marks failed results", () => {
    const c = convertTurns({
      messages: [
        { role: "user", content: "x" },
        { role: "assistant", content: null, function_call: { name: "f", arguments: "" } },
        { role: "function", name: "f", content: "boom", error: { type: "E", message: "boom" } },
      ],
    });
    expect(c.messages[1]!.tool_calls).toEqual([{ id: "call_1", name: "f", arguments: {} }]);
    expect(c.messages[2]).toMatchObject({ role: "tool", tool_call_id: "call_1", name: "f", ok: false });
  });

  it("reads speaker/text turns, {conversation: [...]} and a bare list", () => {
    expect(convertTurns([{ speaker: "Customer", text: "hi" }, { speaker: "Agent", text: "hello" }]).messages).toEqual([
      { role: "user", content: "hi" },
      { role: "assistant", content: "hello" },
    ]);
    expect(convertTurns({ conversation: [{ author: { role: "user" }, message: "a" }] }).messages).toEqual([{ role: "user", content: "a" }]);
  });

  it("names the bad field in OpenAI messages", () => {
    expect(errorOf(() => convertTurns({ messages: [{ role: "assistant", tool_calls: [{ function: { name: "f", arguments: "[1]" } }] }] })).path).toBe(
      "/messages/0/tool_calls/0/function/arguments",
    );
    expect(errorOf(() => convertTurns({ messages: [{ role: "assistant", tool_calls: [{ function: {} }] }] })).path).toBe("/messages/0/tool_calls/0/function/name");
    expect(errorOf(() => convertTurns({ messages: [{ role: "user", content: [{ type: "image_url" }] }] })).path).toBe("/messages/0/content/0");
    expect(errorOf(() => convertTurns({ messages: [{ role: "assistant" }] })).message).toMatch(/text content or tool_calls/);
    expect(errorOf(() => convertTurns({ messages: [{ content: "x" }] })).path).toBe("/messages/0/role");
    expect(errorOf(() => convertTurns({ messages: ["x"] })).path).toBe("/messages/0");
  });
});

describe("readTools", () => {
  it("reads JSON strings, bare functions and OpenAI tools", () => {
    expect(readTools("[]", "/tools")).toEqual([]);
    expect(readTools(undefined, "/tools")).toEqual([]);
    expect(readTools([{ name: "a" }], "/tools")).toEqual([{ type: "function", function: { name: "a", parameters: { type: "object", properties: {} } } }]);
    expect(readTools({ type: "function", function: { name: "b", parameters: "{}", strict: true } }, "/tools")).toEqual([
      { type: "function", function: { strict: true, name: "b", parameters: {} } },
    ]);
    expect(errorOf(() => readTools([{ name: "bad name" }], "/tools")).path).toBe("/tools/0/name");
    expect(errorOf(() => readTools(7, "/tools")).path).toBe("/tools");
  });
});
