import { createHash } from "node:crypto";
import { createSyncFn } from "synckit";
import { Cassette, describeRequest, keyText, type HttpAnswer, type RequestKey } from "./cassette.js";

export type BackendMode = "live" | "record" | "replay";
export const BACKEND_MODES: readonly BackendMode[] = ["live", "record", "replay"];

/** A header to send: literal text, or the value of an environment variable (a secret). */
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
}

/** Replay found no recorded answer: the run cannot go on byte-identically, so it is not a tool result but an error. */
export class ReplayMissError extends Error {
  override name = "ReplayMissError";
}

/** A header's environment variable is not set: the request is not sent. */
export class MissingSecretError extends Error {
  override name = "MissingSecretError";
}

export interface BackendOptions {
  mode: BackendMode;
  /** The NDJSON cassette: required to record and to replay; live mode writes none. */
  cassette?: string;
  /** Environment the secrets are read from (default process.env). */
  env?: Record<string, string | undefined>;
}

interface WireRequest {
  method: string;
  url: string;
  headers: Record<string, string>;
  body?: string;
  timeoutMs: number;
}
type Send = (req: WireRequest) => HttpAnswer;

// One worker for the process, started on the first live request (replay never starts it).
let send: Send | undefined;
function sender(): Send {
  // worker/ sits two levels above both src/live/ and dist/live/.
  send ??= createSyncFn<(req: WireRequest) => Promise<HttpAnswer>>(new URL("../../worker/http-worker.mjs", import.meta.url), { execArgv: [], globalShims: false }) as Send;
  return send;
}

const REDACTED = "[redacted]";
const START = "start";

/**
 * Where the `http` op's requests go: the live backend, the live backend with every answer
 * recorded in a cassette, or the cassette alone (no network). Synchronous: the request runs in
 * a worker thread while the session waits, so the tool runtime stays synchronous.
 * Secrets (header values from the environment) are sent, never keyed, recorded or returned:
 * the key holds `{env: NAME}`'s name, and any secret value the server echoes is redacted.
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
    // A reset starts the backend's state over, so the history starts over with it.
    if (opts.reset) {
      this.seen.clear();
      this.history = START;
    }
    const key = keyOf(req);
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
    const secrets: string[] = [];
    const headers: Record<string, string> = {};
    for (const h of req.headers) {
      if (h.env !== undefined) {
        const v = this.env[h.env];
        if (v === undefined || v === "") throw new MissingSecretError(`header ${h.name} takes its value from the environment variable ${h.env}, which is not set; export it and run again`);
        secrets.push(v);
        headers[h.name] = v;
      } else headers[h.name] = h.value ?? "";
    }
    if (req.body !== undefined) headers["content-type"] ??= "application/json";
    const raw = sender()({ method: req.method, url: req.url, headers, ...(req.body !== undefined ? { body: JSON.stringify(req.body) } : {}), timeoutMs: req.timeoutMs });
    const answer = redact(raw, secrets);
    this.cassette?.append({ request: key, after, n, answer });
    return answer;
  }
}

/** The request as the cassette keys it: header names lower-cased and sorted, a secret as `{env NAME}`. */
function keyOf(req: OutRequest): RequestKey {
  const headers: Record<string, string> = {};
  for (const h of [...req.headers].sort((a, b) => (a.name.toLowerCase() < b.name.toLowerCase() ? -1 : 1))) {
    headers[h.name.toLowerCase()] = h.env !== undefined ? `{env ${h.env}}` : (h.value ?? "");
  }
  return { method: req.method, url: req.url, headers, ...(req.body !== undefined ? { body: req.body } : {}) };
}

/** A server that echoes a secret (in a body or an error) must not put it in a dialogue or a cassette. */
function redact(answer: HttpAnswer, secrets: string[]): HttpAnswer {
  const scrub = (text: string) => secrets.reduce((t, s) => t.split(s).join(REDACTED), text);
  if ("status" in answer) return { ...answer, body: scrub(answer.body) };
  if (answer.error === "network") return { error: "network", message: scrub(answer.message) };
  return answer;
}
