import { describe, expect, it } from "vitest";
import { checkHermesRow } from "./rules/hermes.js";
import { checkMuseDpoRow, checkMuseSftRow } from "./rules/muse.js";
import { checkOpenAIDpoRow, checkOpenAIRftRow, checkOpenAISftRow } from "./rules/openai.js";
import { checkSharegptDpoRow, checkSharegptSftRow } from "./rules/sharegpt.js";
import { checkTrlDpoRow, checkTrlSftRow } from "./rules/trl.js";

const tools = [{ type: "function", function: { name: "get_weather", parameters: { type: "object", properties: { city: { type: "string", description: "City name" } } } } }];
const call = (args: unknown) => ({ id: "c1", type: "function", function: { name: "get_weather", arguments: args } });
const openaiRow = (over: Record<string, unknown> = {}) => ({
  messages: [
    { role: "user", content: "weather in Paris?" },
    { role: "assistant", content: null, tool_calls: [call('{"city":"Paris"}')], weight: 0 },
    { role: "tool", tool_call_id: "c1", content: '{"temp_c":18}' },
    { role: "assistant", content: "18 °C.", weight: 1 },
  ],
  tools,
  ...over,
});
const ruleOf = (r: { rule: string } | undefined) => r?.rule;

describe("OpenAI fine-tuning rules", () => {
  it("accepts a chat row with a call, its result and weights", () => {
    expect(checkOpenAISftRow(openaiRow())).toBeUndefined();
  });
  it("wants arguments as a JSON string holding an object", () => {
    const row = openaiRow();
    (row.messages[1] as { tool_calls: unknown[] }).tool_calls = [call({ city: "Paris" })];
    expect(ruleOf(checkOpenAISftRow(row))).toBe("openai.arguments_not_string");
    (row.messages[1] as { tool_calls: unknown[] }).tool_calls = [call('"Paris"')];
    expect(ruleOf(checkOpenAISftRow(row))).toBe("openai.arguments_not_json_object");
  });
  it("allows weight 0/1 on assistant messages only", () => {
    const onUser = openaiRow();
    (onUser.messages[0] as Record<string, unknown>).weight = 1;
    expect(ruleOf(checkOpenAISftRow(onUser))).toBe("openai.weight_on_non_assistant");
    const two = openaiRow();
    (two.messages[3] as Record<string, unknown>).weight = 0.5;
    expect(ruleOf(checkOpenAISftRow(two))).toBe("openai.weight_value");
    const none = openaiRow();
    (none.messages[3] as Record<string, unknown>).weight = 0;
    expect(ruleOf(checkOpenAISftRow(none))).toBe("openai.no_trainable_assistant");
  });
  it("checks tool names, definitions and the order of results", () => {
    const badName = openaiRow({ tools: [{ type: "function", function: { name: "get weather" } }] });
    expect(ruleOf(checkOpenAISftRow(badName))).toBe("openai.tool_name");
    const undefinedTool = openaiRow({ tools: [{ type: "function", function: { name: "other" } }] });
    expect(ruleOf(checkOpenAISftRow(undefinedTool))).toBe("openai.undefined_tool");
    const unanswered = openaiRow();
    unanswered.messages.splice(2, 1);
    expect(ruleOf(checkOpenAISftRow(unanswered))).toBe("openai.unanswered_tool_call");
    const stray = openaiRow();
    (stray.messages[2] as Record<string, unknown>).tool_call_id = "c9";
    expect(ruleOf(checkOpenAISftRow(stray))).toBe("openai.tool_message_order");
    expect(ruleOf(checkOpenAISftRow(openaiRow({ id: "x" })))).toBe("openai.unknown_key");
  });
  it("checks preference and RFT rows", () => {
    const input = { messages: [{ role: "user", content: "weather?" }], tools };
    const good = { input, preferred_output: [{ role: "assistant", content: null, tool_calls: [call('{"city":"Paris"}')] }], non_preferred_output: [{ role: "assistant", content: "It is sunny." }] };
    expect(checkOpenAIDpoRow(good)).toBeUndefined();
    expect(ruleOf(checkOpenAIDpoRow({ ...good, non_preferred_output: good.preferred_output }))).toBe("dpo.identical");
    expect(ruleOf(checkOpenAIDpoRow({ ...good, input: { messages: [{ role: "assistant", content: "hi" }] } }))).toBe("openai.dpo_input_end");
    expect(checkOpenAIRftRow({ messages: input.messages, tools, reference_answer: "x" })).toBeUndefined();
    expect(ruleOf(checkOpenAIRftRow({ messages: [...input.messages, { role: "assistant", content: "hi" }] }))).toBe("openai.rft_end");
  });
});

describe("TRL rules", () => {
  const row = (args: unknown, extra: Record<string, unknown> = {}) => ({
    messages: [
      { role: "user", content: "weather?" },
      { role: "assistant", content: "", tool_calls: [call(args)], ...extra },
      { role: "tool", tool_call_id: "c1", name: "get_weather", content: "{}" },
      { role: "assistant", content: "ok" },
    ],
    tools,
  });
  it("wants arguments as objects (the templates encode strings twice)", () => {
    expect(checkTrlSftRow(row({ city: "Paris" }))).toBeUndefined();
    expect(ruleOf(checkTrlSftRow(row('{"city":"Paris"}')))).toBe("trl.arguments_not_object");
  });
  it("refuses tool_calls: null, parallel calls and rows of another shape", () => {
    const r = row({ city: "Paris" });
    (r.messages[3] as Record<string, unknown>).tool_calls = null;
    expect(ruleOf(checkTrlSftRow(r))).toBe("trl.tool_calls");
    const p = row({ city: "Paris" });
    (p.messages[1] as { tool_calls: unknown[] }).tool_calls.push(call({ city: "Rome" }));
    expect(ruleOf(checkTrlSftRow(p))).toBe("trl.parallel_calls");
    expect(ruleOf(checkTrlSftRow({ messages: r.messages }))).toBe("trl.same_shape");
    expect(ruleOf(checkTrlSftRow({ ...row({ city: "Paris" }), tools: [] }))).toBe("trl.tools");
  });
  it("takes tools as their JSON text (TRL json.loads it), wants every parameter described and no null argument", () => {
    expect(checkTrlSftRow({ ...row({ city: "Paris" }), tools: JSON.stringify(tools) })).toBeUndefined();
    expect(ruleOf(checkTrlSftRow({ ...row({ city: "Paris" }), tools: "[{" }))).toBe("trl.tools");
    const bare = [{ type: "function", function: { name: "get_weather", parameters: { type: "object", properties: { city: { type: "string" } } } } }];
    expect(ruleOf(checkTrlSftRow({ ...row({ city: "Paris" }), tools: bare }))).toBe("trl.parameter_description");
    expect(ruleOf(checkTrlSftRow(row({ city: null })))).toBe("trl.null_value");
    expect(ruleOf(checkTrlSftRow({ ...row({ city: "Paris" }), tools: JSON.stringify(tools) }, ))).toBeUndefined();
  });
  it("checks prompt/completion and preference rows", () => {
    const msgs = row({ city: "Paris" }).messages;
    expect(checkTrlSftRow({ prompt: msgs.slice(0, 3), completion: [msgs[3]], tools })).toBeUndefined();
    expect(ruleOf(checkTrlSftRow({ prompt: msgs.slice(0, 2), completion: [msgs[2]], tools }))).toBe("trl.completion");
    const chosen = [msgs[1]];
    expect(checkTrlDpoRow({ prompt: [msgs[0]], chosen, rejected: [{ role: "assistant", content: "no idea" }], tools })).toBeUndefined();
    expect(ruleOf(checkTrlDpoRow({ prompt: [msgs[0]], chosen, rejected: chosen, tools }))).toBe("dpo.identical");
  });
});

describe("LLaMA-Factory sharegpt rules", () => {
  const fc = JSON.stringify({ name: "get_weather", arguments: { city: "Paris" } });
  const conv = [
    { from: "system", value: "be brief" },
    { from: "human", value: "weather?" },
    { from: "function_call", value: fc },
    { from: "observation", value: "{}" },
    { from: "gpt", value: "sunny" },
  ];
  it("accepts strict alternation with a leading system message", () => {
    expect(checkSharegptSftRow({ conversations: conv, tools: JSON.stringify(tools) })).toBeUndefined();
  });
  it("finds what LLaMA-Factory would silently drop", () => {
    const twoGpt = [...conv.slice(0, 2), { from: "gpt", value: "let me check" }, ...conv.slice(2)];
    expect(ruleOf(checkSharegptSftRow({ conversations: twoGpt }))).toBe("sharegpt.alternation");
    expect(ruleOf(checkSharegptSftRow({ conversations: conv.slice(0, 4) }))).toBe("sharegpt.message_count");
    expect(ruleOf(checkSharegptSftRow({ conversations: conv, tools }))).toBe("sharegpt.tools_not_string");
    const badCall = conv.map((m) => (m.from === "function_call" ? { ...m, value: '{"name":"get_weather","arguments":"{}"}' } : m));
    expect(ruleOf(checkSharegptSftRow({ conversations: badCall }))).toBe("sharegpt.function_call_shape");
  });
  it("checks ranking rows: odd history, single outputs that differ", () => {
    const row = { conversations: conv.slice(0, 2), chosen: { from: "function_call", value: fc }, rejected: { from: "gpt", value: "sunny, probably" } };
    expect(checkSharegptDpoRow(row)).toBeUndefined();
    expect(ruleOf(checkSharegptDpoRow({ ...row, conversations: conv.slice(0, 3) }))).toBe("sharegpt.message_count");
    const badOrder = [conv[0], conv[1], { from: "gpt", value: "hm" }, { from: "gpt", value: "hm" }, conv[1]];
    expect(ruleOf(checkSharegptDpoRow({ ...row, conversations: badOrder }))).toBe("sharegpt.alternation");
    expect(ruleOf(checkSharegptDpoRow({ ...row, rejected: row.chosen }))).toBe("dpo.identical");
  });
});

describe("Hermes and MUSe rules", () => {
  const sys = `Here are the available tools: <tools>\n${JSON.stringify(tools)}\n</tools> (named in prose as <tools></tools>)`;
  const callText = `<tool_call>\n${JSON.stringify({ name: "get_weather", arguments: { city: "Paris" } })}\n</tool_call>`;
  const conv = [
    { from: "system", value: sys },
    { from: "human", value: "weather?" },
    { from: "gpt", value: callText, weight: 0 },
    { from: "tool", value: '<tool_response>\n{"name": "get_weather", "content": {}}\n</tool_response>' },
    { from: "gpt", value: "sunny", weight: 1 },
  ];
  it("accepts tool_call / tool_response text and weights", () => {
    expect(checkHermesRow({ conversations: conv })).toBeUndefined();
  });
  it("refuses unknown tools, unanswered calls and rows with nothing to train", () => {
    const unknown = conv.map((m) => (m.from === "gpt" && m.weight === 0 ? { ...m, value: callText.replace("get_weather", "get_news") } : m));
    expect(ruleOf(checkHermesRow({ conversations: unknown }))).toBe("hermes.undefined_tool");
    expect(ruleOf(checkHermesRow({ conversations: [conv[0], conv[1], conv[2], conv[4]] }))).toBe("hermes.order");
    expect(ruleOf(checkHermesRow({ conversations: conv.map((m) => (m.from === "gpt" ? { ...m, weight: 0 } : m)) }))).toBe("hermes.no_trainable_gpt");
  });
  it("checks the MUSe rows of seed 000", () => {
    const sft = { context: ["User: blue under $100"], tool_calls: [{ tool: "search_items", args: { color: "blue", max_price: 100 } }], response: "Here are some great blue options...", intent: "recommend" };
    expect(checkMuseSftRow(sft)).toBeUndefined();
    expect(ruleOf(checkMuseSftRow({ ...sft, tool_calls: [{ action: "search_items", args: {} }] }))).toBe("muse.tool_call");
    const side = { tool_calls: sft.tool_calls, response: "Perfect blue dress", success_rate: 0.95 };
    expect(checkMuseDpoRow({ context: "history", chosen: side, rejected: { ...side, tool_calls: [{ tool: "filter_items", args: { price_range: [0, 1000] } }], success_rate: 0.6 } })).toBeUndefined();
    expect(ruleOf(checkMuseDpoRow({ context: "history", chosen: side, rejected: side }))).toBe("dpo.identical");
  });
});

describe("checkers resume after the messages a row shares with the last one", () => {
  it("still catch a bad message after a shared, already checked prefix (sharegpt, hermes)", async () => {
    const { checkSharegptConversation } = await import("./rules/sharegpt.js");
    const { checkHermesRow } = await import("./rules/hermes.js");
    const h = { from: "human", value: "hi" };
    const g = { from: "gpt", value: "hello" };
    const conv = [h, g];
    expect(checkSharegptConversation(conv, undefined, false)).toBeUndefined();
    expect(checkSharegptConversation([h, g, { from: "gpt", value: "again" }, g], undefined, false)?.rule).toBe("sharegpt.alternation");
    expect(checkSharegptConversation([...conv, h, g], undefined, false)).toBeUndefined();
    const sys = { from: "system", value: 'Tools: <tools>[{"name":"find"}]</tools>' };
    const call = { from: "gpt", value: '<tool_call>\n{"name": "find", "arguments": {}}\n</tool_call>' };
    const res = { from: "tool", value: '<tool_response>\n{"name": "find", "content": "[]"}\n</tool_response>' };
    expect(checkHermesRow({ conversations: [sys, h, call, res, g] })).toBeUndefined();
    expect(checkHermesRow({ conversations: [sys, h, call, res, g, h, call, g] })?.rule).toBe("hermes.order");
    expect(checkHermesRow({ conversations: [sys, h, call, res, g, h, { from: "gpt", value: '<tool_call>\n{"name": "nope", "arguments": {}}\n</tool_call>' }] })?.rule).toBe("hermes.undefined_tool");
    expect(checkHermesRow({ conversations: [sys, h, call, res, g, h, g] })).toBeUndefined();
  });

  it("know each system prompt's tools apart when dialogues alternate between tool lists", async () => {
    const { checkHermesRow } = await import("./rules/hermes.js");
    const { checkSharegptSftRow } = await import("./rules/sharegpt.js");
    const h = { from: "human", value: "hi" };
    const res = { from: "tool", value: '<tool_response>\n{"name":"x","content":[]}\n</tool_response>' };
    const g = { from: "gpt", value: "done" };
    const hermes = (tool: string, called: string) => ({
      conversations: [{ from: "system", value: `<tools>[{"name":"${tool}"}]</tools>` }, h, { from: "gpt", value: `<tool_call>\n{"name":"${called}","arguments":{}}\n</tool_call>` }, res, g],
    });
    const share = (tool: string, called: string) => ({
      tools: JSON.stringify([{ type: "function", function: { name: tool } }]),
      conversations: [{ from: "human", value: "hi" }, { from: "function_call", value: JSON.stringify({ name: called, arguments: {} }) }, { from: "observation", value: "[]" }, g],
    });
    for (let round = 0; round < 3; round++) {
      expect(checkHermesRow(hermes("find", "find"))).toBeUndefined();
      expect(checkHermesRow(hermes("book", "book"))).toBeUndefined();
      expect(checkHermesRow(hermes("book", "find"))?.rule).toBe("hermes.undefined_tool");
      expect(checkSharegptSftRow(share("find", "find"))).toBeUndefined();
      expect(checkSharegptSftRow(share("book", "book"))).toBeUndefined();
      expect(checkSharegptSftRow(share("book", "find"))?.rule).toBe("sharegpt.undefined_tool");
    }
  });
});
