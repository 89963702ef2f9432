import type { HttpSpec, LiveSpec } from "@chatmill/schema";
import type { LiveBackend, OutHeader, OutRequest } from "../live/backend.js";
import type { HttpAnswer } from "../live/cassette.js";
import { fail, type OpContext, type OpResult } from "./types.js";

export const DEFAULT_TIMEOUT_MS = 10_000;

/** live.read_only: an act tool is refused before anything is sent (the http and mcp ops alike). */
export function readOnlyRefusal(ctx: OpContext): OpResult | undefined {
  if (!ctx.domain.pack.live?.read_only || ctx.domain.toolSpecs.get(ctx.tool)?.role !== "act") return undefined;
  return fail("read_only", `${ctx.tool} changes data, and this backend is read-only for dialogues (the pack's live.read_only); nothing was sent.`);
}

/** The `http` op (or a declarative run's `http` block): the tool's answer is the live backend's. */
export function runHttp(ctx: OpContext, spec: HttpSpec, backend: LiveBackend): OpResult {
  const live = ctx.domain.pack.live;
  const refused = readOnlyRefusal(ctx);
  if (refused) return refused;
  const built = buildRequest(spec, ctx.args, live);
  if (typeof built === "string") return fail("bad_arguments", built);
  return answerOf(ctx.tool, backend.request(built), built.timeoutMs);
}

/** The reset request a session runs before its dialogue (live.reset); throws when the backend does not accept it. */
export function runReset(live: LiveSpec, reset: { method: string; url: string; body?: unknown }, backend: LiveBackend): void {
  const req: OutRequest = { method: reset.method, url: absolute(reset.url, live), headers: headers(live.headers, {}), ...(reset.body !== undefined ? { body: reset.body } : {}), timeoutMs: live.timeout_ms ?? DEFAULT_TIMEOUT_MS, ...paceOf(live) };
  const a = backend.request(req, { reset: true });
  if ("error" in a) throw new Error(`the reset request ${reset.method} ${req.url} failed (${a.error === "timeout" ? `no answer within ${req.timeoutMs} ms` : a.message}); is the backend up?`);
  if (a.status >= 400) throw new Error(`the reset request ${reset.method} ${req.url} answered HTTP ${a.status}: ${messageOf(a.body) ?? "no message"}`);
}

function absolute(url: string, live: LiveSpec | undefined): string {
  if (/^https?:\/\//i.test(url)) return url;
  if (!live?.base_url) throw new Error(`the URL '${url}' is relative: give the pack a live.base_url`);
  return live.base_url.replace(/\/+$/, "") + (url.startsWith("/") ? url : `/${url}`);
}

const fill = (template: string, args: Record<string, unknown>, missing: string[]): string =>
  template.replace(/\{([A-Za-z_][\w.-]*)\}/g, (_, a: string) => {
    const v = args[a];
    if (v === undefined || v === null) {
      missing.push(a);
      return "";
    }
    return encodeURIComponent(typeof v === "string" ? v : JSON.stringify(v));
  });

function headers(specs: LiveSpec["headers"], args: Record<string, unknown>): OutHeader[] {
  return Object.entries(specs ?? {}).map(([name, v]) => (typeof v === "string" ? { name, value: v.replace(/\{([A-Za-z_][\w.-]*)\}/g, (_, a: string) => String(args[a] ?? "")) } : { name, env: v.env }));
}

/** The request the tool's arguments make, or why they cannot make one. */
function buildRequest(spec: HttpSpec, args: Record<string, unknown>, live: LiveSpec | undefined): OutRequest | string {
  const missing: string[] = [];
  let url = absolute(fill(spec.url, args, missing), live);
  if (missing.length > 0) return `missing required argument '${missing[0]}' (it is part of the URL)`;
  const query = new URLSearchParams();
  for (const q of spec.query ?? []) {
    const v = args[q];
    if (v === undefined || v === null) continue;
    for (const item of Array.isArray(v) ? v : [v]) query.append(q, typeof item === "string" ? item : JSON.stringify(item));
  }
  if ([...query.keys()].length > 0) url += (url.includes("?") ? "&" : "?") + query.toString();
  let body: unknown;
  if (spec.body_arg !== undefined) body = args[spec.body_arg];
  else if (spec.body) {
    const fields = Object.fromEntries(spec.body.filter((b) => args[b] !== undefined).map((b) => [b, args[b]]));
    body = fields;
  }
  // Pack-wide headers first; a tool's own header of the same name wins.
  const all = new Map<string, OutHeader>();
  for (const h of [...headers(live?.headers, args), ...headers(spec.headers, args)]) all.set(h.name.toLowerCase(), h);
  return { method: spec.method, url, headers: [...all.values()], ...(body !== undefined ? { body } : {}), timeoutMs: spec.timeout_ms ?? live?.timeout_ms ?? DEFAULT_TIMEOUT_MS, ...paceOf(live) };
}

/** The error type an HTTP status means to the assistant. */
function errorType(status: number): string {
  if (status === 400 || status === 422) return "bad_request";
  if (status === 401) return "unauthorized";
  if (status === 403) return "forbidden";
  if (status === 404) return "not_found";
  if (status === 409) return "conflict";
  if (status === 429) return "rate_limited";
  return status >= 500 ? "server_error" : "client_error";
}

/** The server's own words in an error body: `message`, `error.message`, `error`, `detail`, `title`, else the text. */
function messageOf(body: string): string | undefined {
  const text = body.trim();
  if (!text) return undefined;
  try {
    const j = JSON.parse(text) as Record<string, unknown>;
    if (j && typeof j === "object") {
      const err = j.error as Record<string, unknown> | string | undefined;
      for (const m of [j.message, typeof err === "object" && err ? err.message : err, j.detail, j.title]) if (typeof m === "string" && m.trim()) return m.trim();
    }
  } catch {
    // not JSON: the text itself
  }
  return text.length > 300 ? `${text.slice(0, 300)}…` : text;
}

function parseBody(a: { contentType: string; body: string }): unknown {
  if (!a.body.trim()) return undefined;
  if (/\bjson\b/i.test(a.contentType)) {
    try {
      return JSON.parse(a.body);
    } catch {
      return a.body;
    }
  }
  return a.body;
}

/**
 * The tool result of an answer: a JSON object body is the result as it is; a list is
 * `{results: [...]}` (so failure injection can empty or cut it); text or another value is
 * `{result: ...}`; an empty body is `{status: CODE}`. 4xx/5xx are error results with the
 * server's message; no answer is a timeout or an unavailable backend.
 */
function answerOf(tool: string, a: HttpAnswer, timeoutMs: number): OpResult {
  if ("error" in a) {
    if (a.error === "timeout") return fail("timeout", `${tool} did not respond within ${timeoutMs / 1000} s; try again.`);
    return fail("unavailable", `${tool} could not reach its backend (${a.message}); try again later.`);
  }
  if (a.status >= 400) return fail(errorType(a.status), messageOf(a.body) ?? `${tool} failed with HTTP ${a.status}`, { status: a.status });
  const value = parseBody(a);
  if (value === undefined) return { ok: true, data: { status: a.status } };
  if (Array.isArray(value)) return { ok: true, data: { results: value }, list: "results" };
  if (value && typeof value === "object") return { ok: true, data: value as Record<string, unknown> };
  return { ok: true, data: { result: value } };
}

/** The pace the pack's backend asks for (live.rate_limit), as the request carries it to the worker. */
export function paceOf(live: { rate_limit?: { rpm: number } | undefined } | undefined): { rpm?: number } {
  return live?.rate_limit ? { rpm: live.rate_limit.rpm } : {};
}
