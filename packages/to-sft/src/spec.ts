import { formatsHelp } from "@chatmill/export/rows";
import { readPackageVersion, type ToolSpec } from "@chatmill/kit/cli";
import { SFT_FORMATS } from "./formats/index.js";

export const spec: ToolSpec = {
  name: "to-sft",
  version: readPackageVersion(import.meta.url),
  summary: "turn Dialogue records into supervised fine-tuning rows that trainers load as they are",
  input: "ndjson",
  common: { seed: false },
  description: `Formats (the rules each one enforces are in the package README):
${formatsHelp(SFT_FORMATS)}

The environment's failures are trained; the assistant's mistakes are not. A call that met
the environment's failure (an injected timeout or server error, a host that did not answer:
tool-annotate grades it ok on re-run or environment_failure) was right: it and the retry
after it are targets. A call that was the assistant's own mistake (graded not ok, not
executed, bad arguments, or an ungraded failure other than timeout/server error) never is:
--on-mistake mask keeps it as weight-0 context (openai, hermes; and every format per turn,
where no row ends with it), cut ends the dialogue's row at the last good turn before it
(default for trl and sharegpt conversations, which have no per-message weight), drop
leaves the dialogue out. muse lists mistakes under failed_tool_calls.
The app's context (context_provider messages) is a system message of its own in openai
rows, folded into the system prompt where the format has only one (sharegpt, hermes; trl
when it comes before the first user message), a "Context: …" line in muse rows.
trl rows count the assistant text beside a tool call: Llama 3.1's and Hermes-2-Pro's
templates render only the call, so that text is never learned with those models.
Every row is checked against its format's rules before it is written; a row that breaks
one goes to the dead-letter file (--errors) with the rule's name, and is never written.`,
  options: [
    { name: "format", short: "f", type: "string", placeholder: "FMT", choices: SFT_FORMATS.map((f) => f.name), default: "openai", description: `target format: ${SFT_FORMATS.map((f) => f.name).join(", ")}` },
    { name: "granularity", short: "g", type: "string", placeholder: "G", choices: ["conversation", "turn"], description: "conversation: one row per dialogue; turn: one row per trained assistant message, with the conversation so far [default: conversation; muse: turn]" },
    { name: "on-mistake", type: "string", placeholder: "HOW", choices: ["cut", "drop", "mask"], description: "a dialogue with an assistant mistake: mask (weight 0), cut (row ends before it) or drop [default: mask for openai, hermes and per-turn rows; cut for trl and sharegpt conversations]" },
    { name: "tools-as", type: "string", placeholder: "HOW", choices: ["text", "list"], default: "text", description: "trl: tools as the JSON text of the list (a string under every datasets version; TRL json.loads it) or as the list (datasets >= 4.7 keeps it as JSON)" },
    { name: "system", type: "string", placeholder: "TEXT", description: "system prompt for every row; replaces the dialogue's own system message" },
    { name: "check-template", type: "string", placeholder: "FILE", multiple: true, description: "with --format trl: render every row through this Jinja chat template (e.g. the model's chat_template), dead-letter rows that fail or double-encode arguments, count assistant text beside a call that it drops" },
    { name: "max-tokens", type: "number", placeholder: "N", description: "make every row fit N tokens as --tokenizer counts it (the row rendered with the model's chat template): a longer row is cut after its last assistant reply that fits (conversation granularity) or loses its oldest turns (turn granularity); a row that cannot be made to fit goes to the dead-letter file (rule max_tokens)" },
    { name: "tokenizer", type: "string", placeholder: "NAME", description: "the tokenizer --max-tokens counts with: qwen2.5, qwen3, llama3.1, o200k_base, cl100k_base (see stats --tokenizer)" },
  ],
  examples: [
    { what: "OpenAI fine-tuning file; mistakes stay in as weight-0 context", cmd: "to-sft --format openai dialogues.ndjson > train.jsonl" },
    { what: "TRL SFTTrainer rows with your own system prompt", cmd: "to-sft -f trl --system 'You are a shopping assistant.' < dialogues.ndjson > trl.jsonl" },
    { what: "TRL prompt/completion rows, one per assistant turn", cmd: "to-sft -f trl -g turn dialogues.ndjson > trl-turns.jsonl" },
    { what: "TRL rows that are known to render with your model's template", cmd: "to-sft -f trl -g turn --check-template qwen2.5.jinja --check-template llama3.1.jinja dialogues.ndjson > trl.jsonl" },
    { what: "only dialogues without a mistake, whole", cmd: "to-sft -f trl --on-mistake drop dialogues.ndjson > trl-clean.jsonl" },
    { what: "LLaMA-Factory sharegpt rows; see what it would have dropped", cmd: "to-sft -f sharegpt -g turn --errors rejected.ndjson dialogues.ndjson > sharegpt.json" },
    { what: "Hermes text format for axolotl", cmd: "to-sft -f hermes dialogues.ndjson > hermes.jsonl" },
    { what: "the MUSe turn format, straight from the simulator", cmd: "dialogue-sim < scenarios.ndjson | to-sft -f muse > muse-sft.jsonl" },
    { what: "TRL rows that fit Qwen2.5 with max_length 8192 (long ones cut at a turn)", cmd: "to-sft -f trl --max-tokens 8192 --tokenizer qwen2.5 dialogues.ndjson > trl.jsonl" },
  ],
};
