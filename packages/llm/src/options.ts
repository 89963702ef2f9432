import type { OptionSpec } from "@chatmill/kit";

/** Roles that get their own --ROLE-model flag; any other role name can be set in --config. */
export const ROLE_FLAGS = ["user", "assistant", "writer", "judge"] as const;

const roleText: Record<(typeof ROLE_FLAGS)[number], string> = {
  user: "the user simulator",
  assistant: "the assistant that calls tools",
  writer: "scenarios, personas, llm-map",
  judge: "grading and annotation; also 'annotator'",
};

/**
 * The flags of the LLM layer. Every generating tool appends them to its spec's options;
 * none has a default here, so environment and --config can fill what flags leave out.
 */
export const llmOptions: OptionSpec[] = [
  { name: "engine", type: "string", placeholder: "ENGINE", choices: ["offline", "openai"], description: "offline: the built-in seeded generator, no network; openai: any OpenAI-compatible endpoint (OpenAI, vLLM, Ollama, LM Studio, llama.cpp server)" },
  { name: "base-url", type: "string", placeholder: "URL", description: "endpoint of the OpenAI-compatible API, e.g. http://localhost:8000/v1 (vLLM), http://localhost:11434/v1 (Ollama); else env OPENAI_BASE_URL, else --config, else https://api.openai.com/v1" },
  { name: "api-key", type: "string", placeholder: "KEY", description: "API key; prefer env OPENAI_API_KEY (a flag is visible to other users in ps); local servers need none" },
  { name: "model", short: "m", type: "string", placeholder: "NAME", description: "model for every role; else env CHATMILL_MODEL, else --config" },
  { name: "config", type: "string", placeholder: "FILE", description: "JSON file with the LLM settings, per-role settings (model, temperature, top_p, max_tokens, seed, params) and prices; flags and env override it" },
  { name: "concurrency", short: "j", type: "int", placeholder: "N", min: 1, max: 4096, description: "most requests in flight; lowered while the server pushes back (429, 503, rising latency), raised again as it recovers [default: 16]" },
  { name: "rpm", type: "int", placeholder: "N", min: 1, description: "at most N requests per minute" },
  { name: "tpm", type: "int", placeholder: "N", min: 1, description: "at most N tokens per minute (estimated before a request, corrected by the answer's usage)" },
  { name: "timeout", type: "number", placeholder: "S", min: 0.001, description: "seconds before a request is abandoned (aborted, so the server stops on it) and retried [default: 120]" },
  { name: "retries", type: "int", placeholder: "N", min: 0, max: 100, description: "retries of a failed request (429, 5xx, timeout, dropped connection), with exponential backoff and jitter, honouring Retry-After [default: 5]" },
  { name: "repairs", type: "int", placeholder: "N", min: 0, max: 20, description: "times a malformed answer (bad JSON, schema mismatch, cut off, empty, refused, bad tool call) is sent back with a repair prompt before the record fails [default: 2]" },
  { name: "cache", type: "string", placeholder: "DIR", description: "content-addressed answer cache, each answer written as it arrives: answers found there are replayed without a request, so a stopped run resumes where it stopped (after kill -9, at most the requests in flight are asked again) and a finished run replays exactly" },
  { name: "cache-only", type: "boolean", description: "answer only from --cache, never send a request (offline replay); a missing answer fails the record" },
  { name: "emit", type: "string", placeholder: "ORDER", choices: ["ordered", "finished"], description: "ordered: output in input order; finished: each record as soon as it is done [default: ordered]" },
  { name: "temperature", type: "string", placeholder: "T[,T…]", description: "sampling temperature for every role (overrides --config); a comma-separated list draws one per request, as seed 003 does (e.g. 0.7,0.8,0.9,1.0)" },
  { name: "top-p", type: "string", placeholder: "P[,P…]", description: "nucleus sampling for every role; a list draws one per request" },
  { name: "frequency-penalty", type: "string", placeholder: "X[,X…]", description: "frequency penalty (-2 to 2) for every role; a list draws one per request" },
  { name: "presence-penalty", type: "string", placeholder: "X[,X…]", description: "presence penalty (-2 to 2) for every role; a list draws one per request" },
  { name: "max-tokens", type: "int", placeholder: "N", min: 1, description: "most tokens an answer may have, for every role" },
  { name: "param", type: "string", placeholder: "KEY=VALUE", multiple: true, description: "extra request body parameter for servers that take it, e.g. top_k=40, repetition_penalty=1.1, min_p=0.05 (VALUE is JSON when it parses)" },
  ...ROLE_FLAGS.map((role): OptionSpec => ({ name: `${role}-model`, type: "string", placeholder: "NAME", description: `model of the ${role} role (${roleText[role]}), over --model` })),
  { name: "structured", type: "string", placeholder: "MODE", choices: ["auto", "native", "prompt"], description: "JSON answers: native response_format json_schema, prompt (schema in the prompt, JSON extracted from the text), auto (native, prompt when the server refuses it) [default: auto]" },
  { name: "tool-format", type: "string", placeholder: "MODE", choices: ["auto", "native", "hermes"], description: "tool calls: native tools/tool_calls, hermes (<tool_call> text, for models without native support), auto (native; hermes when the server refuses tools) [default: auto]" },
];

/**
 * The flags of batch mode, for the tools that have it (llm-map, dialogue-sim): requests go
 * through the OpenAI Batch API, or through round files for a batch runner of the user's own.
 */
export const batchOptions: OptionSpec[] = [
  { name: "batch", type: "boolean", description: "send the requests through the server's Batch API (/v1/files, /v1/batches; half the price on OpenAI) in rounds: each round sends the next request of every unfinished record as one batch, waits for it, and goes on with the answers; needs --cache DIR, which holds the answers and the round state, so a stopped run (even kill -9, days later, on another machine with DIR) resumes with the same command, repeating no request" },
  { name: "batch-dir", type: "string", placeholder: "DIR", description: "batch mode without a server: write each round's requests to DIR/round-N.input.jsonl and exit 75; run them with any OpenAI-batch runner (vLLM's run_batch), put its output in DIR/round-N.output.jsonl and run the same command again; exit 0 with the records once no round is left (answers kept in DIR/cache unless --cache)" },
  { name: "batch-poll", type: "number", placeholder: "S", min: 0.001, description: "longest wait between two looks at a batch's status (--batch); the looks start 50 ms apart and the wait doubles up to S [default: 30]" },
  { name: "batch-size", type: "int", placeholder: "N", min: 1, max: 50_000, description: "--batch: most records in flight, so most requests in one round's batch (each waits on one request at a time; memory grows with it); --batch-dir: most requests in one batch [default: 10000]" },
];
