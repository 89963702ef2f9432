import type { Accounting } from "./accounting.js";
import type { DiskCache } from "./cache.js";
import { estimate, unsupportedFeature, type RawCompletion } from "./completion.js";
import type { LlmConfig } from "./config.js";
import { LlmConfigError, LlmError, UnsupportedFeature } from "./errors.js";
import type { JsonPoster } from "./http.js";
import type { Limiter, Outcome } from "./limiter.js";
import { backoffMs, classify } from "./retry.js";

/**
 * A request on the wire: sent under the limiter's permits, retried with backoff, its answer
 * cached before the permit goes back; a failure that no retry can mend (a refused key, a wrong
 * address or model) stops the run with what to check.
 */
export class Transport {
  /** Whether the server has answered anything yet (an error status counts): until then, a refused connection may mean a wrong --base-url. */
  private reached = false;

  constructor(
    private readonly config: LlmConfig,
    private readonly http: JsonPoster,
    private readonly limiter: Limiter,
    private readonly cache: DiskCache | undefined,
    private readonly accounting: Accounting,
    private readonly redact: (text: string) => string,
  ) {}

  async fetch(role: string, endpoint: "chat" | "embeddings", body: Record<string, unknown>, key: string): Promise<unknown> {
    // Serialised once: sent as it is on every attempt, and its length is the token estimate.
    const text = JSON.stringify(body);
    const url = `${this.config.baseURL}/${endpoint === "chat" ? "chat/completions" : "embeddings"}`;
    const estimateTokens = estimate(text) + (typeof body.max_tokens === "number" ? body.max_tokens : 256);
    for (let attempt = 0; ; attempt++) {
      const permit = await this.limiter.acquire(estimateTokens);
      let answer: unknown;
      let failure: ReturnType<typeof classify> | undefined;
      let outcome: Outcome = "ok";
      let used: number | undefined;
      try {
        // The timeout aborts the request, so the server never holds more than --concurrency of ours open.
        answer = await this.http.post(url, text, { apiKey: this.config.apiKey, timeoutMs: this.config.timeoutMs });
        this.reached = true;
        if (endpoint === "chat" && !(answer as RawCompletion)?.choices?.[0]?.message) throw new SyntaxError("no choices[0].message in the answer");
        const u = (answer as RawCompletion).usage;
        if (u && typeof u.prompt_tokens === "number") used = u.prompt_tokens + (u.completion_tokens ?? 0);
      } catch (err) {
        failure = classify(err);
        if (failure.status !== undefined) this.reached = true;
        outcome = failure.pushback ? "pushback" : "error";
      }
      // Into the cache before the permit goes back: a drain after SIGTERM waits for the permits, so no answer is lost.
      if (!failure) {
        try {
          this.cache?.put(key, answer, { model: body.model });
        } finally {
          this.limiter.release(permit, outcome, used);
        }
        return answer;
      }
      this.limiter.release(permit, outcome, used);
      const feature = unsupportedFeature(failure, body);
      if (feature) {
        const message = this.redact(failure.message);
        this.cache?.put(key, { unsupported: feature, message }, { model: body.model });
        throw new UnsupportedFeature(feature, message);
      }
      if (failure.kind === "auth") {
        throw new LlmConfigError(this.redact(`the server at ${this.config.baseURL} refused the API key (${failure.message}): check OPENAI_API_KEY (or --api-key, or apiKeyEnv in --config) and that --base-url is the server the key is for`));
      }
      if (failure.status !== undefined && failure.status >= 300 && failure.status < 400) {
        throw new LlmConfigError(this.redact(`${this.config.baseURL} answered ${failure.message}: pass the address it redirects to as --base-url`));
      }
      if (failure.kind === "not_found") {
        throw new LlmConfigError(this.redact(`${this.config.baseURL} answered 404 for model '${String(body.model)}' (${failure.message}): check --model (the server's name for it) and --base-url (it usually ends in /v1)`));
      }
      if (!failure.retryable) throw new LlmError(failure.kind, this.redact(`the server rejected the request: ${failure.message}`));
      if (attempt >= this.config.retries) {
        // Nothing ever answered at that address: no record can succeed, so the run stops with what to check.
        if (failure.unreachable && !this.reached) {
          throw new LlmConfigError(this.redact(`cannot reach the server at ${this.config.baseURL} (${failure.message}; ${attempt + 1} attempt${attempt ? "s" : ""}): check --base-url / OPENAI_BASE_URL and that the server is running`));
        }
        throw new LlmError(failure.kind, this.redact(`${failure.message} (gave up after ${attempt + 1} attempt${attempt ? "s" : ""}; raise --retries or lower --concurrency)`));
      }
      this.accounting.retry(role);
      await sleep(backoffMs(attempt, this.config.retryBaseMs, this.config.retryMaxMs, failure.retryAfterMs));
    }
  }
}

function sleep(ms: number): Promise<void> {
  return new Promise((resolve) => setTimeout(resolve, ms));
}
