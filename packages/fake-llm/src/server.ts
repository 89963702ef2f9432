import { appendFileSync } from "node:fs";
import { createServer, type IncomingMessage, type Server, type ServerResponse } from "node:http";
import type { AddressInfo } from "node:net";
import { sha256Hex } from "@chatmill/kit";
import { countTokens, deriveAnswer, textOf, type Answer, type ChatBody } from "./answers.js";
import { BatchService, type Reply } from "./batches.js";
import { pickFault, type FaultKind, type FaultRates } from "./faults.js";

/** A scripted answer: the first rule whose `match` is in the last message (and `model`, if set) answers. */
export interface ScriptRule {
  /** Substring of the last message's text; omitted = any request. */
  match?: string;
  /** Substring of any message's text. */
  matchAny?: string;
  model?: string;
  /** How many requests this rule answers before it stops matching (default: all). */
  times?: number;
  reply: Partial<Answer> & { status?: number; error?: string; headers?: Record<string, string>; delayMs?: number };
}

export interface FakeLlmOptions {
  host?: string;
  port?: number;
  /** Milliseconds before each answer (the model "thinking"). */
  delayMs?: number;
  /** Extra milliseconds for a "slow" fault. */
  slowMs?: number;
  faults?: FaultRates;
  /** Seconds sent in Retry-After with 429 and 503 (fractions allowed; also sent as retry-after-ms). */
  retryAfter?: number;
  seed?: number;
  script?: ScriptRule[];
  /** Leave `usage` out of answers, as some local servers do. */
  noUsage?: boolean;
  /** Answer 400 to response_format json_schema, as servers without structured output do. */
  rejectResponseFormat?: boolean;
  /** native: tool_calls; hermes: calls written as <tool_call> text in content; reject: 400 when tools are sent. */
  tools?: "native" | "hermes" | "reject";
  /** Append each request (path and body) to this file as NDJSON, to see what a client sends. */
  log?: string;
  /** Milliseconds a batch takes from its creation to its end (default 100). */
  batchMs?: number;
}

export interface FakeLlmStats {
  /** Requests received, whatever happened to them. */
  requests: number;
  /** Requests answered with a complete 200 answer. */
  completed: number;
  /** Distinct request bodies answered. */
  distinct: number;
  /** Request bodies answered more than once (a resumed run should make this 0). */
  repeated: number;
  /** Requests the client gave up on before the answer. */
  aborted: number;
  faults: Record<string, number>;
  /** Requests open now: received and neither answered nor given up on by the client. */
  inFlight: number;
  /** Most requests open at once: a client that aborts what it gives up on keeps this at its concurrency. */
  maxInFlight: number;
  /** Milliseconds from the first request's arrival to the last answer's end (0 before any answer): the span a throughput is measured over. */
  activeMs: number;
  byPath: Record<string, number>;
}

export interface FakeLlm {
  /** Base URL to give a client, ending in /v1. */
  url: string;
  stats(): FakeLlmStats;
  reset(): void;
  close(): Promise<void>;
}

/** Starts the fake OpenAI-compatible server; resolves once it listens. */
export async function startFakeLlm(opts: FakeLlmOptions = {}): Promise<FakeLlm> {
  const state = newState();
  const scriptUses = new Map<ScriptRule, number>();
  const server: Server = createServer((req, res) => {
    handle(req, res).catch((err: unknown) => {
      if (!res.headersSent) sendJson(res, 500, { error: { message: `fake-llm: ${(err as Error).message}`, type: "server_error" } });
      else res.destroy();
    });
  });
  server.keepAliveTimeout = 30_000;

  async function handle(req: IncomingMessage, res: ServerResponse): Promise<void> {
    // A model answers `delayMs` after the request arrives: the fake's own work comes out of that time.
    const arrived = performance.now();
    const path = (req.url ?? "/").split("?")[0]!.replace(/^\/v1(?=\/)/, "");
    const route = path.replace(/\/(file-|batch_)[^/]+/, "/{id}");
    state.byPath[route] = (state.byPath[route] ?? 0) + 1;
    if (req.method === "GET" && path === "/stats") return sendJson(res, 200, snapshot(state));
    if (req.method === "POST" && path === "/stats/reset") {
      Object.assign(state, newState());
      return sendJson(res, 200, { ok: true });
    }
    if (req.method === "GET" && path === "/models") {
      return sendJson(res, 200, { object: "list", data: [{ id: "fake-model", object: "model", owned_by: "chatmill" }] });
    }
    if (path === "/files" || path.startsWith("/files/") || path === "/batches" || path.startsWith("/batches/")) {
      const reply = await batches.handle(req.method ?? "GET", path, req.headers["content-type"] ?? "", req.method === "POST" ? await readBody(req) : "");
      if (typeof reply.body === "string") {
        res.writeHead(reply.status, { "content-type": "application/jsonl", "content-length": Buffer.byteLength(reply.body) });
        res.end(reply.body);
        return;
      }
      return sendJson(res, reply.status, reply.body);
    }
    if (req.method !== "POST" || (path !== "/chat/completions" && path !== "/embeddings")) {
      return sendJson(res, 404, { error: { message: `no route ${req.method} ${req.url}`, type: "invalid_request_error" } });
    }
    const text = await readBody(req);
    let body: ChatBody;
    try {
      body = JSON.parse(text) as ChatBody;
    } catch {
      return sendJson(res, 400, { error: { message: "the request body is not JSON", type: "invalid_request_error" } });
    }
    state.requests += 1;
    if (opts.log) appendFileSync(opts.log, `${JSON.stringify({ path, body })}\n`);
    const key = requestKey(path, body);
    const attempt = state.arrivals.get(key) ?? 0;
    state.arrivals.set(key, attempt + 1);
    const fault = opts.faults ? pickFault(opts.faults, opts.seed ?? 0, key, attempt) : undefined;
    if (fault) state.faults[fault] = (state.faults[fault] ?? 0) + 1;

    let closed = false;
    // Open until the answer is sent or the client goes away (an aborted request stops
    // counting at once, not when its delay would have ended).
    let open = true;
    const shut = () => {
      if (!open) return;
      open = false;
      state.inFlight -= 1;
    };
    let dropping = false;
    res.on("close", () => {
      // Counted when the client goes, not when the answer would have been due.
      if (!res.writableFinished && !dropping) {
        closed = true;
        state.aborted += 1;
      }
      shut();
    });
    res.on("finish", () => {
      state.lastAnswerAt = performance.now();
      shut();
    });
    state.firstArrivalAt ??= arrived;
    state.inFlight += 1;
    state.maxInFlight = Math.max(state.maxInFlight, state.inFlight);
    try {
      const rule = path === "/chat/completions" ? findRule(body) : undefined;
      const wait = (rule?.reply.delayMs ?? opts.delayMs ?? 0) + (fault === "slow" ? (opts.slowMs ?? 2000) : 0);
      const left = wait - (performance.now() - arrived);
      if (left > 0) await sleep(left);
      if (closed || res.destroyed) return;
      if (fault === "drop") {
        dropping = true;
        req.socket.destroy();
        return;
      }
      if (fault === "malformed") {
        res.writeHead(200, { "content-type": "application/json" });
        res.end('{"id":"chatcmpl-broken","object":"chat.completion","choices":[{"index":0,"message":{"role":"assis');
        return;
      }
      const out = respond(path, body, key, fault, rule);
      sendJson(res, out.status, out.body, out.headers);
      if (out.status === 200) {
        res.on("finish", () => {
          state.completed += 1;
          state.done.set(key, (state.done.get(key) ?? 0) + 1);
        });
      }
    } catch (err) {
      shut();
      throw err;
    }
  }

  function findRule(body: ChatBody): ScriptRule | undefined {
    const messages = body.messages ?? [];
    const lastText = textOf(messages[messages.length - 1]?.content);
    for (const rule of opts.script ?? []) {
      if (rule.model !== undefined && rule.model !== body.model) continue;
      if (rule.match !== undefined && !lastText.includes(rule.match)) continue;
      if (rule.matchAny !== undefined && !messages.some((m) => textOf(m.content).includes(rule.matchAny!))) continue;
      const used = scriptUses.get(rule) ?? 0;
      if (rule.times !== undefined && used >= rule.times) continue;
      scriptUses.set(rule, used + 1);
      return rule;
    }
    return undefined;
  }

  /**
   * The answer to one request, whichever way it came (a POST, or a line of a batch): the
   * same request always gets the same answer, so a batch run and a direct run make the same
   * records. `fault` is the request's drawn fault; transport faults (drop, malformed, slow)
   * are the caller's to act out.
   */
  function respond(path: string, body: ChatBody, key: string, fault: FaultKind | undefined, rule: ScriptRule | undefined): Reply {
    if (fault === "429" || fault === "503") {
      const seconds = opts.retryAfter ?? 1;
      const headers = { "retry-after": String(seconds), "retry-after-ms": String(Math.round(seconds * 1000)) };
      const message = fault === "429" ? "Rate limit reached (fake-llm)" : "The server is overloaded (fake-llm)";
      return { status: Number(fault), body: { error: { message, type: fault === "429" ? "rate_limit_error" : "server_error" } }, headers };
    }
    if (fault === "500") return { status: 500, body: { error: { message: "Internal error (fake-llm)", type: "server_error" } } };
    if (path === "/embeddings") return { status: 200, body: embeddings(body) };
    if (rule?.reply.status && rule.reply.status !== 200) {
      return { status: rule.reply.status, body: { error: { message: rule.reply.error ?? "scripted error", type: "invalid_request_error" } }, headers: rule.reply.headers };
    }
    if (opts.rejectResponseFormat && body.response_format?.type === "json_schema") {
      return { status: 400, body: { error: { message: "response_format 'json_schema' is not supported by this server", type: "invalid_request_error", param: "response_format" } } };
    }
    if (opts.tools === "reject" && Array.isArray(body.tools) && body.tools.length > 0) {
      return { status: 400, body: { error: { message: "tools are not supported by this server", type: "invalid_request_error", param: "tools" } } };
    }
    let answer: Answer = rule ? { content: null, ...rule.reply } : deriveAnswer(body);
    if (opts.tools === "hermes" && answer.tool_calls?.length) {
      answer = { content: answer.tool_calls.map((c) => `<tool_call>\n${JSON.stringify(c)}\n</tool_call>`).join("\n") };
    }
    answer = applyContentFault(answer, fault, body);
    return { status: 200, body: completion(body, answer, key, opts.noUsage !== true) };
  }

  const batches = new BatchService({
    seed: opts.seed ?? 0,
    rates: opts.faults ?? {},
    batchMs: opts.batchMs ?? 100,
    answer(path, body) {
      const key = requestKey(path, body);
      const attempt = state.arrivals.get(key) ?? 0;
      state.arrivals.set(key, attempt + 1);
      state.requests += 1;
      return { key, attempt, reply: () => {
        const fault = opts.faults ? pickFault(opts.faults, opts.seed ?? 0, key, attempt) : undefined;
        // Only what a batch can show: an error status or a changed answer (no dropped connections in a file).
        const kept = fault === "drop" || fault === "malformed" || fault === "slow" ? undefined : fault;
        if (kept) state.faults[kept] = (state.faults[kept] ?? 0) + 1;
        return respond(path, body, key, kept, path === "/chat/completions" ? findRule(body) : undefined);
      } };
    },
    answered(key) {
      state.completed += 1;
      state.done.set(key, (state.done.get(key) ?? 0) + 1);
    },
    fault(kind) {
      state.faults[kind] = (state.faults[kind] ?? 0) + 1;
    },
  });

  function embeddings(body: ChatBody): Record<string, unknown> {
    const input = body.input;
    const texts = Array.isArray(input) ? input.map(String) : [String(input ?? "")];
    const dims = typeof body.dimensions === "number" ? body.dimensions : 8;
    const data = texts.map((t, index) => ({ object: "embedding", index, embedding: embedText(t, dims) }));
    const tokens = texts.reduce((a, t) => a + countTokens(t), 0);
    return { object: "list", model: body.model ?? "fake-embed", data, usage: { prompt_tokens: tokens, total_tokens: tokens } };
  }

  await new Promise<void>((resolve, reject) => {
    server.once("error", reject);
    server.listen(opts.port ?? 0, opts.host ?? "127.0.0.1", () => resolve());
  });
  const addr = server.address() as AddressInfo;
  const host = addr.family === "IPv6" ? `[${addr.address}]` : addr.address;
  return {
    url: `http://${host}:${addr.port}/v1`,
    stats: () => snapshot(state),
    reset: () => Object.assign(state, newState()),
    close: () =>
      new Promise<void>((resolve) => {
        server.close(() => resolve());
        server.closeAllConnections();
      }),
  };
}

interface State {
  requests: number;
  completed: number;
  aborted: number;
  inFlight: number;
  maxInFlight: number;
  firstArrivalAt: number | undefined;
  lastAnswerAt: number | undefined;
  faults: Record<string, number>;
  byPath: Record<string, number>;
  arrivals: Map<string, number>;
  done: Map<string, number>;
}

function newState(): State {
  return { requests: 0, completed: 0, aborted: 0, inFlight: 0, maxInFlight: 0, firstArrivalAt: undefined, lastAnswerAt: undefined, faults: {}, byPath: {}, arrivals: new Map(), done: new Map() };
}

function snapshot(s: State): FakeLlmStats {
  let repeated = 0;
  for (const n of s.done.values()) if (n > 1) repeated += 1;
  return {
    requests: s.requests,
    completed: s.completed,
    distinct: s.done.size,
    repeated,
    aborted: s.aborted,
    faults: { ...s.faults },
    inFlight: s.inFlight,
    maxInFlight: s.maxInFlight,
    activeMs: s.firstArrivalAt !== undefined && s.lastAnswerAt !== undefined ? Math.round(s.lastAnswerAt - s.firstArrivalAt) : 0,
    byPath: { ...s.byPath },
  };
}

function applyContentFault(answer: Answer, fault: FaultKind | undefined, body: ChatBody): Answer {
  const limit = body.max_completion_tokens ?? body.max_tokens;
  if (fault === "empty") return { content: "", finish_reason: "stop" };
  if (fault === "refusal") return { content: null, refusal: "I'm sorry, I can't help with that.", finish_reason: "stop" };
  const text = answer.content ?? "";
  if (fault === "truncate" && text.length > 1) return { content: text.slice(0, Math.floor(text.length / 2)), finish_reason: "length" };
  if (typeof limit === "number" && countTokens(text) > limit) return { content: text.slice(0, limit * 4), finish_reason: "length" };
  return answer;
}

function completion(body: ChatBody, answer: Answer, key: string, withUsage: boolean): Record<string, unknown> {
  const toolCalls = answer.tool_calls?.map((c, i) => ({
    id: `call_${sha256Hex(`${key}:${i}`).slice(0, 16)}`,
    type: "function",
    function: { name: c.name, arguments: typeof c.arguments === "string" ? c.arguments : JSON.stringify(c.arguments ?? {}) },
  }));
  const message: Record<string, unknown> = { role: "assistant", content: answer.content ?? null };
  if (toolCalls?.length) message.tool_calls = toolCalls;
  if (answer.refusal) message.refusal = answer.refusal;
  const promptText = (body.messages ?? []).map((m) => textOf(m.content)).join("\n") + JSON.stringify(body.tools ?? "");
  const out: Record<string, unknown> = {
    id: `chatcmpl-${key.slice(0, 24)}`,
    object: "chat.completion",
    created: 1_700_000_000,
    model: body.model ?? "fake-model",
    choices: [{ index: 0, message, finish_reason: answer.finish_reason ?? (toolCalls?.length ? "tool_calls" : "stop") }],
  };
  if (withUsage) {
    const prompt = countTokens(promptText);
    const completionTokens = countTokens((answer.content ?? "") + JSON.stringify(toolCalls ?? ""));
    out.usage = { prompt_tokens: prompt, completion_tokens: completionTokens, total_tokens: prompt + completionTokens };
  }
  return out;
}

function embedText(text: string, dims: number): number[] {
  const out: number[] = [];
  let hex = "";
  for (let i = 0; out.length < dims; i++) {
    if (hex.length < 4) hex += sha256Hex(`${i}\u0000${text}`);
    out.push(Number.parseInt(hex.slice(0, 4), 16) / 32768 - 1);
    hex = hex.slice(4);
  }
  const norm = Math.hypot(...out) || 1;
  return out.map((v) => Number((v / norm).toFixed(6)));
}

/** The identity of a request: its path and body, whichever way it came. */
function requestKey(path: string, body: unknown): string {
  return sha256Hex(`${path}\u0000${canonical(body)}`);
}

/** JSON with object keys sorted, so the same request is the same text. */
export function canonical(value: unknown): string {
  if (Array.isArray(value)) return `[${value.map(canonical).join(",")}]`;
  if (value && typeof value === "object") {
    const entries = Object.entries(value as Record<string, unknown>).filter(([, v]) => v !== undefined);
    entries.sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
    return `{${entries.map(([k, v]) => `${JSON.stringify(k)}:${canonical(v)}`).join(",")}}`;
  }
  return JSON.stringify(value) ?? "null";
}

function sendJson(res: ServerResponse, status: number, body: unknown, headers: Record<string, string> = {}): void {
  const text = JSON.stringify(body);
  res.writeHead(status, { "content-type": "application/json", "content-length": Buffer.byteLength(text), ...headers });
  res.end(text);
}

function readBody(req: IncomingMessage): Promise<string> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    req.on("data", (c: Buffer) => chunks.push(c));
    req.on("end", () => resolve(Buffer.concat(chunks).toString("utf8")));
    req.on("error", reject);
  });
}

function sleep(ms: number): Promise<void> {
  return new Promise((resolve) => setTimeout(resolve, ms));
}
