import { readdirSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { beforeAll, describe, expect, it } from "vitest";
import { Rng } from "@chatmill/kit";
import { RowFitter } from "./fit.js";
import { CountScope, NFC_STABLE, TokenCounter } from "./token-counter.js";

// The bound --max-tokens uses to pass rows without counting them (TokenCounter.bound,
// countRowOver): never below the exact count, and the fitting decisions it leads to are those
// of the exact count, for every tokenizer and every row shape the exporters write.

const FIXTURES = join(import.meta.dirname, "../../../test/fixtures/dialogues");
type Msg = Record<string, unknown> & { role: string; content?: unknown };
const dialogues = readdirSync(FIXTURES)
  .filter((f) => f.endsWith(".ndjson"))
  .flatMap((f) => readFileSync(join(FIXTURES, f), "utf8").split("\n").filter(Boolean))
  .map((l) => JSON.parse(l) as { messages: Msg[]; tools?: unknown[] });

const NAMES = ["qwen2.5", "qwen3", "llama3.1", "o200k_base", "cl100k_base"] as const;
const counters: Record<string, TokenCounter> = {};
beforeAll(async () => {
  for (const n of NAMES) counters[n] = await TokenCounter.load(n);
}, 180_000);

/** Text NFC makes longer (U+0344 → U+0308 U+0301, U+FB1D → U+05D9 U+05B4), composing (e + U+0301, > + U+0338), CJK, emoji, atoms. */
const TRICKY = ["\u0344", "\uFB1D", "\u0958", "\u2126", "e\u0301", ">\u0338", "<\u0338", "漢字", "🙂", "é", "—", "<|im_start|>", "<|im_end|>", "<tool_call>", "<|eot_id|>", "\n\n", "  ", "123456", "ğ"];

/** Random text from the fixtures' messages and the tricky pieces above. */
function randomText(rng: Rng, words: string[]): string {
  let t = "";
  const n = rng.int(1, 40);
  for (let i = 0; i < n; i++) t += rng.int(0, 2) === 0 ? TRICKY[rng.int(0, TRICKY.length - 1)]!.repeat(rng.int(1, 30)) : words[rng.int(0, words.length - 1)]! + (rng.int(0, 3) === 0 ? "" : " ");
  return t;
}

/** Rows of every layout from one dialogue, sharing message objects as the exporters do. */
function rowsOf(d: { messages: Msg[]; tools?: unknown[] }, rng: Rng, words: string[]): unknown[] {
  const ms = d.messages.map((m) => ({ ...m, ...(Array.isArray(m.tool_calls) ? { tool_calls: (m.tool_calls as Array<Record<string, unknown>>).map((c) => ({ type: "function", function: { name: c.name, arguments: JSON.stringify(c.arguments ?? {}) } })) } : {}) }));
  // Some messages get tricky text, so the bound meets what NFC does.
  for (const m of ms) if (rng.int(0, 3) === 0) m.content = randomText(rng, words);
  const turns = ms.map((m) => ({ from: m.role === "user" ? "human" : m.role === "assistant" ? "gpt" : m.role === "tool" ? "observation" : "system", value: String(m.content ?? "") }));
  const rows: unknown[] = [];
  for (let k = 1; k <= ms.length; k++) {
    if (ms[k - 1]!.role !== "assistant") continue;
    rows.push({ messages: ms.slice(0, k), tools: d.tools }, { conversations: turns.slice(0, k), tools: JSON.stringify(d.tools ?? []) });
    rows.push({ prompt: ms.slice(0, k - 1), chosen: [ms[k - 1]], rejected: [{ role: "assistant", content: randomText(rng, words) }], tools: d.tools });
    rows.push({ input: { messages: ms.slice(0, k - 1), tools: d.tools }, preferred_output: [ms[k - 1]], non_preferred_output: [{ role: "assistant", content: "no" }] });
    rows.push({ state: { messages: ms.slice(0, k - 1) }, action: ms[k - 1], next_state: { messages: ms.slice(0, k) } });
  }
  return rows;
}

const words = dialogues.flatMap((d) => d.messages.map((m) => String(m.content ?? "")).flatMap((c) => c.split(" "))).filter(Boolean);

describe("the upper bound on a row's tokens (--max-tokens passes rows under it without counting them)", () => {
  it.each(NAMES)("%s: bound(text) >= countText(text) on random text, NFC-lengthened text included", (name) => {
    const counter = counters[name]!;
    const rng = new Rng(`bound-${name}`);
    for (let i = 0; i < 400; i++) {
      const text = randomText(rng, words);
      expect(counter.bound(text), JSON.stringify(text)).toBeGreaterThanOrEqual(counter.countText(text));
    }
    // The UTF-8 bytes alone are not a bound where NFC lengthens the text: U+0344 is 2 bytes, 3 Qwen tokens once normalized.
    const nfcLonger = "\u0344".repeat(50);
    expect(counter.bound(nfcLonger)).toBeGreaterThanOrEqual(counter.countText(nfcLonger));
    if (name.startsWith("qwen")) expect(counter.countText(nfcLonger)).toBeGreaterThan(Buffer.byteLength(nfcLonger));
  });

  it("NFC_STABLE holds only text NFC leaves as it is: each of its characters alone and every pair of them", () => {
    const chars: string[] = [];
    for (let c = 0; c < 0x10000; c++) if (NFC_STABLE.test(String.fromCharCode(c)) && (c < 0xd800 || c > 0xdfff)) chars.push(String.fromCharCode(c));
    expect(chars.length).toBe(0x300 + (0x2070 - 0x2002) + (0x20d0 - 0x20a0));
    expect(NFC_STABLE.test("\u2000") || NFC_STABLE.test("\u0301") || NFC_STABLE.test("\u0344")).toBe(false);
    for (const a of chars) {
      expect(a.normalize("NFC")).toBe(a);
      // A composition needs a pair (a starter and what follows it): none composes, none reorders.
      const joined = chars.map((b) => a + b).join("");
      expect(joined.normalize("NFC") === joined, JSON.stringify(a)).toBe(true);
    }
  });

  it.each(NAMES)("%s: countRowOver says within exactly when the row fits, and counts exactly a row over the limit", (name) => {
    const counter = counters[name]!;
    const rng = new Rng(`over-${name}`);
    let within = 0;
    let rows = 0;
    for (const d of dialogues) {
      const scope = new CountScope();
      for (const row of rowsOf(d, rng, words)) {
        const exact = counter.countRow(row)!.tokens;
        // Limits at the edge, below, and far above (where the bound decides without counting).
        for (const limit of [exact, exact - 1, rng.int(1, exact * 2), exact * 8]) {
          const got = counter.countRowOver(row, limit, rng.int(0, 1) === 0 ? scope : undefined);
          if (exact <= limit) expect(got === "within" || got === exact, `${name} ${limit} ${JSON.stringify(row)}`).toBe(true);
          else expect(got).toBe(exact);
          if (got === "within") within++;
        }
        rows++;
      }
    }
    expect(rows).toBeGreaterThan(300);
    // The bound did pass rows without counting them (far above their length they all are).
    expect(within).toBeGreaterThanOrEqual(rows);
  });

  it("a row far below the limit is passed without counting its turns", () => {
    const counter = counters["qwen2.5"]!;
    const row = { messages: [{ role: "user", content: "a new question never counted before, 7f3a" }, { role: "assistant", content: "a new answer never counted before, 7f3a" }] };
    const pieces = () => counter.stats.tokenized + counter.stats.cached;
    counter.clearCache();
    let before = pieces();
    expect(counter.countRowOver(row, 1000)).toBe("within");
    // Nothing was tokenized, not even the header (the default system turn): its bound was enough.
    expect(pieces() - before).toBe(0);
    before = pieces();
    // Over the limit, the row is counted: the header (its text and the "\n" after it) and the two turns,
    // two pieces each; then countRow again, the header's count remembered.
    expect(counter.countRowOver(row, 10)).toBe(counter.countRow(row)!.tokens);
    expect(pieces() - before).toBe(2 + 4 + 4);
  });

  it.each(NAMES)("%s: RowFitter keeps the same rows as with exact counts, and every row kept fits", (name) => {
    const counter = counters[name]!;
    const rng = new Rng(`fit-${name}`);
    for (const d of dialogues) {
      const rows = rowsOf(d, rng, words);
      const longest = Math.max(...rows.map((r) => counter.countRow(r)!.tokens));
      const fitter = new RowFitter(counter, rng.int(Math.floor(longest / 4), longest));
      const scope = new CountScope();
      for (const row of rows) {
        const r = fitter.fit(row, "history", undefined, scope);
        // The exact decision: the row itself when it fits, else the longest history cut that does.
        const exact = counter.countRow(row)!.tokens;
        if (exact <= fitter.maxTokens) expect("row" in r && r.row).toBe(row);
        if ("row" in r) {
          const kept = counter.countRow(r.row)!.tokens;
          expect(kept).toBeLessThanOrEqual(fitter.maxTokens);
          if (r.tokens !== undefined) expect(r.tokens).toBe(kept);
        } else expect(exact).toBeGreaterThan(fitter.maxTokens);
      }
    }
  });
});
