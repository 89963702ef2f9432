import { BatchPending, LlmError } from "../errors.js";

export type Endpoint = "chat" | "embeddings";

/** One request waiting for a batch: its cache key (the line's custom_id), endpoint and body. */
export interface WantedRequest {
  key: string;
  endpoint: Endpoint;
  body: Record<string, unknown>;
}

/** A request that failed for good in a batch (not retryable, or out of retries). */
export interface FailedRequest {
  kind: string;
  message: string;
}

/** Where the client sends a request the cache cannot answer in batch mode: the answer, once a batch has it. */
export interface RoundSink {
  want(key: string, endpoint: Endpoint, body: Record<string, unknown>): Promise<unknown>;
}

/**
 * The requests a pass of batch mode could not answer from the cache: the next request of
 * every unfinished record, each once however many records ask it. The client calls
 * `want` on a cache miss, which throws BatchPending, so the record stops there.
 */
export class RoundRequests implements RoundSink {
  readonly wanted = new Map<string, WantedRequest>();

  constructor(private readonly failedFor: (key: string) => FailedRequest | undefined) {}

  want(key: string, endpoint: Endpoint, body: Record<string, unknown>): never {
    const failed = this.failedFor(key);
    if (failed) throw new LlmError(failed.kind, failed.message);
    if (!this.wanted.has(key)) this.wanted.set(key, { key, endpoint, body });
    throw new BatchPending();
  }

  /** The round's requests, and a fresh start for the next pass. */
  take(): WantedRequest[] {
    const out = [...this.wanted.values()];
    this.wanted.clear();
    return out;
  }
}
