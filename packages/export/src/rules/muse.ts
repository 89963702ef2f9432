import { jsonEqual } from "../json-equal.js";
import { isObject, issue, unknownKey, type RuleIssue } from "./issue.js";

/*
 * The MUSe v2 formats (seed 000, "Training Data Pipeline"):
 * SFT {"context": ["User: …", "Assistant: …"], "tool_calls": [{"tool", "args"}], "response", "intent"}
 * DPO {"context": "…", "chosen": {"tool_calls", "response", "success_rate"}, "rejected": {…}}
 * chatmill adds `failed_tool_calls` to an SFT row when the turn had calls that failed
 * (kept, marked, never among `tool_calls`), and `result` to DPO sides.
 */

function checkCalls(calls: unknown, at: string): RuleIssue | undefined {
  if (!Array.isArray(calls)) return issue("muse.tool_calls", at, "tool_calls must be a list");
  for (let i = 0; i < calls.length; i++) {
    const c = calls[i] as unknown;
    if (!isObject(c) || typeof c.tool !== "string" || c.tool === "" || !isObject(c.args)) return issue("muse.tool_call", `${at}/${i}`, "a call is {\"tool\": name, \"args\": object} (\"tool\", not \"action\")");
  }
  return undefined;
}

export function checkMuseSftRow(row: unknown): RuleIssue | undefined {
  if (!isObject(row)) return issue("muse.row", "", "a row must be a JSON object");
  if (!Array.isArray(row.context) || row.context.some((c) => typeof c !== "string")) return issue("muse.context", "/context", "context must be a list of \"User: …\" / \"Assistant: …\" strings");
  const c = checkCalls(row.tool_calls, "/tool_calls");
  if (c) return c;
  if (typeof row.response !== "string" || row.response === "") return issue("muse.response", "/response", "response must be the assistant's non-empty reply");
  if (row.intent !== null && typeof row.intent !== "string") return issue("muse.intent", "/intent", "intent must be a string or null");
  if (row.failed_tool_calls !== undefined) return checkCalls(row.failed_tool_calls, "/failed_tool_calls");
  return undefined;
}

export function checkMuseDpoRow(row: unknown): RuleIssue | undefined {
  if (!isObject(row)) return issue("muse.row", "", "a row must be a JSON object");
  if (typeof row.context !== "string") return issue("muse.context", "/context", "context must be the conversation history as text");
  for (const key of ["chosen", "rejected"] as const) {
    const side = row[key];
    if (!isObject(side)) return issue("muse.side", `/${key}`, `${key} must be {tool_calls, response, success_rate}`);
    const c = checkCalls(side.tool_calls, `/${key}/tool_calls`);
    if (c) return c;
    if (typeof side.success_rate !== "number" || side.success_rate < 0 || side.success_rate > 1) return issue("muse.success_rate", `/${key}/success_rate`, "success_rate must be in [0, 1]");
  }
  const ch = row.chosen as Record<string, unknown>;
  const rj = row.rejected as Record<string, unknown>;
  if (jsonEqual([ch.tool_calls, ch.response, ch.text], [rj.tool_calls, rj.response, rj.text])) return issue("dpo.identical", "/chosen", "chosen and rejected are the same");
  return undefined;
}

const RL_KEYS = new Set(["state", "action", "reward", "next_state"]);
const ACTION_KEYS = new Set(["tool", "args"]);

/** Seed 000's RL row, exactly: {"state": text, "action": {"tool", "args"}, "reward": number, "next_state": text}. */
export function checkMuseRlRow(row: unknown): RuleIssue | undefined {
  if (!isObject(row)) return issue("muse.row", "", "a row must be a JSON object");
  const extra = unknownKey(row, RL_KEYS);
  if (extra !== undefined) return issue("muse.rl_key", `/${extra}`, `seed 000's RL rows have state, action, reward, next_state only, not '${extra}'`);
  if (typeof row.state !== "string" || row.state === "") return issue("muse.rl_state", "/state", "state is the conversation so far, as text");
  if (typeof row.next_state !== "string" || row.next_state === "") return issue("muse.rl_state", "/next_state", "next_state is the conversation after the action, as text");
  const a = row.action;
  if (!isObject(a) || typeof a.tool !== "string" || a.tool === "" || !isObject(a.args) || unknownKey(a, ACTION_KEYS) !== undefined) return issue("muse.rl_action", "/action", "action is one call {\"tool\", \"args\": object} (seed 004: not \"action\", not a list)");
  if (typeof row.reward !== "number" || !Number.isFinite(row.reward)) return issue("muse.rl_reward", "/reward", "reward must be a finite number");
  return undefined;
}
