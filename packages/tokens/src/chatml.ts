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

/**
 * templates/qwen2.5-instruct.jinja written out in TypeScript: the same text, byte for byte
 * (tested against @huggingface/jinja on every row layout), at a small fraction of the cost of
 * interpreting the template for every row. Used for qwen2.5 and for the OpenAI encodings.
 */
export function renderQwen25(c: Conversation): string {
  const ms = c.messages;
  const first = ms[0];
  const out: string[] = [];
  const firstSystem = first?.role === "system";
  if (c.tools && c.tools.length > 0) {
    out.push("<|im_start|>system\n", firstSystem ? first.content : DEFAULT_SYSTEM, TOOLS_HEAD);
    let text = toolsText.get(c.tools);
    if (text === undefined) toolsText.set(c.tools, (text = c.tools.map((t) => "\n" + pyJson(t)).join("")));
    out.push(text);
    out.push(TOOLS_TAIL);
  } else {
    out.push("<|im_start|>system\n", firstSystem ? first.content : DEFAULT_SYSTEM, "<|im_end|>\n");
  }
  for (let i = 0; i < ms.length; i++) {
    const m: ChatMsg = ms[i]!;
    const calls = m.tool_calls && m.tool_calls.length > 0 ? m.tool_calls : undefined;
    if (m.role === "user" || (m.role === "system" && i > 0) || (m.role === "assistant" && !calls)) {
      out.push("<|im_start|>", m.role, "\n", m.content, "<|im_end|>\n");
    } else if (m.role === "assistant") {
      out.push("<|im_start|>assistant");
      if (m.content) out.push("\n", m.content);
      for (const tc of calls!) out.push('\n<tool_call>\n{"name": "', tc.function.name, '", "arguments": ', pyJson(tc.function.arguments), "}\n</tool_call>");
      out.push("<|im_end|>\n");
    } else if (m.role === "tool") {
      if (i === 0 || ms[i - 1]!.role !== "tool") out.push("<|im_start|>user");
      out.push("\n<tool_response>\n", m.content, "\n</tool_response>");
      if (i === ms.length - 1 || ms[i + 1]!.role !== "tool") out.push("<|im_end|>\n");
    }
  }
  return out.join("");
}
