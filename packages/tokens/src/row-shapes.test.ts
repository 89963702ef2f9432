import { beforeAll, describe, expect, it } from "vitest";
import { rowView } from "./row-shapes.js";
import { TokenCounter } from "./token-counter.js";

// One conversation written in each layout chatmill exports; all must read back the same.
const tools = [{ type: "function", function: { name: "get_weather", description: "Weather for a city.", parameters: { type: "object", properties: { city: { type: "string" } }, required: ["city"] } } }];
const call = { id: "c1", type: "function", function: { name: "get_weather", arguments: { city: "Paris" } } };
const sys = { role: "system", content: "You help." };
const user = { role: "user", content: "Weather in Paris?" };
const asst = { role: "assistant", content: "", tool_calls: [call] };
const tool = { role: "tool", tool_call_id: "c1", name: "get_weather", content: '{"temp_c":18}' };
const final = { role: "assistant", content: "18 °C." };
const trlRow = { messages: [sys, user, asst, tool, final], tools };
const openaiRow = {
  messages: [sys, user, { ...asst, tool_calls: [{ ...call, function: { name: "get_weather", arguments: '{"city":"Paris"}' } }], weight: 1 }, tool, { ...final, weight: 1 }],
  tools,
};
const datasetsSafeRow = { messages: openaiRow.messages, tools: JSON.stringify(tools) };
const sharegptRow = {
  conversations: [
    { from: "human", value: "Weather in Paris?" },
    { from: "function_call", value: '{"name":"get_weather","arguments":{"city":"Paris"}}' },
    { from: "observation", value: '{"temp_c":18}' },
    { from: "gpt", value: "18 °C." },
  ],
  system: "You help.",
  tools: JSON.stringify(tools),
};
const promptCompletion = { prompt: [sys, user, asst, tool], completion: [final], tools };

let qwen: TokenCounter;
beforeAll(async () => {
  qwen = await TokenCounter.load("qwen2.5");
}, 60_000);

describe("rowView", () => {
  it("reads the same conversation from every SFT layout, so each counts the same tokens", () => {
    const counts = [trlRow, openaiRow, datasetsSafeRow, sharegptRow, promptCompletion].map((r) => qwen.countRow(r));
    expect(counts.map((c) => c?.layout)).toEqual(["messages", "messages", "messages", "sharegpt", "prompt-completion"]);
    expect(counts.every((c) => c?.shape === "sft")).toBe(true);
    const n = counts[0]!.tokens;
    expect(n).toBeGreaterThan(50);
    expect(counts.map((c) => c!.tokens)).toEqual([n, n, n, n, n]);
    // What the tokens are: exactly the rendered text, tokenized.
    expect(n).toBe(qwen.encoder.encode(qwen.render({ messages: trlRow.messages as never, tools })).length);
  });

  it("DPO rows hold two conversations and count the longer", () => {
    const longer = { role: "assistant", content: "It is 18 °C in Paris right now, a mild spring day." };
    const trl = { prompt: [sys, user, asst, tool], chosen: [final], rejected: [longer], tools };
    const openai = { input: { messages: [sys, user, asst, tool], tools }, preferred_output: [final], non_preferred_output: [longer] };
    const axolotl = { messages: [sys, user, asst, tool], chosen: final, rejected: longer, tools };
    const views = [trl, openai, axolotl].map((r) => qwen.countRow(r)!);
    expect(views.map((v) => [v.shape, v.layout, v.conversations.length])).toEqual([["dpo", "prompt-dpo", 2], ["dpo", "openai-dpo", 2], ["dpo", "messages-dpo", 2]]);
    const rejectedRow = qwen.countRow({ messages: [sys, user, asst, tool, longer], tools })!.tokens;
    expect(views.map((v) => v.tokens)).toEqual([rejectedRow, rejectedRow, rejectedRow]);
    expect(rejectedRow).toBeGreaterThan(qwen.countRow(trlRow)!.tokens);
  });

  it("reads MUSe, RL and Dialogue shapes", () => {
    const muse = rowView({ context: ["User: hi", "Assistant: hello", "User: Paris weather?"], tool_calls: [{ tool: "get_weather", args: { city: "Paris" } }], response: "Checking." })!;
    expect([muse.shape, muse.layout]).toEqual(["sft", "muse"]);
    expect(muse.conversations[0]!.messages.map((m) => m.role)).toEqual(["user", "assistant", "user", "assistant", "assistant"]);
    expect(muse.conversations[0]!.messages[3]!.tool_calls?.[0]?.function).toEqual({ name: "get_weather", arguments: { city: "Paris" } });
    const seedState = rowView({ state: "User: Paris weather?\nAssistant: checking\nTool get_weather: {\"t\":18}\nsecond line", action: { tool: "get_weather", args: {} }, reward: 0, next_state: "" })!;
    expect(seedState.conversations[0]!.messages.map((m) => [m.role, m.content])).toEqual([["user", "Paris weather?"], ["assistant", "checking"], ["tool", '{"t":18}\nsecond line'], ["assistant", ""]]);
    const seedTransition = rowView({ state: "User: Paris weather?", action: { tool: "get_weather", args: { city: "Paris" } }, reward: 0.5, next_state: "…" })!;
    expect([seedTransition.shape, seedTransition.layout]).toEqual(["rl", "transition"]);
    expect(seedTransition.conversations[0]!.messages.at(-1)!.tool_calls?.[0]?.function.name).toBe("get_weather");
    expect(rowView({ messages: [sys, user], tools })!.shape).toBe("sft");
    expect(rowView({ prompt: [sys, user], tools })!.shape).toBe("rl");
    expect(rowView({ id: "e1", messages: [sys, user, final], steps: [], outcome: { reward: 1 } })!.shape).toBe("rl");
    expect(rowView({ id: "d1", messages: [sys, user, final], tools, outcome: { reward: 1 } })!.shape).toBe("dialogue");
    expect(rowView({ name: "a persona" })).toBeUndefined();
    expect(rowView([1, 2])).toBeUndefined();
  });

  it("splits parallel calls for Llama 3.1, which takes one call per message", async () => {
    const llama = await TokenCounter.load("llama3.1");
    const two = { ...asst, tool_calls: [call, { ...call, id: "c2", function: { name: "get_weather", arguments: { city: "Rome" } } }] };
    const row = { messages: [sys, user, two, tool, { ...tool, tool_call_id: "c2" }, final], tools };
    const text = llama.render(rowView(row)!.conversations[0]!);
    expect(text.match(/\{"name": "get_weather", "parameters"/g)).toHaveLength(2);
    expect(llama.countRow(row)!.tokens).toBe(llama.encoder.encode(text).length);
  }, 60_000);
});
