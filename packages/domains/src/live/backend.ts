import { createHash } from "node:crypto";
import { createSyncFn } from "synckit";
import { Cassette, describeRequest, keyText, type HttpAnswer, type HttpKey, type LiveAnswer, type McpAnswer, type McpKey, type RequestKey } from "./cassette.js";

export type BackendMode = "live" | "record" | "replay";
export const BACKEND_MODES: readonly BackendMode[] = ["live", "record", "replay"];

/** A header (or an MCP server's environment variable) to send: literal text, or the value of an environment variable (a secret). */
export interface OutHeader {
  name: string;
  value?: string;
  env?: string;
}

export interface OutRequest {
  method: string;
  url: string;
  headers: OutHeader[];
  /** The JSON body, if any. */
  body?: unknown;
  timeoutMs: number;
  /** live.rate_limit.rpm: the pace this backend asks for (not part of the cassette key). */
  rpm?: number;
}

/** Where an MCP server is: a command to start in a directory (stdio), or a URL (streamable HTTP). */
export type OutMcpServer = { command: string; args: string[]; env: OutHeader[]; cwd: string } | { url: string; headers: OutHeader[] };

/** One MCP tool call: the server's name in the pack (what the cassette keys), where it is, the tool and its arguments. */
export interface OutMcpCall {
  server: string;
  at: OutMcpServer;
  tool: string;
  arguments: Record<string, unknown>;
  timeoutMs: number;
  /** live.rate_limit.rpm (not part of the cassette key). */
  rpm?: number;
}

/** Replay found no recorded answer: the run cannot go on byte-identically, so it is not a tool result but an error. */
export class ReplayMissError extends Error {
  override name = "ReplayMissError";
}

/**
 * The live backend cannot work as the pack and the environment set it up: no call can succeed,
 * so the run stops (dialogue-sim exits 5) instead of every dialogue recovering from errors.
 */
export class LiveSetupError extends Error {
  override name = "LiveSetupError";
}

/** A header's (or a server variable's) environment variable is not set: nothing is sent. */
export class MissingSecretError extends LiveSetupError {
  override name = "MissingSecretError";
}

/**
 * A secret too short to redact: every answer is scrubbed of each secret's value, and a value of
 * a few characters ("k") would be cut out of ordinary words ("jac[redacted]ets") in every result.
 */
export class ShortSecretError extends LiveSetupError {
  override name = "ShortSecretError";
}

/** Secrets shorter than this are refused (ShortSecretError) rather than redacted out of ordinary text. */
export const MIN_SECRET_LENGTH = 8;

/** An MCP server that does not start, or does not complete the handshake within the timeout. */
export class McpServerError extends LiveSetupError {
  override name = "McpServerError";
}

export interface BackendOptions {
  mode: BackendMode;
  /** The NDJSON cassette: required to record and to replay; live mode writes none. */
  cassette?: string;
  /** Environment the secrets are read from (default process.env). */
  env?: Record<string, string | undefined>;
}

type WireMcpServer = { command: string; args: string[]; env: Record<string, string>; cwd: string } | { url: string; headers: Record<string, string> };
type WireMessage =
  | { kind: "http"; method: string; url: string; headers: Record<string, string>; body?: string; timeoutMs: number; rpm?: number }
  | { kind: "mcp"; spec: WireMcpServer; tool: string; arguments: Record<string, unknown>; timeoutMs: number; rpm?: number; server: string }
  | { kind: "close" };
type WireAnswer = HttpAnswer | McpAnswer | { error: "start"; message: string } | { closed: number };
type Send = (msg: WireMessage) => WireAnswer;

// One worker for the process, started on the first live request (replay never starts it). It
// holds the MCP connections, so they live as long as the run (LiveBackend.close ends them).
let send: Send | undefined;
function sender(): Send {
  // worker/ sits two levels above both src/live/ and dist/live/.
  send ??= createSyncFn<(msg: WireMessage) => Promise<WireAnswer>>(new URL("../../worker/live-worker.mjs", import.meta.url), { execArgv: [], globalShims: false }) as Send;
  return send;
}

const REDACTED = "[redacted]";
const START = "start";

/**
 * Where the live ops' requests go (`http` requests and `mcp` tool calls): the live backend, the
 * live backend with every answer recorded in a cassette, or the cassette alone (no network).
 * Synchronous: the request runs in a worker thread while the session waits, so the tool runtime
 * stays synchronous. Secrets (header values and MCP server variables from the environment) are
 * sent, never keyed, recorded or returned: the key holds `{env: NAME}`'s name (an MCP call's key
 * holds the server's name only), and any secret value the server echoes is redacted.
 */
export class LiveBackend {
  readonly mode: BackendMode;
  private readonly cassette: Cassette | undefined;
  private readonly seen = new Map<string, number>();
  /** Digest of the requests made since the last reset: with the reset, what the backend's state is. */
  private history = START;
  private readonly env: Record<string, string | undefined>;

  constructor(opts: BackendOptions) {
    this.mode = opts.mode;
    this.env = opts.env ?? process.env;
    if (!BACKEND_MODES.includes(opts.mode)) throw new Error(`backend mode must be live, record or replay, got '${String(opts.mode)}'`);
    if (opts.mode !== "live" && !opts.cassette) throw new Error(`--backend ${opts.mode} needs --cassette FILE`);
    this.cassette = opts.mode === "record" ? Cassette.forRecording(opts.cassette!) : opts.mode === "replay" ? Cassette.forReplay(opts.cassette!) : undefined;
  }

  /** Sends the request (or finds its recorded answer). Throws ReplayMissError and MissingSecretError; any other failure is an answer. */
  request(req: OutRequest, opts: { reset?: boolean } = {}): HttpAnswer {
    return this.exchange(keyOfRequest(req), opts, () => {
      const secrets: string[] = [];
      const headers = this.resolve(req.headers, secrets, "header");
      if (req.body !== undefined) headers["content-type"] ??= "application/json";
      const raw = sender()({ kind: "http", method: req.method, url: req.url, headers, ...(req.body !== undefined ? { body: JSON.stringify(req.body) } : {}), timeoutMs: req.timeoutMs, ...(req.rpm !== undefined ? { rpm: req.rpm } : {}) });
      return { answer: raw as HttpAnswer, secrets };
    }) as HttpAnswer;
  }

  /**
   * Calls the MCP tool (or finds its recorded answer). The server is connected on its first
   * call and stays connected for the run. Throws ReplayMissError, MissingSecretError and
   * McpServerError (the server does not start or answer the handshake); any other failure is an answer.
   */
  callTool(call: OutMcpCall, opts: { reset?: boolean } = {}): McpAnswer {
    const key: McpKey = { mcp: call.server, tool: call.tool, arguments: call.arguments };
    return this.exchange(key, opts, () => {
      const secrets: string[] = [];
      const at = call.at;
      const spec: WireMcpServer = "url" in at ? { url: at.url, headers: this.resolve(at.headers, secrets, "header") } : { command: at.command, args: at.args, env: this.resolve(at.env, secrets, "variable"), cwd: at.cwd };
      const raw = sender()({ kind: "mcp", spec, server: call.server, tool: call.tool, arguments: call.arguments, timeoutMs: call.timeoutMs, ...(call.rpm !== undefined ? { rpm: call.rpm } : {}) });
      if ("error" in raw && raw.error === "start") {
        const where = "url" in at ? at.url : [at.command, ...at.args].join(" ");
        throw new McpServerError(scrub(`the MCP server '${call.server}' (${where}) could not be reached: ${raw.message}; check live.mcp.${call.server} in the pack`, secrets));
      }
      return { answer: raw as McpAnswer, secrets };
    }) as McpAnswer;
  }

  /** Ends the run's MCP connections (a stdio server is stopped); a later call connects again. Nothing to do in replay. */
  close(): void {
    if (send) send({ kind: "close" });
  }

  /** The cassette's bookkeeping around one call: the history, replay, recording. */
  private exchange(key: RequestKey, opts: { reset?: boolean }, live: () => { answer: LiveAnswer; secrets: string[] }): LiveAnswer {
    // A reset starts the backend's state over, so the history starts over with it.
    if (opts.reset) {
      this.seen.clear();
      this.history = START;
    }
    const k = keyText(key);
    const n = (this.seen.get(k) ?? 0) + 1;
    this.seen.set(k, n);
    const after = this.history;
    this.history = createHash("sha256").update(after).update("\u0000").update(k).digest("hex").slice(0, 32);
    if (this.mode === "replay") {
      const answer = this.cassette!.answer(key, after);
      if (!answer) {
        const times = this.cassette!.recorded(key);
        const had = times === 0 ? "it was never recorded" : `it was recorded ${times} time${times === 1 ? "" : "s"}, never after the same earlier requests since the reset`;
        throw new ReplayMissError(`replay miss: no answer in the cassette '${this.cassette!.file}' for ${describeRequest(key)} (${had}); record again with --backend record`);
      }
      return answer;
    }
    const { answer: raw, secrets } = live();
    const answer = redact(raw, secrets);
    this.cassette?.append({ request: key, after, n, answer });
    return answer;
  }

  /** Header or variable values: literal, or read from the environment (collected in `secrets`). */
  private resolve(values: OutHeader[], secrets: string[], what: "header" | "variable"): Record<string, string> {
    const out: Record<string, string> = {};
    for (const h of values) {
      if (h.env !== undefined) {
        const v = this.env[h.env];
        if (v === undefined || v === "") throw new MissingSecretError(`${what} ${h.name} takes its value from the environment variable ${h.env}, which is not set; export it and run again`);
        if (v.length < MIN_SECRET_LENGTH) throw new ShortSecretError(`${what} ${h.name} takes its value from the environment variable ${h.env}, which holds ${v.length} character${v.length === 1 ? "" : "s"}: a secret is redacted wherever an answer echoes it, and one shorter than ${MIN_SECRET_LENGTH} characters would be cut out of ordinary text; give the server a key of at least ${MIN_SECRET_LENGTH} characters`);
        secrets.push(v);
        out[h.name] = v;
      } else out[h.name] = h.value ?? "";
    }
    return out;
  }
}

/** The request as the cassette keys it: header names lower-cased and sorted, a secret as `{env NAME}`. */
function keyOfRequest(req: OutRequest): HttpKey {
  const headers: Record<string, string> = {};
  for (const h of [...req.headers].sort((a, b) => (a.name.toLowerCase() < b.name.toLowerCase() ? -1 : 1))) {
    headers[h.name.toLowerCase()] = h.env !== undefined ? `{env ${h.env}}` : (h.value ?? "");
  }
  return { method: req.method, url: req.url, headers, ...(req.body !== undefined ? { body: req.body } : {}) };
}

const scrub = (text: string, secrets: string[]): string => secrets.reduce((t, s) => t.split(s).join(REDACTED), text);

/** Every string in a JSON value, scrubbed (an MCP result's text parts, structured content, error messages). */
function scrubAll(value: unknown, secrets: string[]): unknown {
  if (typeof value === "string") return scrub(value, secrets);
  if (Array.isArray(value)) return value.map((v) => scrubAll(v, secrets));
  if (value && typeof value === "object") return Object.fromEntries(Object.entries(value).map(([k, v]) => [scrub(k, secrets), scrubAll(v, secrets)]));
  return value;
}

/** A server that echoes a secret (in a body, a result or an error) must not put it in a dialogue or a cassette. */
function redact(answer: LiveAnswer, secrets: string[]): LiveAnswer {
  if (secrets.length === 0) return answer;
  if ("status" in answer) return { ...answer, body: scrub(answer.body, secrets) };
  return scrubAll(answer, secrets) as LiveAnswer;
}
