// --max-tokens counts exactly: for every tokenizer and chat template, every row the exporters
// make of the fixture dialogues (every format of to-sft, to-dpo and to-rl, in the order and with
// the shared objects they yield them) counts, in the exporter's own CountScope, what the
// tokenizer gives for the whole row rendered by the template itself (@huggingface/jinja) and
// encoded in one call — no per-turn sums, no caches. And the fitter's decisions are those the
// whole-row counts give: a row kept as it is, or cut, fits; a row dead-lettered does not.
import { join } from "node:path";
import { Context, fromValues, type RunContext, type Transform } from "@chatmill/kit";
import { DPO_FORMATS, dpoTransform } from "@chatmill/to-dpo";
import { RL_FORMATS, rlTransform } from "@chatmill/to-rl";
import { SFT_FORMATS, sftTransform } from "@chatmill/to-sft";
import { RowFitter, TOKENIZER_NAMES, TokenCounter, rowView, type CountScope, type FitMode, type FitResult } from "@chatmill/tokens";
import { beforeAll, describe, expect, it } from "vitest";
import { ndjsonValues } from "./helpers/row-texts.js";
import { root } from "./helpers/spawn.js";

const FIXTURES = join(root, "test/fixtures/dialogues");
const dialogues = ndjsonValues(["all-clean", "retail-annotated", "travel-annotated", "ops-annotated"].map((f) => join(FIXTURES, `${f}.ndjson`)));

/** Whole-row counts by tokenizer and row text (the same rows come back at every limit). */
const wholeCounts = new Map<string, number>();

/** The tokenizer's count of the row: each conversation rendered whole by the template and encoded in one call; the longest. */
function wholeRow(counter: TokenCounter, row: unknown): number {
  const key = `${counter.info.name} ${JSON.stringify(row)}`;
  const hit = wholeCounts.get(key);
  if (hit !== undefined) return hit;
  let n = 0;
  for (const c of rowView(row)!.conversations) {
    const text = counter.renderJinja(c);
    // Hugging Face tokenizers match their added tokens themselves; OpenAI's frame markers are one token each by convention (counter.encode cuts only at them).
    n = Math.max(n, counter.info.frameTokens ? counter.encode(text).length : counter.encoder.encode(text).length);
  }
  wholeCounts.set(key, n);
  return n;
}

/** A fitter that checks each row the exporter gives it (in its scope) against the whole-row count, then fits it as usual. */
class CheckingFitter extends RowFitter {
  checked = 0;
  decisions = { kept: 0, cut: 0, dead: 0 };
  override fit(row: unknown, mode: FitMode, accept?: (row: unknown) => boolean, scope?: CountScope): FitResult {
    const whole = wholeRow(this.counter, row);
    const r = super.fit(row, mode, accept, scope);
    // The decision is the whole-row count's: kept as it is when it fits, else cut to a row that fits, or dead-lettered.
    if ("row" in r) {
      if (r.trimmed === 0) expect(whole).toBeLessThanOrEqual(this.maxTokens);
      else expect(wholeRow(this.counter, r.row)).toBeLessThanOrEqual(this.maxTokens);
      if (r.tokens !== undefined) expect(r.tokens).toBe(wholeRow(this.counter, r.row));
      this.decisions[r.trimmed === 0 ? "kept" : "cut"]++;
    } else {
      expect(whole).toBeGreaterThan(this.maxTokens);
      this.decisions.dead++;
    }
    // Counted exactly in the same scope (after the bound and the cuts used it), the same number.
    expect(this.counter.countRow(row, scope)!.tokens).toBe(whole);
    this.checked++;
    return r;
  }
}

type Make = (fitter: RowFitter, ctx: RunContext) => Transform;
const exporters: Array<[string, Make]> = [
  ...SFT_FORMATS.flatMap((f) => f.granularities.map((g): [string, Make] => [`to-sft ${f.name} -g ${g}`, (fitter, ctx) => sftTransform({ format: f.name, granularity: g, fitter }, ctx)])),
  ...DPO_FORMATS.map((f): [string, Make] => [`to-dpo ${f.name}`, (fitter, ctx) => dpoTransform({ format: f.name, minMargin: 0, fitter }, ctx)]),
  ...RL_FORMATS.map((f): [string, Make] => [`to-rl ${f.name}`, (fitter, ctx) => rlTransform({ format: f.name, fitter }, ctx)]),
];

const counters: Record<string, TokenCounter> = {};
beforeAll(async () => {
  for (const n of TOKENIZER_NAMES) counters[n] = await TokenCounter.load(n);
}, 240_000);

describe("--max-tokens counts every exporter row as the tokenizer counts the whole row", () => {
  it("covers every tokenizer and every exporter format", () => {
    expect(TOKENIZER_NAMES).toEqual(["qwen2.5", "qwen3", "llama3.1", "o200k_base", "cl100k_base"]);
    expect(exporters.length).toBeGreaterThanOrEqual(17);
  });

  it.each(TOKENIZER_NAMES)("%s: the same count and the same decisions, row by row", async (name) => {
    const counter = counters[name]!;
    // Fixture rows are 30 to 1,600 tokens long (3 to 4 bytes a token): up to 1,000 many are cut
    // or dead-lettered, and rows near the limit are told apart by the byte bound or by counting;
    // at 3,000 the bound shows most fit and the longest are counted; at 100,000 it shows all fit.
    for (const limit of [400, 700, 1000, 3000, 100_000]) {
      const fitter = new CheckingFitter(counter, limit);
      let rows = 0;
      for (const [label, make] of exporters) {
        counter.clearCache();
        const ctx = new Context();
        const before = fitter.checked;
        for await (const _ of make(fitter, ctx)(fromValues([...dialogues]), ctx)) rows++;
        expect(fitter.checked - before, label).toBeGreaterThan(0);
      }
      expect(fitter.checked).toBeGreaterThan(500);
      expect(fitter.decisions.kept).toBeGreaterThan(0);
      if (limit <= 700) {
        expect(fitter.decisions.cut).toBeGreaterThan(0);
        expect(fitter.decisions.dead).toBeGreaterThan(0);
      }
      if (limit >= 3000) expect(rows).toBe(fitter.checked);
    }
  });
});
