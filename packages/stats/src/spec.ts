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
again), intents, emotions, vocabulary diversity
(distinct-1/2), persona alignment of recommended items (budget and preferences) and
multimodal grounding (recommendations linked to an item with an image). Scenarios (on
their own or inside dialogues): coverage and entropy of the grid service combination
× category × region × user emotion × resolution. Memory stays flat: counts and
fixed-size sketches, never records (see the README for how each figure is computed).`,
  options: [
    { name: "html", type: "string", placeholder: "FILE", description: "also write an HTML page with charts to FILE" },
    { name: "title", type: "string", placeholder: "TEXT", description: "title of the HTML page" },
    { name: "pretty", type: "boolean", description: "indent the JSON report" },
    { name: "per-dialogue", type: "string", placeholder: "FILE", description: "also write each dialogue's own figures to FILE, one NDJSON line each ({id, context_retention: {kept, dropped, reasked, value}, text_tool_calls}), to filter with jq" },
  ],
  examples: [
    { what: "the report of a dialogue file, as JSON", cmd: "stats --pretty dialogues.ndjson" },
    { what: "a page with charts to look at", cmd: "stats --html report.html dialogues.ndjson > report.json && xdg-open report.html" },
    { what: "one figure, straight from a pipeline", cmd: "dialogue-sim < scenarios.ndjson | tee d.ndjson | stats | jq .dialogues.success.rate" },
    { what: "how well scenarios cover the grid", cmd: "stats scenarios.ndjson | jq .scenarios.grid" },
    { what: "the ids of dialogues that forget what the user said", cmd: "stats --per-dialogue per.ndjson dialogues.ndjson > /dev/null && jq -r 'select(.context_retention.value != null and .context_retention.value < 1) | .id' per.ndjson" },
  ],
};
