import { APIConnectionTimeoutError, APIError } from "openai";

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
}

/** Sorts an error from the openai client into what to do next. */
export function classify(err: unknown): Failure {
  if (err instanceof APIConnectionTimeoutError || (err instanceof Error && (err.name === "TimeoutError" || /timed? ?out/i.test(err.message) && !(err instanceof APIError && err.status)))) {
    return { kind: "timeout", message: "the request timed out", retryable: true, pushback: true, retryAfterMs: undefined, status: undefined };
  }
  if (err instanceof APIError && typeof err.status === "number") {
    const status = err.status;
    const retryAfterMs = parseRetryAfter(err.headers);
    const message = `${status} ${apiMessage(err)}`;
    if (status === 429) return { kind: "rate_limited", message, retryable: true, pushback: true, retryAfterMs, status };
    if (status === 503) return { kind: "server_overloaded", message, retryable: true, pushback: true, retryAfterMs, status };
    if (status >= 500 || status === 408 || status === 409) return { kind: "server_error", message, retryable: true, pushback: false, retryAfterMs, status };
    return { kind: status === 401 || status === 403 ? "auth" : status === 404 ? "not_found" : "bad_request", message, retryable: false, pushback: false, retryAfterMs, status };
  }
  if (err instanceof SyntaxError) {
    return { kind: "malformed_response", message: `the server's answer is not valid JSON (${err.message})`, retryable: true, pushback: false, retryAfterMs: undefined, status: undefined };
  }
  const message = err instanceof Error ? (err.cause instanceof Error ? `${err.message}: ${err.cause.message}` : err.message) : String(err);
  return { kind: "connection", message, retryable: true, pushback: false, retryAfterMs: undefined, status: undefined };
}

function apiMessage(err: APIError): string {
  const body = err.error as { message?: unknown } | undefined;
  if (body && typeof body.message === "string") return body.message;
  return err.message.replace(/^\d{3}\s*/, "");
}

/** Milliseconds from retry-after-ms, or Retry-After as seconds or an HTTP date. */
export function parseRetryAfter(headers: Headers | Record<string, string> | undefined, now = Date.now()): number | undefined {
  if (!headers) return undefined;
  const get = (k: string) => (headers instanceof Headers ? headers.get(k) : (headers[k] ?? headers[k.toLowerCase()])) ?? undefined;
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
