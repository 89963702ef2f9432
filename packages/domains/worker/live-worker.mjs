// The worker thread behind the live ops (`http`, `mcp`): the tool runtime is synchronous, so a
// session hands each request to this worker through synckit and blocks until it is answered.
// Plain JavaScript next to src/ and dist/ (both two levels down), so tests on the sources and
// the built package load the same file without a TypeScript runner.
import { Limiter } from "@chatmill/llm/limiter";
import { runAsWorker } from "synckit";
import { closeMcp, mcpCall } from "./mcp-client.mjs";

/**
 * live.rate_limit: one limiter per base URL (origin) or MCP server, the LLM layer's own (its
 * requests-per-minute bucket: a second's burst, then an even pace). The session waits while
 * a call waits for its turn. 429, 503 and timeouts are pushback, as for a model's API.
 */
const limiters = new Map();
function limiterFor(target, rpm) {
  const key = `${target}\u0000${rpm}`;
  let l = limiters.get(key);
  if (!l) limiters.set(key, (l = new Limiter({ concurrency: 1, rpm })));
  return l;
}

async function paced(msg, target, call) {
  if (!msg.rpm) return call();
  const limiter = limiterFor(target, msg.rpm);
  const permit = await limiter.acquire();
  let answer;
  try {
    answer = await call();
  } finally {
    const pushback = answer && (answer.error === "timeout" || answer.status === 429 || answer.status === 503);
    limiter.release(permit, answer === undefined ? "error" : pushback ? "pushback" : "ok");
  }
  return answer;
}

/** An HTTP request with Node's fetch: a status and a body, or no answer (timeout, network). */
async function httpRequest(req) {
  const signal = AbortSignal.timeout(req.timeoutMs);
  try {
    const res = await fetch(req.url, { method: req.method, headers: req.headers, body: req.body, signal, redirect: "follow" });
    const body = await res.text();
    return { status: res.status, contentType: res.headers.get("content-type") ?? "", body };
  } catch (err) {
    const e = /** @type {Error & {cause?: {code?: string, message?: string}}} */ (err);
    if (e.name === "TimeoutError" || e.name === "AbortError") return { error: "timeout" };
    // fetch says only "fetch failed"; the reason (ECONNREFUSED, ENOTFOUND…) is in its cause.
    return { error: "network", message: e.cause?.code ?? e.cause?.message ?? e.message };
  }
}

runAsWorker(async (msg) => {
  if (msg.kind === "mcp") return paced(msg, `mcp:${msg.server}`, () => mcpCall(msg));
  if (msg.kind === "close") return closeMcp();
  return paced(msg, new URL(msg.url).origin, () => httpRequest(msg));
});
