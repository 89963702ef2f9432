import { HttpStatusError } from "../http.js";
import { classify, type Failure } from "../retry.js";
import type { Endpoint, WantedRequest } from "./requests.js";

/** The URL a batch line names for each endpoint (and the batch's `endpoint`). */
export const BATCH_URL: Record<Endpoint, string> = { chat: "/v1/chat/completions", embeddings: "/v1/embeddings" };

/** One line of a batch input file: {custom_id, method, url, body}; custom_id is the request's cache key. */
export function inputLine(w: WantedRequest): string {
  return JSON.stringify({ custom_id: w.key, method: "POST", url: BATCH_URL[w.endpoint], body: w.body });
}

/** The requests of an input file, by custom_id. Lines that are not ours are passed over. */
export function readInputFile(text: string): Map<string, WantedRequest> {
  const out = new Map<string, WantedRequest>();
  for (const line of text.split("\n")) {
    if (!line.trim()) continue;
    try {
      const v = JSON.parse(line) as { custom_id?: unknown; url?: unknown; body?: unknown };
      if (typeof v.custom_id !== "string" || !v.body || typeof v.body !== "object") continue;
      out.set(v.custom_id, { key: v.custom_id, endpoint: v.url === BATCH_URL.embeddings ? "embeddings" : "chat", body: v.body as Record<string, unknown> });
    } catch {
      // a damaged line: its request is simply asked again
    }
  }
  return out;
}

export type LineResult = { answer: unknown } | { failure: Failure };

/**
 * The results of output and error files (OpenAI's, vLLM run_batch's), by custom_id — never
 * by position: a runner may write them in any order. A 200 with a usable body is an
 * answer; anything else is a failure, classified as the same status would be for a direct
 * request (429 and 5xx retryable, 400 not); `error: {code}` lines (batch_expired …) are retryable.
 * An answer wins over a failure for the same id (a runner that retried inside the batch).
 */
export function readResults(texts: string[], into = new Map<string, LineResult>()): Map<string, LineResult> {
  for (const text of texts) {
    for (const line of text.split("\n")) {
      if (!line.trim()) continue;
      let v: { custom_id?: unknown; response?: { status_code?: unknown; body?: unknown } | null; error?: { code?: unknown; message?: unknown } | null };
      try {
        v = JSON.parse(line) as typeof v;
      } catch {
        continue; // a damaged line: its request has no result and is sent again
      }
      if (typeof v.custom_id !== "string") continue;
      const result = lineResult(v);
      const prior = into.get(v.custom_id);
      if (prior && "answer" in prior) continue;
      into.set(v.custom_id, result);
    }
  }
  return into;
}

function lineResult(v: { response?: { status_code?: unknown; body?: unknown } | null; error?: { code?: unknown; message?: unknown } | null }): LineResult {
  const status = typeof v.response?.status_code === "number" ? v.response.status_code : undefined;
  const body = v.response?.body;
  if (status === 200 && body && typeof body === "object") {
    const b = body as { choices?: Array<{ message?: unknown }>; data?: unknown };
    if (b.choices?.[0]?.message || Array.isArray(b.data)) return { answer: body };
    return { failure: classify(new SyntaxError("no choices[0].message in the answer")) };
  }
  if (status !== undefined && status !== 200) {
    const message = (body as { error?: { message?: unknown } } | undefined)?.error?.message;
    return { failure: classify(new HttpStatusError(status, typeof message === "string" ? message : `status ${status}`, {})) };
  }
  const code = typeof v.error?.code === "string" ? v.error.code : "batch_error";
  const message = typeof v.error?.message === "string" ? v.error.message : "the batch gave no answer for this request";
  return { failure: { kind: code, message: `${code}: ${message}`, retryable: true, pushback: false, retryAfterMs: undefined, status: undefined } };
}
