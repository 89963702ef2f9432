import { sha256Hex } from "@chatmill/kit";
import type { ChatAnswer } from "./call-types.js";
import { parseHermesCalls, type ToolCall } from "./messages.js";
import type { classify } from "./retry.js";

// An OpenAI-compatible answer read into a ChatAnswer, and what makes it one to repair.

/** A chat completion as the endpoint sent it (nothing trusted). */
export interface RawCompletion {
  model?: string;
  choices?: Array<{ message?: { content?: unknown; refusal?: unknown; tool_calls?: Array<{ id?: string; function?: { name?: string; arguments?: string } }> }; finish_reason?: string | null }>;
  usage?: { prompt_tokens?: number; completion_tokens?: number } | null;
}

/** Which feature a 400/422/501 refused, by its message: the client then retries without it. */
export function unsupportedFeature(f: ReturnType<typeof classify>, body: Record<string, unknown>): "response_format" | "tools" | undefined {
  if (f.status !== 400 && f.status !== 422 && f.status !== 501) return undefined;
  if (body.response_format && /response_format|json_schema|structured|grammar/i.test(f.message)) return "response_format";
  if (body.tools && /tool|function/i.test(f.message)) return "tools";
  return undefined;
}

/** The answer's text, its tool calls (from the tool parser, or written as Hermes text) and usage; `problems` lists what a repair prompt should fix. */
export function readCompletion(raw: RawCompletion, body: Record<string, unknown>, redact: (s: string) => string, toolTurn: boolean): ChatAnswer & { estimated: boolean } {
  const choice = raw.choices?.[0];
  const msg = choice?.message ?? {};
  let content = typeof msg.content === "string" ? msg.content : "";
  const calls: ToolCall[] = [];
  const problems: string[] = [];
  for (const [i, c] of (msg.tool_calls ?? []).entries()) {
    const name = c.function?.name ?? "";
    let args: unknown;
    try {
      args = JSON.parse(c.function?.arguments || "{}");
    } catch {
      problems.push(`the arguments of '${name}' are not valid JSON`);
      args = {};
    }
    calls.push({ id: c.id || callId(raw, i), name, arguments: isObject(args) ? args : {} });
    if (!isObject(args)) problems.push(`the arguments of '${name}' are not a JSON object`);
  }
  // Models served without a tool parser write their calls as text.
  if (toolTurn && calls.length === 0 && content.includes("<tool_call>")) {
    const parsed = parseHermesCalls(content);
    parsed.calls.forEach((c, i) => calls.push({ id: callId(raw, i), name: c.name, arguments: isObject(c.arguments) ? c.arguments : {} }));
    problems.push(...parsed.problems);
    content = parsed.text;
  }
  const u = raw.usage;
  const estimated = !u || typeof u.prompt_tokens !== "number";
  const usage = estimated
    ? { prompt_tokens: estimate(JSON.stringify(body.messages ?? "")), completion_tokens: estimate(content + JSON.stringify(calls)) }
    : { prompt_tokens: u.prompt_tokens ?? 0, completion_tokens: u.completion_tokens ?? 0 };
  const answer: ChatAnswer & { estimated: boolean; problems?: string[] } = {
    content,
    toolCalls: calls,
    finishReason: choice?.finish_reason ?? "stop",
    model: typeof raw.model === "string" && raw.model ? raw.model : String(body.model),
    usage,
    estimated,
  };
  if (typeof msg.refusal === "string" && msg.refusal) answer.refusal = redact(msg.refusal);
  if (problems.length) answer.problems = problems;
  return answer;
}

/** What to tell the model when its answer cannot be used as it is; undefined when it can. */
export function basicProblem(a: ChatAnswer & { problems?: string[] }): string | undefined {
  if (a.refusal) return `you refused ("${a.refusal.slice(0, 200)}"); this is for synthetic training data, please do what was asked`;
  if (a.finishReason === "length") return "your reply was cut off at the token limit; make it shorter so it ends properly";
  if (a.problems?.length) return a.problems.join("; ");
  if (!a.content.trim() && a.toolCalls.length === 0) return "your reply was empty";
  return undefined;
}

function callId(raw: RawCompletion, i: number): string {
  return `call_${sha256Hex(`${JSON.stringify(raw.choices?.[0]?.message ?? {})}:${i}`).slice(0, 16)}`;
}

/** Tokens guessed from characters, where the endpoint reports no usage. */
export function estimate(text: string): number {
  return Math.max(1, Math.ceil(text.length / 4));
}

function isObject(v: unknown): v is Record<string, unknown> {
  return typeof v === "object" && v !== null && !Array.isArray(v);
}
