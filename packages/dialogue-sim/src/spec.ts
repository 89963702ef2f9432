import { readPackageVersion, type ToolSpec } from "@chatmill/kit/cli";

export const spec: ToolSpec = {
  name: "dialogue-sim",
  version: readPackageVersion(import.meta.url),
  summary: "simulate conversations in which the domain's tools really run",
  input: "ndjson",
  description: `Reads Scenario records (from scenario-gen) and writes one Dialogue per scenario: a simulated
user pursues the scenario's goal in the persona's style, language (en, hi, mixed Hinglish) and
mood; an assistant calls the domain's tools, which execute against the pack's database on the
dialogue's own copy of the state, and answers from their results. Persona records are accepted
too: their scenario is made with scenario-gen's code and the scenario flags below, exactly as
'scenario-gen | dialogue-sim' would.
Every user and assistant message has labels (intent, emotion, variation where one was injected:
hesitation, correction, clarification, small_talk, change_of_mind, failure_recovery); every tool
message has ok and, on failure, error {type, message} (injected failures also 'injected').
outcome checks the goal's constraints and expected end state against the final database state:
resolution reached, goal_met, reward in [0, 1] (the share of checks passed), and the checks.
--failure-rate makes that share of tool calls time out, fail, or come back empty or partial;
the assistant retries, tries another tool, apologises once and asks the user, then gives up.
Engine: offline only (seeded, no network): composed phrase banks for the user, a rule-based
assistant policy. There is no --engine flag in this version (no LLM engine yet).`,
  options: [
    { name: "domain", short: "d", type: "string", placeholder: "NAME|PATH", description: "domain pack (retail, travel, ops, or a pack path); default: each record's own domain field" },
    { name: "failure-rate", type: "number", placeholder: "P", default: 0.15, min: 0, max: 1, description: "share of tool calls whose result is replaced by an injected failure" },
    { name: "min-turns", type: "string", placeholder: "LO-HI", default: "5-10", description: "(Persona input) range the turn budget's minimum is drawn from, as scenario-gen" },
    { name: "max-turns", type: "string", placeholder: "LO-HI", default: "7-20", description: "(Persona input) range the turn budget's maximum is drawn from, as scenario-gen" },
    { name: "dates", type: "string", placeholder: "FROM..TO", default: "2026-01-01..2026-12-31", description: "(Persona input) scenario dates are drawn from this range, as scenario-gen" },
    { name: "home-share", type: "number", placeholder: "P", default: 0.5, min: 0, max: 1, description: "(Persona input) probability the scenario is in the persona's own city, as scenario-gen" },
    { name: "mix", type: "string", placeholder: "KEY=V:W,...", multiple: true, description: "(Persona input) override a scenario distribution, e.g. resolution=resolved:1, as scenario-gen" },
  ],
  examples: [
    { what: "the whole pipeline", cmd: "persona-sample -n 1000 --domain retail | scenario-gen | dialogue-sim | dedup | to-dpo > out.jsonl" },
    { what: "straight from personas (the scenario is made on the way)", cmd: "cat personas.ndjson | dialogue-sim --domain travel > dialogues.ndjson" },
    { what: "no injected failures, only resolved goals", cmd: "persona-sample -n 100 --domain ops | dialogue-sim --failure-rate 0 --mix resolution=resolved:1" },
    { what: "look at one dialogue as text", cmd: "dialogue-sim scenarios.ndjson | head -1 | jq -r '.messages[] | \"\\(.role): \\(.content // (.tool_calls|tostring))\"'" },
    { what: "reproducible, and the same when split across processes", cmd: "parallel --pipe -k -N 500 dialogue-sim --seed 7 < scenarios.ndjson > dialogues.ndjson" },
  ],
};
