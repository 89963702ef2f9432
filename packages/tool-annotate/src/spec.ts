import { backendOptions, type BackendFlagsSpec } from "@chatmill/domains/flags";
import { readPackageVersion, type ToolSpec } from "@chatmill/kit/cli";
import { llmOptions } from "@chatmill/llm/options";

/** A re-run sends nothing unless asked: without --backend a live pack's calls are graded over its tables (a warning says so). */
export const backendFlags: BackendFlagsSpec = {
  modes: ["replay", "live"],
  description:
    "where the calls of a pack whose tools call a live backend (http, mcp) re-run: replay answers each from --cassette (the one dialogue-sim --backend record wrote; a dialogue with a request it lacks fails, as replay_miss, naming the request), live sends them to the backend again (after its declared reset, per dialogue). The pack's empty tables are read from the backend first, as dialogue-sim did; each call the dialogue made gets the backend's answer, and alternatives run over the tables on the state the backend was in (rows it created under its own keys), never sent. Without it a live pack's calls are graded over its own tables (a warning, counted in the summary)",
};

export const spec: ToolSpec = {
  name: "tool-annotate",
  version: readPackageVersion(import.meta.url),
  summary: "make every tool use explicit and graded, with executed wrong alternatives for preference training",
  input: "ndjson",
  common: { shard: true },
  description: `Reads Dialogue records, writes them annotated: every assistant tool call gets a 'grade'
(schema_valid, executed, ok, grounded, progress, success_rate) and 'alternatives': wrong-but-
plausible calls, each with its defect, run on the same database state, with its real result
and its own grade. Dialogues that answered without a tool (imported MultiWOZ, or an assistant
that skipped the call) get the calls it should have made, inferred from the dialogue state or
the user's words, executed and marked "inferred": true. Every item an assistant message names
is linked in 'grounding' to its catalog record (id, table, image).
success_rate = 0.15·schema_valid + 0.15·executed + 0.25·K + 0.20·G + 0.25·progress
(K: 1 ok, 0.5 failed through the environment, 0 otherwise; G: 0 when an item, amount or count the
reply states is unsupported, else the share of its other numbers and values a result supports, at most 0.5 when the reply uses nothing the result shows, 0.5 when no reply
follows; progress: toward the goal's services and constraints, 0 for a repeat whose result the
context already holds). Where the chosen call failed and an
alternative ran ok and scores higher, they swap. See the README for every rule.
Defects: wrong_tool, wrong_args, missing_arg, hallucinated_id, ignored_context (stale context),
unnecessary_call, action_key_instead_of_tool, tool_none, plan_as_python_dict, wrong_count (only
where a reply follows). An assistant message that reacts to a failed result (an error, or an
injected empty or partial result) gets 'recovery': bad reactions to it, calls executed on the same
state, text judged against the failed result, graded by the same formula: reports_success,
invents_result, gives_up, repeats_failing_call (the call's own failure only), retry_changed_args,
wrong_tool_after_failure. Every defect's mean success_rate is at least 0.1 below the chosen side's
on the built-in packs (bench/pairs.ts).
Domain: --domain, else the dialogue's 'domain' or scenario.domain, else travel for MultiWOZ.
Tools the domain lacks (SGD services) run on the rows the dialogue's own results recorded.
Live packs (tools that call your API or MCP server): with --backend, the calls are graded on
what the backend answered (replayed from dialogue-sim's cassette, or sent again), so a create
and a later cancel of the row the backend made grade as they ran; without it they are graded
over the pack's own tables (a warning says so: the backend's rows are not_found there).
Offline and deterministic by default: the same --seed gives the same output, whatever the
record order. With --engine openai, an LLM (role 'judge') also proposes alternatives, which are
executed and graded like the others ("source": "llm"), and judges each reply's grounding as a
note; execution and the schema checks still decide every grade.`,
  options: [
    { name: "alternatives", short: "k", type: "int", placeholder: "K", default: 3, min: 0, max: 10, description: "alternatives per graded call, and bad reactions per failure (each of a different defect)" },
    { name: "domain", short: "d", type: "string", placeholder: "NAME|PATH", description: "domain for every dialogue: retail, travel, ops, tau-retail, tau-airline, or a pack file/folder" },
    { name: "defects", type: "string", placeholder: "LIST", description: "only these defects, comma-separated, of both lists (default: all)" },
    { name: "no-infer", type: "boolean", description: "do not add calls to dialogues that lack them" },
    ...backendOptions(backendFlags),
    ...llmOptions,
  ],
  examples: [
    { what: "grade simulated dialogues, three alternatives per call", cmd: "dialogue-sim < scenarios.ndjson | tool-annotate > annotated.ndjson" },
    { what: "make imported MultiWOZ dialogues' tool use explicit (calls inferred from the state)", cmd: "chatmill-import --from multiwoz dialogues.json | tool-annotate --domain travel > explicit.ndjson" },
    { what: "only the seed-004 format errors, five per call, then DPO pairs", cmd: "tool-annotate -k 4 --defects action_key_instead_of_tool,tool_none,plan_as_python_dict,wrong_count < d.ndjson | to-dpo" },
    { what: "grade dialogues simulated against a live API on its recorded answers (no network)", cmd: "tool-annotate --domain shop --backend replay --cassette run.cassette.ndjson < live.ndjson > annotated.ndjson" },
    { what: "let a local model propose more alternatives (vLLM, Ollama, …)", cmd: "tool-annotate --engine openai --base-url http://localhost:8000/v1 --model qwen2.5-7b --cache .cache < d.ndjson > a.ndjson" },
    { what: "success rates of every graded call", cmd: "tool-annotate < d.ndjson | jq -c '.messages[].tool_calls[]? | {name, s: .grade.success_rate}'" },
  ],
};
