import { TokenCounter } from "@chatmill/tokens";
import { beforeAll, describe, expect, it } from "vitest";
import { TokenLengths } from "./token-lengths.js";

// Rows whose lengths are known: in cl100k_base "hello" and " world" are one token each
// (tiktoken's own vector: "hello world" = [15339, 1917]), so a user message of k "hello world"s
// is 2k tokens of text, and row k is exactly 2 tokens longer than row k-1.
const say = (k: number) => Array.from({ length: k }, () => "hello world").join(" ");
const sft = (k: number) => ({ messages: [{ role: "user", content: say(k) }, { role: "assistant", content: "ok" }] });
const dpo = (k: number) => ({ prompt: [{ role: "user", content: say(k) }], chosen: [{ role: "assistant", content: "ok" }], rejected: [{ role: "assistant", content: say(k) }] });

let counter: TokenCounter;
beforeAll(async () => {
  counter = await TokenCounter.load("cl100k_base");
}, 60_000);

describe("TokenLengths", () => {
  it("percentiles, max, rows over each limit and the histogram of rows of known lengths, per file", () => {
    const base = counter.countRow(sft(1))!.tokens - 2;
    for (const k of [2, 50, 1000]) expect(counter.countRow(sft(k))!.tokens).toBe(base + 2 * k);
    const t = new TokenLengths(counter);
    // 100 rows in shuffled order: row k is base + 2k tokens long.
    for (const k of Array.from({ length: 100 }, (_, i) => ((i * 37) % 100) + 1)) t.add("sft.jsonl", sft(k));
    t.add("sft.jsonl", { name: "not a row" });
    t.add("big.jsonl", sft(2100)); // base + 4200 tokens: over 2048 and 4096
    const r = t.report();
    const f = r.files["sft.jsonl"]!;
    const len = (k: number) => base + 2 * k;
    expect(f.rows).toBe(100);
    expect(f.not_rows).toBe(1);
    expect(f.shapes).toEqual({ sft: 100 });
    // Nearest rank: p50 is the 50th of 100 sorted rows, p99 the 99th.
    expect(f.tokens).toEqual({ total: 100 * base + 2 * 5050, mean: base + 101, min: len(1), p50: len(50), p90: len(90), p95: len(95), p99: len(99), max: len(100) });
    expect(f.over).toEqual({ "2048": 0, "4096": 0, "8192": 0, "16384": 0, "32768": 0 });
    expect(f.histogram.bucket_width).toBe(16);
    expect(Object.values(f.histogram.buckets).reduce((a, b) => a + b, 0)).toBe(100);
    // Bucket 0-15 holds the rows up to 15 tokens.
    expect(f.histogram.buckets["0-15"]).toBe(Array.from({ length: 100 }, (_, i) => len(i + 1)).filter((n) => n <= 15).length);
    expect(r.files["big.jsonl"]!.over).toEqual({ "2048": 1, "4096": 1, "8192": 0, "16384": 0, "32768": 0 });
    expect(r.files["big.jsonl"]!.histogram.bucket_width).toBe(256);
    expect(r.tokenizer).toBe("cl100k_base");
  });

  it("a DPO row is as long as its longer side", () => {
    const t = new TokenLengths(counter);
    t.add("dpo.jsonl", dpo(10));
    const f = t.report().files["dpo.jsonl"]!;
    expect(f.shapes).toEqual({ dpo: 1 });
    expect(f.tokens.max).toBe(counter.countRow({ messages: [{ role: "user", content: say(10) }, { role: "assistant", content: say(10) }] })!.tokens);
  });

  it("counts rows the template cannot render apart, with the first error", async () => {
    const llama = await TokenCounter.load("llama3.1");
    const t = new TokenLengths(llama);
    // Llama 3.1 puts the tools into the first user message, and raises when there is none.
    t.add("rl.jsonl", { prompt: [{ role: "system", content: "s" }], tools: [{ type: "function", function: { name: "f", parameters: { type: "object", properties: {} } } }] });
    t.add("rl.jsonl", { prompt: [{ role: "user", content: "hi" }] });
    const f = t.report().files["rl.jsonl"]!;
    expect([f.rows, f.unrenderable]).toEqual([1, 1]);
    expect(f.first_error).toMatch(/first user message/);
  }, 60_000);
});
