import { readPackageVersion, type ToolSpec } from "@chatmill/kit/cli";
import { llmOptions } from "@chatmill/llm/options";

export const spec: ToolSpec = {
  name: "augment",
  version: readPackageVersion(import.meta.url),
  summary: "new dialogues from existing ones: the same goal and tool calls, re-executed, with a new persona, new wording and the people replaced",
  input: "ndjson",
  description: `Reads Dialogue records — chatmill-import output (MultiWOZ, SGD, glaive, your chat logs),
tool-annotate output, any dialogue — and writes --variants new dialogues for each that keep
its skeleton and change the rest:
- the calls: the same tools with the same arguments, in the same order, re-run on the pack
  (--domain, else the dialogue's domain or scenario.domain; after meta.setup), each seeing
  the new conversation up to its own message as the pack's policy does; without a pack, the
  recorded results are kept. A call that succeeded in the source and fails on the re-run
  (or the other way round) fails the record with the reason. An injected timeout or server
  error is kept as recorded (the backend never saw it).
- the persona: a new one sampled as persona-sample does (the pack's preferences and budget
  when there is a pack; --mix overrides a distribution; English, as the wording is), on the
  scenario (scenario.persona) or, for a dialogue without one, in a top-level 'persona' field.
- the wording: every user and assistant turn written anew in the persona's register from
  what the turn did in the source — the values it gave for the calls, a yes, a no, a
  question for a result's field, a goodbye — never from the source text; the assistant
  presents the re-run results and mirrors the user's register and energy. With
  --engine openai the model rewrites each drafted turn given the persona (it never sees the
  source); a rewrite that loses a value of the draft (a number, a reference, a name) or
  holds a personal detail of the source keeps the draft.
- the people: every person name (the persona's, names under person keys of call arguments
  such as first_name or passenger, "my name is …", "Mr …" in user text), email and phone
  number (user text, system prompt, arguments under phone keys, setup calls) of the source
  is replaced everywhere by a stand-in — the new persona's name, other sampled names, an
  @example.com address, a number of the same layout — consistently, so arguments and text agree.
A dialogue without a tool call has no skeleton to keep (its content is all in the text, which
augment does not copy): it is dropped and counted in the summary ("no tool calls").
The outcome is judged as for any dialogue: with scenario.task, by the one checker
(@chatmill/domains' judge); without one, goal_met means the last call of each tool succeeded,
and outcome.reason says it was not judged on a task. Each record gets a new id
(aug-<hash of seed, source id, variant>), source.augmented_from = the source's id, and
meta.augment: {from, variant, replaced, calls, rerun, same_as_source, recorded} (with
--engine openai also rewritten and kept_draft). Grades and alternatives of the source are
left out (run tool-annotate again). Settings of the model: role 'augment' in --config.`,
  common: { shard: true },
  options: [
    { name: "domain", short: "d", type: "string", placeholder: "PACK", description: "re-run every dialogue's calls on this pack (a built-in name or a pack path) instead of the one it names" },
    { name: "variants", short: "n", type: "int", placeholder: "N", min: 1, max: 1000, default: 1, description: "new dialogues per source dialogue, each with its own persona and wording" },
    { name: "mix", type: "string", placeholder: "KEY=V:W,...", multiple: true, description: "override a persona distribution as persona-sample does, e.g. style=casual:1,executive:1 (keys: style, gender, age_range, income_level, formality, verbosity, city)" },
    // augment asks for text, never tools or JSON: --tool-format and --structured do not apply.
    ...llmOptions.filter((o) => o.name !== "tool-format" && o.name !== "structured"),
  ],
  examples: [
    { what: "100 new dialogues from 5 imported MultiWOZ ones, calls re-run on the travel pack", cmd: "chatmill-import --from multiwoz MultiWOZ_2.2/train/dialogues_001.json | tool-annotate --domain travel | augment -n 20 > augmented.ndjson" },
    { what: "your own chat logs, the people in them replaced, checked", cmd: "chatmill-import --from openai logs.jsonl | augment --seed 7 | validate --type dialogue > new.ndjson" },
    { what: "each turn rewritten by a model given the persona", cmd: "augment --engine openai -m gpt-4o-mini --cache .llm-cache annotated.ndjson > augmented.ndjson" },
    { what: "only formal personas", cmd: "augment --mix formality=formal:1 annotated.ndjson > formal.ndjson" },
  ],
};
