// The bodies the fake server answers with: a chat completion (with a content fault applied),
// an embedding, and the key that identifies a request.
import { sha256Hex } from "@chatmill/kit";
import { countTokens, textOf, type Answer, type ChatBody } from "./answers.js";
import type { FaultKind } from "./faults.js";

export function applyContentFault(answer: Answer, fault: FaultKind | undefined, body: ChatBody): Answer {
  const limit = body.max_completion_tokens ?? body.max_tokens;
  if (fault === "empty") return { content: "", finish_reason: "stop" };
  if (fault === "refusal") return { content: null, refusal: "I'm sorry, I can't help with that.", finish_reason: "stop" };
  const text = answer.content ?? "";
  if (fault === "truncate" && text.length > 1) return { content: text.slice(0, Math.floor(text.length / 2)), finish_reason: "length" };
  if (typeof limit === "number" && countTokens(text) > limit) return { content: text.slice(0, limit * 4), finish_reason: "length" };
  return answer;
}

export function completion(body: ChatBody, answer: Answer, key: string, withUsage: boolean): Record<string, unknown> {
  const toolCalls = answer.tool_calls?.map((c, i) => ({
    id: `call_${sha256Hex(`${key}:${i}`).slice(0, 16)}`,
    type: "function",
    function: { name: c.name, arguments: typeof c.arguments === "string" ? c.arguments : JSON.stringify(c.arguments ?? {}) },
  }));
  const message: Record<string, unknown> = { role: "assistant", content: answer.content ?? null };
  if (toolCalls?.length) message.tool_calls = toolCalls;
  if (answer.refusal) message.refusal = answer.refusal;
  const promptText = (body.messages ?? []).map((m) => textOf(m.content)).join("\n") + JSON.stringify(body.tools ?? "");
  const out: Record<string, unknown> = {
    id: `chatcmpl-${key.slice(0, 24)}`,
    object: "chat.completion",
    created: 1_700_000_000,
    model: body.model ?? "fake-model",
    choices: [{ index: 0, message, finish_reason: answer.finish_reason ?? (toolCalls?.length ? "tool_calls" : "stop") }],
  };
  if (withUsage) {
    const prompt = countTokens(promptText);
    const completionTokens = countTokens((answer.content ?? "") + JSON.stringify(toolCalls ?? ""));
    out.usage = { prompt_tokens: prompt, completion_tokens: completionTokens, total_tokens: prompt + completionTokens };
  }
  return out;
}

export function embedText(text: string, dims: number): number[] {
  const out: number[] = [];
  let hex = "";
  for (let i = 0; out.length < dims; i++) {
    if (hex.length < 4) hex += sha256Hex(`${i}\u0000${text}`);
    out.push(Number.parseInt(hex.slice(0, 4), 16) / 32768 - 1);
    hex = hex.slice(4);
  }
  const norm = Math.hypot(...out) || 1;
  return out.map((v) => Number((v / norm).toFixed(6)));
}

/** The identity of a request: its path and body, whichever way it came. */
export function requestKey(path: string, body: unknown): string {
  return sha256Hex(`${path}\u0000${canonical(body)}`);
}

/** JSON with object keys sorted, so the same request is the same text. */
export function canonical(value: unknown): string {
  if (Array.isArray(value)) return `[${value.map(canonical).join(",")}]`;
  if (value && typeof value === "object") {
    const entries = Object.entries(value as Record<string, unknown>).filter(([, v]) => v !== undefined);
    entries.sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
    return `{${entries.map(([k, v]) => `${JSON.stringify(k)}:${canonical(v)}`).join(",")}}`;
  }
  return JSON.stringify(value) ?? "null";
}
