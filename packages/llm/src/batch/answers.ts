import type { Llm } from "../client.js";
import { unsupportedFeature } from "../completion.js";
import type { Failure } from "../retry.js";
import type { LedgerData } from "./ledger.js";
import type { LineResult } from "./lines.js";
import type { FailedRequest, WantedRequest } from "./requests.js";

/** What a round's batches settled: answers (or refusals) by key, and requests that failed for good. */
export interface Outcome {
  answered: Map<string, unknown>;
  failed: Map<string, FailedRequest>;
}

export interface AppliedCounts {
  answered: number;
  retry: number;
  failed: number;
}

/** A failure the next round may try again (the batch expired, failed, or had no line for the request). */
export function retryable(kind: string, message: string): Failure {
  return { kind, message, retryable: true, pushback: false, retryAfterMs: undefined, status: undefined };
}

/**
 * A batch's results into the cache and the ledger; a failure is retried next round (429, 5xx,
 * expired, missing) until --retries, or fails its records for good (400…); a refused
 * response_format or tools is cached as such, so the tool falls back as it does in direct mode.
 * `missing`: the failure of a request the results have no line for.
 */
export function applyResults(llm: Llm, d: LedgerData, requests: Map<string, WantedRequest>, results: Map<string, LineResult>, missing: Failure, outcome?: Outcome): AppliedCounts {
  const counts = { answered: 0, retry: 0, failed: 0 };
  const cache = llm.cache!;
  for (const [key, req] of requests) {
    const r = results.get(key);
    if (r && "answer" in r) {
      cache.put(key, r.answer, { model: req.body.model });
      delete d.attempts[key];
      const u = (r.answer as { usage?: { prompt_tokens?: number; completion_tokens?: number } }).usage;
      d.spent.requests += 1;
      d.spent.prompt_tokens += u?.prompt_tokens ?? 0;
      d.spent.completion_tokens += u?.completion_tokens ?? 0;
      counts.answered += 1;
      outcome?.answered.set(key, r.answer);
      continue;
    }
    const failure = r ? r.failure : missing;
    const feature = unsupportedFeature(failure, req.body);
    if (feature) {
      const refused = { unsupported: feature, message: llm.redact(failure.message) };
      cache.put(key, refused, { model: req.body.model });
      counts.answered += 1;
      outcome?.answered.set(key, refused);
      continue;
    }
    const tries = (d.attempts[key] ?? 0) + 1;
    if (!failure.retryable || tries > llm.config.retries) {
      const after = failure.retryable ? ` (gave up after ${tries} batch${tries > 1 ? "es" : ""}; raise --retries)` : "";
      d.failed[key] = { kind: failure.kind, message: llm.redact(`the batch did not answer the request: ${failure.message}${after}`) };
      outcome?.failed.set(key, d.failed[key]);
      delete d.attempts[key];
      counts.failed += 1;
    } else {
      d.attempts[key] = tries;
      counts.retry += 1;
    }
  }
  return counts;
}

/** The ledger's spending, as the progress lines say it. */
export function spentText(d: LedgerData): string {
  const s = d.spent;
  return `spent ${s.requests} requests, ${s.prompt_tokens + s.completion_tokens} tokens in ${s.batches} batch${s.batches === 1 ? "" : "es"}`;
}
