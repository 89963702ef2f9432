import { readPackageVersion, type ToolSpec } from "@chatmill/kit/cli";

export const spec: ToolSpec = {
  name: "to-dpo",
  version: readPackageVersion(import.meta.url),
  summary: "turn Dialogue records into preference pairs (chosen / rejected) that trainers load as they are",
  input: "ndjson",
  description: `Pairs come from two places:
  - tool-annotate's alternatives: chosen = the graded call (muse rows add the reply after it),
    rejected = a wrong-but-plausible alternative with its executed result;
  - failed-versus-recovered turns: rejected = a call that failed, chosen = the call that
    recovered from it in the same user turn.
Both answer the same prompt (the conversation before the call). A pair is kept when
chosen's success rate beats rejected's by --min-margin (a failed call counts 0, a
recovered one 1 when ungraded); chosen and rejected always differ.

Dialogues that did not pass through tool-annotate (dialogue-sim | dedup | to-dpo) are
graded and given executed alternatives on the way, with tool-annotate's own code, the
dialogue's domain and --seed, exactly as 'tool-annotate --seed N' would; dialogues whose
domain is unknown give pairs only from failed-versus-recovered turns.

Formats (rules in the package README):
  openai    {input: {messages, tools}, preferred_output, non_preferred_output}
  trl       {prompt, chosen, rejected, tools}, conversational, arguments as objects
  sharegpt  LLaMA-Factory ranking rows {conversations, chosen, rejected, tools}
  muse      {context, chosen: {tool_calls, response, success_rate}, rejected: {…}}`,
  options: [
    { name: "format", short: "f", type: "string", placeholder: "FMT", choices: ["openai", "trl", "sharegpt", "muse"], default: "trl", description: "target format: openai, trl, sharegpt, muse" },
    { name: "min-margin", short: "m", type: "number", placeholder: "X", default: 0.1, min: 0, max: 1, description: "least success-rate difference between chosen and rejected" },
    { name: "system", type: "string", placeholder: "TEXT", description: "system prompt for every prompt; replaces the dialogue's own system message" },
    { name: "max-tokens", type: "number", placeholder: "N", description: "make every row fit N tokens as --tokenizer counts it (the row rendered with the model's chat template): a longer row is given a shorter history (its oldest turns dropped; the system prompt and the pair stay); a row that cannot be made to fit goes to the dead-letter file (rule max_tokens)" },
    { name: "tokenizer", type: "string", placeholder: "NAME", description: "the tokenizer --max-tokens counts with: qwen2.5, qwen3, llama3.1, o200k_base, cl100k_base (see stats --tokenizer)" },
  ],
  examples: [
    { what: "TRL DPOTrainer pairs from annotated dialogues", cmd: "tool-annotate < dialogues.ndjson | to-dpo --format trl > dpo.jsonl" },
    { what: "OpenAI preference fine-tuning file, only clear preferences", cmd: "to-dpo -f openai --min-margin 0.5 annotated.ndjson > dpo-openai.jsonl" },
    { what: "LLaMA-Factory ranking rows (dataset_info: \"ranking\": true, formatting sharegpt)", cmd: "to-dpo -f sharegpt annotated.ndjson > dpo-sharegpt.json" },
    { what: "MUSe pairs with success rates, straight from the simulator (recovery pairs only)", cmd: "dialogue-sim < scenarios.ndjson | dedup | to-dpo -f muse > muse-dpo.jsonl" },
    { what: "pairs that fit 4096 Llama 3 tokens (older turns dropped from long prompts)", cmd: "to-dpo -f trl --max-tokens 4096 --tokenizer llama3.1 annotated.ndjson > dpo.jsonl" },
  ],
};
