// --max-tokens N --tokenizer NAME in the exporters (built bins): every row written fits N as
// @chatmill/tokens counts it (what `stats --tokenizer` reports), a cut row is a turn-boundary
// cut of the row the exporter writes without the flag, and what cannot fit is dead-lettered.
import { mkdtempSync, readFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { TokenCounter } from "@chatmill/tokens";
import { beforeAll, describe, expect, it } from "vitest";
import { lines, root, run } from "./dedup-run.js";

const input = join(root, "test/fixtures/dialogues/all-clean.ndjson");
const dir = mkdtempSync(join(tmpdir(), "max-tokens-"));
let qwen: TokenCounter;
beforeAll(async () => {
  qwen = await TokenCounter.load("qwen2.5");
}, 60_000);

const tokens = (row: unknown) => qwen.countRow(row)!.tokens;
const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[xs.length >> 1]!;
type Msg = { role: string; tool_calls?: unknown[] };

async function both(tool: string, args: string[], limitOf: (counts: number[]) => number) {
  const full = await run(tool, [...args, input]);
  expect(full.code, full.stderr).toBe(0);
  const fullRows = lines(full.stdout);
  const limit = limitOf(fullRows.map(tokens));
  const errors = join(dir, `${tool}-${args.join("")}-${limit}.errors.ndjson`);
  const cut = await run(tool, [...args, "--max-tokens", String(limit), "--tokenizer", "qwen2.5", "--on-error", "skip", "--errors", errors, input]);
  expect(cut.code, cut.stderr).toBe(0);
  const dead = readFileSync(errors, "utf8").split("\n").filter(Boolean).map((l) => JSON.parse(l) as { kind: string; id: string });
  return { fullRows, rows: lines(cut.stdout), limit, dead, stderr: cut.stderr };
}

describe.concurrent("--max-tokens N --tokenizer NAME (built bins)", () => {
  it("to-sft, conversation granularity: long rows are cut after their last assistant reply that fits", async () => {
    const { fullRows, rows, limit, dead, stderr } = await both("to-sft", ["-f", "openai"], median);
    expect(rows.length + dead.length).toBe(fullRows.length);
    expect(rows.length).toBeGreaterThan(0);
    for (const r of rows) expect(tokens(r)).toBeLessThanOrEqual(limit);
    // Each row written is its dialogue's row without the flag, or a prefix of it ending with a reply.
    let cuts = 0;
    for (const r of rows) {
      const ms = r.messages as Msg[];
      const whole = fullRows.find((f) => JSON.stringify((f.messages as Msg[]).slice(0, ms.length)) === JSON.stringify(ms))!;
      expect(whole).toBeDefined();
      if ((whole.messages as Msg[]).length > ms.length) {
        cuts++;
        expect(ms.at(-1)!.role).toBe("assistant");
        expect(ms.at(-1)!.tool_calls).toBeUndefined();
      }
    }
    expect(cuts).toBeGreaterThan(0);
    expect(stderr).toContain(`rows cut to fit --max-tokens ${cuts}`);
    expect(dead.every((d) => d.kind === "max_tokens")).toBe(true);
  });

  it("to-sft -g turn and to-dpo: a long row keeps what it trains on and loses the oldest turns of its history", async () => {
    for (const [tool, args] of [["to-sft", ["-f", "trl", "-g", "turn"]], ["to-dpo", ["-f", "trl", "-m", "0"]]] as const) {
      const { fullRows, rows, limit, dead, stderr } = await both(tool, [...args], (c) => median(c));
      expect(rows.length + dead.length, tool).toBe(fullRows.length);
      for (const r of rows) expect(tokens(r)).toBeLessThanOrEqual(limit);
      const key = (r: Record<string, unknown>) => JSON.stringify([r.completion, r.chosen, r.rejected, (r.prompt as Msg[]).at(-1)]);
      let shortened = 0;
      for (const r of rows) {
        const whole = fullRows.find((f) => key(f) === key(r))!;
        expect(whole, tool).toBeDefined();
        const p = r.prompt as Msg[];
        const wp = whole.prompt as Msg[];
        if (p.length < wp.length) {
          shortened++;
          // The system message stays (if there is one); what follows is the end of the original history, starting at a user turn.
          const sys = wp[0]!.role === "system" ? 1 : 0;
          expect(p.slice(0, sys)).toEqual(wp.slice(0, sys));
          expect(p[sys]!.role).toBe("user");
          expect(JSON.stringify(wp.slice(wp.length - (p.length - sys)))).toBe(JSON.stringify(p.slice(sys)));
        }
      }
      expect(shortened, tool).toBeGreaterThan(0);
      expect(stderr).toContain("rows cut to fit --max-tokens");
    }
  });

  it("to-rl: transitions fit; an episode over the limit is dead-lettered, never cut (exit 4 without --on-error skip)", async () => {
    const { rows, limit } = await both("to-rl", ["-f", "transitions"], median);
    for (const r of rows) expect(tokens(r)).toBeLessThanOrEqual(limit);
    const episodes = lines((await run("to-rl", ["-f", "episodes", input])).stdout);
    const shortest = Math.min(...episodes.map(tokens));
    const res = await run("to-rl", ["-f", "episodes", "--max-tokens", String(shortest), "--tokenizer", "qwen2.5", input]);
    expect(res.code).toBe(4);
    expect(lines(res.stdout).length).toBe(episodes.filter((e) => tokens(e) <= shortest).length);
    expect(res.stderr).toMatch(/max_tokens: \/: over --max-tokens \d+ with qwen2\.5 \(\d+ tokens at the shortest cut\): an episode is not cut/);
    expect(res.stderr).toMatch(/failed \d+ \(max_tokens: \d+\)/);
  });

  it("usage: both flags or neither, a known tokenizer, a whole number above 0", async () => {
    for (const [args, msg] of [
      [["--max-tokens", "100"], "--max-tokens needs --tokenizer NAME"],
      [["--tokenizer", "qwen2.5"], "--tokenizer is used with --max-tokens N"],
      [["--max-tokens", "100", "--tokenizer", "bert"], "--tokenizer must be one of qwen2.5, qwen3, llama3.1, o200k_base, cl100k_base"],
      [["--max-tokens", "0", "--tokenizer", "qwen2.5"], "--max-tokens must be a whole number of tokens above 0"],
    ] as const) {
      const res = await run("to-sft", [...args, input]);
      expect(res.code, res.stderr).toBe(2);
      expect(res.stderr).toContain(msg);
    }
  });
});
