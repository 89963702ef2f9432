import { formatsHelp } from "@chatmill/export/rows";
import { readPackageVersion, type ToolSpec } from "@chatmill/kit/cli";
import { RL_FORMATS } from "./formats/index.js";

export const spec: ToolSpec = {
  name: "to-rl",
  version: readPackageVersion(import.meta.url),
  summary: "turn Dialogue records into RL transitions, episodes, and prompt rows for GRPO / RFT",
  input: "ndjson",
  common: { seed: false },
  description: `Formats (rules in the package README):
${formatsHelp(RL_FORMATS)}

Rewards: each step gets r_i = R·q_i/Σq + 0.1·(q_i − mean q), where R is the dialogue's
outcome.reward and q_i the step's quality: from tool-annotate's grades when present
((success_rate + progress) / 2 per call), else the share of its calls whose tool answered
ok; a reply without calls has q = 1. The rewards add up to R exactly (in step order).
Without an outcome, R is the mean step quality.
db_digest: a hash chain over the tool results seen so far (the domains runtime's own
state digest will replace it when dialogues carry one).`,
  options: [
    { name: "format", short: "f", type: "string", placeholder: "FMT", choices: RL_FORMATS.map((f) => f.name), default: "transitions", description: `target format: ${RL_FORMATS.map((f) => f.name).join(", ")}` },
    { name: "tools-as", type: "string", placeholder: "HOW", choices: ["text", "list"], default: "text", description: "trl-grpo: tools as the JSON text of the list (a string under every datasets version; TRL json.loads it) or as the list (datasets >= 4.7 keeps it as JSON)" },
    { name: "system", type: "string", placeholder: "TEXT", description: "system prompt for every state or prompt; replaces the dialogue's own system message" },
    { name: "max-tokens", type: "number", placeholder: "N", description: "make every row fit N tokens as --tokenizer counts it (the row rendered with the model's chat template): a longer row is given a shorter history (oldest turns dropped from the prompt or state; episodes are never cut); a row that cannot be made to fit goes to the dead-letter file (rule max_tokens)" },
    { name: "tokenizer", type: "string", placeholder: "NAME", description: "the tokenizer --max-tokens counts with: qwen2.5, qwen3, llama3.1, o200k_base, cl100k_base (see stats --tokenizer)" },
  ],
  examples: [
    { what: "seed-000 transitions with dense rewards", cmd: "to-rl dialogues.ndjson > transitions.jsonl" },
    { what: "check that rewards add up per episode", cmd: "to-rl -f episodes dialogues.ndjson | jq '[.steps[].reward] | add'" },
    { what: "TRL GRPOTrainer prompts with references for the reward functions", cmd: "to-rl -f trl-grpo dialogues.ndjson > grpo.jsonl" },
    { what: "seed 000's RL rows (state and next_state as text, one call per action)", cmd: "to-rl -f muse dialogues.ndjson > muse-rl.jsonl" },
    { what: "OpenAI reinforcement fine-tuning file", cmd: "to-rl -f openai-rft --system 'You are AJ.' dialogues.ndjson > rft.jsonl" },
    { what: "GRPO prompts that fit 8192 Qwen3 tokens", cmd: "to-rl -f trl-grpo --max-tokens 8192 --tokenizer qwen3 annotated.ndjson > grpo.jsonl" },
  ],
};
