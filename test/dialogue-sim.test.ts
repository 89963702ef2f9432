import { mkdtempSync, readFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { beforeAll, describe, expect, it } from "vitest";
import { bin, ndjson, run, sh } from "./helpers/spawn.js";

const sim = bin("dialogue-sim");
const personaSample = bin("persona-sample");
const scenarioGen = bin("scenario-gen");
const lines = (s: string) => s.split("\n").filter(Boolean).map((l) => JSON.parse(l));

let scenarios = "";
let personas = "";

beforeAll(async () => {
  const p = await sh(`node ${personaSample} -n 12 --domain travel --seed 4 -q`);
  personas = p.stdout;
  const s = await sh(`node ${personaSample} -n 12 --domain travel --seed 4 -q | node ${scenarioGen} -q`);
  scenarios = s.stdout;
  expect(lines(scenarios)).toHaveLength(12);
});

describe("dialogue-sim (built, through real pipes)", () => {
  it("turns each scenario into a labelled dialogue with real tool results and an outcome", async () => {
    const r = await run(sim, [], scenarios);
    expect(r.code).toBe(0);
    const ds = lines(r.stdout);
    expect(ds).toHaveLength(12);
    for (const d of ds) {
      expect(d.meta).toMatchObject({ engine: "offline", tool: "dialogue-sim", seed: 0 });
      expect(d.tools.length).toBeGreaterThan(0);
      expect(["resolved", "failed", "escalated"]).toContain(d.outcome.resolution);
    }
    // A user may give up before any call is made (a failed scenario); most dialogues call tools.
    expect(ds.filter((d) => d.messages.some((m: { role: string }) => m.role === "tool")).length).toBeGreaterThanOrEqual(9);
    expect(r.stderr).toMatch(/^dialogue-sim: read 12 · written 12 · dropped 0 · failed 0/);
  });

  it("accepts Persona records: the same output as scenario-gen | dialogue-sim", async () => {
    const direct = await run(sim, ["--seed", "4", "-q"], personas);
    const viaPipe = await sh(`printf '%s' '${personas.replace(/'/g, "'\\''")}' | node ${scenarioGen} --seed 4 -q | node ${sim} --seed 4 -q`);
    expect(direct.code).toBe(0);
    expect(direct.stdout).toBe(viaPipe.stdout);
  });

  it("--seed: the same seed gives the same records whatever their order; another seed differs", async () => {
    const a = await run(sim, ["--seed", "7", "-q"], scenarios);
    const c = await run(sim, ["--seed", "8", "-q"], scenarios);
    expect(c.stdout).not.toBe(a.stdout);
    const reversed = scenarios.trim().split("\n").reverse().join("\n") + "\n";
    const r = await run(sim, ["--seed", "7", "-q"], reversed);
    expect(r.stdout.trim().split("\n").reverse()).toEqual(a.stdout.trim().split("\n"));
  });

  it("--failure-rate 0 injects nothing; --failure-rate 1 makes the assistant recover or give up", async () => {
    const none = lines((await run(sim, ["--failure-rate", "0", "-q"], scenarios)).stdout);
    expect(none.flatMap((d) => d.messages.filter((m: { injected?: string }) => m.injected))).toEqual([]);
    const all = lines((await run(sim, ["--failure-rate", "1", "-q"], scenarios)).stdout);
    expect(all).toHaveLength(12);
    const recovery = all.flatMap((d) => d.messages.filter((m: { labels?: { variation?: string } }) => m.labels?.variation === "failure_recovery"));
    expect(recovery.length).toBeGreaterThan(12);
    // The checker's outcome: goal_met is reward 1, and only a met task is resolved (an infeasible or escalation task may be met and still not resolved).
    expect(all.every((d) => d.outcome.goal_met === (d.outcome.reward === 1) && (d.outcome.resolution !== "resolved" || d.outcome.goal_met))).toBe(true);
  });

  it("--domain overrides the records' domain; an unknown one is a usage error", async () => {
    const p = await sh(`node ${personaSample} -n 3 --domain ops --seed 1 -q`);
    const ok = await run(sim, ["--domain", "ops", "-q"], p.stdout);
    expect(ok.code).toBe(0);
    expect(lines(ok.stdout).every((d) => d.domain === "ops")).toBe(true);
    const bad = await run(sim, ["--domain", "nowhere"], p.stdout);
    expect(bad.code).toBe(3);
    expect(bad.stderr).toContain("unknown domain 'nowhere'");
  });

  it("the scenario flags apply to Persona input (--mix, --min-turns, --max-turns, --dates, --home-share)", async () => {
    const args = ["--mix", "resolution=escalated:1", "--min-turns", "3-3", "--max-turns", "6-6", "--dates", "2026-05-01..2026-05-02", "--home-share", "1", "-q"];
    const r = await run(sim, args, personas);
    expect(r.code).toBe(0);
    const ds = lines(r.stdout);
    expect(ds.every((d) => d.scenario.resolution === "escalated" && d.scenario.turns.max === 6)).toBe(true);
    expect(ds.every((d) => d.scenario.time.at.startsWith("2026-05-0"))).toBe(true);
    expect(ds.filter((d) => d.outcome.resolution === "escalated").length).toBeGreaterThan(9);
    const bad = await run(sim, ["--min-turns", "x"], personas);
    expect(bad.code).toBe(2);
  });

  it("--chit-chat and --multi-turn: read back from the records (chit_chat user messages; user messages other than small talk and the goodbye)", async () => {
    const userMsgs = (d: any) => (d.messages as any[]).filter((m) => m.role === "user");
    const requests = (d: any) => userMsgs(d).filter((m) => m.labels.intent !== "chit_chat" && m.labels.intent !== "farewell").length;
    const on = lines((await run(sim, ["--chit-chat", "1", "--multi-turn", "0", "-q"], scenarios)).stdout);
    expect(on).toHaveLength(12);
    for (const d of on) {
      expect(userMsgs(d).filter((m) => m.labels.intent === "chit_chat")).toHaveLength(1);
      expect(requests(d)).toBe(1);
      expect(d.meta).toMatchObject({ chit_chat: 1, multi_turn: 0 });
    }
    const off = lines((await run(sim, ["--chit-chat", "0", "--multi-turn", "1", "-q"], scenarios)).stdout);
    for (const d of off) {
      expect(userMsgs(d).filter((m) => m.labels.intent === "chit_chat")).toHaveLength(0);
      expect(requests(d)).toBeGreaterThan(1);
    }
    for (const flag of ["--chit-chat", "--multi-turn"]) {
      const bad = await run(sim, [flag, "1.5"], "");
      expect(bad.code).toBe(2);
      expect(bad.stderr).toContain(flag);
    }
    // The openai engine's user model decides for itself: the flags are refused there, with the reason.
    const llm = await run(sim, ["--engine", "openai", "--base-url", "http://127.0.0.1:9/v1", "--model", "m", "--chit-chat", "0.5"], scenarios);
    expect(llm.code).toBe(2);
    expect(llm.stderr).toContain("steer the offline engine");
  });

  it("handles empty input", async () => {
    const r = await run(sim, [], "");
    expect(r.code).toBe(0);
    expect(r.stdout).toBe("");
    expect(r.stderr).toMatch(/read 0 · written 0/);
  });

  it("reports a bad line and a record that is neither Scenario nor Persona, and goes on", async () => {
    const first = scenarios.split("\n")[0]!;
    const input = `${first}\n{oops\n${JSON.stringify({ id: "x", goal: { text: "?" } })}\n${JSON.stringify({ id: "y" })}\n`;
    const r = await run(sim, [], input);
    expect(r.code).toBe(3);
    expect(lines(r.stdout)).toHaveLength(1);
    expect(r.stderr).toContain("dialogue-sim: line 2: invalid JSON");
    expect(r.stderr).toContain("line 3: /");
    expect(r.stderr).toMatch(/line 4: .*neither a Scenario/);
  });

  it("--on-error skip and --errors FILE put bad records aside with their reasons", async () => {
    const dir = mkdtempSync(join(tmpdir(), "chatmill-dialogue-sim-"));
    const errors = join(dir, "errors.ndjson");
    const r = await run(sim, ["--on-error", "skip", "--errors", errors], `${ndjson([{ id: "y" }])}${scenarios.split("\n")[0]}\n`);
    expect(r.code).toBe(0);
    expect(lines(r.stdout)).toHaveLength(1);
    const dead = lines(readFileSync(errors, "utf8"));
    expect(dead).toHaveLength(1);
    expect(dead[0]).toMatchObject({ line: 1, id: "y" });
  });

  it("works with | head -1: a closed stdout ends the tool quietly", async () => {
    const r = await sh(`node ${personaSample} -n 200 --domain retail -q | node ${sim} -q | head -1 | wc -l; echo "\${PIPESTATUS[1]}"`);
    expect(r.stdout.trim().split("\n")).toEqual(["1", "0"]);
  });

  it("--help shows examples; --version; --engine openai without a model and bad flag values are usage errors", async () => {
    const h = await run(sim, ["--help"]);
    expect(h.code).toBe(0);
    expect(h.stdout).toContain("--failure-rate");
    expect(h.stdout).toContain("persona-sample -n 1000 --domain retail | scenario-gen | dialogue-sim");
    const v = await run(sim, ["--version"]);
    expect(v.stdout).toMatch(/^dialogue-sim \d+\.\d+\.\d+/);
    const e = await run(sim, ["--engine", "openai"], "");
    expect(e.code).toBe(2);
    expect(e.stderr).toContain("--help");
    const bad = await run(sim, ["--failure-rate", "2"], "");
    expect(bad.code).toBe(2);
  });
});
