import { readPackageVersion, type ToolSpec } from "@chatmill/kit/cli";
import { batchOptions, llmOptions } from "@chatmill/llm/options";
import { backendOptions } from "./backend-flags.js";
import { CONTEXT_ROLES } from "./context.js";

export const spec: ToolSpec = {
  name: "dialogue-sim",
  version: readPackageVersion(import.meta.url),
  summary: "simulate conversations in which the domain's tools really run",
  input: "ndjson",
  common: { shard: true },
  exitCodes: ["75 --batch-dir: a round's requests wait in DIR for your batch runner; run the same command again once its output is there"],
  description: `Reads Scenario records (from scenario-gen) and writes one Dialogue per scenario: a simulated
user pursues the scenario's goal in the persona's style, language (en, hi, mixed Hinglish) and
mood; an assistant calls the domain's tools, which execute against the pack's database on the
dialogue's own copy of the state, and answers from their results. Persona records are accepted
too: their scenario is made with scenario-gen's code and the scenario flags below, exactly as
'scenario-gen | dialogue-sim' would.
Every user and assistant message has labels (intent, emotion, variation where one was injected:
hesitation, correction, clarification, small_talk, change_of_mind, failure_recovery); every tool
message has ok and, on failure, error {type, message} (injected failures also 'injected').
Each scenario is a task (scenario.task; one is derived from the goal when the scenario has none,
written on the record, and the outcome's reason says so; a task whose actions the tools refuse
is dead-lettered as task_invalid with the action and the tool's error). The offline user pursues
it and ends by what it sees: thanks once it is done, gives up when nothing meets it, asks for a
person when the pack's policy reserves the request to one (policy.handoff.tasks).
outcome (offline engine) is the checker's verdict (@chatmill/domains judge, as the audit tool):
reward is 1 when the end state equals the one the task's actions reach from the same start and
every fact to communicate was said, else 0; goal_met is reward = 1 (for an infeasible task:
nothing was written; for an escalation task: nothing was written, the hand-off writes nothing);
resolution is escalated when the hand-off tool ran, resolved when reward = 1 and the task is
feasible (task.expected resolved), failed otherwise.
--failure-rate makes that share of tool calls time out, fail, or come back empty or partial;
the assistant reacts to what the result shows: an error is retried, then another tool, one
apology and the user's go-ahead, then it gives up; a list the backend says it cut short is asked
for once more; an empty list, injected or real, is the answer (the two look the same).
--chit-chat P and --multi-turn R set how many dialogues have small talk and how many have more
than one user request; both are read from the records (labels.intent chit_chat on a user message;
user messages whose intent is neither chit_chat nor farewell), and record their value in meta.
--context-role puts the app's context (local time and place, the customer, budget, recent
orders) in the dialogue: none (default), inline (prepended to the first user message), assistant
(its own assistant message named context_provider, as seed 002), or system (a system message
named context_provider). Both engines take it; with --engine openai the assistant model sees it.
Engines: offline (default; seeded, no network): composed phrase banks for the user, a rule-based
assistant policy. --engine openai: a user-simulator model (--user-model) sees the persona and the
hidden goal and answers as JSON (message, status, intent, emotion, variation); when the scenario
has a task, the user model also gets its instructions (reason, known info to give only when asked,
unknown info never to invent, decisions; end by what happened: thanks, give up, or ask for a human),
never its evaluation, and the outcome is the checker's: judge on task.evaluation over the
transcript (the end state the task's actions reach, every fact to communicate said; reward 1 or 0;
escalated when the hand-off tool ran); an assistant model
(--assistant-model) sees only the pack's system prompt, the tools (native tool calls, or Hermes
<tool_call> text with --tool-format hermes) and the conversation; its calls run on the dialogue's
own session as offline. Guards: a user who ends before the assistant did the work is sent back
(twice at most), an empty or role-prefixed user message is repaired, the assistant gets at most
4 tool rounds per turn, the user at most the scenario's turn budget. Each transcript is checked
before it is written: schema, every call answered, no empty turn, ends with a reply, and no
booking reference or id that no tool returned. One that cannot be made valid, or whose model
calls keep failing, goes to --errors with the reason (exit 4, or 0 with --on-error skip).
With --cache DIR a killed run resumes where it stopped, without repeating a request.
Batch mode (--engine openai): --batch sends the models' requests through the OpenAI Batch
API (/v1/files, /v1/batches; half the price on OpenAI) in rounds: each round sends the next
request of every unfinished dialogue (up to --batch-size at once) as one batch, waits for
it, and goes on with the answers, matched by custom_id; failed, expired or missing lines go
into the next round. The dialogues are the ones a direct run makes. The state lives in
--cache DIR: stop it any time (kill -9 too) and run the same command again, even days later
on another machine with DIR; no request is sent twice. --batch-dir DIR needs no server: each
run writes one round's requests to DIR/round-N.input.jsonl and exits 75; run them with any
OpenAI-batch runner (vLLM's run_batch) into DIR/round-N.output.jsonl and run the command
again, until it exits 0 with the dialogues.
LLM settings: flags, then OPENAI_BASE_URL / OPENAI_API_KEY / CHATMILL_MODEL, then --config.`,
  options: [
    { name: "domain", short: "d", type: "string", placeholder: "NAME|PATH", description: "domain pack (retail, travel, ops, tau-retail, tau-airline, or a pack path); default: each record's own domain field" },
    { name: "failure-rate", type: "number", placeholder: "P", default: 0.15, min: 0, max: 1, description: "share of tool calls whose result is replaced by an injected failure" },
    { name: "chit-chat", type: "number", placeholder: "P", min: 0, max: 1, description: "probability a dialogue has one small-talk exchange (user intent chit_chat): 70% at the opening, 30% midway (after results are shown; at the opening when the dialogue has no such point). Default: the engine's own mix, 25% at the opening and 12% midway, about a third of dialogues. Offline engine only" },
    { name: "multi-turn", type: "number", placeholder: "R", min: 0, max: 1, description: "share of dialogues in which the user makes more than one request (a user message other than small talk and the goodbye); the others are single-turn: one message asks for everything, the assistant does it without asking back. Default: the engine's own flow (multi-turn but for 0-25% of dialogues, most in ops). Offline engine only" },
    { name: "min-turns", type: "string", placeholder: "LO-HI", default: "5-10", description: "(Persona input) range the turn budget's minimum is drawn from, as scenario-gen" },
    { name: "max-turns", type: "string", placeholder: "LO-HI", default: "7-20", description: "(Persona input) range the turn budget's maximum is drawn from, as scenario-gen" },
    { name: "dates", type: "string", placeholder: "FROM..TO", default: "2026-01-01..2026-12-31", description: "(Persona input) scenario dates are drawn from this range, as scenario-gen" },
    { name: "home-share", type: "number", placeholder: "P", default: 0.5, min: 0, max: 1, description: "(Persona input) probability the scenario is in the persona's own city, as scenario-gen" },
    { name: "mix", type: "string", placeholder: "KEY=V:W,...", multiple: true, description: "(Persona input) override a scenario distribution, e.g. resolution=resolved:1, as scenario-gen" },
    { name: "context-role", type: "string", placeholder: "ROLE", default: "none", choices: [...CONTEXT_ROLES], description: "where the app's context (time, place, customer, recent orders) goes: nowhere, the first user message, or its own assistant/system message named context_provider" },
    ...backendOptions,
    ...llmOptions,
    ...batchOptions,
  ],
  examples: [
    { what: "the whole pipeline", cmd: "persona-sample -n 1000 --domain retail | scenario-gen | dialogue-sim | dedup | to-dpo > out.jsonl" },
    { what: "straight from personas (the scenario is made on the way)", cmd: "cat personas.ndjson | dialogue-sim --domain travel > dialogues.ndjson" },
    { what: "no injected failures, only resolved goals", cmd: "persona-sample -n 100 --domain ops | dialogue-sim --failure-rate 0 --mix resolution=resolved:1" },
    { what: "look at one dialogue as text", cmd: "dialogue-sim scenarios.ndjson | head -1 | jq -r '.messages[] | \"\\(.role): \\(.content // (.tool_calls|tostring))\"'" },
    { what: "with a local model (vLLM, Ollama…), resumable", cmd: "dialogue-sim --engine openai --base-url http://localhost:8000/v1 --model qwen2.5-7b --cache .llm-cache -j 32 < scenarios.ndjson > dialogues.ndjson" },
    { what: "through the OpenAI Batch API (half price), in rounds, resumable", cmd: "dialogue-sim --engine openai -m gpt-4o-mini --batch --cache .llm-cache < scenarios.ndjson > dialogues.ndjson" },
    { what: "context on its own message, as seed 002", cmd: "dialogue-sim --context-role assistant < scenarios.ndjson" },
    { what: "seed 000's chit-chat rate and seed 004's 30% multi-turn", cmd: "dialogue-sim --chit-chat 0.25 --multi-turn 0.3 < scenarios.ndjson" },
    { what: "a pack whose tools call a live API: record every call, then replay it offline", cmd: "dialogue-sim -d ./my-api --backend record --cassette run.cassette.ndjson < scenarios.ndjson > a.ndjson && dialogue-sim -d ./my-api --backend replay --cassette run.cassette.ndjson < scenarios.ndjson > b.ndjson" },
    { what: "reproducible, and the same when split across processes", cmd: "parallel --pipe -k -N 500 dialogue-sim --seed 7 < scenarios.ndjson > dialogues.ndjson" },
  ],
};
