import { HttpStatusError, RequestTimeout } from "./http.js";

export interface Failure {
  /** Short reason counted in the summary and used as the dead-letter kind. */
  kind: string;
  message: string;
  retryable: boolean;
  /** The server asked us to slow down (429, 503) or stopped answering in time. */
  pushback: boolean;
  /** Milliseconds the server asked to wait (Retry-After / retry-after-ms). */
  retryAfterMs: number | undefined;
  status: number | undefined;
  /** No connection could be made at all (refused, unknown host, no route): the endpoint may be wrong. */
  unreachable?: boolean;
}

/** Connection errors that mean nothing answers at that address (as opposed to a dropped connection). */
const UNREACHABLE = new Set(["ECONNREFUSED", "ENOTFOUND", "EAI_AGAIN", "EHOSTUNREACH", "ENETUNREACH", "UND_ERR_CONNECT_TIMEOUT"]);

/** Sorts an error from JsonPoster.post (http.ts) into what to do next. */
export function classify(err: unknown): Failure {
  if (err instanceof Error && err.name === "TimeoutError") {
    const unreachable = err instanceof RequestTimeout && err.connecting;
    return { kind: "timeout", message: unreachable ? err.message : "the request timed out", retryable: true, pushback: true, retryAfterMs: undefined, status: undefined, unreachable };
  }
  if (err instanceof HttpStatusError) {
    const status = err.status;
    const retryAfterMs = parseRetryAfter(err.headers);
    const message = err.message;
    if (status === 429) return { kind: "rate_limited", message, retryable: true, pushback: true, retryAfterMs, status };
    if (status === 503) return { kind: "server_overloaded", message, retryable: true, pushback: true, retryAfterMs, status };
    if (status >= 500 || status === 408 || status === 409) return { kind: "server_error", message, retryable: true, pushback: false, retryAfterMs, status };
    return { kind: status === 401 || status === 403 ? "auth" : status === 404 ? "not_found" : "bad_request", message, retryable: false, pushback: false, retryAfterMs, status };
  }
  if (err instanceof SyntaxError) {
    return { kind: "malformed_response", message: `the server's answer is not valid JSON (${err.message})`, retryable: true, pushback: false, retryAfterMs: undefined, status: undefined };
  }
  const cause = err instanceof Error ? (err.cause as (Error & { code?: string }) | undefined) : undefined;
  const message = err instanceof Error ? (cause instanceof Error ? `${err.message}: ${cause.message}` : err.message) : String(err);
  const code = (err as { code?: unknown } | null)?.code ?? cause?.code;
  const unreachable = typeof code === "string" && UNREACHABLE.has(code);
  return { kind: "connection", message, retryable: true, pushback: false, retryAfterMs: undefined, status: undefined, unreachable };
}

/** Milliseconds from retry-after-ms, or Retry-After as seconds or an HTTP date. */
export function parseRetryAfter(headers: Headers | Record<string, string | string[] | undefined> | undefined, now = Date.now()): number | undefined {
  if (!headers) return undefined;
  const get = (k: string) => {
    const v = headers instanceof Headers ? headers.get(k) : (headers[k] ?? headers[k.toLowerCase()]);
    return Array.isArray(v) ? v[0] : (v ?? undefined);
  };
  const ms = get("retry-after-ms");
  if (ms !== undefined && ms !== null && Number.isFinite(Number(ms))) return Math.max(0, Number(ms));
  const ra = get("retry-after");
  if (ra === undefined || ra === null || ra === "") return undefined;
  const seconds = Number(ra);
  if (Number.isFinite(seconds)) return Math.max(0, seconds * 1000);
  const date = Date.parse(ra);
  return Number.isNaN(date) ? undefined : Math.max(0, date - now);
}

/**
 * Wait before retry number `attempt` (0-based): what the server asked for (Retry-After)
 * plus up to 10% so the waiting requests do not all return at once; otherwise
 * exponential with jitter in [50%, 150%], capped.
 */
export function backoffMs(attempt: number, baseMs: number, maxMs: number, retryAfterMs: number | undefined, random = Math.random): number {
  if (retryAfterMs !== undefined) return retryAfterMs * (1 + 0.1 * random());
  return Math.min(maxMs, Math.min(maxMs, baseMs * 2 ** attempt) * (0.5 + random()));
}
