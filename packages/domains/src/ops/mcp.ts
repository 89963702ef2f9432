import { isAbsolute, resolve } from "node:path";
import type { LiveSpec, McpServerSpec, McpSpec } from "@chatmill/schema";
import type { LiveBackend, OutHeader, OutMcpServer } from "../live/backend.js";
import type { McpAnswer, McpToolResult } from "../live/cassette.js";
import type { LoadedDomain } from "../domain.js";
import { DEFAULT_TIMEOUT_MS, paceOf, readOnlyRefusal } from "./http.js";
import { fail, type OpContext, type OpResult, type ToolError } from "./types.js";

/** The `mcp` op (or a declarative run's `mcp` block): the tool's answer is the MCP server's. */
export function runMcp(ctx: OpContext, spec: McpSpec, backend: LiveBackend): OpResult {
  const refused = readOnlyRefusal(ctx);
  if (refused) return refused;
  const live = ctx.domain.pack.live;
  const args = spec.args ? Object.fromEntries(Object.entries(spec.args).filter(([, a]) => ctx.args[a] !== undefined).map(([p, a]) => [p, ctx.args[a]])) : ctx.args;
  const timeoutMs = spec.timeout_ms ?? live?.timeout_ms ?? DEFAULT_TIMEOUT_MS;
  const a = backend.callTool({ server: spec.server, at: serverOf(ctx.domain, spec.server), tool: spec.tool, arguments: args, timeoutMs, ...paceOf(live) });
  return answerOf(ctx.tool, a, timeoutMs);
}

/** The reset tool a session calls before its dialogue (live.reset with a tool); throws when the server does not accept it. */
export function runMcpReset(domain: LoadedDomain, reset: { server: string; tool: string; arguments?: Record<string, unknown> | undefined }, backend: LiveBackend): void {
  const timeoutMs = domain.pack.live?.timeout_ms ?? DEFAULT_TIMEOUT_MS;
  const a = backend.callTool({ server: reset.server, at: serverOf(domain, reset.server), tool: reset.tool, arguments: reset.arguments ?? {}, timeoutMs, ...paceOf(domain.pack.live) }, { reset: true });
  const what = `the reset tool ${reset.tool} on the MCP server '${reset.server}'`;
  if ("error" in a) throw new Error(`${what} failed (${a.error === "timeout" ? `no answer within ${timeoutMs} ms` : a.message}); is the server up?`);
  if (a.result.isError) throw new Error(`${what} answered with an error: ${errorOf(reset.tool, valueOf(a.result)).message}`);
}

/** Where the pack's server NAME is (the loader checked it is declared); a stdio server's directory is relative to the pack's. */
function serverOf(domain: LoadedDomain, name: string): OutMcpServer {
  const s: McpServerSpec | undefined = domain.pack.live?.mcp?.[name];
  if (!s) throw new Error(`no MCP server '${name}' in the pack's live.mcp`);
  const values = (m: LiveSpec["headers"]): OutHeader[] => Object.entries(m ?? {}).map(([n, v]) => (typeof v === "string" ? { name: n, value: v } : { name: n, env: v.env }));
  if ("url" in s) return { url: s.url, headers: values(s.headers) };
  const cwd = s.cwd === undefined ? domain.dir : isAbsolute(s.cwd) ? s.cwd : resolve(domain.dir, s.cwd);
  return { command: s.command, args: s.args ?? [], env: values(s.env), cwd };
}

/** What a result says: its structuredContent, else its text parts joined (parsed when that is JSON), else its other parts. */
function valueOf(r: McpToolResult): unknown {
  if (r.structuredContent !== undefined) return r.structuredContent;
  const texts = r.content.filter((c) => c.type === "text" && typeof c.text === "string").map((c) => c.text as string);
  if (texts.length === 0) return r.content.length > 0 ? { content: r.content } : undefined;
  const text = texts.join("\n");
  try {
    return JSON.parse(text);
  } catch {
    return text;
  }
}

const word = (v: unknown): string | undefined => (typeof v === "string" && v.trim() ? v.trim() : undefined);
const SLUG = /^[A-Za-z][A-Za-z0-9_]*$/;

/**
 * The error an `isError` result states: type from `error.type`, `error.code`, `type`, `code`,
 * or `error` when it is a word beside a `message` (`{"error": "not_found", "message": …}`),
 * else `tool_error`; message from `error.message`, `message`, `error` (text), `detail`, else
 * the text itself.
 */
function errorOf(tool: string, value: unknown): ToolError {
  let type: string | undefined;
  let message: string | undefined;
  if (value && typeof value === "object" && !Array.isArray(value)) {
    const v = value as Record<string, unknown>;
    const e = v.error && typeof v.error === "object" ? (v.error as Record<string, unknown>) : undefined;
    type = [e?.type, e?.code, v.type, v.code, word(v.message) ? v.error : undefined].map(word).find((t) => t !== undefined && SLUG.test(t));
    message = word(e?.message) ?? word(v.message) ?? (e ? undefined : word(v.error)) ?? word(v.detail);
  } else message = word(value);
  return { type: type?.toLowerCase() ?? "tool_error", message: message ?? `${tool} failed` };
}

/** The JSON-RPC error codes a server refuses a call with. */
function rpcType(code: number): string {
  if (code === -32602) return "bad_arguments";
  if (code === -32601) return "unknown_tool";
  return "server_error";
}

/**
 * The tool result of an answer, as the http op makes one: an object as it is (its `results`
 * list, when it has one, is what failure injection cuts), a list as `{results: [...]}`, another value as `{result: ...}`, nothing as `{}`; `isError` is an error
 * result (see errorOf); no answer is a timeout or an unavailable server; a JSON-RPC error is
 * bad_arguments (-32602), unknown_tool (-32601) or server_error, with its code.
 */
function answerOf(tool: string, a: McpAnswer, timeoutMs: number): OpResult {
  if ("error" in a) {
    if (a.error === "timeout") return fail("timeout", `${tool} did not respond within ${timeoutMs / 1000} s; try again.`);
    if (a.error === "network") return fail("unavailable", `${tool} could not reach its backend (${a.message}); try again later.`);
    return fail(rpcType(a.code), a.message || `${tool} failed`, { code: a.code });
  }
  const value = valueOf(a.result);
  if (a.result.isError) {
    const { type, message } = errorOf(tool, value);
    return fail(type, message);
  }
  if (value === undefined) return { ok: true, data: {} };
  if (Array.isArray(value)) return { ok: true, data: { results: value }, list: "results" };
  if (value && typeof value === "object") {
    // `{results: [...]}`, the declarative searches' shape: a list failure injection can empty or cut.
    const data = value as Record<string, unknown>;
    return Array.isArray(data.results) ? { ok: true, data, list: "results" } : { ok: true, data };
  }
  return { ok: true, data: { result: value } };
}
