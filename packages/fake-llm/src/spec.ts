import { readPackageVersion, type ToolSpec } from "@chatmill/kit/cli";

export const spec: ToolSpec = {
  name: "chatmill-fake-llm",
  version: readPackageVersion(import.meta.url),
  summary: "a fake OpenAI-compatible server for tests and dry runs, with injected faults",
  usage: "[options]",
  input: "none",
  common: { errors: false },
  description: `Serves POST /v1/chat/completions (plain answers, tool calls, JSON mode and
json_schema), POST /v1/embeddings, GET /v1/models and the Batch API (POST /v1/files with
purpose batch, GET /v1/files/ID/content, POST /v1/batches, GET /v1/batches[/ID]) on 127.0.0.1, and prints its
base URL (http://127.0.0.1:PORT/v1) as the one line on stdout, so a script started
with --port 0 can read which port it got.
Answers are made from the request, so the same request always gets the same answer:
JSON that matches the requested schema, a call of the tool named in the last message
(or the first tool), otherwise a short reply quoting the last message. --script
replaces them with your own. Faults are drawn per request with the given rates, from
--seed and the request body, so a run's faults do not depend on timing.
A batch ends --batch-ms after it is created; each of its lines is answered exactly as the
same request sent alone would be (a batch run and a direct run make the same records), and
counts in the figures below like one. Batch faults: batch-expire=P (that share of batches
expire with about half their lines done; the rest are in the error file, code
batch_expired), batch-fail=P (that share of lines fail with a 500 in the error file),
batch-shuffle=P (that share of output files come in a shuffled order). Per-request faults
apply to lines too: 429/500/503 as error-file lines, truncate/empty/refusal in the answer.
GET /v1/stats returns what it served: requests, completed, distinct, repeated (request
bodies answered more than once: a resumed run must keep this at 0), aborted (requests
the client gave up on, counted when it closes them), faults, inFlight and maxInFlight
(requests open now and at most: a client that aborts what it gives up on keeps this at
its concurrency), activeMs (first request to last answer, for throughput figures).
It runs until SIGINT/SIGTERM and then prints those figures on stderr.`,
  options: [
    { name: "port", short: "p", type: "int", placeholder: "N", default: 0, min: 0, max: 65535, description: "port to listen on; 0 picks a free one" },
    { name: "host", type: "string", placeholder: "HOST", default: "127.0.0.1", description: "address to listen on" },
    { name: "delay-ms", type: "int", placeholder: "MS", default: 0, min: 0, description: "time before each answer, like a model generating" },
    { name: "faults", type: "string", placeholder: "SPEC", description: "fault rates, e.g. 429=0.05,500=0.02,503=0.03,drop=0.01,malformed=0.01,slow=0.05,truncate=0.02,empty=0.01,refusal=0.01; for batches batch-expire=0.2,batch-fail=0.05,batch-shuffle=1" },
    { name: "batch-ms", type: "int", placeholder: "MS", default: 100, min: 0, description: "time from a batch's creation to its end (completed, or expired)" },
    { name: "slow-ms", type: "int", placeholder: "MS", default: 2000, min: 0, description: "extra time a 'slow' fault adds" },
    { name: "retry-after", type: "number", placeholder: "S", default: 1, min: 0, description: "seconds sent in Retry-After (and retry-after-ms) with 429 and 503" },
    { name: "script", type: "string", placeholder: "FILE", description: "NDJSON rules, first match answers: {\"match\":\"text in last message\",\"times\":1,\"reply\":{\"content\":\"...\"}} (reply may set tool_calls, finish_reason, refusal, status, error, delayMs)" },
    { name: "log", type: "string", placeholder: "FILE", description: "append each request ({path, body}) to FILE as NDJSON, to see what a client sends" },
    { name: "no-usage", type: "boolean", description: "leave 'usage' out of answers, as some local servers do" },
    { name: "reject-response-format", type: "boolean", description: "answer 400 to response_format json_schema, as servers without structured output do" },
    { name: "tools", type: "string", placeholder: "MODE", choices: ["native", "hermes", "reject"], default: "native", description: "native: tool_calls; hermes: calls as <tool_call> text; reject: 400 when tools are sent" },
  ],
  examples: [
    { what: "dry-run a pipeline without a key or a GPU", cmd: "chatmill-fake-llm --port 8099 & OPENAI_BASE_URL=http://127.0.0.1:8099/v1 llm-map --model fake --prompt 'Summarise: {{text}}' < docs.ndjson" },
    { what: "a flaky, slow server: 200 ms answers, 10% 429/5xx", cmd: "chatmill-fake-llm --delay-ms 200 --faults 429=0.04,500=0.03,503=0.03 --retry-after 0.5" },
    { what: "how many requests it served", cmd: "curl -s http://127.0.0.1:8099/v1/stats" },
  ],
};
