import { afterEach, describe, expect, it } from "vitest";
import { parseFaults, pickFault } from "./faults.js";
import { sampleSchema } from "./answers.js";
import { startFakeLlm, type FakeLlm, type FakeLlmOptions } from "./server.js";

const servers: FakeLlm[] = [];
afterEach(async () => {
  await Promise.all(servers.splice(0).map((s) => s.close()));
});
async function start(opts: FakeLlmOptions = {}) {
  const s = await startFakeLlm(opts);
  servers.push(s);
  return s;
}
function post(url: string, body: unknown, signal?: AbortSignal) {
  return fetch(url, { method: "POST", headers: { "content-type": "application/json" }, body: JSON.stringify(body), ...(signal ? { signal } : {}) });
}
// eslint-disable-next-line @typescript-eslint/no-explicit-any
const J = (r: Promise<Response>): Promise<any> => r.then((x) => x.json());
const chat = { model: "m", messages: [{ role: "user", content: "hi there" }] };

describe("faults", () => {
  it("parses rates and refuses unknown faults or rates over 1", () => {
    expect(parseFaults("429=0.1, 500=0.05,drop=0")).toEqual({ "429": 0.1, "500": 0.05, drop: 0 });
    expect(() => parseFaults("418=0.1")).toThrow(/unknown fault '418'/);
    expect(() => parseFaults("429")).toThrow(/429=0.05/);
    expect(() => parseFaults("429=0.7,500=0.7")).toThrow(/more than 1/);
    // Batch faults are drawn on their own: they do not add to the per-request total.
    expect(parseFaults("429=0.7,batch-expire=0.5,batch-fail=0.5,batch-shuffle=1")).toEqual({ "429": 0.7, "batch-expire": 0.5, "batch-fail": 0.5, "batch-shuffle": 1 });
  });

  it("draws the same fault for the same body and attempt, at about the given rate", () => {
    expect(pickFault({ "429": 0.5 }, 1, "k", 0)).toBe(pickFault({ "429": 0.5 }, 1, "k", 0));
    let hits = 0;
    for (let i = 0; i < 2000; i++) if (pickFault({ "429": 0.1, "503": 0.1 }, 7, `k${i}`, 0)) hits++;
    expect(hits).toBeGreaterThan(300);
    expect(hits).toBeLessThan(500);
  });
});

describe("the fake server", () => {
  it("counts a request open until it is answered or the client gives up on it, and the most open at once", async () => {
    const s = await start({ delayMs: 3000 });
    const gone = new AbortController();
    const asks = [1, 2, 3].map(() => post(`${s.url}/chat/completions`, chat, gone.signal).catch(() => "aborted"));
    while (s.stats().inFlight < 3) await new Promise((r) => setTimeout(r, 5));
    gone.abort();
    expect(await Promise.all(asks)).toEqual(["aborted", "aborted", "aborted"]);
    // Not when the answers would have been due (3 s later): as soon as the client went away.
    while (s.stats().inFlight > 0) await new Promise((r) => setTimeout(r, 5));
    expect(s.stats()).toMatchObject({ inFlight: 0, maxInFlight: 3, aborted: 3, completed: 0, activeMs: 0 });
    const quick = await start({ delayMs: 20 });
    await Promise.all([post(`${quick.url}/chat/completions`, chat), post(`${quick.url}/chat/completions`, chat)]);
    await new Promise((r) => setTimeout(r, 10));
    expect(quick.stats()).toMatchObject({ inFlight: 0, maxInFlight: 2, aborted: 0, completed: 2 });
    expect(quick.stats().activeMs).toBeGreaterThanOrEqual(19);
  });

  it("answers from the request, the same way every time, and counts repeats", async () => {
    const s = await start();
    const a = await J(post(`${s.url}/chat/completions`, chat));
    const b = await J(post(`${s.url}/chat/completions`, chat));
    expect(a).toEqual(b);
    expect(a.choices[0].message.content).toMatch(/to: hi there$/);
    expect(a.usage.total_tokens).toBe(a.usage.prompt_tokens + a.usage.completion_tokens);
    await new Promise((r) => setTimeout(r, 10));
    expect(s.stats()).toMatchObject({ requests: 2, completed: 2, distinct: 1, repeated: 1 });
    const viaHttp = await J(fetch(`${s.url}/stats`));
    expect(viaHttp.completed).toBe(2);
    await post(`${s.url}/stats/reset`, {});
    expect(s.stats().requests).toBe(0);
  });

  it("sends 429 with Retry-After, 503, 500, broken JSON, and drops connections", async () => {
    const s429 = await start({ faults: { "429": 1 }, retryAfter: 2.5 });
    const r = await post(`${s429.url}/chat/completions`, chat);
    expect(r.status).toBe(429);
    expect(r.headers.get("retry-after")).toBe("2.5");
    expect(r.headers.get("retry-after-ms")).toBe("2500");
    expect((await post(`${(await start({ faults: { "503": 1 } })).url}/chat/completions`, chat)).status).toBe(503);
    expect((await post(`${(await start({ faults: { "500": 1 } })).url}/chat/completions`, chat)).status).toBe(500);
    const bad = await post(`${(await start({ faults: { malformed: 1 } })).url}/chat/completions`, chat);
    await expect(bad.json()).rejects.toThrow();
    await expect(post(`${(await start({ faults: { drop: 1 } })).url}/chat/completions`, chat)).rejects.toThrow();
  });

  it("truncates, empties and refuses answers, and honours max_tokens", async () => {
    const t = await J(post(`${(await start({ faults: { truncate: 1 } })).url}/chat/completions`, chat));
    expect(t.choices[0].finish_reason).toBe("length");
    const e = await J(post(`${(await start({ faults: { empty: 1 } })).url}/chat/completions`, chat));
    expect(e.choices[0].message.content).toBe("");
    const f = await J(post(`${(await start({ faults: { refusal: 1 } })).url}/chat/completions`, chat));
    expect(f.choices[0].message.refusal).toMatch(/can't/);
    const s = await start();
    const m = await J(post(`${s.url}/chat/completions`, { ...chat, max_tokens: 2 }));
    expect(m.choices[0]).toMatchObject({ finish_reason: "length", message: { content: "fake rep" } });
  });

  it("calls tools natively or as Hermes text, and answers JSON schemas", async () => {
    const tools = [{ type: "function", function: { name: "lookup", parameters: { type: "object", properties: { id: { type: "string" }, n: { type: "integer", minimum: 2 } } } } }];
    const s = await start();
    const a = await J(post(`${s.url}/chat/completions`, { ...chat, tools }));
    expect(a.choices[0].finish_reason).toBe("tool_calls");
    expect(JSON.parse(a.choices[0].message.tool_calls[0].function.arguments)).toMatchObject({ id: expect.any(String), n: 2 });
    const h = await start({ tools: "hermes" });
    const b = await J(post(`${h.url}/chat/completions`, { ...chat, tools }));
    expect(b.choices[0].message.content).toMatch(/^<tool_call>\n\{"name":"lookup"/);
    expect((await post(`${(await start({ tools: "reject" })).url}/chat/completions`, { ...chat, tools })).status).toBe(400);
    const schema = { type: "object", properties: { tag: { enum: ["x", "y"] }, list: { type: "array", items: { type: "boolean" }, minItems: 2 } } };
    const j = await J(post(`${s.url}/chat/completions`, { ...chat, response_format: { type: "json_schema", json_schema: { name: "t", schema } } }));
    expect(JSON.parse(j.choices[0].message.content)).toEqual({ tag: "x", list: [true, true] });
    const rf = await start({ rejectResponseFormat: true });
    expect((await post(`${rf.url}/chat/completions`, { ...chat, response_format: { type: "json_schema", json_schema: { name: "t", schema } } })).status).toBe(400);
  });

  it("follows a script, a rule at most `times` times", async () => {
    const s = await start({ script: [{ match: "hi", times: 1, reply: { content: "scripted" } }, { model: "other", reply: { status: 404, error: "no such model" } }] });
    expect((await J(post(`${s.url}/chat/completions`, chat))).choices[0].message.content).toBe("scripted");
    expect((await J(post(`${s.url}/chat/completions`, chat))).choices[0].message.content).toMatch(/^fake reply/);
    expect((await post(`${s.url}/chat/completions`, { ...chat, model: "other" })).status).toBe(404);
  });

  it("serves embeddings, models, and 404 for anything else", async () => {
    const s = await start();
    const e = await J(post(`${s.url}/embeddings`, { model: "e", input: ["a", "b"], dimensions: 4 }));
    expect(e.data).toHaveLength(2);
    expect(e.data[0].embedding).toHaveLength(4);
    expect((await J(fetch(`${s.url}/models`))).data[0].id).toBe("fake-model");
    expect((await fetch(`${s.url}/nothing`)).status).toBe(404);
    const raw = await fetch(`${s.url}/chat/completions`, { method: "POST", body: "not json" });
    expect(raw.status).toBe(400);
  });

  it("fills simple JSON Schemas", () => {
    expect(sampleSchema({ type: "object", properties: { a: { type: "string", minLength: 20 }, b: { anyOf: [{ type: "integer" }, { type: "null" }] }, c: { const: 3 } } }, "t", 0)).toEqual({ a: "fake t.a".padEnd(20, "x"), b: 1, c: 3 });
  });
});
