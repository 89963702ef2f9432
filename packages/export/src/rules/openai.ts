import { sharedPrefix } from "../shared-prefix.js";
import { jsonEqual } from "../json-equal.js";
import { TOOL_NAME, isObject, issue, parsesAsObject, unknownKey, type RuleIssue } from "./issue.js";

/*
 * Rules of OpenAI's fine-tuning files, written from the spec:
 * - chat SFT input: https://platform.openai.com/docs/api-reference/fine-tuning/chat-input
 *   and the guide https://platform.openai.com/docs/guides/supervised-fine-tuning
 *   ("weight" 0 or 1 on assistant messages only; tools in function form; tool call
 *   arguments a JSON *string*; function names a-z, A-Z, 0-9, _ and -, at most 64).
 * - preference (DPO) input: https://platform.openai.com/docs/api-reference/fine-tuning/preference-input
 *   (input {messages, tools, parallel_tool_calls}; preferred_output and
 *   non_preferred_output lists of assistant messages).
 * - reinforcement (RFT) input: https://platform.openai.com/docs/api-reference/fine-tuning/reinforcement-input
 *   (messages, tools, and any other top-level field, which graders read as item.<field>;
 *   the last message must be from the user or a tool, since the model answers it).
 */

const MESSAGE_KEYS: Record<string, ReadonlySet<string>> = {
  system: new Set(["role", "content", "name"]),
  developer: new Set(["role", "content", "name"]),
  user: new Set(["role", "content", "name"]),
  assistant: new Set(["role", "content", "name", "tool_calls", "weight", "refusal"]),
  tool: new Set(["role", "content", "tool_call_id"]),
};

/*
 * Rows of one dialogue share message objects (per-turn rows repeat the conversation so
 * far), so the checks of a tool_calls list that do not depend on its position (ids,
 * names, arguments parsing) are remembered per list and per tools array.
 */
const checkedCalls = new WeakMap<object, unknown>();

/**
 * The last message list checked at each JSON path, with the scan's state after each of
 * its messages: per-turn rows repeat the conversation so far (the same message objects,
 * which must not change once checked), so a row is checked from the first message it
 * does not share with the previous one, from the state the scan had there.
 */
interface ScanState {
  pending: readonly string[];
  trainable: boolean;
}
const NONE: readonly string[] = [];
const lastScans = new Map<string, { messages: unknown[]; tools: unknown; allowWeight: boolean; states: ScanState[] }>();

export interface ChatRulesOptions {
  /** SFT: `weight` allowed on assistant messages (0 or 1). */
  allowWeight: boolean;
  /** SFT: at least one assistant message with weight 1 (otherwise the row trains nothing). */
  requireTrainable: boolean;
}

/** Checks an OpenAI chat message list (and its tools); returns the first broken rule. */
export function checkOpenAIMessages(messages: unknown, tools: unknown, at: string, opts: ChatRulesOptions): RuleIssue | undefined {
  const toolIssue = checkOpenAITools(tools, at.endsWith("messages") ? `${at.slice(0, -8)}tools` : `${at}/tools`);
  if (toolIssue) return toolIssue;
  const defined = toolNames(tools);
  if (!Array.isArray(messages) || messages.length === 0) return issue("openai.messages", at, "messages must be a non-empty array");
  const pending = new Set<string>();
  let trainable = false;
  // Resume after the leading messages this row shares with the last row checked at this path.
  const prev = lastScans.get(at);
  const start = prev && prev.tools === tools && prev.allowWeight === opts.allowWeight ? sharedPrefix(messages, prev.messages) : 0;
  const states: ScanState[] = start > 0 ? prev!.states.slice(0, start + 1) : [{ pending: [], trainable: false }];
  for (const id of states[start]!.pending) pending.add(id);
  trainable = states[start]!.trainable;
  for (let i = start; i < messages.length; i++) {
    const m = messages[i] as unknown;
    const p = `${at}/${i}`;
    if (!isObject(m)) return issue("openai.message", p, "a message must be an object");
    const role = m.role as string;
    const allowed = MESSAGE_KEYS[role];
    if (!allowed) return issue("openai.role", `${p}/role`, `role must be system, developer, user, assistant or tool, not '${String(role)}'`);
    const extra = unknownKey(m, allowed);
    if (extra !== undefined) {
      return issue(extra === "weight" ? "openai.weight_on_non_assistant" : "openai.unknown_key", `${p}/${extra}`, `'${extra}' is not allowed on a ${role} message`);
    }
    if (role !== "tool" && pending.size > 0) {
      return issue("openai.unanswered_tool_call", p, `tool call(s) ${[...pending].join(", ")} have no tool message before this ${role} message`);
    }
    if (role === "assistant") {
      const calls = m.tool_calls;
      if (calls !== undefined) {
        if (!Array.isArray(calls) || calls.length === 0) return issue("openai.tool_calls", `${p}/tool_calls`, "tool_calls must be a non-empty array");
        if (checkedCalls.has(calls) && checkedCalls.get(calls) === tools) {
          for (const c of calls as Array<{ id: string }>) pending.add(c.id);
        } else {
          for (let j = 0; j < calls.length; j++) {
            const c = calls[j] as unknown;
            const cp = `${p}/tool_calls/${j}`;
            if (!isObject(c) || typeof c.id !== "string" || c.id === "") return issue("openai.tool_call_id", cp, "a tool call needs a non-empty id");
            if (c.type !== "function") return issue("openai.tool_call_type", `${cp}/type`, "tool call type must be \"function\"");
            const f = c.function;
            if (!isObject(f)) return issue("openai.tool_call_function", `${cp}/function`, "a tool call needs function {name, arguments}");
            if (typeof f.name !== "string" || !TOOL_NAME.test(f.name)) return issue("openai.tool_name", `${cp}/function/name`, `tool name '${String(f.name)}' must match [a-zA-Z0-9_-]{1,64}`);
            if (defined && !defined.has(f.name)) return issue("openai.undefined_tool", `${cp}/function/name`, `tool '${f.name}' is not in the row's tools`);
            if (typeof f.arguments !== "string") return issue("openai.arguments_not_string", `${cp}/function/arguments`, "arguments must be a JSON string (the object, serialised once)");
            if (!parsesAsObject(f.arguments)) return issue("openai.arguments_not_json_object", `${cp}/function/arguments`, "arguments must be a string holding a JSON object");
            pending.add(c.id);
          }
          checkedCalls.set(calls, tools);
        }
        if (m.content !== null && m.content !== undefined && typeof m.content !== "string") return issue("openai.content", `${p}/content`, "assistant content must be a string or null");
      } else if (typeof m.content !== "string") return issue("openai.content", `${p}/content`, "an assistant message without tool_calls needs string content");
      if (m.weight !== undefined) {
        if (!opts.allowWeight) return issue("openai.weight_not_allowed", `${p}/weight`, "weight is only allowed in supervised fine-tuning rows");
        if (m.weight !== 0 && m.weight !== 1) return issue("openai.weight_value", `${p}/weight`, "weight must be 0 or 1");
      }
      if (m.weight !== 0) trainable = true;
    } else if (role === "tool") {
      if (typeof m.tool_call_id !== "string" || !pending.has(m.tool_call_id)) {
        return issue("openai.tool_message_order", `${p}/tool_call_id`, `tool message answers '${String(m.tool_call_id)}', which is not an open call of the assistant message before it`);
      }
      pending.delete(m.tool_call_id);
      if (typeof m.content !== "string") return issue("openai.content", `${p}/content`, "tool content must be a string");
    } else if (typeof m.content !== "string") return issue("openai.content", `${p}/content`, `${role} content must be a string`);
    states.push({ pending: pending.size === 0 ? NONE : [...pending], trainable });
  }
  lastScans.set(at, { messages: messages.slice(), tools, allowWeight: opts.allowWeight, states });
  if (opts.requireTrainable && !trainable) return issue("openai.no_trainable_assistant", at, "the row has no assistant message with weight 1, so it trains nothing");
  return undefined;
}

const namesOf = new WeakMap<object, Set<string>>();
/** The names in a tools list (remembered per list: every row of a dialogue shares it). */
export function toolNames(tools: unknown): Set<string> | undefined {
  if (!Array.isArray(tools)) return undefined;
  let names = namesOf.get(tools);
  if (!names) namesOf.set(tools, (names = new Set(tools.map((t) => (t as { function: { name: string } }).function.name))));
  return names;
}

const checkedTools = new WeakSet<object>();

export function checkOpenAITools(tools: unknown, at: string): RuleIssue | undefined {
  if (tools === undefined) return undefined;
  if (!Array.isArray(tools)) return issue("openai.tools", at, "tools must be an array");
  if (checkedTools.has(tools)) return undefined;
  for (let i = 0; i < tools.length; i++) {
    const t = tools[i] as unknown;
    if (!isObject(t) || t.type !== "function" || !isObject(t.function)) return issue("openai.tools", `${at}/${i}`, "a tool must be {type: \"function\", function: {...}}");
    const name = t.function.name;
    if (typeof name !== "string" || !TOOL_NAME.test(name)) return issue("openai.tool_name", `${at}/${i}/function/name`, `tool name '${String(name)}' must match [a-zA-Z0-9_-]{1,64}`);
    if (t.function.parameters !== undefined && !isObject(t.function.parameters)) return issue("openai.tool_parameters", `${at}/${i}/function/parameters`, "parameters must be a JSON Schema object");
  }
  checkedTools.add(tools);
  return undefined;
}

const SFT_KEYS = new Set(["messages", "tools", "parallel_tool_calls"]);

/** One row of an OpenAI supervised (chat) fine-tuning file. */
export function checkOpenAISftRow(row: unknown): RuleIssue | undefined {
  if (!isObject(row)) return issue("openai.row", "", "a row must be a JSON object");
  const extra = unknownKey(row, SFT_KEYS);
  if (extra !== undefined) return issue("openai.unknown_key", `/${extra}`, `'${extra}' is not a field of a chat fine-tuning row`);
  if (row.parallel_tool_calls !== undefined && typeof row.parallel_tool_calls !== "boolean") return issue("openai.parallel_tool_calls", "/parallel_tool_calls", "must be a boolean");
  return checkOpenAIMessages(row.messages, row.tools, "/messages", { allowWeight: true, requireTrainable: true });
}

const DPO_KEYS = new Set(["input", "preferred_output", "non_preferred_output"]);
const DPO_INPUT_KEYS = new Set(["messages", "tools", "parallel_tool_calls"]);

/** One row of an OpenAI preference (DPO) fine-tuning file. */
export function checkOpenAIDpoRow(row: unknown): RuleIssue | undefined {
  if (!isObject(row)) return issue("openai.row", "", "a row must be a JSON object");
  const extra = unknownKey(row, DPO_KEYS);
  if (extra !== undefined) return issue("openai.unknown_key", `/${extra}`, `'${extra}' is not a field of a preference row`);
  const input = row.input;
  if (!isObject(input)) return issue("openai.dpo_input", "/input", "input must be {messages, tools?}");
  const extraIn = unknownKey(input, DPO_INPUT_KEYS);
  if (extraIn !== undefined) return issue("openai.unknown_key", `/input/${extraIn}`, `'${extraIn}' is not a field of a preference input`);
  const inIssue = checkOpenAIMessages(input.messages, input.tools, "/input/messages", { allowWeight: false, requireTrainable: false });
  if (inIssue) return inIssue;
  const msgs = input.messages as Array<{ role: string }>;
  const last = msgs[msgs.length - 1]!.role;
  if (last !== "user" && last !== "tool") return issue("openai.dpo_input_end", "/input/messages", `the input must end with the message the outputs answer (user or tool), not ${last}`);
  for (const key of ["preferred_output", "non_preferred_output"] as const) {
    const out = row[key];
    if (!Array.isArray(out) || out.length !== 1) return issue("openai.dpo_output", `/${key}`, `${key} must be a list holding one assistant message`);
    const m = out[0] as unknown;
    if (!isObject(m) || m.role !== "assistant") return issue("openai.dpo_output", `/${key}/0`, `${key} must be an assistant message`);
    // An output is checked as a continuation of the input; its calls stay open (no results follow).
    const one = checkOpenAIMessages([m], input.tools, `/${key}`, { allowWeight: false, requireTrainable: false });
    if (one) return one;
  }
  if (jsonEqual(row.preferred_output, row.non_preferred_output)) {
    return issue("dpo.identical", "/preferred_output", "preferred and non-preferred outputs are the same");
  }
  return undefined;
}

/** One row of an OpenAI reinforcement fine-tuning file: extra fields are for the graders. */
export function checkOpenAIRftRow(row: unknown): RuleIssue | undefined {
  if (!isObject(row)) return issue("openai.row", "", "a row must be a JSON object");
  const mIssue = checkOpenAIMessages(row.messages, row.tools, "/messages", { allowWeight: false, requireTrainable: false });
  if (mIssue) return mIssue;
  const msgs = row.messages as Array<{ role: string }>;
  const last = msgs[msgs.length - 1]!.role;
  if (last !== "user" && last !== "tool") return issue("openai.rft_end", "/messages", `the last message must be the one the model answers (user or tool), not ${last}`);
  return undefined;
}
