import { readPackageVersion, type ToolSpec } from "@chatmill/kit/cli";
import { llmOptions } from "@chatmill/llm/options";
import { BACKEND_MODES, backendOptions, type BackendFlagsSpec } from "@chatmill/domains/flags";

/** Exploring sends requests only when asked: without --backend a pack's empty tables stay empty. */
export const backendFlags: BackendFlagsSpec = {
  modes: BACKEND_MODES,
  description:
    "explore a live pack (tools with http requests) before planning: each table a service plans over that the pack ships empty is read from the backend through the pack's first search tool that lists it with no argument (after the declared reset); live sends the requests, record also writes them to --cassette, replay reads them from it (the same scenarios, no network). Needs --domain",
};

export const spec: ToolSpec = {
  name: "scenario-gen",
  version: readPackageVersion(import.meta.url),
  summary: "ground each persona in a concrete, checkable scenario",
  input: "ndjson",
  common: { shard: true },
  description: `Reads Persona records (from persona-sample or your own) and writes Scenario records:
services (1-4, sized single/double/triple/quadruple 30/35/25/10, from logical combinations of the
domain's services, the first being the primary one), a category valid for the primary service
(its own or the domain's general ones), a region among seed 003's 54 cities (the persona's own
city half of the time), a time inside a named slot, user and assistant emotions (seed 003's
twenty each), a resolution (resolved/failed/escalated 40/30/30), a turn budget, a goal in words
and as data (constraints taken from a real row of the service's table, and the expected end
state, e.g. booking_created with the booking's fields), a task (the user's instructions, the
actions that reach the goal from a fresh state, the facts to say, the ending the data allows),
and a 2-3 sentence narrative in the persona's voice with the time and place in it.
The resolution is built, not steered: it chooses the task (resolved: feasible; failed: the data
refuses it and the actions change nothing; escalated: a category the pack's policy reserves to
a person, ending in its hand-off tool). Every task is replayed before it is written; one that
does not validate, allows another ending, or is resolved with nothing to check (no action to
take, no fact to say; kept only if no draw checks anything), is drawn again, and the count goes
to stderr with its commonest reasons (category, service and what was wrong).
Each scenario depends only on --seed, the persona and the flags, never on the other records:
splitting the input (parallel --pipe) gives the same scenarios as one process.
--balance gives exactly even use of combinations instead, at the price of that property.
--mix keys: size, resolution, slot, region, user_emotion, assistant_emotion.
Engines: offline (default) composes the goal text and narrative from phrase banks, seeded and
deterministic; --engine openai has the "writer" role (--writer-model, or --model) rewrite those two
texts from the persona and the scenario's fixed facts, every other field staying as drawn from
the data. LLM settings: flags, then OPENAI_BASE_URL / OPENAI_API_KEY / CHATMILL_MODEL, then --config.
A record whose answers stay malformed after --repairs fails (exit 4, or dead-lettered).
Live packs: a pack made from an API (chatmill-pack from-openapi --live) ships its tables empty;
--backend reads their rows from the API first (the tool, table and row count go to stderr), and
the goals, targets and tasks are planned from them. dialogue-sim --backend reads them the same
way, so the tasks it judges see the same rows.`,
  options: [
    { name: "domain", short: "d", type: "string", placeholder: "NAME|PATH", description: "domain pack (retail, travel, ops, tau-retail, tau-airline, or a pack path); default: each persona's own domain field" },
    { name: "per-persona", short: "k", type: "int", placeholder: "K", default: 1, min: 1, description: "scenarios to write for each persona" },
    { name: "min-turns", type: "string", placeholder: "LO-HI", default: "5-10", description: "range the turn budget's minimum is drawn from" },
    { name: "max-turns", type: "string", placeholder: "LO-HI", default: "7-20", description: "range the turn budget's maximum is drawn from (never below the minimum)" },
    { name: "dates", type: "string", placeholder: "FROM..TO", default: "2026-01-01..2026-12-31", description: "scenario dates are drawn from this range (YYYY-MM-DD..YYYY-MM-DD)" },
    { name: "home-share", type: "number", placeholder: "P", default: 0.5, min: 0, max: 1, description: "probability that the scenario happens in the persona's own city" },
    { name: "mix", type: "string", placeholder: "KEY=V:W,...", multiple: true, description: "override a distribution, e.g. resolution=resolved:1 or size=single:1,double:1" },
    { name: "balance", type: "boolean", description: "use service combinations exactly evenly (least used first). STATEFUL: a scenario then depends on the records before it, so split runs (parallel --pipe) no longer match one run, and --shard refuses it" },
    ...llmOptions,
    ...backendOptions(backendFlags),
  ],
  examples: [
    { what: "one scenario per persona", cmd: "persona-sample -n 1000 --domain travel | scenario-gen > scenarios.ndjson" },
    { what: "ten scenarios per persona, all resolved, short dialogues", cmd: "scenario-gen -k 10 --mix resolution=resolved:1 --min-turns 3-5 --max-turns 5-8 personas.ndjson" },
    { what: "in parallel: the same output as one process", cmd: "parallel --pipe -k -N 1000 scenario-gen --domain travel < personas.ndjson > scenarios.ndjson" },
    { what: "check the balance of what you made", cmd: "scenario-coverage --format text scenarios.ndjson" },
    { what: "let a local model write the narratives (vLLM), resumable through a cache", cmd: "scenario-gen --engine openai --base-url http://localhost:8000/v1 --writer-model Qwen/Qwen2.5-7B-Instruct --cache .llm-cache personas.ndjson" },
  ],
};
