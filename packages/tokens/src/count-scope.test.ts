import { readdirSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { beforeAll, describe, expect, it } from "vitest";
import { RowFitter } from "./fit.js";
import { CountScope, TokenCounter } from "./token-counter.js";

const FIXTURES = join(import.meta.dirname, "../../../test/fixtures/dialogues");
type Msg = Record<string, unknown> & { role: string; content?: unknown };
const dialogues = readdirSync(FIXTURES)
  .filter((f) => f.endsWith(".ndjson"))
  .flatMap((f) => readFileSync(join(FIXTURES, f), "utf8").split("\n").filter(Boolean))
  .map((l) => JSON.parse(l) as { messages: Msg[]; tools?: unknown[] });

/**
 * The rows an exporter makes of one dialogue, sharing objects as the exporters do: per-turn
 * rows that repeat the messages before them (OpenAI/TRL layout and sharegpt turns), a last
 * row whose final message is a new object (the weight-1 copy), and a DPO row.
 */
function rowsOf(d: { messages: Msg[]; tools?: unknown[] }): unknown[] {
  const ms = d.messages.map((m) => ({ ...m, ...(Array.isArray(m.tool_calls) ? { tool_calls: (m.tool_calls as Array<Record<string, unknown>>).map((c) => ({ type: "function", function: { name: c.name, arguments: JSON.stringify(c.arguments ?? {}) } })) } : {}) }));
  const turns = ms.map((m) => ({ from: m.role === "user" ? "human" : m.role === "assistant" ? "gpt" : m.role === "tool" ? "observation" : "system", value: String(m.content ?? "") }));
  const rows: unknown[] = [];
  for (let k = 1; k <= ms.length; k++) {
    if (ms[k - 1]!.role !== "assistant") continue;
    const prefix = ms.slice(0, k);
    prefix[k - 1] = { ...prefix[k - 1]!, weight: 1 } as (typeof prefix)[number];
    rows.push({ messages: prefix, tools: d.tools }, { conversations: turns.slice(0, k), tools: JSON.stringify(d.tools ?? []) });
    rows.push({ prompt: ms.slice(0, k - 1), chosen: [ms[k - 1]], rejected: [{ role: "assistant", content: "no" }], tools: d.tools });
  }
  return rows;
}

const NAMES = ["qwen2.5", "o200k_base", "cl100k_base", "llama3.1"] as const;
const counters: Record<string, TokenCounter> = {};
beforeAll(async () => {
  for (const n of NAMES) counters[n] = await TokenCounter.load(n);
}, 120_000);

describe("CountScope: the rows of one dialogue counted once per shared turn", () => {
  it.each(NAMES)("%s: every row of every fixture dialogue counts the same with and without the scope", (name) => {
    const counter = counters[name]!;
    let rows = 0;
    let remembered = 0;
    for (const d of dialogues) {
      const scope = new CountScope();
      for (const row of rowsOf(d)) {
        expect(counter.countRow(row, scope)?.tokens).toBe(counter.countRow(row)?.tokens);
        rows++;
      }
      // The scope really was used: the first user message's turn is remembered (native renderers only).
      const firstUser = counter.countRow({ messages: d.messages }, scope) && scope.messages.byObject.get(d.messages.find((m) => m.role === "user")!);
      if (firstUser && scope.turns.has(firstUser)) remembered++;
    }
    expect(rows).toBeGreaterThan(200);
    if (name === "llama3.1") expect(remembered).toBe(0);
    else expect(remembered).toBe(dialogues.length);
  });

  it("a history cut with the scope keeps the same rows as without it", () => {
    const counter = counters["qwen2.5"]!;
    const longest = [...dialogues].sort((a, b) => b.messages.length - a.messages.length)[0]!;
    const rows = rowsOf(longest).filter((r) => Array.isArray((r as { messages?: unknown }).messages));
    const last = rows[rows.length - 1]!;
    const fitter = new RowFitter(counter, Math.floor(counter.countRow(last)!.tokens * 0.6));
    const scope = new CountScope();
    // The same rows kept; a length the scope or a bound spared counting is left out, one reported is the same.
    const decision = (r: ReturnType<typeof fitter.fit>) => ("row" in r ? { row: r.row, trimmed: r.trimmed } : r);
    for (const row of rows) {
      const [a, b] = [fitter.fit(row, "history", undefined, scope), fitter.fit(row, "history")];
      expect(decision(a)).toEqual(decision(b));
      if (a.tokens !== undefined && b.tokens !== undefined) expect(a.tokens).toBe(b.tokens);
    }
    const cut = fitter.fit(last, "history", undefined, scope);
    expect("row" in cut && cut.trimmed).toBeGreaterThan(0);
  });
});

describe("MessageMemo: copies of a message that differ only in a field no template renders are one message", () => {
  it("gives a weight-0 copy in the place of the last list's weight-1 copy the same converted message, and messages that differ in what is rendered their own", async () => {
    const { chatMessages, sharegptMessages, MessageMemo } = await import("./conversation.js");
    const memo = new MessageMemo();
    const user = { role: "user", content: "find a red dress" };
    const calls = [{ type: "function", function: { name: "search", arguments: '{"q": "red"}' } }];
    const m = { role: "assistant", content: "", tool_calls: calls };
    const [w0, w1] = [{ ...m, weight: 0 }, { ...m, weight: 1 }];
    const first = chatMessages([user, w1], memo);
    const next = chatMessages([user, w0, { role: "tool", content: "[]" }], memo);
    expect(next[1]).toBe(first[1]);
    // A copy of w0 is found by object from now on, in any place.
    expect(chatMessages([w0], memo)[0]).toBe(first[1]);
    // Equal content but another call list, role or content: converted on their own.
    for (const other of [{ ...m, tool_calls: [...calls] }, { ...m, role: "user" }, { ...m, content: "x" }]) {
      chatMessages([user, w1], memo);
      const got = chatMessages([user, other], memo)[1]!;
      expect(got).not.toBe(first[1]);
      expect(got).toEqual(chatMessages([other])[0]);
    }
    const t = { from: "gpt", value: "hello" };
    const h = { from: "human", value: "hi" };
    const a = sharegptMessages([h, { ...t, weight: 0 }], memo);
    expect(sharegptMessages([h, { ...t, weight: 1 }], memo)[1]).toBe(a[1]);
    expect(sharegptMessages([h, { from: "human", value: "hello" }], memo)[1]).not.toBe(a[1]);
  });
});
