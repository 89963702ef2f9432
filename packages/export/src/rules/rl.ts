import { isObject, issue, unknownKey, type RuleIssue } from "./issue.js";
import { checkTrlMessages, checkTrlTools } from "./trl.js";
import { toolsForTemplate } from "../template-tools.js";

/*
 * RL rows. Transitions follow seed 000 ({state, action, reward, next_state}) plus
 * `done`; episodes hold every step; trl-grpo rows are TRL's prompt-only conversational
 * format (https://huggingface.co/docs/trl/grpo_trainer: extra columns are passed to the
 * reward functions as keyword arguments), so every row has the same columns.
 */

function checkState(s: unknown, at: string): RuleIssue | undefined {
  if (!isObject(s) || !Array.isArray(s.messages) || typeof s.db_digest !== "string") return issue("rl.state", at, "a state is {messages, db_digest}");
  return undefined;
}

function checkAction(a: unknown, at: string): RuleIssue | undefined {
  if (!isObject(a) || !Array.isArray(a.tool_calls) || (a.response !== null && typeof a.response !== "string")) return issue("rl.action", at, "an action is {tool_calls: [{tool, args}], response: string|null}");
  if (a.tool_calls.length === 0 && !a.response) return issue("rl.action", at, "an action calls a tool or replies");
  for (const c of a.tool_calls as unknown[]) if (!isObject(c) || typeof c.tool !== "string" || !isObject(c.args)) return issue("rl.action", `${at}/tool_calls`, "a call is {tool, args: object}");
  return undefined;
}

export function checkTransitionRow(row: unknown): RuleIssue | undefined {
  if (!isObject(row)) return issue("rl.row", "", "a row must be a JSON object");
  if (typeof row.reward !== "number" || !Number.isFinite(row.reward)) return issue("rl.reward", "/reward", "reward must be a finite number");
  if (typeof row.done !== "boolean") return issue("rl.done", "/done", "done must be a boolean");
  return checkState(row.state, "/state") ?? checkAction(row.action, "/action") ?? checkState(row.next_state, "/next_state");
}

export function checkEpisodeRow(row: unknown): RuleIssue | undefined {
  if (!isObject(row)) return issue("rl.row", "", "a row must be a JSON object");
  if (!Array.isArray(row.steps) || row.steps.length === 0) return issue("rl.steps", "/steps", "an episode has at least one step");
  let sum = 0;
  for (let i = 0; i < row.steps.length; i++) {
    const s = row.steps[i] as unknown;
    if (!isObject(s) || typeof s.reward !== "number" || !Number.isFinite(s.reward)) return issue("rl.reward", `/steps/${i}/reward`, "reward must be a finite number");
    const a = checkAction(s.action, `/steps/${i}/action`);
    if (a) return a;
    sum += s.reward;
  }
  if (sum !== row.return) return issue("rl.reward_sum", "/return", `step rewards sum to ${sum}, not to the episode's return ${String(row.return)}`);
  return undefined;
}

const GRPO_KEYS = ["prompt", "tools", "reference_tool_calls", "reference_response", "environment", "dialogue_id"] as const;

export function checkGrpoRow(row: unknown): RuleIssue | undefined {
  if (!isObject(row)) return issue("rl.row", "", "a row must be a JSON object");
  for (const k of GRPO_KEYS) if (!(k in row)) return issue("trl.same_shape", `/${k}`, `every row needs the column '${k}' (null when empty)`);
  const extra = unknownKey(row, new Set(GRPO_KEYS));
  if (extra !== undefined) return issue("trl.same_shape", `/${extra}`, `column '${extra}' is not in every row`);
  const t = checkTrlTools(row.tools);
  if (t) return t;
  const m = checkTrlMessages(row.prompt, "/prompt", toolsForTemplate(row.tools), { standalone: true });
  if (m) return m;
  const p = row.prompt as Array<{ role: string }>;
  if (p[p.length - 1]!.role !== "user") return issue("rl.prompt_end", "/prompt", "a prompt-only row ends with the user's message");
  if (!Array.isArray(row.reference_tool_calls)) return issue("rl.reference", "/reference_tool_calls", "reference_tool_calls must be a list ([] when the turn needs no call)");
  return undefined;
}
