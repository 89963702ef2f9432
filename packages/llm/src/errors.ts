import { ConfigError } from "@chatmill/kit";

/** A call that failed for good (after retries and repairs): the record goes to the dead letters. */
export class LlmError extends Error {
  override name = "LlmError";
  constructor(
    /** Short reason, used as the dead-letter kind: rate_limited, timeout, invalid_output, cache_miss … */
    readonly kind: string,
    message: string,
  ) {
    super(message);
  }
}

/**
 * A failure no record can get past (key refused, unknown model, endpoint unreachable):
 * the run stops, and the CLI frame exits with status 5 and the message, which says what to check.
 */
export class LlmConfigError extends ConfigError {
  override name = "LlmConfigError";
}

/** The server does not take response_format json_schema or tools; the caller falls back to prompting. */
export class UnsupportedFeature extends Error {
  override name = "UnsupportedFeature";
  constructor(
    readonly feature: "response_format" | "tools",
    message: string,
  ) {
    super(message);
  }
}

/**
 * Batch mode: the request is not answered yet; it goes into the round's batch. An LlmError,
 * so a tool's usual failure path hands the record back (ctx.fail with kind batch_pending),
 * and the round driver knows which records are still unfinished.
 */
export class BatchPending extends LlmError {
  override name = "BatchPending";
  constructor() {
    super("batch_pending", "the answer is not in yet: the request is in this round's batch");
  }
}
