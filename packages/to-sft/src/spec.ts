import { readPackageVersion, type ToolSpec } from "@chatmill/kit/cli";

export const spec: ToolSpec = {
  name: "to-sft",
  version: readPackageVersion(import.meta.url),
  summary: "turn Dialogue records into supervised fine-tuning rows that trainers load as they are",
  input: "ndjson",
  common: { seed: false },
  description: `Formats (the rules each one enforces are in the package README):
  openai    {messages, tools}: OpenAI chat fine-tuning; arguments a JSON string; weight 0/1
  trl       {messages, tools} or, per turn, {prompt, completion, tools}: Hugging Face TRL;
            arguments a JSON object; one call per assistant message (parallel calls split)
  sharegpt  {conversations: [{from, value}], tools}: LLaMA-Factory; tools a JSON string
  hermes    {conversations}: Hermes <tool_call>/<tool_response> text (axolotl, NousResearch)
  muse      {context, tool_calls, response, intent}: the MUSe v2 turn format (always per turn)

A failed tool call (its tool answered ok: false, or tool-annotate graded it not ok) is
never a training target: openai keeps it with weight 0, hermes with weight 0, muse lists it
under failed_tool_calls; trl and sharegpt have no per-message weight, so with
--granularity turn it only appears in the context of later rows, and at conversation
granularity the dialogue's row goes to the dead-letter file (rule unmaskable_failed_turn).
Every row is checked against its format's rules before it is written; a row that breaks
one goes to the dead-letter file (--errors) with the rule's name, and is never written.`,
  options: [
    { name: "format", short: "f", type: "string", placeholder: "FMT", choices: ["openai", "trl", "sharegpt", "hermes", "muse"], default: "openai", description: "target format: openai, trl, sharegpt, hermes, muse" },
    { name: "granularity", short: "g", type: "string", placeholder: "G", choices: ["conversation", "turn"], description: "conversation: one row per dialogue; turn: one row per trained assistant message, with the conversation so far [default: conversation; muse: turn]" },
    { name: "system", type: "string", placeholder: "TEXT", description: "system prompt for every row; replaces the dialogue's own system message" },
    { name: "check-template", type: "string", placeholder: "FILE", multiple: true, description: "with --format trl: render every row through this Jinja chat template (e.g. the model's chat_template) and dead-letter rows that fail or double-encode arguments" },
    { name: "max-tokens", type: "number", placeholder: "N", description: "make every row fit N tokens as --tokenizer counts it (the row rendered with the model's chat template): a longer row is cut after its last assistant reply that fits (conversation granularity) or loses its oldest turns (turn granularity); a row that cannot be made to fit goes to the dead-letter file (rule max_tokens)" },
    { name: "tokenizer", type: "string", placeholder: "NAME", description: "the tokenizer --max-tokens counts with: qwen2.5, qwen3, llama3.1, o200k_base, cl100k_base (see stats --tokenizer)" },
  ],
  examples: [
    { what: "OpenAI fine-tuning file; failed calls stay in as weight-0 context", cmd: "to-sft --format openai dialogues.ndjson > train.jsonl" },
    { what: "TRL SFTTrainer rows with your own system prompt", cmd: "to-sft -f trl --system 'You are a shopping assistant.' < dialogues.ndjson > trl.jsonl" },
    { what: "TRL prompt/completion rows, one per assistant turn", cmd: "to-sft -f trl -g turn dialogues.ndjson > trl-turns.jsonl" },
    { what: "TRL rows that are known to render with your model's template", cmd: "to-sft -f trl -g turn --check-template qwen2.5.jinja --check-template llama3.1.jinja dialogues.ndjson > trl.jsonl" },
    { what: "LLaMA-Factory sharegpt rows; see what it would have dropped", cmd: "to-sft -f sharegpt -g turn --errors rejected.ndjson dialogues.ndjson > sharegpt.json" },
    { what: "Hermes text format for axolotl", cmd: "to-sft -f hermes dialogues.ndjson > hermes.jsonl" },
    { what: "the MUSe turn format, straight from the simulator", cmd: "dialogue-sim < scenarios.ndjson | to-sft -f muse > muse-sft.jsonl" },
    { what: "TRL rows that fit Qwen2.5 with max_length 8192 (long ones cut at a turn)", cmd: "to-sft -f trl --max-tokens 8192 --tokenizer qwen2.5 dialogues.ndjson > trl.jsonl" },
  ],
};
