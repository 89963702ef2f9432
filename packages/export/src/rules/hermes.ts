import { sharedPrefix } from "../shared-prefix.js";
import { BoundedMap } from "../bounded-map.js";
import { TOOL_NAME, isObject, issue, type RuleIssue } from "./issue.js";

/*
 * Hermes function-calling rows, as in NousResearch/hermes-function-calling-v1 and the
 * Hermes-2-Pro-Llama-3 tool_use chat template (huggingface.js packages/jinja/test/e2e.test.js):
 * `conversations` of {from: system|human|gpt|tool, value}; the system prompt lists the
 * tools as JSON inside <tools></tools>; a call is `<tool_call>\n{"name", "arguments"}\n</tool_call>`
 * in a gpt value; results come back as `<tool_response>\n{"name", "content"}\n</tool_response>`
 * in a tool value. chatmill adds `weight` 0/1 on gpt messages (axolotl reads it with
 * `message_field_training: weight`), so failed calls stay in context untrained.
 */

const CALL = /<tool_call>\n([\s\S]*?)\n<\/tool_call>/g;
const RESPONSE = /<tool_response>\n([\s\S]*?)\n<\/tool_response>/g;
const TOOLS = /<tools>([\s\S]*?)<\/tools>/g;

export function hermesCalls(value: string): string[] {
  return [...value.matchAll(CALL)].map((m) => m[1]!);
}

/*
 * Per-turn rows of a dialogue repeat their messages (a gpt message also as its weight-0
 * copy, with the same text): a gpt value's calls, once checked against a tools block, and
 * a tool value's count of <tool_response> blocks are remembered by text.
 */
const gptCalls = new BoundedMap<string, { names: Set<string> | undefined; n: number }>(512);
const responses = new BoundedMap<string, number>(512);

/**
 * The tool names of the system prompts seen lately, by text: the rows of a dialogue share
 * one, and a dataset's dialogues offer a handful of tool lists (one per domain or scenario
 * kind), so the <tools> JSON is parsed once per list, not once per row.
 */
const systemNames = new BoundedMap<string, Set<string> | undefined>(64);

/** The scan's state before a message: what the rules need to know about the messages before it. */
interface ScanState {
  names: Set<string> | undefined;
  prev: string;
  open: number;
  trainable: boolean;
}

/**
 * The last row that passed, with the state before each of its messages: the next per-turn
 * row of the dialogue shares its first messages (by identity) and resumes the scan there.
 */
let lastPassed: { conv: unknown[]; states: ScanState[] } | undefined;

export function checkHermesRow(row: unknown): RuleIssue | undefined {
  if (!isObject(row)) return issue("hermes.row", "", "a row must be a JSON object");
  const conv = row.conversations;
  if (!Array.isArray(conv) || conv.length < 2) return issue("hermes.conversations", "/conversations", "conversations must hold at least a human and a gpt message");
  const from = lastPassed ? sharedPrefix(conv, lastPassed.conv) : 0;
  const states: ScanState[] = from > 0 ? lastPassed!.states.slice(0, from) : [];
  const at = from > 0 ? lastPassed!.states[from]! : { names: undefined, prev: "", open: 0, trainable: false };
  let { names, prev, open, trainable } = at;
  for (let i = from; i < conv.length; i++) {
    states[i] = { names, prev, open, trainable };
    const m = conv[i] as unknown;
    if (!isObject(m) || typeof m.value !== "string") return issue("hermes.message", `/conversations/${i}`, "a message must be {from, value}");
    const from = m.from;
    if (m.weight !== undefined && (from !== "gpt" || (m.weight !== 0 && m.weight !== 1))) return issue("hermes.weight", `/conversations/${i}/weight`, "weight is 0 or 1, on gpt messages only");
    if (from === "system") {
      if (i !== 0) return issue("hermes.system_position", `/conversations/${i}`, "the system message comes first");
      if (systemNames.has(m.value)) {
        names = systemNames.get(m.value);
        prev = from;
        continue;
      }
      // The prompt names the tag in prose ("within <tools></tools> XML tags"): the list is the non-empty block.
      const tools = [...m.value.matchAll(TOOLS)].map((b) => b[1]!.trim()).find((b) => b !== "");
      if (tools !== undefined) {
        try {
          const list = JSON.parse(tools) as Array<{ function?: { name: string }; name?: string }>;
          names = new Set(list.map((t) => t.function?.name ?? t.name ?? ""));
        } catch {
          return issue("hermes.tools_json", `/conversations/${i}/value`, "the <tools> block must hold a JSON list");
        }
      }
      systemNames.set(m.value, names);
    } else if (from === "human") {
      if (prev === "human" || open > 0) return issue("hermes.order", `/conversations/${i}`, open > 0 ? "a human message cannot answer an open tool call" : "two human messages in a row");
    } else if (from === "gpt") {
      if (prev === "gpt" || prev === "" || prev === "system") return issue("hermes.order", `/conversations/${i}`, "a gpt message follows a human or tool message");
      if (open > 0) return issue("hermes.order", `/conversations/${i}`, "the previous tool calls have no <tool_response>");
      const known = gptCalls.get(m.value);
      if (known && known.names === names) {
        open += known.n;
        if (m.weight !== 0) trainable = true;
        prev = from;
        continue;
      }
      let n = 0;
      for (const call of hermesCalls(m.value)) {
        let c: unknown;
        try {
          c = JSON.parse(call);
        } catch {
          return issue("hermes.tool_call_json", `/conversations/${i}/value`, "a <tool_call> block must hold JSON {\"name\", \"arguments\"}");
        }
        if (!isObject(c) || typeof c.name !== "string" || !isObject(c.arguments)) return issue("hermes.tool_call_shape", `/conversations/${i}/value`, "a <tool_call> must be {\"name\": string, \"arguments\": object}");
        if (!TOOL_NAME.test(c.name)) return issue("hermes.tool_name", `/conversations/${i}/value`, `tool name '${c.name}' must match [a-zA-Z0-9_-]{1,64}`);
        if (names && !names.has(c.name)) return issue("hermes.undefined_tool", `/conversations/${i}/value`, `tool '${c.name}' is not in the <tools> block`);
        open += 1;
        n += 1;
      }
      gptCalls.set(m.value, { names, n });
      if (m.weight !== 0) trainable = true;
    } else if (from === "tool") {
      let n = responses.get(m.value);
      if (n === undefined) responses.set(m.value, (n = [...m.value.matchAll(RESPONSE)].length));
      if (n === 0) return issue("hermes.tool_response", `/conversations/${i}/value`, "a tool message holds <tool_response> blocks");
      if (n > open) return issue("hermes.order", `/conversations/${i}`, "more <tool_response> blocks than open <tool_call>s");
      open -= n;
    } else return issue("hermes.role", `/conversations/${i}/from`, `from must be system, human, gpt or tool, not '${String(from)}'`);
    prev = from;
  }
  if (!trainable) return issue("hermes.no_trainable_gpt", "/conversations", "no gpt message with weight 1: the row trains nothing");
  states[conv.length] = { names, prev, open, trainable };
  lastPassed = { conv: conv.slice(), states };
  return undefined;
}
