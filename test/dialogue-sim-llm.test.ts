// dialogue-sim --engine openai against the project's fake OpenAI-compatible server: valid
// dialogues with real tool calls, injected faults, resume after kills, and the simulator guards.
import { mkdtempSync, readFileSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { Dialogue } from "@chatmill/schema";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { replayMismatches, ungrounded } from "../packages/dialogue-sim/src/testing/replay.js";
import { bin, lines, run, sh } from "./helpers/spawn.js";
import { killWhen } from "../bench/lib/kill-when.js";
import { root, runBin, startFake, type FakeProcess } from "./llm-helpers.js";

type Msg = Record<string, any>;
const sim = bin("dialogue-sim");
const dir = mkdtempSync(join(tmpdir(), "sim-llm-"));
const config = join(dir, "llm.json");
writeFileSync(config, JSON.stringify({ model: "fake", retryBaseMs: 5, retryMaxMs: 40, concurrency: 8 }));
const fakes: FakeProcess[] = [];
let personas = "";

async function fake(args: string[] = []): Promise<FakeProcess> {
  const f = await startFake(args);
  fakes.push(f);
  return f;
}

const llmRun = (f: FakeProcess, args: string[], input = personas) =>
  run(sim, ["--engine", "openai", "--config", config, "--min-turns", "2-2", "--max-turns", "3-3", "-q", ...args], input, { OPENAI_BASE_URL: f.url });

const script = (rules: unknown[]): string => {
  const file = join(dir, `script-${Math.random().toString(36).slice(2)}.ndjson`);
  writeFileSync(file, rules.map((r) => JSON.stringify(r)).join("\n"));
  return file;
};

const userTurn = (message: string, status = "continue") => JSON.stringify({ message, status, intent: "greeting", emotion: "neutral", variation: "none" });

beforeAll(async () => {
  const out: string[] = [];
  for (const d of ["retail", "travel", "ops"]) out.push((await sh(`node ${bin("persona-sample")} -n 2 --domain ${d} --seed 5 -q`)).stdout);
  personas = out.join("");
  expect(lines(personas)).toHaveLength(6);
});

afterAll(async () => {
  await Promise.all(fakes.map((f) => f.stop()));
});

describe("dialogue-sim --engine openai (fake server)", () => {
  it("writes valid dialogues whose tool calls really ran, labelled, with usage in meta", async () => {
    const f = await fake();
    const r = await llmRun(f, []);
    expect(r.code).toBe(0);
    const ds = lines(r.stdout) as Msg[];
    expect(ds).toHaveLength(6);
    for (const d of ds) {
      expect(Dialogue.safeParse(d).success).toBe(true);
      expect(d.meta).toMatchObject({ engine: "openai", models: { user: "fake", assistant: "fake" }, ended_by: "turn_budget" });
      expect(d.meta.usage.requests).toBeGreaterThan(3);
      expect(d.meta.usage.prompt_tokens).toBeGreaterThan(0);
      const ms = d.messages as Msg[];
      expect(ms[0]).toMatchObject({ role: "system" });
      expect(ms.filter((m) => m.role === "user")).toHaveLength(3);
      expect(ms.some((m) => m.role === "tool")).toBe(true);
      for (const m of ms) if (m.role === "user" || m.role === "assistant") expect(m.labels?.intent).toBeTruthy();
      expect(ms[ms.length - 1]).toMatchObject({ role: "assistant" });
      expect(replayMismatches(d.domain, d)).toEqual([]);
      expect(ungrounded(d)).toEqual([]);
      expect(["resolved", "failed", "escalated"]).toContain(d.outcome.resolution);
    }
    // Each request of a fresh run is new: the same body is never sent twice.
    expect((await f.stats()).repeated).toBe(0);
  });

  it("survives 429, 5xx, malformed, cut-off and empty answers: every record once", async () => {
    const f = await fake(["--faults", "429=0.1,500=0.05,503=0.05,malformed=0.03,truncate=0.03,empty=0.03,drop=0.02", "--retry-after", "0.01", "--seed", "3"]);
    const r = await llmRun(f, ["--retries", "8"]);
    expect(r.code).toBe(0);
    const ds = lines(r.stdout) as Msg[];
    expect(ds.map((d) => d.scenario.persona.id).sort()).toEqual((lines(personas) as Msg[]).map((p) => p.id).sort());
    for (const d of ds) expect(Dialogue.safeParse(d).success).toBe(true);
    const s = await f.stats();
    expect(Object.values(s.faults).reduce((a, b) => a + b, 0)).toBeGreaterThan(5);
  });

  it("killed and resumed with --cache: the same output as an uninterrupted run, no request repeated", async () => {
    const args = ["--delay-ms", "15", "--faults", "429=0.05", "--retry-after", "0.01", "--seed", "9"];
    const whole = await llmRun(await fake(args), ["--cache", join(dir, "cache-whole")]);
    expect(whole.code).toBe(0);
    const f = await fake(args);
    const cache = join(dir, "cache-killed");
    // Three kills, each after a few more answers; the first one surely lands mid-run.
    const first = await runKilled(f, cache, 8);
    expect(first.signal ?? first.code).toBeTruthy();
    for (const after of [8, 8]) await runKilled(f, cache, after);
    const done = await llmRun(f, ["--cache", cache]);
    expect(done.code).toBe(0);
    expect(done.stdout).toBe(whole.stdout);
    expect((await f.stats()).repeated).toBe(0);
    // The cache alone replays the run, offline.
    const replay = await run(sim, ["--engine", "openai", "--config", config, "--min-turns", "2-2", "--max-turns", "3-3", "-q", "--cache", cache, "--cache-only"], personas, { OPENAI_BASE_URL: "http://127.0.0.1:9/v1" });
    expect(replay.stdout).toBe(whole.stdout);
  });

  it("sends a user who says goodbye before the assistant did anything back into the conversation", async () => {
    const rules = [{ match: "The chat window is open", times: 1, reply: { content: userTurn("Great, that's all I needed, bye!", "goal_met") } }];
    const f = await fake(["--script", script(rules)]);
    const one = personas.split("\n")[0]! + "\n";
    const r = await llmRun(f, [], one);
    expect(r.code).toBe(0);
    const [d] = lines(r.stdout) as Msg[];
    expect(d!.meta.early_end_nudges).toBe(1);
    const users = (d!.messages as Msg[]).filter((m) => m.role === "user");
    expect(users.map((m) => m.content)).not.toContain("Great, that's all I needed, bye!");
    expect(users).toHaveLength(3);
  });

  it("repairs an empty user message and cleans a role-prefixed, quoted one", async () => {
    const rules = [
      { match: "The chat window is open", times: 1, reply: { content: userTurn("   ") } },
      { matchAny: "Here is what I found", times: 1, reply: { content: userTurn('Customer: "Do you have it in blue?"') } },
    ];
    const f = await fake(["--script", script(rules)]);
    const r = await llmRun(f, [], personas.split("\n")[0]! + "\n");
    expect(r.code).toBe(0);
    const [d] = lines(r.stdout) as Msg[];
    const users = (d!.messages as Msg[]).filter((m) => m.role === "user").map((m) => m.content as string);
    expect(users.every((u) => u.trim().length > 0)).toBe(true);
    expect(users).toContain("Do you have it in blue?");
  });

  it("dead-letters a record whose user model keeps answering nothing, with the reason, and goes on", async () => {
    const all = lines(personas) as Msg[];
    const first = all[0]!;
    // Every record of a persona with that name fails (names may repeat across records).
    const doomed = all.filter((p) => p.name === first.name).length;
    const rules = [{ matchAny: `Your name is ${first.name}.`, reply: { content: userTurn("") } }];
    const f = await fake(["--script", script(rules)]);
    const errors = join(dir, "errors.ndjson");
    const r = await llmRun(f, ["--repairs", "1", "--on-error", "skip", "--errors", errors]);
    expect(r.code).toBe(0);
    expect(lines(r.stdout)).toHaveLength(6 - doomed);
    const dead = lines(readFileSync(errors, "utf8")) as Msg[];
    expect(dead).toHaveLength(doomed);
    expect(JSON.stringify(dead[0])).toContain(first.id);
    expect(JSON.stringify(dead[0])).toMatch(/invalid_output|empty/);
    const strict = await llmRun(await fake(["--script", script(rules)]), ["--repairs", "1"]);
    expect(strict.code).toBe(4);
  });

  it("--context-role assistant: the assistant model sees a context_provider message; the user model does not", async () => {
    const log = join(dir, "requests.ndjson");
    const f = await fake(["--log", log]);
    const r = await llmRun(f, ["--context-role", "assistant"], personas.split("\n")[0]! + "\n");
    expect(r.code).toBe(0);
    const [d] = lines(r.stdout) as Msg[];
    expect(d!.messages[1]).toMatchObject({ role: "assistant", name: "context_provider" });
    expect(d!.messages[1].content).toMatch(/^Context: Local time: /);
    expect(d!.meta.context_role).toBe("assistant");
    const requests = lines(readFileSync(log, "utf8")) as Msg[];
    const withTools = requests.filter((q) => q.body.tools);
    const userSim = requests.filter((q) => !q.body.tools);
    expect(withTools.length).toBeGreaterThan(0);
    expect(withTools.every((q) => q.body.messages.some((m: Msg) => m.name === "context_provider"))).toBe(true);
    expect(userSim.every((q) => !q.body.messages.some((m: Msg) => m.name === "context_provider"))).toBe(true);
    // The assistant never sees the hidden goal.
    expect(withTools.every((q) => !JSON.stringify(q.body.messages).includes("Your goal (secret"))).toBe(true);
  });

  it("sends the pack's policy text as the assistant's system prompt, with the policy's rules", async () => {
    const log = join(dir, "requests-policy.ndjson");
    const f = await fake(["--log", log]);
    const opsPersona = (lines(personas) as Msg[]).find((p) => p.domain === "ops") ?? (lines(personas) as Msg[])[4]!;
    const r = await llmRun(f, ["--domain", "ops"], JSON.stringify(opsPersona) + "\n");
    expect(r.code).toBe(0);
    const policy = readFileSync(join(root, "packages/domains/packs/ops/policy.md"), "utf8").trim();
    const [d] = lines(r.stdout) as Msg[];
    expect(d!.messages[0]).toMatchObject({ role: "system" });
    expect(d!.messages[0].content).toContain(policy);
    const withTools = (lines(readFileSync(log, "utf8")) as Msg[]).filter((q) => q.body.tools);
    expect(withTools.length).toBeGreaterThan(0);
    for (const q of withTools) {
      expect(q.body.messages[0].role).toBe("system");
      expect(q.body.messages[0].content).toContain(policy);
      expect(q.body.messages[0].content).toContain("Before a call of `run_command` that changes anything");
    }
  });

  it("a write the pack wants confirmed is refused without the user's yes, and runs after one", async () => {
    const ops = JSON.stringify((lines(personas) as Msg[]).find((p) => p.domain === "ops") ?? (lines(personas) as Msg[])[4]!) + "\n";
    const say = (message: string, intent: string) => JSON.stringify({ message, status: "continue", intent, emotion: "neutral", variation: "none" });
    const restart = { tool_calls: [{ name: "run_command", arguments: { agent: "web-01", command: "systemctl restart nginx" } }] };
    // The assistant restarts at once: refused, and nothing changes.
    const rash = await fake(["--script", script([
      { match: "The chat window is open", times: 1, reply: { content: say("please restart nginx on web-01", "run_command") } },
      { match: "please restart nginx on web-01", times: 1, reply: restart },
    ])]);
    const a = await llmRun(rash, ["--domain", "ops"], ops);
    expect(a.code).toBe(0);
    const [da] = lines(a.stdout) as Msg[];
    const refused = (da!.messages as Msg[]).filter((m) => m.role === "tool" && m.name === "run_command");
    expect(refused[0]).toMatchObject({ ok: false, error: { type: "confirmation_required" } });
    expect(refused[0]!.error.message).toContain("Tell the user exactly what you will run");
    // The assistant asks, the user says yes, then the call: it runs.
    const careful = await fake(["--script", script([
      { match: "The chat window is open", times: 1, reply: { content: say("please restart nginx on web-01", "run_command") } },
      { match: "please restart nginx on web-01", times: 1, reply: { content: "I'll run `systemctl restart nginx` on web-01. Shall I go ahead?" } },
      { match: "Shall I go ahead?", times: 1, reply: { content: say("yes, go ahead", "confirm") } },
      { match: "yes, go ahead", times: 1, reply: restart },
    ])]);
    const b = await llmRun(careful, ["--domain", "ops"], ops);
    expect(b.code).toBe(0);
    const [db] = lines(b.stdout) as Msg[];
    const ran = (db!.messages as Msg[]).filter((m) => m.role === "tool" && m.name === "run_command");
    expect(ran[0]).toMatchObject({ ok: true });
    expect(JSON.parse(ran[0]!.content)).toMatchObject({ command: "systemctl restart nginx", exit_code: 0 });
    // Both transcripts replay to the same results when the consent is judged from them.
    expect(replayMismatches("ops", da!)).toEqual([]);
    expect(replayMismatches("ops", db!)).toEqual([]);
  });

  it("--tool-format hermes: a model without native tools still makes real calls", async () => {
    const f = await fake(["--tools", "hermes"]);
    const r = await llmRun(f, ["--tool-format", "hermes"], personas.split("\n").slice(2, 4).join("\n") + "\n");
    expect(r.code).toBe(0);
    const ds = lines(r.stdout) as Msg[];
    for (const d of ds) {
      expect((d.messages as Msg[]).some((m) => m.tool_calls?.length)).toBe(true);
      expect(replayMismatches(d.domain, d)).toEqual([]);
    }
  });

  it("a Hindi or Hinglish persona gets a user simulator told to write in it", async () => {
    const log = join(dir, "hi.ndjson");
    const f = await fake(["--log", log]);
    const ps = (lines(personas) as Msg[]).slice(0, 2);
    ps[0]!.language = "hi";
    ps[1]!.language = "mixed";
    const r = await llmRun(f, [], ps.map((p) => JSON.stringify(p)).join("\n") + "\n");
    expect(r.code).toBe(0);
    const systems = (lines(readFileSync(log, "utf8")) as Msg[]).filter((q) => !q.body.tools).map((q) => q.body.messages[0].content as string);
    expect(systems.some((s) => s.includes("Write in Hindi, in Devanagari"))).toBe(true);
    expect(systems.some((s) => s.includes("Write in Hinglish"))).toBe(true);
  });

  it("stops with status 5 and says what to check when the key is refused (401, 403) or nothing answers at the base URL", async () => {
    const refuse = async (status: number, error: string) => fake(["--script", script([{ reply: { status, error } }])]);
    const [denied, forbidden] = await Promise.all([refuse(401, "Incorrect API key provided: sk-abc***xyz"), refuse(403, "This key has no access to the project")]);
    const cases: Array<[string, string, RegExp]> = [
      ["401", denied.url, /dialogue-sim: the server at .* refused the API key \(401 Incorrect API key provided: sk-\[redacted\]\): check OPENAI_API_KEY/],
      ["403", forbidden.url, /refused the API key \(403 This key has no access to the project\): check OPENAI_API_KEY/],
      ["refused", "http://127.0.0.1:9/v1", /cannot reach the server at http:\/\/127\.0\.0\.1:9\/v1 \(connect ECONNREFUSED .*\): check --base-url/],
    ];
    const results = await Promise.all(cases.map(([, url]) => run(sim, ["--engine", "openai", "--config", config, "--retries", "1", "-q"], personas, { OPENAI_BASE_URL: url })));
    results.forEach((r, i) => {
      const [what, , message] = cases[i]!;
      expect(r.code, what).toBe(5);
      expect(r.stderr, what).toMatch(message);
      expect(r.stderr, what).not.toMatch(/internal error/);
    });
  });

  it("without a model or key it is a usage error that says what to set", async () => {
    const r = await run(sim, ["--engine", "openai"], personas, { OPENAI_BASE_URL: "http://127.0.0.1:9/v1" });
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(/--model|CHATMILL_MODEL/);
  });
});

describe("dialogue-sim --context-role (offline engine)", () => {
  it("inline prepends the context to the first user message; system adds a named system message; none adds nothing", async () => {
    const one = personas.split("\n")[0]! + "\n";
    const [inline] = lines((await run(sim, ["--context-role", "inline", "-q"], one)).stdout) as Msg[];
    const [system] = lines((await run(sim, ["--context-role", "system", "-q"], one)).stdout) as Msg[];
    const [none] = lines((await run(sim, ["-q"], one)).stdout) as Msg[];
    const firstUser = (d: Msg) => (d.messages as Msg[]).find((m) => m.role === "user")!;
    expect(firstUser(inline!).content).toMatch(/^Context: Local time: .*\n\n/);
    expect(firstUser(inline!).content).toContain(firstUser(none!).content);
    expect((system!.messages as Msg[]).filter((m) => m.name === "context_provider")).toHaveLength(1);
    expect((none!.messages as Msg[]).some((m) => m.name === "context_provider" || /^Context:/.test(m.content ?? ""))).toBe(false);
    expect(system!.messages.length).toBe(none!.messages.length + 1);
  });

  it("the exporters fold a context message into the system message, so every format still loads", async () => {
    const two = join(dir, "two-personas.ndjson");
    writeFileSync(two, personas.split("\n").slice(0, 2).join("\n") + "\n");
    for (const format of ["openai", "trl", "sharegpt", "hermes"]) {
      const r = await sh(`node ${sim} --context-role assistant -q < ${two} | node ${bin("to-sft")} --format ${format} -q`);
      expect(r.code, r.stderr).toBe(0);
      const rows = lines(r.stdout) as Msg[];
      expect(rows).toHaveLength(2);
      expect(r.stdout).toContain("Context: Local time: ");
      expect(r.stdout).not.toContain("context_provider");
    }
  });
});

/** One run killed with SIGTERM once the server has answered `after` more requests. */
async function runKilled(f: FakeProcess, cache: string, after: number) {
  const base = (await f.stats()).completed;
  const args = ["--engine", "openai", "--config", config, "--min-turns", "2-2", "--max-turns", "3-3", "-q", "--cache", cache];
  return runBin(sim, args, personas, { OPENAI_BASE_URL: f.url }, killWhen(async () => (await f.stats()).completed - base, after));
}
