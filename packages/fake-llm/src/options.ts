import type { Answer } from "./answers.js";
import type { FaultRates } from "./faults.js";

/** A scripted answer: the first rule whose `match` is in the last message (and `model`, if set) answers. */
export interface ScriptRule {
  /** Substring of the last message's text; omitted = any request. */
  match?: string;
  /** Substring of any message's text. */
  matchAny?: string;
  model?: string;
  /** How many requests this rule answers before it stops matching (default: all). */
  times?: number;
  reply: Partial<Answer> & { status?: number; error?: string; headers?: Record<string, string>; delayMs?: number };
}

export interface FakeLlmOptions {
  host?: string;
  port?: number;
  /** Milliseconds before each answer (the model "thinking"). */
  delayMs?: number;
  /** Extra milliseconds for a "slow" fault. */
  slowMs?: number;
  faults?: FaultRates;
  /** Seconds sent in Retry-After with 429 and 503 (fractions allowed; also sent as retry-after-ms). */
  retryAfter?: number;
  seed?: number;
  script?: ScriptRule[];
  /** Leave `usage` out of answers, as some local servers do. */
  noUsage?: boolean;
  /** Answer 400 to response_format json_schema, as servers without structured output do. */
  rejectResponseFormat?: boolean;
  /** native: tool_calls; hermes: calls written as <tool_call> text in content; reject: 400 when tools are sent. */
  tools?: "native" | "hermes" | "reject";
  /** Append each request (path and body) to this file as NDJSON, to see what a client sends. */
  log?: string;
  /** Milliseconds a batch takes from its creation to its end (default 100). */
  batchMs?: number;
}

export interface FakeLlmStats {
  /** Requests received, whatever happened to them. */
  requests: number;
  /** Requests answered with a complete 200 answer. */
  completed: number;
  /** Distinct request bodies answered. */
  distinct: number;
  /** Request bodies answered more than once (a resumed run should make this 0). */
  repeated: number;
  /** Requests the client gave up on before the answer. */
  aborted: number;
  faults: Record<string, number>;
  /** Requests open now: received and neither answered nor given up on by the client. */
  inFlight: number;
  /** Most requests open at once: a client that aborts what it gives up on keeps this at its concurrency. */
  maxInFlight: number;
  /** Milliseconds from the first request's arrival to the last answer's end (0 before any answer): the span a throughput is measured over. */
  activeMs: number;
  byPath: Record<string, number>;
}

export interface FakeLlm {
  /** Base URL to give a client, ending in /v1. */
  url: string;
  stats(): FakeLlmStats;
  reset(): void;
  close(): Promise<void>;
}
