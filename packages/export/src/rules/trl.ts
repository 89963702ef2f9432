import { sharedPrefix } from "../shared-prefix.js";
import { jsonEqual } from "../json-equal.js";
import { TOOL_NAME, isObject, issue, unknownKey, type RuleIssue } from "./issue.js";
import { toolNames } from "./openai.js";
import { toolsForTemplate } from "../template-tools.js";

/** A null anywhere in a value: `datasets` fills missing keys with null, so a row's own nulls would be indistinguishable from them. */
function hasNull(v: unknown): boolean {
  if (v === null) return true;
  if (typeof v !== "object") return false;
  if (Array.isArray(v)) return v.some(hasNull);
  for (const k in v as Record<string, unknown>) if (hasNull((v as Record<string, unknown>)[k])) return true;
  return false;
}

/** tool_calls lists already checked against a tools list (rows of a dialogue share them). */
const checkedCalls = new WeakMap<object, unknown>();

/**
 * The last message list checked at each JSON path, with `seenNonSystem` after each of its
 * messages: rows of a dialogue repeat the conversation so far (the same message objects,
 * which must not change once checked), so a row is checked from the first message it
 * does not share with the previous one.
 */
const lastScans = new Map<string, { messages: unknown[]; tools: unknown; standalone: boolean; seen: boolean[] }>();

/*
 * Rules of TRL's conversational datasets, as the chat templates read them
 * (https://huggingface.co/docs/trl/dataset_formats, "Tool calling"; the templates in
 * test/fixtures/chat-templates):
 * - tool call arguments are a JSON *object*: Qwen2.5 and Llama 3.1 render them with
 *   `| tojson`, so a string is encoded twice ("{\"city\": ...}");
 * - `tool_calls` appears only on assistant messages that call a tool: Llama 3.1 tests
 *   `'tool_calls' in message`, so even `tool_calls: null` sends a reply down the
 *   tool-call branch;
 * - one call per assistant message: Llama 3.1 raises "This model only supports single
 *   tool-calls at once!";
 * - with tools, the first message after the system prompt is the user's: Llama 3.1
 *   moves it into the tool preamble whatever its role;
 * - every row has the same columns (`messages`, `tools`, or `prompt`, `completion`,
 *   `tools`) with the same types, so `datasets` loads the file as one table;
 * - `tools` is a JSON string (TRL's trainers json.loads it; Arrow cannot merge it) or a list;
 * - no null inside a message or its arguments: `datasets` null-fills the keys a row lacks, and
 *   TRL's `remove_none_values` (or any strip of nulls) restores the row exactly only when the
 *   row had none of its own.
 */

const MESSAGE_KEYS: Record<string, ReadonlySet<string>> = {
  system: new Set(["role", "content"]),
  user: new Set(["role", "content"]),
  assistant: new Set(["role", "content", "tool_calls"]),
  tool: new Set(["role", "content", "tool_call_id", "name"]),
};

export function checkTrlMessages(messages: unknown, at: string, tools: unknown, opts: { standalone: boolean }): RuleIssue | undefined {
  if (!Array.isArray(messages) || messages.length === 0) return issue("trl.messages", at, "must be a non-empty list of messages");
  const defined = toolNames(tools);
  const prev = lastScans.get(at);
  const start = prev && prev.tools === tools && prev.standalone === opts.standalone ? sharedPrefix(messages, prev.messages) : 0;
  const seen = start > 0 ? prev!.seen.slice(0, start + 1) : [false];
  let seenNonSystem = seen[start]!;
  for (let i = start; i < messages.length; i++) {
    const m = messages[i] as unknown;
    const p = `${at}/${i}`;
    if (!isObject(m)) return issue("trl.message", p, "a message must be an object");
    const allowed = MESSAGE_KEYS[m.role as string];
    if (!allowed) return issue("trl.role", `${p}/role`, `role must be system, user, assistant or tool, not '${String(m.role)}'`);
    const extra = unknownKey(m, allowed);
    if (extra !== undefined) {
      return issue(extra === "tool_calls" ? "trl.tool_calls_key" : "trl.unknown_key", `${p}/${extra}`, `'${extra}' is not allowed on a ${String(m.role)} message (templates test for the key, not its value)`);
    }
    if (typeof m.content !== "string") return issue("trl.content", `${p}/content`, "content must be a string (\"\" for a message that only calls tools) so every row has the same type");
    if (opts.standalone && !seenNonSystem && m.role !== "system") {
      seenNonSystem = true;
      if (defined && m.role !== "user") return issue("trl.first_message", p, "with tools, the first message after the system prompt must be the user's (Llama 3.1 puts it in the tool preamble)");
    }
    if (m.role === "assistant" && m.tool_calls !== undefined) {
      const calls = m.tool_calls;
      if (!Array.isArray(calls) || calls.length === 0) return issue("trl.tool_calls", `${p}/tool_calls`, "tool_calls must be a non-empty list, or absent");
      if (checkedCalls.has(calls) && checkedCalls.get(calls) === tools) {
        seen.push(seenNonSystem);
        continue;
      }
      if (calls.length > 1) return issue("trl.parallel_calls", `${p}/tool_calls`, "one tool call per assistant message (Llama 3.1's template raises on more); export with parallel calls split");
      const c = calls[0] as unknown;
      const cp = `${p}/tool_calls/0`;
      if (!isObject(c) || c.type !== "function" || !isObject(c.function)) return issue("trl.tool_call", cp, "a tool call must be {type: \"function\", function: {name, arguments}}");
      const f = c.function;
      if (typeof f.name !== "string" || !TOOL_NAME.test(f.name)) return issue("trl.tool_name", `${cp}/function/name`, `tool name '${String(f.name)}' must match [a-zA-Z0-9_-]{1,64}`);
      if (defined && !defined.has(f.name)) return issue("trl.undefined_tool", `${cp}/function/name`, `tool '${f.name}' is not in the row's tools`);
      if (!isObject(f.arguments)) {
        return issue("trl.arguments_not_object", `${cp}/function/arguments`, typeof f.arguments === "string" ? "arguments is a string: the templates would encode it twice; it must be a JSON object" : "arguments must be a JSON object");
      }
      if (hasNull(f.arguments)) return issue("trl.null_value", `${cp}/function/arguments`, "an argument is null: after datasets' null-filling it cannot be told from an argument the call did not have; leave it out");
      checkedCalls.set(calls, tools);
    }
    seen.push(seenNonSystem);
  }
  lastScans.set(at, { messages: messages.slice(), tools, standalone: opts.standalone, seen });
  return undefined;
}

const checkedToolLists = new WeakSet<object>();

export function checkTrlTools(column: unknown, at = "/tools"): RuleIssue | undefined {
  if (column === null) return undefined;
  let tools: unknown = column;
  if (typeof column === "string") {
    try {
      tools = toolsForTemplate(column);
    } catch {
      return issue("trl.tools", at, "tools is a string that is not JSON: it must be the JSON text of the tool list");
    }
  }
  if (!Array.isArray(tools) || tools.length === 0) return issue("trl.tools", at, "tools must be a non-empty list or its JSON text, or null (Llama 3.1 renders its tool preamble even for [])");
  if (checkedToolLists.has(tools)) return undefined;
  for (let i = 0; i < tools.length; i++) {
    const t = tools[i] as unknown;
    if (!isObject(t) || t.type !== "function" || !isObject(t.function) || typeof t.function.name !== "string") return issue("trl.tools", `${at}/${i}`, "a tool must be {type: \"function\", function: {name, description, parameters}}");
    const props = (t.function.parameters as { properties?: unknown } | undefined)?.properties;
    if (isObject(props)) {
      for (const [k, p] of Object.entries(props)) {
        if (!isObject(p) || typeof p.description !== "string") return issue("trl.parameter_description", `${at}/${i}/function/parameters/properties/${k}`, "every parameter needs a description: the Hermes template trims it, and @huggingface/jinja raises on a missing one");
      }
    }
  }
  checkedToolLists.add(tools);
  return undefined;
}

function sameKeys(row: Record<string, unknown>, keys: readonly string[]): RuleIssue | undefined {
  for (const k of keys) if (!(k in row)) return issue("trl.same_shape", `/${k}`, `every row needs the column '${k}' (null when empty) so the file loads as one table`);
  const extra = unknownKey(row, new Set(keys));
  return extra !== undefined ? issue("trl.same_shape", `/${extra}`, `column '${extra}' is not in every row`) : undefined;
}

/** A TRL SFT row: {messages, tools} (conversation) or {prompt, completion, tools} (turn). */
export function checkTrlSftRow(row: unknown): RuleIssue | undefined {
  if (!isObject(row)) return issue("trl.row", "", "a row must be a JSON object");
  if ("messages" in row) {
    return sameKeys(row, ["messages", "tools"]) ?? checkTrlTools(row.tools) ?? checkTrlMessages(row.messages, "/messages", toolsForTemplate(row.tools), { standalone: true });
  }
  const shape = sameKeys(row, ["prompt", "completion", "tools"]) ?? checkTrlTools(row.tools);
  if (shape) return shape;
  const all = [...(row.prompt as unknown[]), ...(Array.isArray(row.completion) ? row.completion : [])];
  const c = row.completion;
  if (!Array.isArray(c) || c.length !== 1 || !isObject(c[0]) || c[0].role !== "assistant") return issue("trl.completion", "/completion", "completion must be one assistant message");
  return checkTrlMessages(all, "/prompt+completion", toolsForTemplate(row.tools), { standalone: true });
}

/** A TRL preference row: {prompt, chosen, rejected, tools}, conversational. */
export function checkTrlDpoRow(row: unknown): RuleIssue | undefined {
  if (!isObject(row)) return issue("trl.row", "", "a row must be a JSON object");
  const shape = sameKeys(row, ["prompt", "chosen", "rejected", "tools"]) ?? checkTrlTools(row.tools);
  if (shape) return shape;
  const tools = toolsForTemplate(row.tools);
  const p = checkTrlMessages(row.prompt, "/prompt", tools, { standalone: true });
  if (p) return p;
  for (const key of ["chosen", "rejected"] as const) {
    const out = row[key];
    if (!Array.isArray(out) || out.length !== 1 || !isObject(out[0]) || out[0].role !== "assistant") return issue("trl.dpo_output", `/${key}`, `${key} must be one assistant message`);
    const o = checkTrlMessages(out, `/${key}`, tools, { standalone: false });
    if (o) return o;
  }
  if (jsonEqual(row.chosen, row.rejected)) return issue("dpo.identical", "/chosen", "chosen and rejected are the same");
  return undefined;
}
