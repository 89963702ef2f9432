/** A tool call as chatmill records hold it: arguments as a JSON object. */
export interface ToolCall {
  id: string;
  name: string;
  arguments: Record<string, unknown>;
}

/**
 * A chat message. Accepts both the OpenAI wire form (tool_calls with function.arguments
 * as JSON text) and chatmill's Dialogue form (tool_calls as {id, name, arguments});
 * labels such as intent or emotion are dropped before sending.
 */
export interface ChatMessage {
  role: "system" | "developer" | "user" | "assistant" | "tool";
  content?: string | null | Array<Record<string, unknown>>;
  name?: string;
  tool_calls?: Array<ToolCall | WireToolCall>;
  tool_call_id?: string;
  [label: string]: unknown;
}

export interface WireToolCall {
  id: string;
  type: "function";
  function: { name: string; arguments: string };
}

export interface ToolDefinition {
  type: "function";
  function: { name: string; description?: string; parameters?: Record<string, unknown>; strict?: boolean };
}

export type WireMessage = Record<string, unknown>;

/** The messages as the API takes them. */
export function toWire(messages: ChatMessage[]): WireMessage[] {
  return messages.map((m) => {
    const out: WireMessage = { role: m.role, content: m.content ?? (m.role === "assistant" ? null : "") };
    if (m.name !== undefined) out.name = m.name;
    if (m.tool_call_id !== undefined) out.tool_call_id = m.tool_call_id;
    if (m.tool_calls?.length) out.tool_calls = m.tool_calls.map(wireCall);
    return out;
  });
}

function wireCall(c: ToolCall | WireToolCall): WireToolCall {
  if ("function" in c) return c;
  return { id: c.id, type: "function", function: { name: c.name, arguments: JSON.stringify(c.arguments ?? {}) } };
}

export function textOf(content: ChatMessage["content"]): string {
  if (typeof content === "string") return content;
  if (Array.isArray(content)) return content.map((p) => (typeof p.text === "string" ? p.text : "")).join("");
  return "";
}

/**
 * Rewrites a conversation for a model without native tool support, in the Hermes
 * format most open chat templates know: the tools in <tools> in the system prompt,
 * calls as <tool_call> text, results as <tool_response> in a user turn.
 */
export function toHermes(messages: ChatMessage[], tools: ToolDefinition[]): WireMessage[] {
  const toolLines = tools.map((t) => JSON.stringify(t)).join("\n");
  const instructions =
    "You may call one or more functions to assist with the user query. The function signatures are inside <tools></tools>:\n" +
    `<tools>\n${toolLines}\n</tools>\n` +
    'For each function call, return a JSON object with the function name and arguments inside <tool_call></tool_call> tags:\n<tool_call>\n{"name": <function-name>, "arguments": <args-json-object>}\n</tool_call>';
  const out: WireMessage[] = [];
  const first = messages[0];
  if (first && (first.role === "system" || first.role === "developer")) {
    out.push({ role: "system", content: `${textOf(first.content)}\n\n${instructions}` });
  } else out.push({ role: "system", content: instructions });
  for (const m of first && (first.role === "system" || first.role === "developer") ? messages.slice(1) : messages) {
    if (m.role === "tool") {
      const payload = JSON.stringify({ name: m.name, content: textOf(m.content) });
      const prev = out[out.length - 1];
      // Consecutive results share one user turn, as the Hermes template renders them.
      if (prev && prev.role === "user" && String(prev.content).startsWith("<tool_response>")) prev.content = `${String(prev.content)}\n<tool_response>\n${payload}\n</tool_response>`;
      else out.push({ role: "user", content: `<tool_response>\n${payload}\n</tool_response>` });
    } else if (m.role === "assistant" && m.tool_calls?.length) {
      const calls = m.tool_calls.map((c) => {
        const w = wireCall(c);
        return `<tool_call>\n${JSON.stringify({ name: w.function.name, arguments: safeParse(w.function.arguments) })}\n</tool_call>`;
      });
      out.push({ role: "assistant", content: [textOf(m.content), ...calls].filter(Boolean).join("\n") });
    } else {
      out.push({ role: m.role === "developer" ? "system" : m.role, content: m.content ?? "" });
    }
  }
  return out;
}

function safeParse(text: string): unknown {
  try {
    return JSON.parse(text);
  } catch {
    return text;
  }
}

export interface ParsedCalls {
  calls: Array<{ name: string; arguments: unknown; id?: string }>;
  /** The text around the calls. */
  text: string;
  /** Why a call could not be read, when one could not. */
  problems: string[];
}

const TOOL_CALL_RE = /<tool_call>\s*([\s\S]*?)\s*(?:<\/tool_call>|$)/g;

/** Reads Hermes-style <tool_call>{"name": …, "arguments": …}</tool_call> blocks from text. */
export function parseHermesCalls(text: string): ParsedCalls {
  const calls: ParsedCalls["calls"] = [];
  const problems: string[] = [];
  for (const m of text.matchAll(TOOL_CALL_RE)) {
    const body = m[1]!.replace(/^```(?:json)?\s*|\s*```$/g, "");
    try {
      const v = JSON.parse(body) as { name?: unknown; arguments?: unknown; parameters?: unknown };
      if (typeof v.name !== "string") throw new Error('no "name"');
      let args = v.arguments ?? v.parameters ?? {};
      if (typeof args === "string") args = JSON.parse(args);
      calls.push({ name: v.name, arguments: args });
    } catch (err) {
      problems.push(`a <tool_call> block is not a JSON object with "name" and "arguments" (${(err as Error).message})`);
    }
  }
  return { calls, text: text.replace(TOOL_CALL_RE, "").trim(), problems };
}

/**
 * Finds the JSON value in a model's text: the whole text, a ```json fence, or the
 * first balanced {...} / [...] in it.
 */
export function extractJson(text: string): { value: unknown } | { error: string } {
  const trimmed = text.trim();
  const candidates: string[] = [trimmed];
  for (const m of trimmed.matchAll(/```(?:json|JSON)?\s*\n?([\s\S]*?)```/g)) candidates.push(m[1]!.trim());
  const balanced = firstBalanced(trimmed);
  if (balanced) candidates.push(balanced);
  let lastError = "no JSON object in the answer";
  for (const c of candidates) {
    if (!c) continue;
    try {
      return { value: JSON.parse(c) };
    } catch (err) {
      lastError = `the answer is not valid JSON: ${(err as Error).message}`;
    }
  }
  return { error: lastError };
}

function firstBalanced(text: string): string | undefined {
  const start = text.search(/[[{]/);
  if (start < 0) return undefined;
  const stack: string[] = [];
  let inString = false;
  for (let i = start; i < text.length; i++) {
    const ch = text[i]!;
    if (inString) {
      if (ch === "\\") i++;
      else if (ch === '"') inString = false;
      continue;
    }
    if (ch === '"') inString = true;
    else if (ch === "{" || ch === "[") stack.push(ch === "{" ? "}" : "]");
    else if (ch === "}" || ch === "]") {
      if (stack.pop() !== ch) return undefined;
      if (stack.length === 0) return text.slice(start, i + 1);
    }
  }
  return undefined;
}
