import { sharedPrefix } from "../shared-prefix.js";
import { BoundedMap } from "../bounded-map.js";
import { jsonEqual } from "../json-equal.js";
import { TOOL_NAME, isObject, issue, type RuleIssue } from "./issue.js";

/*
 * Rules of LLaMA-Factory's sharegpt format, from its converter
 * (hiyouga/LLaMA-Factory src/llamafactory/data/converter.py, SharegptDatasetConverter)
 * and data/README.md:
 * - `conversations` holds {from, value}; a first `system` message is the system prompt;
 * - after it, human/observation must sit at even indexes (0, 2, …) and
 *   gpt/function_call at odd ones; otherwise the converter logs "Invalid role tag"
 *   and skips the row (a warning among thousands of lines: effectively silent);
 * - an SFT row has an even number of messages (it ends with gpt/function_call);
 *   a ranking (DPO) row has an odd number (it ends with the prompt) and `chosen` /
 *   `rejected` are single gpt/function_call messages;
 * - a function_call value is JSON: {"name", "arguments"} or a list of them;
 * - `tools` is a JSON *string* holding the list of tool definitions.
 */

const ODD = new Set(["human", "observation"]);
const EVEN = new Set(["gpt", "function_call"]);
const KNOWN = new Set(["system", "human", "gpt", "function_call", "observation"]);

/** function_call values already checked against a set of tool names (per-turn rows of a dialogue repeat its calls). */
const checkedValues = new BoundedMap<string, Set<string> | undefined>(256);

/** `where`: the path of the value, or the index of its message in conversations. */
function checkFunctionCall(value: unknown, where: string | number, names: Set<string> | undefined): RuleIssue | undefined {
  if (typeof value === "string" && checkedValues.has(value) && checkedValues.get(value) === names) return undefined;
  const at = typeof where === "number" ? `/conversations/${where}/value` : where;
  let parsed: unknown;
  try {
    parsed = JSON.parse(String(value));
  } catch {
    return issue("sharegpt.function_call_json", at, "a function_call value must be JSON {\"name\", \"arguments\"}");
  }
  const calls = Array.isArray(parsed) ? parsed : [parsed];
  for (const c of calls) {
    if (!isObject(c) || typeof c.name !== "string" || !isObject(c.arguments)) return issue("sharegpt.function_call_shape", at, "each call must be {\"name\": string, \"arguments\": object}");
    if (!TOOL_NAME.test(c.name)) return issue("sharegpt.tool_name", at, `tool name '${c.name}' must match [a-zA-Z0-9_-]{1,64}`);
    if (names && !names.has(c.name)) return issue("sharegpt.undefined_tool", at, `tool '${c.name}' is not in the row's tools`);
  }
  checkedValues.set(String(value), names);
  return undefined;
}

/** The names in each tools text seen lately: a dataset offers a handful of tool lists, parsed once each. */
const toolsNames = new BoundedMap<string, Set<string>>(64);

function toolNames(tools: unknown): { names?: Set<string>; issue?: RuleIssue } {
  if (tools === undefined) return {};
  if (typeof tools === "string") {
    const known = toolsNames.get(tools);
    if (known) return { names: known };
  }
  if (typeof tools !== "string") return { issue: issue("sharegpt.tools_not_string", "/tools", "tools must be a JSON string (LLaMA-Factory reads the column as text)") };
  let list: unknown;
  try {
    list = JSON.parse(tools);
  } catch {
    return { issue: issue("sharegpt.tools_json", "/tools", "tools must be a JSON list of tool definitions") };
  }
  if (!Array.isArray(list)) return { issue: issue("sharegpt.tools_json", "/tools", "tools must be a JSON list of tool definitions") };
  const names = new Set<string>();
  for (const t of list) {
    const f = isObject(t) && isObject(t.function) ? t.function : t;
    if (!isObject(f) || typeof f.name !== "string") return { issue: issue("sharegpt.tools_json", "/tools", "each tool needs a name") };
    names.add(f.name);
  }
  toolsNames.set(tools, names);
  return { names };
}

/**
 * The last conversation that passed, as checked. Per-turn rows (and the pairs of one prompt)
 * repeat the messages of the row before, by identity; each message's check depends only on
 * itself and its index, so the scan starts after the messages the two rows share.
 */
let lastPassed: { conv: unknown[]; names: Set<string> | undefined } | undefined;

export function checkSharegptConversation(conv: unknown, names: Set<string> | undefined, ranking: boolean): RuleIssue | undefined {
  if (!Array.isArray(conv) || conv.length === 0) return issue("sharegpt.conversations", "/conversations", "conversations must be a non-empty list");
  let start = 0;
  const first = conv[0] as unknown;
  if (isObject(first) && first.from === "system") start = 1;
  const from = lastPassed && lastPassed.names === names ? sharedPrefix(conv, lastPassed.conv) : 0;
  for (let i = from; i < conv.length; i++) {
    const m = conv[i] as unknown;
    if (!isObject(m) || typeof m.from !== "string" || typeof m.value !== "string") return issue("sharegpt.message", `/conversations/${i}`, "a message must be {from, value} with string value");
    if (!KNOWN.has(m.from)) return issue("sharegpt.role", `/conversations/${i}/from`, `from must be human, gpt, function_call, observation or (first) system, not '${m.from}'`);
    if (i < start) continue;
    const want = (i - start) % 2 === 0 ? ODD : EVEN;
    if (!want.has(m.from)) {
      return issue("sharegpt.alternation", `/conversations/${i}/from`, `'${m.from}' at turn ${i - start}: LLaMA-Factory wants ${[...want].join("/")} there and would drop the row`);
    }
    if (m.from === "function_call") {
      const f = checkFunctionCall(m.value, i, names);
      if (f) return f;
    }
  }
  const n = conv.length - start;
  if (!ranking && n % 2 !== 0) return issue("sharegpt.message_count", "/conversations", "an SFT row must end with gpt or function_call (even number of turns)");
  if (ranking && n % 2 === 0) return issue("sharegpt.message_count", "/conversations", "a ranking row must end with the prompt (human or observation)");
  // Kept as checked (a copy: the caller may change its array); replaced by the next row, so memory stays flat.
  lastPassed = { conv: conv.slice(), names };
  return undefined;
}

export function checkSharegptSftRow(row: unknown): RuleIssue | undefined {
  if (!isObject(row)) return issue("sharegpt.row", "", "a row must be a JSON object");
  const t = toolNames(row.tools);
  if (t.issue) return t.issue;
  return checkSharegptConversation(row.conversations, t.names, false);
}

export function checkSharegptDpoRow(row: unknown): RuleIssue | undefined {
  if (!isObject(row)) return issue("sharegpt.row", "", "a row must be a JSON object");
  const t = toolNames(row.tools);
  if (t.issue) return t.issue;
  const c = checkSharegptConversation(row.conversations, t.names, true);
  if (c) return c;
  for (const key of ["chosen", "rejected"] as const) {
    const m = row[key];
    if (!isObject(m) || typeof m.value !== "string" || !EVEN.has(m.from as string)) return issue("sharegpt.ranking_output", `/${key}`, `${key} must be one {from: gpt|function_call, value} message`);
    if (m.from === "function_call") {
      const f = checkFunctionCall(m.value, `/${key}/value`, t.names);
      if (f) return f;
    }
  }
  if (jsonEqual(row.chosen, row.rejected)) return issue("dpo.identical", "/chosen", "chosen and rejected are the same");
  return undefined;
}
