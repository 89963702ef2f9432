import { readPackageVersion, type ToolSpec } from "@chatmill/kit/cli";

export const spec: ToolSpec = {
  name: "chatmill-import",
  version: readPackageVersion(import.meta.url),
  summary: "turn existing dialogue corpora and chat logs into chatmill Dialogue records",
  input: "ndjson",
  // import is deterministic: ids come from the source or a content hash, never from a seed.
  common: { seed: false },
  description: `Reads MultiWOZ 2.2 and Schema-Guided Dialogue (SGD) dialogues, ShareGPT and glaive
function-calling rows (LLaMA-Factory's ShareGPT form or glaive's own system/chat text), OpenAI-format chat logs and plain chat exports, and writes one
Dialogue record per conversation: tools in OpenAI function form, tool_calls with
arguments as objects, tool results as tool messages, source {dataset, id, license}
and meta {engine: "import", tool, version}. Every record is checked against the
Dialogue schema before it is written.

Input may be NDJSON (one record per line; a line may also be a bare [{role, content},
...] list) or one JSON document: an array of records, as MultiWOZ and SGD ship them,
or a single object. NDJSON streams; a JSON document is held in memory whole.

MultiWOZ/SGD: each USER turn keeps its frames' dialogue state in 'state' (by service)
and the active intent in labels.intent; SGD service_call/service_results become an
assistant tool call and its tool result (ok: true, content = the results as JSON).
MultiWOZ has no calls; tool-annotate can infer them from 'state'. With --schema, the
services' intents become the dialogue's tools; without it, SGD tools are described
from the calls seen.

--from tau-bench / tau2 reads task lists instead and writes Scenario records with a task
(instructions: reason, known info, unknown info, decisions; evaluation: the gold actions,
the facts to say, the reward basis) for the packs tau-retail and tau-airline (tau2 names
each task's domain; tau-bench's are retail), or for --domain. goal.text is the instruction,
goal.constraints is empty, resolution is "escalated" when a gold action is the pack's
hand-off tool, else "resolved"; what has no slot (the full instruction, annotator, tau2's
initial_state, nl_assertions, reward_basis) is kept under task.tau. A tau pack that is not
installed is imported by names (meta.pack_checked: false); when it is, a gold action that
calls a tool the pack lacks is a dead letter. These two formats are never detected: name them.

A record that does not fit is reported as 'chatmill-import: FILE: line N: /json/path: what is wrong'.
The command is chatmill-import, not import, which would clash with ImageMagick's.`,
  options: [
    {
      name: "from",
      short: "f",
      type: "string",
      placeholder: "FORMAT",
      choices: ["auto", "multiwoz", "sgd", "sharegpt", "glaive", "openai", "chat", "tau-bench", "tau2"],
      default: "auto",
      description: "source format: auto (detect each record), multiwoz, sgd, sharegpt, glaive, openai, chat; tau-bench or tau2 (task lists → Scenario records)",
    },
    { name: "schema", type: "string", placeholder: "FILE", description: "SGD / MultiWOZ 2.2 schema.json: each service's intents become the dialogue's tools" },
    { name: "domain", type: "string", placeholder: "NAME|PATH", description: "with --from tau-bench|tau2: the pack every task is for [default: tau-retail or tau-airline, by the task's domain]" },
    { name: "dataset", type: "string", placeholder: "NAME", description: "source.dataset for records that do not carry one [default: by format, e.g. multiwoz22, sgd, glaive-function-calling-v2]" },
    { name: "license", type: "string", placeholder: "SPDX", description: "source.license for records that do not carry one [default: the format's known license, if any]" },
  ],
  examples: [
    { what: "import SGD dialogues (a JSON array file) with tools from its schema", cmd: "chatmill-import --from sgd --schema sgd/train/schema.json sgd/train/dialogues_001.json > sgd.ndjson" },
    { what: "import MultiWOZ 2.2, then let tool-annotate infer the calls from the dialogue state", cmd: "chatmill-import --from multiwoz --schema multiwoz/schema.json dialogues_001.json | tool-annotate > mwoz.ndjson" },
    { what: "glaive / ShareGPT function-calling rows, round trip back to ShareGPT", cmd: "chatmill-import --from glaive glaive.jsonl | to-sft --format sharegpt > sharegpt.jsonl" },
    { what: "tau2 and tau-bench task lists into scenarios for the tau packs, then simulate them", cmd: "chatmill-import --from tau2 tau2-retail-train.json | dialogue-sim > tau2-dialogues.ndjson" },
    { what: "your own chat logs, any mix of formats, bad records set aside", cmd: "chatmill-import --dataset support-logs --license proprietary --on-error skip --errors bad.ndjson logs/*.jsonl > dialogues.ndjson" },
  ],
};
