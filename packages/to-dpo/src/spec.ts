import { formatsHelp } from "@chatmill/export/rows";
import { readPackageVersion, type ToolSpec } from "@chatmill/kit/cli";
import { DPO_FORMATS } from "./formats/index.js";

export const spec: ToolSpec = {
  name: "to-dpo",
  version: readPackageVersion(import.meta.url),
  summary: "turn Dialogue records into preference pairs (chosen / rejected) that trainers load as they are",
  input: "ndjson",
  description: `Pairs come from three places:
  - tool-annotate's alternatives: chosen = the graded call (muse rows add the reply after it),
    rejected = a wrong-but-plausible alternative with its executed result (wrong_count, a
    miscounting reply, is paired on the reply after the result);
  - reactions to failures (tool-annotate's 'recovery'): the prompt ends with a failed result,
    chosen = what the assistant did next, rejected = a bad reaction (reports_success,
    invents_result, gives_up, repeats_failing_call, retry_changed_args,
    wrong_tool_after_failure), executed or judged and graded by tool-annotate;
  - mistake-versus-recovered turns: rejected = a call that was the assistant's own mistake
    (graded wrong; not one the environment failed, which was right), chosen = the call
    that recovered from it in the same user turn.
Both answer the same prompt (the conversation before the call). A pair is kept when
chosen's success rate beats rejected's by --min-margin (a mistake counts 0, a
recovered one 1 when ungraded); chosen and rejected always differ.

Dialogues that did not pass through tool-annotate (dialogue-sim | dedup | to-dpo) are
graded and given executed alternatives on the way, with tool-annotate's own code, the
dialogue's domain and --seed, exactly as 'tool-annotate --seed N' would; dialogues whose
domain is unknown give pairs only from mistake-versus-recovered turns.

Formats (rules in the package README):
${formatsHelp(DPO_FORMATS)}`,
  options: [
    { name: "format", short: "f", type: "string", placeholder: "FMT", choices: DPO_FORMATS.map((f) => f.name), default: "trl", description: `target format: ${DPO_FORMATS.map((f) => f.name).join(", ")}` },
    { name: "min-margin", short: "m", type: "number", placeholder: "X", default: 0.1, min: 0, max: 1, description: "least success-rate difference between chosen and rejected" },
    { name: "tools-as", type: "string", placeholder: "HOW", choices: ["text", "list"], default: "text", description: "trl: tools as the JSON text of the list (a string under every datasets version; TRL json.loads it) or as the list (datasets >= 4.7 keeps it as JSON)" },
    { name: "system", type: "string", placeholder: "TEXT", description: "system prompt for every prompt; replaces the dialogue's own system message" },
    { name: "max-tokens", type: "number", placeholder: "N", description: "make every row fit N tokens as --tokenizer counts it (the row rendered with the model's chat template): a longer row is given a shorter history (its oldest turns dropped; the system prompt and the pair stay); a row that cannot be made to fit goes to the dead-letter file (rule max_tokens)" },
    { name: "tokenizer", type: "string", placeholder: "NAME", description: "the tokenizer --max-tokens counts with: qwen2.5, qwen3, llama3.1, o200k_base, cl100k_base (see stats --tokenizer)" },
  ],
  examples: [
    { what: "TRL DPOTrainer pairs from annotated dialogues", cmd: "tool-annotate < dialogues.ndjson | to-dpo --format trl > dpo.jsonl" },
    { what: "OpenAI preference fine-tuning file, only clear preferences", cmd: "to-dpo -f openai --min-margin 0.5 annotated.ndjson > dpo-openai.jsonl" },
    { what: "LLaMA-Factory ranking rows (dataset_info: \"ranking\": true, formatting sharegpt)", cmd: "to-dpo -f sharegpt annotated.ndjson > dpo-sharegpt.json" },
    { what: "Axolotl DPO rows (rl: dpo, type: chat_template.default)", cmd: "to-dpo -f axolotl annotated.ndjson > dpo-axolotl.jsonl" },
    { what: "MUSe pairs with success rates, straight from the simulator (recovery pairs only)", cmd: "dialogue-sim < scenarios.ndjson | dedup | to-dpo -f muse > muse-dpo.jsonl" },
    { what: "pairs that fit 4096 Llama 3 tokens (older turns dropped from long prompts)", cmd: "to-dpo -f trl --max-tokens 4096 --tokenizer llama3.1 annotated.ndjson > dpo.jsonl" },
  ],
};
