import { beforeAll, describe, expect, it } from "vitest";
import { RowFitter, fittingRows } from "./fit.js";
import { TokenCounter } from "./token-counter.js";

// Turns of known lengths: in cl100k_base "hello world" repeated k times is 2k tokens.
const say = (k: number) => Array.from({ length: k }, () => "hello world").join(" ");
const u = (k: number) => ({ role: "user", content: say(k) });
const a = (k: number) => ({ role: "assistant", content: say(k) });
const call = { role: "assistant", content: "", tool_calls: [{ id: "c", type: "function", function: { name: "f", arguments: { q: "x" } } }] };
const res = { role: "tool", tool_call_id: "c", content: "ok" };
const sys = { role: "system", content: "be brief" };

let counter: TokenCounter;
beforeAll(async () => {
  counter = await TokenCounter.load("cl100k_base");
}, 60_000);

const tokens = (row: unknown) => counter.countRow(row)!.tokens;

describe("RowFitter", () => {
  it("passes rows that fit unchanged", () => {
    const row = { messages: [sys, u(5), a(5)] };
    const f = new RowFitter(counter, tokens(row));
    expect(f.fit(row, "end")).toEqual({ row, tokens: tokens(row), trimmed: 0 });
  });

  it("end: cuts after the last final assistant reply that fits, never after a call", () => {
    const row = { messages: [sys, u(50), a(50), u(50), call, res, a(50), u(50), a(50)] };
    const limit = tokens({ messages: row.messages.slice(0, 7) }); // up to the second reply
    const r = new RowFitter(counter, limit + 5).fit(row, "end");
    expect("row" in r && (r.row as { messages: unknown[] }).messages).toEqual(row.messages.slice(0, 7));
    expect(r.tokens).toBe(limit);
    // One token less and only the first exchange fits.
    const r2 = new RowFitter(counter, limit - 1).fit(row, "end");
    expect("row" in r2 && (r2.row as { messages: unknown[] }).messages).toEqual(row.messages.slice(0, 3));
    // Below the first exchange: nothing to keep.
    const r3 = new RowFitter(counter, tokens({ messages: row.messages.slice(0, 3) }) - 1).fit(row, "end");
    expect("reason" in r3 && r3.reason).toMatch(/first turn/);
  });

  it("end: the format's rules choose among the cuts that fit", () => {
    const row = { messages: [sys, u(5), a(5), u(5), a(5), u(5), a(5)] };
    const f = new RowFitter(counter, tokens(row) - 1);
    const r = f.fit(row, "end", (x) => (x as { messages: unknown[] }).messages.length !== 5);
    expect("row" in r && (r.row as { messages: unknown[] }).messages).toHaveLength(3);
  });

  it("history: drops the oldest turns, keeps the system message and the trained completion", () => {
    const row = { prompt: [sys, u(100), a(100), u(10), a(10), u(3)], completion: [a(3)] };
    const keepLast = { prompt: [sys, u(10), a(10), u(3)], completion: [a(3)] };
    const r = new RowFitter(counter, tokens(keepLast)).fit(row, "history");
    expect("row" in r && r.row).toEqual(keepLast);
    expect("row" in r && r.trimmed).toBe(2);
    const onlyLast = { prompt: [sys, u(3)], completion: [a(3)] };
    const r2 = new RowFitter(counter, tokens(keepLast) - 1).fit(row, "history");
    expect("row" in r2 && r2.row).toEqual(onlyLast);
    const r3 = new RowFitter(counter, tokens(onlyLast) - 1).fit(row, "history");
    expect("reason" in r3 && r3.reason).toMatch(/last turn/);
  });

  it("history: OpenAI DPO input, sharegpt conversations, MUSe context text, both states of a transition", () => {
    const openai = { input: { messages: [sys, u(100), a(100), u(3)] }, preferred_output: [a(2)], non_preferred_output: [a(1)] };
    const r = new RowFitter(counter, tokens(openai) - 1).fit(openai, "history");
    expect("row" in r && r.row).toEqual({ ...openai, input: { messages: [sys, u(3)] } });
    const sg = { conversations: [{ from: "human", value: say(100) }, { from: "gpt", value: "a" }, { from: "human", value: say(2) }], chosen: { from: "gpt", value: "b" }, rejected: { from: "gpt", value: "c" } };
    const r2 = new RowFitter(counter, tokens(sg) - 1).fit(sg, "history");
    expect("row" in r2 && (r2.row as typeof sg).conversations).toEqual(sg.conversations.slice(2));
    const muse = { context: `User: ${say(100)}\nAssistant: sure\nUser: ${say(2)}`, chosen: { response: "b" }, rejected: { response: "c" } };
    const r3 = new RowFitter(counter, tokens(muse) - 1).fit(muse, "history");
    expect("row" in r3 && (r3.row as typeof muse).context).toBe(`User: ${say(2)}`);
    const state = [sys, u(100), a(100), u(3)];
    const tr = { state: { messages: state }, action: { response: say(1) }, reward: 0.5, next_state: { messages: [...state, a(1)] } };
    const seed = { state: `User: ${say(100)}\nAssistant: ok\nTool f: {"a":1}\nUser: ${say(2)}`, action: { tool: "f", args: { q: 1 } }, reward: 1, next_state: `User: ${say(100)}\nAssistant: ok\nTool f: {"a":1}\nUser: ${say(2)}\nAssistant: done` };
    const r5 = new RowFitter(counter, tokens(seed) - 1).fit(seed, "history");
    expect("row" in r5 && r5.row).toEqual({ ...seed, state: `User: ${say(2)}`, next_state: `User: ${say(2)}\nAssistant: done` });
    const r4 = new RowFitter(counter, tokens(tr) - 1).fit(tr, "history");
    expect("row" in r4 && r4.row).toEqual({ ...tr, state: { messages: [sys, u(3)] }, next_state: { messages: [sys, u(3), a(1)] } });
  });

  it("never cuts an episode (its rewards add up to the outcome only whole)", () => {
    const ep = { id: "e", messages: [sys, u(100), a(100), u(3), a(3)], steps: [{ reward: 1 }] };
    const r = new RowFitter(counter, tokens(ep) - 1).fit(ep, "history");
    expect("reason" in r && r.reason).toMatch(/episode/);
  });

  it("fittingRows: rows that fit pass, cut rows are counted, rows that cannot fit are dead-lettered", () => {
    const rows = [{ messages: [sys, u(2), a(2)] }, { messages: [sys, u(2), a(2), u(100), a(100)] }, { messages: [sys, u(300), a(1)] }];
    const limit = tokens(rows[0]) + 10;
    const notes: Record<string, number> = {};
    const rejected: string[] = [];
    const sink = { note: (n: string, by = 1) => void (notes[n] = (notes[n] ?? 0) + by), reject: (_r: unknown, why: { rule: string; message: string }) => void rejected.push(`${why.rule}: ${why.message}`) };
    const out = [...fittingRows((d: unknown[]) => d, new RowFitter(counter, limit), "end")(rows, sink)];
    expect(out).toEqual([rows[0], rows[0]]);
    expect(notes).toEqual({ "rows cut to fit --max-tokens": 1, "turns cut to fit --max-tokens": 2 });
    expect(rejected).toHaveLength(1);
    expect(rejected[0]).toMatch(new RegExp(`^max_tokens: over --max-tokens ${limit} with cl100k_base \\(\\d+ tokens at the shortest cut\\)`));
  });
});
