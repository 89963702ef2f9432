import { appendFileSync } from "node:fs";
import { createServer, type IncomingMessage, type Server, type ServerResponse } from "node:http";
import type { AddressInfo } from "node:net";
import { countTokens, deriveAnswer, textOf, type Answer, type ChatBody } from "./answers.js";
import { BatchService, type Reply } from "./batches.js";
import { pickFault, type FaultKind } from "./faults.js";
import { readBody, sendJson, sleep } from "./http.js";
import type { FakeLlm, FakeLlmOptions, ScriptRule } from "./options.js";
import { applyContentFault, completion, embedText, requestKey } from "./responses.js";
import { newState, snapshot } from "./state.js";

export type { FakeLlm, FakeLlmOptions, FakeLlmStats, ScriptRule } from "./options.js";
export { canonical } from "./responses.js";

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
