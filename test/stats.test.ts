import { existsSync, mkdtempSync, readFileSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { lines, ndjson, run, runHead } from "./dedup-run.js";
import { dialogue, persona, scenario } from "./stats-fixtures.js";

const dir = mkdtempSync(join(tmpdir(), "stats-test-"));
const dialogues = Array.from({ length: 30 }, (_, i) => dialogue(i));

describe.concurrent("stats (built bin, real pipes)", () => {
  it("reports the seed metrics of dialogues", async () => {
    const res = await run("stats", [], ndjson(dialogues));
    expect(res.code, res.stderr).toBe(0);
    const [r] = lines(res.stdout) as any[];
    const d = r.dialogues;
    expect(r.records).toEqual({ total: 30, dialogue: 30 });
    expect(d.count).toBe(30);
    expect(d.success).toEqual({ with_outcome: 30, goal_met: 15, rate: 0.5, mean_reward: 0.625 });
    // outcome: i%4==0 → failed, else the planned resolution (i%3).
    const reached: Record<string, number> = {};
    for (let i = 0; i < 30; i++) {
      const res = i % 4 === 0 ? "failed" : ["resolved", "failed", "escalated"][i % 3]!;
      reached[res] = (reached[res] ?? 0) + 1;
    }
    expect(d.resolution.reached).toEqual(reached);
    expect(d.resolution.planned).toEqual({ resolved: 10, failed: 10, escalated: 10 });
    // 10 dialogues call get_reviews, which fails; 6 call an unknown tool.
    expect(d.tools.by_name.search_items).toEqual({ calls: 30, failures: 0, failure_rate: 0 });
    expect(d.tools.by_name.get_reviews).toEqual({ calls: 10, failures: 10, failure_rate: 1 });
    expect(d.tools.calls).toBe(46);
    expect(d.tools.failure_rate).toBe(0.25);
    expect(d.tool_format).toMatchObject({ calls_checked: 46, valid: 40, problems: { unknown_tool: 6 } });
    expect(d.intents.assistant).toMatchObject({ search: 30, recommend: 30, clarify: 10 });
    expect(d.intents.user.search).toBe(6);
    expect(d.variations).toEqual({ hesitation: 10 });
    expect(d.turns.min).toBe(3);
    expect(d.turns.max).toBe(7);
    // Even dialogues recommend the red Zara dress at $39 (aligned, has an image); odd ones a blue $89 Mango one.
    expect(d.persona_alignment.budget).toEqual({ checked: 30, within: 15, rate: 0.5 });
    expect(d.persona_alignment.preferences).toEqual({ checked: 30, matched: 15, rate: 0.5 });
    expect(d.persona_alignment.aligned.rate).toBe(0.5);
    expect(d.multimodal_grounding).toMatchObject({ recommendations: 30, with_image: 15, rate: 0.5 });
    expect(d.vocabulary.distinct_1).toBeGreaterThan(0);
    expect(d.vocabulary.distinct_1).toBeLessThan(1);
    expect(d.vocabulary.distinct_2).toBeGreaterThan(d.vocabulary.distinct_1);
    const grid = r.scenarios.grid;
    expect(r.scenarios.count).toBe(30);
    expect(grid.dimensions.region.distinct).toBe(6);
    expect(grid.cells_possible).toBe(2 * 4 * 6 * 4 * 3);
    expect(grid.cells_observed).toBeGreaterThan(1);
    expect(grid.coverage).toBeCloseTo(grid.cells_observed / grid.cells_possible, 3);
    expect(grid.normalized_entropy).toBeGreaterThan(0);
    expect(r.personas.count).toBe(30);
  });

  it("reads personas and scenarios on their own, and counts other records", async () => {
    const input = ndjson([persona(1), persona(2), scenario(3), { id: "x", foo: 1 }]);
    const res = await run("stats", ["--pretty"], input);
    expect(res.code).toBe(0);
    expect(res.stdout.split("\n").length).toBeGreaterThan(10);
    const r = JSON.parse(res.stdout);
    expect(r.records).toEqual({ total: 4, persona: 2, scenario: 1, other: 1 });
    expect(r.personas.count).toBe(3);
    expect(r.scenarios.count).toBe(1);
    expect(r.dialogues.count).toBe(0);
    expect(r.dialogues.success.rate).toBeNull();
  });

  it("empty input gives an empty report and status 0", async () => {
    const res = await run("stats", [], "");
    expect(res.code).toBe(0);
    expect(JSON.parse(res.stdout).records).toEqual({ total: 0 });
  });

  it("reports a bad line with its number and exits 3; --on-error skip and --errors", async () => {
    const input = `${JSON.stringify(dialogues[0])}\nnot json\n`;
    const bad = await run("stats", [], input);
    expect(bad.code).toBe(3);
    expect(bad.stderr).toMatch(/line 2: invalid JSON/);
    expect(JSON.parse(bad.stdout).dialogues.count).toBe(1);
    const errors = join(dir, "errors.ndjson");
    const skip = await run("stats", ["--on-error", "skip", "--errors", errors, "--quiet"], input);
    expect(skip.code).toBe(0);
    expect(skip.stderr).toBe("");
    expect(lines(readFileSync(errors, "utf8"))[0]).toMatchObject({ line: 2, kind: "invalid_json" });
  });

  it("--html writes a self-contained page with charts; --title names it", async () => {
    const html = join(dir, "report.html");
    const res = await run("stats", ["--html", html, "--title", "Week 12 data"], ndjson(dialogues));
    expect(res.code).toBe(0);
    const page = readFileSync(html, "utf8");
    expect(page).toContain("<title>Week 12 data</title>");
    expect((page.match(/<svg /g) ?? []).length).toBeGreaterThanOrEqual(10);
    expect(page).not.toMatch(/<script|https?:\/\/(?!www\.w3\.org)/);
  });

  it("--per-dialogue FILE: each dialogue's context retention, persona adaptation and text-shaped calls, for jq; both in the report and the page", async () => {
    const per = join(dir, "per.ndjson");
    const html = join(dir, "metrics.html");
    const forgetful = {
      id: "forgetful",
      messages: [
        { role: "user", content: "A hotel in the north, cheap please" },
        { role: "assistant", content: "", tool_calls: [{ id: "c1", name: "find_hotel", arguments: { area: "north", price: "cheap" } }] },
        { role: "tool", tool_call_id: "c1", name: "find_hotel", content: "[]" },
        { role: "user", content: "with parking" },
        { role: "assistant", content: "", tool_calls: [{ id: "c2", name: "find_hotel", arguments: { parking: "yes" } }] },
        { role: "tool", tool_call_id: "c2", name: "find_hotel", content: "[]" },
        { role: "assistant", content: 'On it: {"action": "book_hotel", "name": "Acorn"}' },
      ],
    };
    const res = await run("stats", ["--per-dialogue", per, "--html", html], ndjson([...dialogues.slice(0, 3), forgetful]));
    expect(res.code, res.stderr).toBe(0);
    const rows = lines(readFileSync(per, "utf8")) as any[];
    expect(rows.map((r) => r.id)).toEqual([...dialogues.slice(0, 3).map((d) => d.id), "forgetful"]);
    // One answered pair: "with parking" (casual: lower case, 1/3; calm; terse) and the text-shaped reply (0.5; calm; terse).
    expect(rows[3]).toEqual({
      id: "forgetful",
      context_retention: { kept: 0, dropped: 2, reasked: 0, value: 0 },
      persona_adaptation: { pairs: 1, formality: 0.833, energy: 1, length: 1, value: 0.944 },
      text_tool_calls: 1,
    });
    const d = (lines(res.stdout)[0] as any).dialogues;
    expect(d.tool_format.problems.call_written_as_text).toBe(1);
    expect(d.context_retention.dropped).toBeGreaterThanOrEqual(2);
    expect(d.persona_adaptation.dialogues_measured).toBe(4);
    expect(readFileSync(html, "utf8")).toContain("Context retention");
    expect(readFileSync(html, "utf8")).toContain("Persona adaptation");
  });

  it("| head -1 ends quietly with status 0; --help, --version, bad flag", async () => {
    const f = join(dir, "d.ndjson");
    writeFileSync(f, ndjson(dialogues));
    const head = await runHead("stats", [], f);
    expect(head.stderr).toContain("status=0");
    expect(JSON.parse(head.stdout).dialogues.count).toBe(30);
    const help = await run("stats", ["--help"]);
    expect(help.code).toBe(0);
    expect(help.stdout).toContain("Examples:");
    expect(help.stdout).toContain("--html FILE");
    expect((await run("stats", ["--version"])).stdout).toMatch(/^stats \d+\.\d+\.\d+/);
    const badFlag = await run("stats", ["--nope"]);
    expect(badFlag.code).toBe(2);
    expect(badFlag.stderr).toContain("unknown option '--nope'");
    expect(existsSync(f)).toBe(true);
  });
  it("--tokenizer: token lengths per exported file, whatever the row shape, in the JSON and in --html", async () => {
    const say = (k: number) => Array.from({ length: k }, () => "hello world").join(" ");
    const tools = [{ type: "function", function: { name: "search", description: "Search.", parameters: { type: "object", properties: { q: { type: "string" } } } } }];
    const sft = Array.from({ length: 20 }, (_, k) => ({ messages: [{ role: "user", content: say(k + 1) }, { role: "assistant", content: "ok" }], tools }));
    const dpo = Array.from({ length: 5 }, (_, k) => ({ prompt: [{ role: "user", content: say(k + 1) }], chosen: [{ role: "assistant", content: "ok" }], rejected: [{ role: "assistant", content: "no" }], tools }));
    const rl = [{ state: { messages: [{ role: "user", content: say(3) }] }, action: { tool_calls: [{ tool: "search", args: { q: "x" } }], response: "" }, reward: 1, next_state: {} }];
    const files = { "sft.jsonl": sft, "dpo.jsonl": dpo, "rl.jsonl": rl };
    for (const [name, rows] of Object.entries(files)) writeFileSync(join(dir, name), ndjson(rows));
    const page = join(dir, "tokens.html");
    const res = await run("stats", ["--tokenizer", "cl100k_base", "--html", page, ...Object.keys(files).map((f) => join(dir, f))]);
    expect(res.code, res.stderr).toBe(0);
    const t = (lines(res.stdout)[0] as any).tokens;
    expect(t.tokenizer).toBe("cl100k_base");
    const f = (name: string) => t.files[join(dir, name)];
    expect([f("sft.jsonl").rows, f("sft.jsonl").shapes]).toEqual([20, { sft: 20 }]);
    expect(f("dpo.jsonl").shapes).toEqual({ dpo: 5 });
    expect(f("rl.jsonl").shapes).toEqual({ rl: 1 });
    // Row k+1 is 2 tokens longer than row k ("hello", " world"): p50 is the 10th row, max the 20th.
    const s = f("sft.jsonl").tokens;
    expect(s.max - s.min).toBe(38);
    expect(s.p50).toBe(s.min + 18);
    const html = readFileSync(page, "utf8");
    expect(html).toContain("Token lengths (cl100k_base");
    expect(html).toContain(`p50 ${s.p50} · p90 ${s.p90} · p95 ${s.p95} · p99 ${s.p99} · max ${s.max} tokens`);
    const bad = await run("stats", ["--tokenizer", "bert"], ndjson(sft));
    expect(bad.code).toBe(2);
    expect(bad.stderr).toContain("--tokenizer must be one of qwen2.5, qwen3, llama3.1, o200k_base, cl100k_base");
  });
});
