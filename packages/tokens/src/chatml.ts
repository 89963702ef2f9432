import type { ChatMsg, Conversation } from "./conversation.js";

/**
 * `tojson` as @huggingface/jinja writes it (and transformers' `json.dumps`): `", "` between
 * items, `": "` after keys, non-ASCII kept, undefined as null.
 */
export function pyJson(v: unknown): string {
  if (v === null || v === undefined) return "null";
  if (typeof v !== "object") return JSON.stringify(v) ?? "null";
  if (Array.isArray(v)) return `[${v.map(pyJson).join(", ")}]`;
  return `{${Object.entries(v as Record<string, unknown>)
    .map(([k, x]) => `${JSON.stringify(k)}: ${pyJson(x)}`)
    .join(", ")}}`;
}

/** The tool lines of a tool list (one object per dialogue, shared by its rows). */
const toolsText = new WeakMap<object, string>();

const DEFAULT_SYSTEM = "You are Qwen, created by Alibaba Cloud. You are a helpful assistant.";
const TOOLS_HEAD = "\n\n# Tools\n\nYou may call one or more functions to assist with the user query.\n\nYou are provided with function signatures within <tools></tools> XML tags:\n<tools>";
const TOOLS_TAIL =
  '\n</tools>\n\nFor each function call, return a json object with function name and arguments within <tool_call></tool_call> XML tags:\n<tool_call>\n{"name": <function-name>, "arguments": <args-json-object>}\n</tool_call><|im_end|>\n';

/** The system turn (with the tool list when there is one): the text before the first message's own turn. */
export function qwen25Header(c: Conversation): string {
  const first = c.messages[0];
  const system = first?.role === "system" ? first.content : DEFAULT_SYSTEM;
  if (!c.tools || c.tools.length === 0) return `<|im_start|>system\n${system}<|im_end|>\n`;
  let text = toolsText.get(c.tools);
  if (text === undefined) toolsText.set(c.tools, (text = c.tools.map((t) => "\n" + pyJson(t)).join("")));
  return `<|im_start|>system\n${system}${TOOLS_HEAD}${text}${TOOLS_TAIL}`;
}

/**
 * Where each turn of the rendering starts and ends: a message, or a run of consecutive tool
 * results (the template writes them into one user turn). Every turn's text starts with
 * `<|im_start|>`, an added token, so no token spans two turns: a conversation's count is the
 * header's plus each turn's (what countQwen25 relies on). A leading system message is in the
 * header, not a turn.
 */
export function qwen25Turns(ms: readonly ChatMsg[]): Array<[start: number, end: number]> {
  const out: Array<[number, number]> = [];
  let i = ms[0]?.role === "system" ? 1 : 0;
  while (i < ms.length) {
    let j = i + 1;
    if (ms[i]!.role === "tool") while (j < ms.length && ms[j]!.role === "tool") j++;
    out.push([i, j]);
    i = j;
  }
  return out;
}

/** The text of the turn ms[start..end) (one message, or a run of tool results). */
export function qwen25TurnText(ms: readonly ChatMsg[], start: number, end: number): string {
  const m = ms[start]!;
  const calls = m.tool_calls && m.tool_calls.length > 0 ? m.tool_calls : undefined;
  if (m.role === "tool") {
    let text = "<|im_start|>user";
    for (let k = start; k < end; k++) text += `\n<tool_response>\n${ms[k]!.content}\n</tool_response>`;
    return text + "<|im_end|>\n";
  }
  if (m.role === "assistant" && calls) {
    let text = "<|im_start|>assistant";
    if (m.content) text += "\n" + m.content;
    for (const tc of calls) text += `\n<tool_call>\n{"name": "${tc.function.name}", "arguments": ${pyJson(tc.function.arguments)}}\n</tool_call>`;
    return text + "<|im_end|>\n";
  }
  // user, assistant without calls, a later system message; any other role renders nothing.
  return m.role === "user" || m.role === "system" || m.role === "assistant" ? `<|im_start|>${m.role}\n${m.content}<|im_end|>\n` : "";
}

/**
 * templates/qwen2.5-instruct.jinja written out in TypeScript: the same text, byte for byte
 * (tested against @huggingface/jinja on every row layout), at a small fraction of the cost of
 * interpreting the template for every row. Used for qwen2.5 and for the OpenAI encodings.
 */
export function renderQwen25(c: Conversation): string {
  let text = qwen25Header(c);
  for (const [start, end] of qwen25Turns(c.messages)) text += qwen25TurnText(c.messages, start, end);
  return text;
}
