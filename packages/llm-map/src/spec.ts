import { readPackageVersion, type ToolSpec } from "@chatmill/kit/cli";
import { batchOptions, llmOptions } from "@chatmill/llm/options";

export const spec: ToolSpec = {
  name: "llm-map",
  version: readPackageVersion(import.meta.url),
  summary: "send each record through an LLM prompt and write the answer into a field",
  input: "ndjson",
  common: { shard: true },
  exitCodes: ["75 --batch-dir: a round's requests wait in DIR for your batch runner; run the same command again once its output is there"],
  description: `For each record, fills the prompt template and asks the model; the answer goes into
--field (text, or with --json-schema the parsed JSON object, checked against the schema).
Placeholders: {{field}} or {{a.b}} inserts a field (text as it is, other values as
JSON), {{json}} the whole record as JSON, {{json:a.b}} a field as JSON. A record
without a field the prompt uses is bad input (exit 3). Each record's usage (calls,
tokens, models, cost) goes into meta.llm.
Calls that fail (429, 5xx, timeouts, dropped connections) are retried with backoff;
answers that are cut off, empty, refused or do not match the schema are sent back
with a repair prompt; a record whose calls still fail goes to --errors with the
reason (exit 4, or 0 with --on-error skip) and the run goes on.
A request given up on after --timeout is aborted, so the server never has more than
--concurrency of them open. A key the server refuses (401/403), an unknown model
(404) or an address where nothing answers stops the run with exit status 5 and says
which of OPENAI_API_KEY, --model or --base-url to check.
With --cache DIR, every answer is kept on disk the moment it arrives: interrupt the
run (Ctrl-C waits for the requests in flight; a second Ctrl-C quits at once), run the
same command again, and it resumes without asking anything twice; its output is the
same as an uninterrupted run's. After kill -9, at most the requests that were in
flight (≤ --concurrency) are asked again. --cache-only replays a finished run offline.
Batch mode, for large jobs that can wait (OpenAI's Batch API costs half): --batch sends
the requests through /v1/files and /v1/batches in rounds (each round one batch of the
requests not answered yet, up to --batch-size records at once; failed, expired or missing
lines go into the next round; answers matched by custom_id, never by order) and writes
the same output as a direct run. Its state lives in --cache DIR: stop it any time, even
with kill -9, and run the same command again, later or on another machine with DIR; no
request is sent twice. --batch-dir DIR needs no server: each run writes a round's
requests to DIR/round-N.input.jsonl and exits 75 until the answers are in; run them with
any OpenAI-batch runner (vLLM's run_batch), put its output in DIR/round-N.output.jsonl,
and run the command again; it exits 0 with the records when no request is left.
Settings come from flags, then env (OPENAI_BASE_URL, OPENAI_API_KEY, CHATMILL_MODEL),
then the --config JSON file; see the README of @chatmill/llm.`,
  options: [
    { name: "prompt", short: "P", type: "string", placeholder: "TEMPLATE", description: "the prompt, with {{field}} / {{json}} placeholders" },
    { name: "prompt-file", type: "string", placeholder: "FILE", description: "read the prompt template from FILE" },
    { name: "system", type: "string", placeholder: "TEMPLATE", description: "system message (placeholders allowed)" },
    { name: "field", short: "f", type: "string", placeholder: "NAME", default: "answer", description: "field that receives the answer" },
    { name: "json-schema", type: "string", placeholder: "FILE", description: "ask for JSON matching this JSON Schema (response_format json_schema, or the schema in the prompt) and store the parsed object" },
    { name: "role", type: "string", placeholder: "ROLE", default: "writer", description: "whose settings the calls use (model, temperature … from --config roles)" },
    { name: "no-meta", type: "boolean", description: "leave meta alone (no meta.llm usage)" },
    // llm-map makes no tool calls, so --tool-format does not apply.
    ...llmOptions.filter((o) => o.name !== "tool-format"),
    ...batchOptions,
  ],
  examples: [
    { what: "summarise each document with a local vLLM server", cmd: "llm-map --base-url http://localhost:8000/v1 --model Qwen/Qwen2.5-7B-Instruct --prompt 'Summarise in one sentence: {{text}}' --field summary < docs.ndjson > out.ndjson" },
    { what: "structured answers, 32 in flight, resumable, failures set aside", cmd: "llm-map -m gpt-4o-mini -j 32 --json-schema label.schema.json --prompt 'Label this review: {{review}}' --field label --cache .llm-cache --errors failed.ndjson < reviews.ndjson > labelled.ndjson" },
    { what: "replay a finished run offline, byte for byte", cmd: "llm-map -m gpt-4o-mini --prompt 'Label this review: {{review}}' --cache .llm-cache --cache-only < reviews.ndjson > again.ndjson" },
    { what: "half price on OpenAI: the Batch API, resumable (run it again after a stop)", cmd: "llm-map -m gpt-4o-mini --batch --cache .llm-cache --prompt 'Label this review: {{review}}' < reviews.ndjson > labelled.ndjson" },
    { what: "no server: writes rounds/round-0001.input.jsonl for vLLM's run_batch and exits 75; run it again once rounds/round-0001.output.jsonl is there", cmd: "llm-map -m Qwen/Qwen2.5-7B-Instruct --batch-dir rounds --prompt '{{question}}' < q.ndjson > answers.ndjson" },
    { what: "Ollama with sampling parameters it understands", cmd: "llm-map --base-url http://localhost:11434/v1 -m llama3.1 --temperature 0.3 --param top_k=40 --param repetition_penalty=1.1 --prompt '{{question}}' < q.ndjson" },
  ],
};
