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

/** "User: …" / "Assistant: …" lines of the visible conversation (tool traffic left out). */
export function museContext(messages: readonly Message[], end: number): string[] {
  const out: string[] = [];
  for (let i = 0; i < end; i++) {
    const m = messages[i]!;
    if (m.role === "user") out.push(`User: ${m.content}`);
    else if (m.role === "assistant" && typeof m.content === "string" && m.content !== "") out.push(`Assistant: ${m.content}`);
  }
  return out;
}

/** Hermes-2-Pro's tool-use system prompt, with the dialogue's own system text after it. */
const hermesHeads = new WeakMap<object, string>();

export function hermesSystemPrompt(tools: Dialogue["tools"], own: string | undefined): string | undefined {
  if (!tools || tools.length === 0) return own;
  const head = hermesHeads.get(tools) ?? hermesHead(tools);
  hermesHeads.set(tools, head);
  return own ? `${head}\n\n${own}` : head;
}

function hermesHead(tools: Dialogue["tools"]): string {
  return (
    "You are a function calling AI model. You are provided with function signatures within <tools></tools> XML tags. " +
    "You may call one or more functions to assist with the user query. Don't make assumptions about what values to plug into functions. " +
    `Here are the available tools: <tools>\n${JSON.stringify(tools)}\n</tools>\n` +
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
  return results.map((r) => `<tool_response>\n${JSON.stringify({ name: r.name, content: parseOrText(r.content) })}\n</tool_response>`).join("\n");
}

export function parseOrText(text: string): unknown {
  const c = text.charCodeAt(0);
  // Only objects and arrays: a bare number or word stays the text it was.
  if (c !== 123 && c !== 91) return text;
  try {
    return JSON.parse(text);
  } catch {
    return text;
  }
}
