import { spawnSync } from "node:child_process";
import { mkdtempSync, readFileSync, readdirSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { llmMapBin, records, runBin, startFake, type FakeProcess } from "./llm-helpers.js";

const dir = mkdtempSync(join(tmpdir(), "llm-map-"));
const SECRET = "sk-test-TOPSECRET-4242424242";
let fake: FakeProcess;
let logged: FakeProcess;
const logFile = join(dir, "requests.ndjson");
const fakes: FakeProcess[] = [];

beforeAll(async () => {
  fake = await startFake(["--delay-ms", "5"]);
  logged = await startFake(["--log", logFile]);
  fakes.push(fake, logged);
});
afterAll(async () => {
  await Promise.all(fakes.map((f) => f.stop()));
});

async function extraFake(args: string[]): Promise<FakeProcess> {
  const f = await startFake(args);
  fakes.push(f);
  return f;
}

// Retries wait milliseconds, not the half second a real server deserves, to keep the tests fast.
const fastRetries = join(dir, "fast-retries.json");
writeFileSync(fastRetries, JSON.stringify({ retryBaseMs: 5, retryMaxMs: 50 }));
const map = (args: string[], input: string, env: Record<string, string> = {}) =>
  runBin(llmMapBin, ["--model", "fake", ...(args.includes("--config") ? [] : ["--config", fastRetries]), ...args], input, { OPENAI_API_KEY: SECRET, OPENAI_BASE_URL: fake.url, ...env });
const lines = (text: string) => text.split("\n").filter(Boolean).map((l) => JSON.parse(l) as Record<string, any>);
function lastBodies(n: number): Array<Record<string, any>> {
  return readFileSync(logFile, "utf8").trim().split("\n").slice(-n).map((l) => JSON.parse(l).body);
}
function file(name: string, text: string): string {
  const p = join(dir, name);
  writeFileSync(p, text);
  return p;
}

describe("llm-map", () => {
  it("--help lists the LLM flags and where settings come from, and exit status 5; --version", async () => {
    const help = await runBin(llmMapBin, ["--help"], "");
    expect(help.code).toBe(0);
    for (const flag of ["--prompt", "--prompt-file", "--system", "--field", "--json-schema", "--role", "--no-meta", "--engine", "--base-url", "--api-key", "--model", "--config", "--concurrency", "--rpm", "--tpm", "--timeout", "--retries", "--repairs", "--cache", "--cache-only", "--emit", "--temperature", "--top-p", "--max-tokens", "--param", "--user-model", "--assistant-model", "--writer-model", "--judge-model", "--structured"]) {
      expect(help.stdout).toContain(flag);
    }
    expect(help.stdout).toContain("OPENAI_BASE_URL");
    expect(help.stdout).toMatch(/ 5 {2}configuration or authentication failure/);
    expect((await runBin(llmMapBin, ["--version"], "")).stdout).toMatch(/^llm-map \d+\.\d+\.\d+\n$/);
  });

  it("writes nothing for empty input", async () => {
    const r = await map(["--prompt", "x {{text}}"], "");
    expect(r.code).toBe(0);
    expect(r.stdout).toBe("");
    expect(r.stderr).toMatch(/read 0 · written 0/);
  });

  it("answers each record into --field, in input order, with usage in meta.llm", async () => {
    const r = await map(["--prompt", "Say: {{text}}", "--field", "said", "--concurrency", "8"], records(20));
    expect(r.code).toBe(0);
    const out = lines(r.stdout);
    expect(out.map((o) => o.id)).toEqual(Array.from({ length: 20 }, (_, i) => `r${i}`));
    expect(out[3]!.said).toMatch(/to: Say: item number 3$/);
    expect(out[3]!.meta.llm).toMatchObject({ engine: "openai", models: ["fake"], usage: { calls: 1, prompt_tokens: expect.any(Number), completion_tokens: expect.any(Number) } });
    expect(r.stderr).toMatch(/written 20 .*llm requests 20 · cached 0 · retries 0 · tokens in \d+ · tokens out \d+/);
  });

  it("--emit finished writes records as they finish; ordered (default) keeps input order", async () => {
    const slow = await extraFake(["--script", file("slow.ndjson", `${JSON.stringify({ match: "item number 0", reply: { content: "slow", delayMs: 150 } })}\n`)]);
    const input = records(4);
    const finished = await map(["--prompt", "{{text}}", "--emit", "finished", "--base-url", slow.url], input);
    expect(lines(finished.stdout).map((o) => o.id)).toEqual(["r1", "r2", "r3", "r0"]);
    const ordered = await map(["--prompt", "{{text}}", "--emit", "ordered", "--base-url", slow.url], input);
    expect(lines(ordered.stdout).map((o) => o.id)).toEqual(["r0", "r1", "r2", "r3"]);
  });

  it("reports bad lines and missing fields with their line numbers, and writes the rest (exit 3)", async () => {
    const errors = join(dir, "bad.ndjson");
    const input = `{"id":"a","text":"fine"}\nnot json\n{"id":"b"}\n{"id":"c","text":"also fine"}\n`;
    const r = await map(["--prompt", "{{text}}", "--errors", errors], input);
    expect(r.code).toBe(3);
    expect(lines(r.stdout).map((o) => o.id)).toEqual(["a", "c"]);
    expect(r.stderr).toMatch(/line 2: invalid JSON/);
    expect(r.stderr).toMatch(/line 3: \/text: the prompt uses \{\{text\}\} but the record has no field 'text'/);
    expect(lines(readFileSync(errors, "utf8")).map((e) => [e.line, e.kind])).toEqual([[2, "invalid_json"], [3, "missing_field"]]);
    const skip = await map(["--prompt", "{{text}}", "--on-error", "skip"], input);
    expect(skip.code).toBe(0);
    expect(skip.stderr).not.toMatch(/line 2/);
  });

  it("--max-line-bytes rejects a longer line", async () => {
    const r = await map(["--prompt", "{{text}}", "--max-line-bytes", "40"], `{"id":"a","text":"short"}\n{"id":"b","text":"${"x".repeat(100)}"}\n`);
    expect(r.code).toBe(3);
    expect(lines(r.stdout)).toHaveLength(1);
  });

  it("ends quietly with status 0 when stdout closes early (| head -1)", () => {
    // 50 records of 2 KB: more than a pipe holds, so llm-map really meets the closed pipe.
    const big = Array.from({ length: 50 }, (_, i) => JSON.stringify({ id: `r${i}`, text: `item ${i}`, pad: "x".repeat(2000) })).join("\n");
    const input = file("head.ndjson", `${big}\n`);
    const r = spawnSync("bash", ["-o", "pipefail", "-c", `node ${llmMapBin} --model fake --prompt '{{text}}' --concurrency 4 < ${input} | head -1`], {
      env: { ...process.env, OPENAI_BASE_URL: fake.url, OPENAI_API_KEY: SECRET, CHATMILL_NO_PROGRESS: "1" },
      encoding: "utf8",
    });
    expect(r.status).toBe(0);
    expect(r.stdout.trim().split("\n")).toHaveLength(1);
    expect(r.stderr).toBe("");
  });

  it("rides out 10% 429/5xx, dropped connections and broken JSON: every record out once, none asked twice", async () => {
    const flaky = await extraFake(["--faults", "429=0.04,500=0.03,503=0.03,drop=0.02,malformed=0.02", "--retry-after", "0.01", "--delay-ms", "5"]);
    const r = await map(["--prompt", "{{text}}", "--base-url", flaky.url, "--retries", "10", "--concurrency", "16"], records(60));
    expect(r.code).toBe(0);
    const ids = lines(r.stdout).map((o) => o.id);
    expect(ids).toEqual(Array.from({ length: 60 }, (_, i) => `r${i}`));
    const s = await flaky.stats();
    expect(s.completed).toBe(60);
    expect(s.repeated).toBe(0);
    expect(Object.values(s.faults).reduce((a, b) => a + b, 0)).toBeGreaterThan(0);
    expect(r.stderr).toMatch(/retries [1-9]/);
  });

  it("dead-letters a record whose calls keep failing, with the reason, and goes on (exit 4); never shows the key", async () => {
    const broken = await extraFake(["--script", file("fail.ndjson", `${JSON.stringify({ match: "number 1", reply: { status: 500, error: `upstream said ${SECRET}` } })}\n`), "--retry-after", "0"]);
    const errors = join(dir, "dead.ndjson");
    const r = await map(["--prompt", "{{text}}", "--base-url", broken.url, "--retries", "1", "--errors", errors, "--api-key", SECRET], records(3));
    expect(r.code).toBe(4);
    expect(lines(r.stdout).map((o) => o.id)).toEqual(["r0", "r2"]);
    const dead = lines(readFileSync(errors, "utf8"));
    expect(dead).toHaveLength(1);
    expect(dead[0]).toMatchObject({ id: "r1", line: 2, kind: "server_error", reason: expect.stringMatching(/500 upstream said .*gave up after 2 attempts/) });
    for (const text of [r.stdout, r.stderr, readFileSync(errors, "utf8")]) {
      expect(text).not.toContain("TOPSECRET");
    }
    expect(r.stderr).toMatch(/failed 1 \(server_error: 1\)/);
  });

  it("stops with status 5 and says what to check when the key is refused (401, 403), the model is unknown (404) or nothing answers at --base-url", async () => {
    const refuse = (status: number, error: string) => extraFake(["--script", file(`${status}.ndjson`, `${JSON.stringify({ reply: { status, error } })}\n`)]);
    const [denied, forbidden, unknownModel] = await Promise.all([
      refuse(401, `Incorrect API key provided: ${SECRET}`),
      refuse(403, "This key has no access to the project"),
      refuse(404, "The model 'fake' does not exist"),
    ]);
    const cases: Array<[string, string[], RegExp]> = [
      ["401", ["--base-url", denied.url], /refused the API key \(401 Incorrect API key provided: \[redacted\]\): check OPENAI_API_KEY/],
      ["403", ["--base-url", forbidden.url], /refused the API key \(403 This key has no access to the project\): check OPENAI_API_KEY/],
      ["404", ["--base-url", unknownModel.url], /answered 404 for model 'fake' .*check --model .* and --base-url/],
      ["refused", ["--base-url", "http://127.0.0.1:9/v1", "--retries", "1"], /cannot reach the server at http:\/\/127\.0\.0\.1:9\/v1 \(connect ECONNREFUSED .*2 attempts\): check --base-url/],
    ];
    const results = await Promise.all(cases.map(([, args]) => map(["--prompt", "{{text}}", ...args], records(3))));
    results.forEach((r, i) => {
      const [what, , message] = cases[i]!;
      expect(r.code, what).toBe(5);
      expect(r.stderr, what).toMatch(message);
      expect(r.stderr, what).not.toMatch(/internal error|at .*\.js:\d+/);
      expect(r.stdout, what).toBe("");
      expect(r.stderr + r.stdout).not.toContain("TOPSECRET");
    });
  });

  it("--json-schema stores the parsed object; --structured prompt and servers without response_format work too", async () => {
    const schema = file("label.schema.json", JSON.stringify({ type: "object", properties: { label: { enum: ["pos", "neg"] }, score: { type: "number", minimum: 0, maximum: 1 } }, required: ["label", "score"] }));
    const native = await map(["--prompt", "Label: {{text}}", "--json-schema", schema, "--field", "label"], records(2));
    expect(native.code).toBe(0);
    expect(lines(native.stdout)[0]!.label).toEqual({ label: "pos", score: 0 });
    const noRf = await extraFake(["--reject-response-format"]);
    const fallback = await map(["--prompt", "Label: {{text}}", "--json-schema", schema, "--base-url", noRf.url], records(2));
    expect(fallback.code).toBe(0);
    expect(fallback.stderr).toMatch(/falling back to the schema in the prompt/);
    expect(lines(fallback.stdout)[1]!.answer).toEqual({ label: "pos", score: 0 });
    const prompted = await map(["--prompt", "Label: {{text}}", "--json-schema", schema, "--structured", "prompt", "--base-url", noRf.url], records(1));
    expect(prompted.code).toBe(0);
    expect(prompted.stderr).not.toMatch(/falling back/);
    const nativeOnly = await map(["--prompt", "Label: {{text}}", "--json-schema", schema, "--structured", "native", "--base-url", noRf.url], records(1));
    expect(nativeOnly.code).toBe(4);
    expect(nativeOnly.stderr).toMatch(/not supported/);
  });

  it("repairs cut-off answers up to --repairs times (--max-tokens cuts them)", async () => {
    const ok = await map(["--prompt", "{{text}}", "--max-tokens", "2", "--repairs", "0"], records(1));
    expect(ok.code).toBe(4);
    expect(ok.stderr).toMatch(/cut off at the token limit/);
    const trunc = await extraFake(["--faults", "truncate=0.5", "--seed", "2"]);
    const fixed = await map(["--prompt", "{{text}}", "--base-url", trunc.url, "--repairs", "5"], records(10));
    expect(fixed.code).toBe(0);
    expect(lines(fixed.stdout)).toHaveLength(10);
  });

  it("sends the settings from --config, flags over it, and per-role models", async () => {
    const config = file("llm.json", JSON.stringify({ model: "cfg-model", temperature: 0.9, top_p: 0.5, params: { top_k: 50 }, roles: { writer: { temperature: 0.2, max_tokens: 300, params: { repetition_penalty: 1.1 } }, user: { model: "cfg-user" } } }));
    const env = { OPENAI_BASE_URL: logged.url };
    // Independent runs at once; each sends its own text, so its request is found in the log by it.
    const runs: Array<[string, string[], Record<string, string>]> = [
      ["file", ["--config", config], env],
      ["flags", ["--config", config, "--temperature", "0.4", "--top-p", "0.8", "--param", "min_p=0.05", "--param", "top_k=40", "--writer-model", "flag-writer"], { ...env, CHATMILL_MODEL: "env-model" }],
      ["env-model", ["--config", config], { ...env, CHATMILL_MODEL: "env-model" }],
      ["role-file", ["--config", config, "--role", "user"], env],
      ["role-flag", ["--config", config, "--role", "user", "--user-model", "u2"], env],
      ["judge", ["--config", config, "--role", "judge", "--judge-model", "judge-m"], env],
      ["assistant", ["--config", config, "--role", "assistant", "--assistant-model", "assistant-m"], env],
      ["base-url", ["-m", "x", "--base-url", logged.url], { OPENAI_BASE_URL: "http://127.0.0.1:9/v1" }],
    ];
    const results = await Promise.all(runs.map(([name, args, e]) => runBin(llmMapBin, [...args, "--prompt", "{{text}}"], `{"text":"run ${name}"}\n`, e)));
    results.forEach((r, i) => expect(r.code, runs[i]![0]).toBe(0));
    const bodies = new Map(readFileSync(logFile, "utf8").trim().split("\n").map((l) => JSON.parse(l).body).map((b) => [String(b.messages.at(-1).content).replace("run ", ""), b]));
    expect(bodies.get("file")).toMatchObject({ model: "cfg-model", temperature: 0.2, top_p: 0.5, max_tokens: 300, top_k: 50, repetition_penalty: 1.1, seed: expect.any(Number) });
    expect(bodies.get("flags")).toMatchObject({ model: "flag-writer", temperature: 0.4, top_p: 0.8, min_p: 0.05, top_k: 40, repetition_penalty: 1.1 });
    expect(bodies.get("env-model")!.model).toBe("env-model");
    expect(bodies.get("role-file")!.model).toBe("cfg-user");
    expect(bodies.get("role-flag")!.model).toBe("u2");
    expect(bodies.get("judge")!.model).toBe("judge-m");
    expect(bodies.get("assistant")!.model).toBe("assistant-m");
    expect(bodies.get("base-url")!.model).toBe("x");
  });

  it("--system, --prompt-file, {{json}}, --no-meta and --seed shape the request", async () => {
    const promptFile = file("prompt.txt", "Record: {{json}} / id {{json:id}}");
    const env = { OPENAI_BASE_URL: logged.url };
    const r = await runBin(llmMapBin, ["-m", "m", "--prompt-file", promptFile, "--system", "You label {{id}}.", "--no-meta"], `{"id":"x1","text":"t"}\n`, env);
    expect(r.code).toBe(0);
    expect(lines(r.stdout)[0]!.meta).toBeUndefined();
    const body = lastBodies(1)[0]!;
    expect(body.messages).toEqual([{ role: "system", content: "You label x1." }, { role: "user", content: 'Record: {"id":"x1","text":"t"} / id "x1"' }]);
    await runBin(llmMapBin, ["-m", "m", "--prompt-file", promptFile, "--seed", "7"], `{"id":"x1","text":"t"}\n`, env);
    expect(lastBodies(1)[0]!.seed).not.toBe(body.seed);
  });

  it("--concurrency caps the requests in flight; --rpm, --tpm and --timeout are honoured", async () => {
    const paced = await extraFake(["--delay-ms", "20"]);
    const one = await map(["--prompt", "{{text}}", "--base-url", paced.url, "--concurrency", "1"], records(5));
    expect(one.code).toBe(0);
    expect((await paced.stats()).maxInFlight).toBe(1);
    const limited = await map(["--prompt", "{{text}}", "--base-url", paced.url, "--concurrency", "3", "--rpm", "6000", "--tpm", "1000000"], records(12, "q"));
    expect(limited.code).toBe(0);
    expect((await paced.stats()).maxInFlight).toBeLessThanOrEqual(3);
    const late = await extraFake(["--script", file("late.ndjson", `${JSON.stringify({ match: "number 0", times: 1, reply: { content: "late", delayMs: 3000 } })}\n`)]);
    const t = await map(["--prompt", "{{text}}", "--base-url", late.url, "--timeout", "0.5"], records(1));
    expect(t.code).toBe(0);
    expect(lines(t.stdout)[0]!.answer).toMatch(/^fake reply/);
    expect(t.stderr).toMatch(/retries [1-9]/);
  });

  it("aborts a request it gives up on after --timeout: the server never has more than --concurrency open", async () => {
    // A third of the answers take 3 s; the client gives up after 0.4 s and asks again. Were the
    // abandoned requests left open, the server would hold them beside the retries.
    const slow = await extraFake(["--delay-ms", "10", "--faults", "slow=0.3", "--slow-ms", "3000", "--seed", "3"]);
    const r = await map(["--prompt", "{{text}}", "--base-url", slow.url, "--concurrency", "4", "--timeout", "0.4", "--retries", "8"], records(30));
    expect(r.code, r.stderr).toBe(0);
    expect(lines(r.stdout)).toHaveLength(30);
    const st = await slow.stats();
    expect(st.faults.slow).toBeGreaterThan(4);
    // Every slow request was given up on, and the server saw it go: not one was answered.
    expect(st.aborted).toBe(st.faults.slow);
    expect(st.maxInFlight).toBeLessThanOrEqual(4);
    expect(st.maxInFlight).toBeGreaterThan(1);
  });

  it("--cache replays without requests; --cache-only replays offline", async () => {
    const cache = join(dir, "cache");
    const counted = await extraFake([]);
    const first = await map(["--prompt", "{{text}}", "--base-url", counted.url, "--cache", cache], records(5));
    expect(first.code).toBe(0);
    expect((await counted.stats()).requests).toBe(5);
    expect(readdirSync(cache).length).toBeGreaterThan(0);
    const second = await map(["--prompt", "{{text}}", "--base-url", counted.url, "--cache", cache], records(5));
    expect(second.stdout).toBe(first.stdout);
    expect((await counted.stats()).requests).toBe(5);
    expect(second.stderr).toMatch(/llm requests 0 · cached 5/);
    const offline = await map(["--prompt", "{{text}}", "--base-url", "http://127.0.0.1:9/v1", "--cache", cache, "--cache-only"], records(6));
    expect(offline.code).toBe(4);
    expect(offline.stdout).toBe(first.stdout);
    expect(offline.stderr).toMatch(/not in the --cache directory/);
  });

  it("--quiet prints nothing but errors", async () => {
    const r = await map(["--prompt", "{{text}}", "--quiet"], records(2));
    expect(r.code).toBe(0);
    expect(r.stderr).toBe("");
  });

  it("refuses bad usage with status 2 and says what to do; a missing API key is status 5", async () => {
    const cases: Array<[string[], RegExp]> = [
      [[], /no prompt/],
      [["--prompt", "a", "--prompt-file", "b"], /not both/],
      [["--prompt", "{{}}"], /empty placeholder/],
      [["--prompt", "x", "--engine", "offline"], /no offline engine/],
      [["--prompt", "x", "--cache-only"], /--cache-only needs --cache/],
      [["--prompt", "x", "--config", join(dir, "nope.json")], /cannot read --config/],
      [["--prompt", "x", "--json-schema", join(dir, "nope.json")], /cannot read --json-schema/],
      [["--prompt", "x", "--emit", "random"], /--emit must be one of ordered, finished/],
      [["--prompt", "x", "--param", "novalue"], /KEY=VALUE/],
      [["--prompt", "x", "--base-url", "localhost:8000/v1"], /the base URL 'localhost:8000\/v1' is not an http:\/\/ or https:\/\/ URL/],
    ];
    const results = await Promise.all(cases.map(([args]) => map(args, "")));
    results.forEach((r, i) => {
      expect(r.code, cases[i]![0].join(" ")).toBe(2);
      expect(r.stderr).toMatch(cases[i]![1]);
    });
    const noModel = await runBin(llmMapBin, ["--prompt", "x", "--base-url", fake.url], "");
    expect(noModel.code).toBe(2);
    expect(noModel.stderr).toMatch(/no model for the writer role: pass --model/);
    const noKey = await runBin(llmMapBin, ["--prompt", "x", "-m", "gpt-4o-mini"], "");
    expect(noKey.code).toBe(5);
    expect(noKey.stderr).toMatch(/^llm-map: no API key for api.openai.com: set OPENAI_API_KEY/);
  });
});
