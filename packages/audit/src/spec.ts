import { backendOptions, type BackendFlagsSpec } from "@chatmill/domains/flags";
import { readPackageVersion, type ToolSpec } from "@chatmill/kit/cli";

/** A re-run sends nothing unless asked: without --backend a live pack's calls re-run over its tables. */
export const backendFlags: BackendFlagsSpec = {
  modes: ["replay", "live"],
  description:
    "where the calls of a pack whose tools call a live backend (http) re-run: replay answers each from --cassette (the one dialogue-sim --backend record wrote; a dialogue with a request it lacks fails, as replay_miss), live sends them to the backend again (after its declared reset, per dialogue). Without it they re-run over the pack's tables, so a live dialogue's tool messages (the server's answers) differ from them. The judged outcome always re-runs over the tables, as dialogue-sim judged it",
};

export const spec: ToolSpec = {
  name: "audit",
  version: readPackageVersion(import.meta.url),
  summary: "re-judge Dialogue records independently: re-run their calls, compare every tool message, re-compute the outcome",
  input: "ndjson",
  // audit draws no random numbers: --seed would be a flag that does nothing.
  common: { seed: false },
  description: `For each dialogue, one report: its calls run again in order on a fresh session of its pack,
after the calls that built its starting state (meta.setup: the booking a "cancel my booking" user
already has) (a call whose recorded result is an injected timeout or server error is not run: the backend
never saw it), every recorded tool result compared with the re-run, and — when the scenario
carries a task — the outcome computed by the one checker (@chatmill/domains' judge: the task's
actions replayed on another fresh session, the end states compared, the facts to say looked
for) against the outcome the dialogue carries. Nothing a simulator recorded about itself is
trusted. Works on offline, LLM and imported dialogues.
Report: {id, domain, calls, compared, mismatches (first 5), mismatched, failed_in_transit,
unanswered, judged?, recorded?, agrees, issues}. 'agrees' is false when a tool result differs
from its re-run, the task does not validate, or the recorded goal_met is not (judged reward = 1).
The pack: --domain, else the dialogue's 'domain', else its scenario's. A record that is not a
dialogue or whose pack cannot be loaded is rejected (status 3; --on-error skip to go on).
Live packs: with --backend replay --cassette FILE the calls re-run on the recorded answers, so
'agrees' says each tool message is what the backend answered; a dialogue with a request the
cassette lacks fails (replay_miss: the request is named). A missing secret stops the run (exit 5).`,
  options: [
    { name: "domain", short: "d", type: "string", placeholder: "PACK", description: "judge every dialogue on this pack (a built-in name or a pack path) instead of the one it names" },
    { name: "only-disagreements", type: "boolean", description: "write only the reports whose 'agrees' is false" },
    {
      name: "bars",
      type: "boolean",
      description:
        "instead of one report per dialogue, one line per pack and per category (category 'all' first) with issue #17's bars: audit agreement, resolved tasks reaching the expected end state, unexpected writes of failed/escalated tasks, users ending unhappy after being shown rows that meet their goal, reason stated in the first two messages (definitions: the package README, 'Measures')",
    },
    ...backendOptions(backendFlags),
  ],
  examples: [
    { what: "every dialogue whose tool messages or outcome the checker does not confirm", cmd: "audit --only-disagreements dialogues.ndjson > disagreements.ndjson" },
    { what: "how many dialogues agree", cmd: "audit -q dialogues.ndjson | jq -s 'map(select(.agrees)) | length'" },
    { what: "issue #17's bars per pack and category, as one table", cmd: "audit --bars -q dialogues.ndjson | jq -r '[.domain, .category, (.bars[] | .figure)] | @tsv'" },
    { what: "check that every tool message of a live run is what the server answered", cmd: "audit --backend replay --cassette run.cassette.ndjson --only-disagreements live.ndjson" },
    { what: "audit imported MultiWOZ dialogues after tool-annotate executed their calls", cmd: "audit --domain travel annotated.ndjson | jq -c 'select(.mismatched > 0)'" },
  ],
};
