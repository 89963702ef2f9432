import { BoundedMap } from "./bounded-map.js";
import { isContext } from "./context-messages.js";
import type { Dialogue, Message, ToolMessage } from "./types.js";

/** A call as LLaMA-Factory's function_call value: {"name", "arguments"}, a list when parallel. */
export function sharegptCallValue(calls: ReadonlyArray<{ name: string; arguments: Record<string, unknown> }>): string {
  const list = calls.map((c) => ({ name: c.name, arguments: c.arguments }));
  return JSON.stringify(list.length === 1 ? list[0] : list);
}

/** The seed-000 call shape: {"tool", "args"}. */
export function museCall(c: { name: string; arguments: Record<string, unknown> }): { tool: string; args: Record<string, unknown> } {
  return { tool: c.name, args: c.arguments };
}

/**
 * "User: …" / "Assistant: …" lines of the visible conversation, and "Context: …" for the app's
 * context (context_provider, seed 002) where it came. `tools: true` adds "Tool <name>: <result>"
 * lines (the RL state: what the environment answered); the SFT context leaves tool traffic out.
 */
export function museContext(messages: readonly Message[], end: number, opts: { tools?: boolean } = {}): string[] {
  const out: string[] = [];
  for (let i = 0; i < end; i++) {
    const line = museLine(messages[i]!, opts);
    if (line !== undefined) out.push(line);
  }
  return out;
}

/** A message's line in a MUSe context, or undefined when it has none (a call without text, a tool result without opts.tools). */
function museLine(m: Message, opts: { tools?: boolean }): string | undefined {
  if (m.role === "user") return `User: ${m.content}`;
  if (m.role === "assistant" && typeof m.content === "string" && m.content !== "") return `Assistant: ${m.content}`;
  if (m.role === "system" && isContext(m)) return `Context: ${m.content}`;
  if (m.role === "tool" && opts.tools) return `Tool ${m.name}: ${m.content}`;
  return undefined;
}

/**
 * museContext(messages, end, opts).join("\n") for every end from 0 to messages.length, each
 * built from the one before (V8 keeps them as ropes): a format whose rows repeat the
 * conversation so far as text (to-rl muse) makes each state in time proportional to the
 * message added, not to the conversation.
 */
export function museContextTexts(messages: readonly Message[], opts: { tools?: boolean } = {}): string[] {
  const out: string[] = [""];
  let text: string | undefined;
  for (const m of messages) {
    const line = museLine(m, opts);
    if (line !== undefined) text = text === undefined ? line : text + "\n" + line;
    out.push(text ?? "");
  }
  return out;
}

/**
 * Hermes-2-Pro's tool-use system prompt, with the dialogue's own system text after it.
 * The prompts are kept by the tools' JSON text: a dataset offers a handful of tool lists,
 * and the same string for the same list lets the row checker find its parsed names by
 * the string's cached hash.
 */
const hermesHeads = new BoundedMap<string, string>(64);

export function hermesSystemPrompt(tools: Dialogue["tools"], own: string | undefined): string | undefined {
  if (!tools || tools.length === 0) return own;
  const json = JSON.stringify(tools);
  let head = hermesHeads.get(json);
  if (head === undefined) hermesHeads.set(json, (head = hermesHead(json)));
  return own ? `${head}\n\n${own}` : head;
}

function hermesHead(toolsJson: string): string {
  return (
    "You are a function calling AI model. You are provided with function signatures within <tools></tools> XML tags. " +
    "You may call one or more functions to assist with the user query. Don't make assumptions about what values to plug into functions. " +
    `Here are the available tools: <tools>\n${toolsJson}\n</tools>\n` +
    "For each function call return a json object with function name and arguments within <tool_call></tool_call> XML tags as follows:\n" +
    '<tool_call>\n{"name": <function-name>, "arguments": <args-dict>}\n</tool_call>'
  );
}

export function hermesToolCalls(content: string | null | undefined, calls: ReadonlyArray<{ name: string; arguments: Record<string, unknown> }>): string {
  const blocks = calls.map((c) => `<tool_call>\n${JSON.stringify({ name: c.name, arguments: c.arguments })}\n</tool_call>`);
  return content ? [content, ...blocks].join("\n") : blocks.join("\n");
}

/** Tool results as <tool_response> blocks; JSON results are embedded as JSON, other text as a string. */
export function hermesToolResponses(results: readonly ToolMessage[]): string {
  let out = "";
  for (let i = 0; i < results.length; i++) {
    const r = results[i]!;
    out += `${i > 0 ? "\n" : ""}<tool_response>\n{"name":${JSON.stringify(r.name)},"content":${jsonOrString(r.content)}}\n</tool_response>`;
  }
  return out;
}

/**
 * A tool result as JSON text: a JSON object or array as itself, anything else (a bare
 * number or word, text that is not JSON) as a JSON string. A result JSON.parse accepts is
 * used as its own text (the same value; the tools write it compact), so it is not
 * serialised a second time; one with whitespace after it is re-serialised compact.
 */
export function jsonOrString(text: string): string {
  const first = text.charCodeAt(0);
  if (first !== 123 && first !== 91) return JSON.stringify(text);
  const last = text.charCodeAt(text.length - 1);
  const compactEnds = last === (first === 123 ? 125 : 93);
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch {
    return JSON.stringify(text);
  }
  return compactEnds ? text : JSON.stringify(value);
}
