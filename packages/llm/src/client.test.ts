import { mkdtempSync, readdirSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { Context, type ParsedValue } from "@chatmill/kit";
import { startFakeLlm, type FakeLlm, type FakeLlmOptions } from "@chatmill/fake-llm";
import { afterEach, describe, expect, it } from "vitest";
import { z } from "zod";
import { Llm } from "./client.js";
import { resolveConfig } from "./config.js";
import { LlmError, LlmConfigError } from "./errors.js";
import type { ToolDefinition } from "./messages.js";

const servers: FakeLlm[] = [];
afterEach(async () => {
  await Promise.all(servers.splice(0).map((s) => s.close()));
});

async function setup(fake: FakeLlmOptions = {}, values: Record<string, ParsedValue> = {}, extra: Record<string, unknown> = {}) {
  const server = await startFakeLlm({ retryAfter: 0.01, ...fake });
  servers.push(server);
  const ctx = new Context({ seed: 1 });
  const config = { ...resolveConfig({ model: "fake", "base-url": server.url, ...values }, {}), retryBaseMs: 2, retryMaxMs: 20, ...extra };
  const llm = new Llm(config, ctx, { signals: false });
  return { server, ctx, llm };
}

const ask = (text: string) => [{ role: "user" as const, content: text }];

const tools: ToolDefinition[] = [
  { type: "function", function: { name: "search_items", description: "search", parameters: { type: "object", properties: { query: { type: "string" }, max_price: { type: "number" } }, required: ["query"] } } },
  { type: "function", function: { name: "get_item_details", parameters: { type: "object", properties: { item_id: { type: "string" } }, required: ["item_id"] } } },
];

describe("Llm.chat", () => {
  it("sends the role's settings and extra parameters, and counts usage per record and in total", async () => {
    const { llm, server, ctx } = await setup({}, { temperature: 0.3, param: ["top_k=40"] }, { prices: { fake: { input: 1, output: 2 } } });
    const a = await llm.chat("writer", { messages: ask("hello") }, { recordId: "r1" });
    expect(a.content).toMatch(/^fake reply [0-9a-f]{8} to: hello$/);
    expect(a.finishReason).toBe("stop");
    expect(server.stats().completed).toBe(1);
    const meta = llm.takeMeta("r1")!;
    expect(meta).toMatchObject({ engine: "openai", models: ["fake"], usage: { calls: 1, prompt_tokens: a.usage.prompt_tokens, completion_tokens: a.usage.completion_tokens } });
    expect(meta.usage.cost_usd).toBeCloseTo((a.usage.prompt_tokens + 2 * a.usage.completion_tokens) / 1e6, 10);
    expect(llm.takeMeta("r1")).toBeUndefined();
    expect(ctx.counters.notes.get("llm requests")).toBe(1);
    expect(ctx.counters.notes.get("tokens out")).toBe(a.usage.completion_tokens);
    expect(ctx.counters.notes.has("cost $")).toBe(true);
  });

  it("gives each record its own seed, reproducibly", async () => {
    const log = join(mkdtempSync(join(tmpdir(), "llm-log-")), "req.ndjson");
    const { llm } = await setup({ log });
    const x = await llm.chat("writer", { messages: ask("same") }, { recordId: "a" });
    const y = await llm.chat("writer", { messages: ask("same") }, { recordId: "b" });
    const x2 = await llm.chat("writer", { messages: ask("same") }, { recordId: "a" });
    expect(x.content).toBe(x2.content);
    const { readFileSync } = await import("node:fs");
    const bodies = readFileSync(log, "utf8").trim().split("\n").map((l) => JSON.parse(l).body);
    expect(bodies).toHaveLength(3);
    expect(bodies[0].seed).toBe(bodies[2].seed);
    expect(bodies[0].seed).not.toBe(bodies[1].seed);
    expect(y).toBeDefined();
  });

  it("sends a fixed seed, or none with seed: false", async () => {
    const log = join(mkdtempSync(join(tmpdir(), "llm-log-")), "req.ndjson");
    const { llm } = await setup({ log }, {}, { defaults: { model: "fake", seed: 42 } });
    await llm.chat("writer", { messages: ask("a") }, { recordId: "x" });
    const none = new Llm({ ...llm.config, defaults: { model: "fake", seed: false } }, new Context(), { signals: false });
    await none.chat("writer", { messages: ask("b") }, { recordId: "x" });
    const { readFileSync } = await import("node:fs");
    const bodies = readFileSync(log, "utf8").trim().split("\n").map((l) => JSON.parse(l).body);
    expect(bodies[0].seed).toBe(42);
    expect("seed" in bodies[1]).toBe(false);
  });

  it("retries 429, 500, 503, dropped connections and broken JSON until an answer comes", async () => {
    const { llm, server, ctx } = await setup({ faults: { "429": 0.2, "500": 0.1, "503": 0.1, drop: 0.1, malformed: 0.1 }, seed: 3 }, { retries: 20 });
    const answers = await Promise.all(Array.from({ length: 40 }, (_, i) => llm.chat("writer", { messages: ask(`q${i}`) }, { recordId: `r${i}` })));
    expect(answers).toHaveLength(40);
    const s = server.stats();
    expect(s.completed).toBe(40);
    expect(s.repeated).toBe(0);
    expect(s.requests).toBeGreaterThan(40);
    expect(ctx.counters.notes.get("retries")).toBe(s.requests - 40);
  });

  it("gives up after --retries with the reason, and says what to do", async () => {
    const { llm, ctx } = await setup({ faults: { "429": 1 } }, { retries: 2 });
    const err = await llm.chat("writer", { messages: ask("x") }).catch((e: unknown) => e);
    expect(err).toBeInstanceOf(LlmError);
    expect((err as LlmError).kind).toBe("rate_limited");
    expect((err as Error).message).toMatch(/429 .*gave up after 3 attempts; raise --retries/);
    expect(ctx.counters.notes.get("failed calls")).toBe(1);
    expect(llm.limiter.lowest).toBeLessThan(16);
  });

  it("retries a request that times out", async () => {
    const { llm, server } = await setup({ script: [{ match: "slow", times: 1, reply: { content: "late", delayMs: 400 } }] }, { timeout: 0.1 });
    const a = await llm.chat("writer", { messages: ask("slow one") });
    expect(a.content).toMatch(/fake reply/);
    expect(server.stats().requests).toBe(2);
  });

  it("repairs cut-off, empty and refused answers with a prompt, then fails with the reason", async () => {
    const { llm } = await setup({
      script: [
        { match: "cut", times: 1, reply: { content: "half an ans", finish_reason: "length" } },
        { match: "empty", times: 1, reply: { content: "" } },
        { match: "refuse", times: 1, reply: { content: null, refusal: "I can't." } },
        { matchAny: "never", reply: { content: "" } },
      ],
    });
    expect((await llm.chat("writer", { messages: ask("cut") })).content).toMatch(/to: Your previous reply could not be used: your reply was cut off/);
    expect((await llm.chat("writer", { messages: ask("empty") })).content).toMatch(/was empty/);
    expect((await llm.chat("writer", { messages: ask("refuse") })).content).toMatch(/you refused/);
    const err = await llm.chat("writer", { messages: ask("never") }).catch((e: unknown) => e);
    expect(err).toBeInstanceOf(LlmError);
    expect((err as LlmError).kind).toBe("invalid_output");
    // repair: false takes the answer as it is
    expect((await llm.chat("writer", { messages: ask("never") }, { repair: false })).content).toBe("");
  });

  it("estimates usage when the server sends none", async () => {
    const { llm } = await setup({ noUsage: true });
    await llm.chat("writer", { messages: ask("hello there") }, { recordId: "r" });
    expect(llm.takeMeta("r")!.usage).toMatchObject({ calls: 1, estimated: true });
  });

  it("stops the run when the server redirects, and when nothing ever answered at the address; a server lost mid-run only fails the record", async () => {
    const { llm: moved } = await setup({ script: [{ reply: { status: 308, error: "moved", headers: { location: "https://elsewhere.example/v1/chat/completions" } } }] });
    const redirect = await moved.chat("writer", { messages: ask("x") }).catch((e: unknown) => e);
    expect(redirect).toBeInstanceOf(LlmConfigError);
    expect((redirect as Error).message).toMatch(/answered 308 redirected to https:\/\/elsewhere.example\/v1\/chat\/completions: pass the address it redirects to as --base-url/);

    const nobody = new Llm({ ...resolveConfig({ model: "m", "base-url": "http://127.0.0.1:9/v1", retries: 1 }, {}), retryBaseMs: 2, retryMaxMs: 5 }, new Context(), { signals: false });
    const unreachable = await nobody.chat("writer", { messages: ask("x") }).catch((e: unknown) => e);
    expect(unreachable).toBeInstanceOf(LlmConfigError);
    expect((unreachable as Error).message).toMatch(/cannot reach the server at http:\/\/127.0.0.1:9\/v1 \(connect ECONNREFUSED .*; 2 attempts\): check --base-url/);

    // Once the server has answered, a refused connection is its trouble, not the settings': the record fails, the run goes on.
    const lost = await startFakeLlm();
    const llm = new Llm({ ...resolveConfig({ model: "m", "base-url": lost.url, retries: 1 }, {}), retryBaseMs: 2, retryMaxMs: 5 }, new Context(), { signals: false });
    await llm.chat("writer", { messages: ask("first") });
    llm.close();
    await lost.close();
    const later = await llm.chat("writer", { messages: ask("second") }).catch((e: unknown) => e);
    expect(later).toBeInstanceOf(LlmError);
    expect(later).not.toBeInstanceOf(LlmConfigError);
    expect((later as LlmError).kind).toBe("connection");
  });

  it("stops the run on a refused key, without showing the key", async () => {
    const key = "sk-test-SUPERSECRET-0123456789";
    const server = await startFakeLlm({ script: [{ reply: { status: 401, error: `Incorrect API key provided: ${key}` } }] });
    servers.push(server);
    const llm = new Llm({ ...resolveConfig({ model: "m", "base-url": server.url, "api-key": key }, {}) }, new Context(), { signals: false });
    const err = await llm.chat("writer", { messages: ask("x") }).catch((e: unknown) => e);
    expect(err).toBeInstanceOf(LlmConfigError);
    expect((err as Error).message).toMatch(/refused the API key.*check OPENAI_API_KEY/);
    expect((err as Error).message).not.toContain("SUPERSECRET");
  });

  it("does not show the key in a rejected request's error either", async () => {
    const key = "local-key-ABCDEFGH";
    const server = await startFakeLlm({ script: [{ reply: { status: 400, error: `bad request with key ${key}` } }] });
    servers.push(server);
    const llm = new Llm(resolveConfig({ model: "m", "base-url": server.url, "api-key": key }, {}), new Context(), { signals: false });
    const err = (await llm.chat("writer", { messages: ask("x") }).catch((e: unknown) => e)) as LlmError;
    expect(err.kind).toBe("bad_request");
    expect(err.message).not.toContain(key);
  });
});

describe("the cache", () => {
  it("replays answers without a request, and asks one in-flight request for identical calls", async () => {
    const dir = mkdtempSync(join(tmpdir(), "llm-cache-"));
    const { llm, server, ctx } = await setup({ delayMs: 20 }, { cache: dir });
    const [a, b] = await Promise.all([llm.chat("writer", { messages: ask("one") }), llm.chat("writer", { messages: ask("one") })]);
    expect(a).toEqual(b);
    expect(server.stats().requests).toBe(1);
    const again = new Llm({ ...llm.config }, new Context(), { signals: false });
    expect(await again.chat("writer", { messages: ask("one") })).toEqual(a);
    expect(server.stats().requests).toBe(1);
    expect(ctx.counters.notes.get("cached")).toBe(1);
    expect(readdirSync(dir).length).toBe(1);
    // offline replay: a cached answer comes back, a missing one fails the call
    const offline = new Llm({ ...llm.config, cacheOnly: true, baseURL: "http://127.0.0.1:9/v1" }, new Context(), { signals: false });
    expect((await offline.chat("writer", { messages: ask("one") })).content).toBe(a.content);
    const miss = (await offline.chat("writer", { messages: ask("two") }).catch((e: unknown) => e)) as LlmError;
    expect(miss.kind).toBe("cache_miss");
  });
});

describe("Llm.json", () => {
  const Label = z.object({ label: z.enum(["positive", "negative"]), confidence: z.number().min(0).max(1), reasons: z.array(z.string()) });

  it("asks with response_format json_schema and validates the answer", async () => {
    const log = join(mkdtempSync(join(tmpdir(), "llm-log-")), "req.ndjson");
    const { llm } = await setup({ log });
    const v = await llm.json("judge", ask("label this"), Label, { name: "label" });
    expect(Label.parse(v)).toEqual(v);
    const { readFileSync } = await import("node:fs");
    const body = JSON.parse(readFileSync(log, "utf8").trim()).body;
    expect(body.response_format).toMatchObject({ type: "json_schema", json_schema: { name: "label", strict: false } });
    expect(body.response_format.json_schema.schema.properties.label.enum).toEqual(["positive", "negative"]);
  });

  it("falls back to the schema in the prompt when the server refuses response_format, and extracts the JSON", async () => {
    const { llm, server } = await setup({ rejectResponseFormat: true });
    const v = await llm.json("judge", ask("label this"), Label);
    expect(v.label).toBe("positive");
    const v2 = await llm.json("judge", ask("label that"), Label);
    expect(v2.reasons).toHaveLength(1);
    // one refused request, then prompt mode for the rest of the run
    expect(server.stats().requests).toBe(3);
  });

  it("sends the validation error back and takes the corrected answer", async () => {
    const { llm } = await setup({
      script: [
        { match: "label this", reply: { content: '{"label": "great", "confidence": 2}' } },
        { match: "does not match the schema", reply: { content: '```json\n{"label": "negative", "confidence": 0.2, "reasons": ["late"]}\n```' } },
      ],
    });
    expect(await llm.json("judge", ask("label this"), Label)).toEqual({ label: "negative", confidence: 0.2, reasons: ["late"] });
  });

  it("repairs invalid JSON, and fails after --repairs", async () => {
    const { llm } = await setup({ script: [{ matchAny: "broken", reply: { content: '{"label": "positive",' } }] }, { repairs: 1 });
    const err = (await llm.json("judge", ask("broken"), Label).catch((e: unknown) => e)) as LlmError;
    expect(err.kind).toBe("invalid_output");
    expect(err.message).toMatch(/after 1 repair prompt\(s\): the answer is not valid JSON/);
  });
});

describe("Llm.withTools", () => {
  it("returns native tool calls with their arguments as objects", async () => {
    const { llm } = await setup();
    const a = await llm.withTools("assistant", ask("find a red dress"), tools);
    expect(a.toolCalls).toHaveLength(1);
    expect(a.toolCalls[0]).toMatchObject({ name: "search_items", arguments: { query: expect.any(String), max_price: 0.5 } });
    expect(a.toolCalls[0]!.id).toMatch(/^call_/);
    const b = await llm.withTools("assistant", ask("use get_item_details please"), tools);
    expect(b.toolCalls[0]!.name).toBe("get_item_details");
    // after the tool's answer, the model speaks
    const c = await llm.withTools("assistant", [...ask("x"), { role: "assistant", content: null, tool_calls: a.toolCalls }, { role: "tool", tool_call_id: a.toolCalls[0]!.id, name: "search_items", content: '[{"id":"d1"}]' }], tools);
    expect(c.toolCalls).toEqual([]);
    expect(c.content).toMatch(/Here is what I found/);
  });

  it("reads Hermes <tool_call> text from models served without a tool parser", async () => {
    const { llm } = await setup({ tools: "hermes" });
    const a = await llm.withTools("assistant", ask("find shoes"), tools);
    expect(a.toolCalls[0]).toMatchObject({ name: "search_items", arguments: { query: expect.any(String) } });
    expect(a.content).toBe("");
  });

  it("falls back to Hermes prompting when the server refuses tools", async () => {
    const log = join(mkdtempSync(join(tmpdir(), "llm-log-")), "req.ndjson");
    const { llm } = await setup({ tools: "reject", log });
    const a = await llm.withTools("assistant", ask("find shoes"), tools);
    expect(a.toolCalls[0]!.name).toBe("search_items");
    const { readFileSync } = await import("node:fs");
    const bodies = readFileSync(log, "utf8").trim().split("\n").map((l) => JSON.parse(l).body);
    expect(bodies[0].tools).toBeDefined();
    expect(bodies[1].tools).toBeUndefined();
    expect(bodies[1].messages[0].content).toMatch(/<tools>/);
  });

  it("uses Hermes prompting from the start with --tool-format hermes", async () => {
    const { llm, server } = await setup({}, { "tool-format": "hermes" });
    const a = await llm.withTools("assistant", ask("get_item_details of d1"), tools);
    expect(a.toolCalls[0]!.name).toBe("get_item_details");
    expect(server.stats().requests).toBe(1);
  });

  it("repairs a call of a tool that does not exist", async () => {
    const { llm } = await setup({
      script: [
        { match: "go", reply: { content: null, tool_calls: [{ name: "search_everything", arguments: { q: 1 } }] } },
        { match: "there is no tool 'search_everything'", reply: { content: null, tool_calls: [{ name: "search_items", arguments: { query: "q" } }] } },
      ],
    });
    const a = await llm.withTools("assistant", ask("go"), tools);
    expect(a.toolCalls).toMatchObject([{ name: "search_items", arguments: { query: "q" } }]);
  });
});

describe("Llm.embed", () => {
  it("returns one vector per text, in order, and caches them", async () => {
    const dir = mkdtempSync(join(tmpdir(), "llm-cache-"));
    const { llm, server } = await setup({}, { cache: dir }, { embedModel: "fake-embed" });
    const v = await llm.embed(["a", "b", "c"]);
    expect(v).toHaveLength(3);
    expect(v[0]).toHaveLength(8);
    expect(v[0]).not.toEqual(v[1]);
    expect(await llm.embed(["a", "b", "c"])).toEqual(v);
    expect(server.stats().byPath["/embeddings"]).toBe(1);
  });
});
