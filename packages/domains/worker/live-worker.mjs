// The worker thread behind the live ops (`http`, `mcp`): the tool runtime is synchronous, so a
// session hands each request to this worker through synckit and blocks until it is answered.
// Plain JavaScript next to src/ and dist/ (both two levels down), so tests on the sources and
// the built package load the same file without a TypeScript runner.
import { runAsWorker } from "synckit";
import { closeMcp, mcpCall } from "./mcp-client.mjs";

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
  if (msg.kind === "mcp") return mcpCall(msg);
  if (msg.kind === "close") return closeMcp();
  return httpRequest(msg);
});
