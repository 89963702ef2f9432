import { foldedContext, isContext, systemWithContext, type ContextMode } from "./context-messages.js";
import { stepsOf } from "./steps.js";
import type { Dialogue, ToolCall, ToolMessage } from "./types.js";

/** How a target wants tool call arguments: OpenAI a JSON string, chat templates an object. */
export type ArgsEncoding = "string" | "object";

export interface ChatToolCall {
  id: string;
  type: "function";
  function: { name: string; arguments: string | Record<string, unknown> };
}

/** A message in the OpenAI chat shape, which TRL and the chat templates also read. */
export interface ChatMessage {
  role: "system" | "user" | "assistant" | "tool";
  content: string | null;
  tool_calls?: ChatToolCall[];
  tool_call_id?: string;
  name?: string;
  weight?: 0 | 1;
}

/** Where each output message came from, so rows can be cut per turn and masked. */
export interface MessageOrigin {
  /** Index of the source message in dialogue.messages (-1 for an injected system prompt). */
  src: number;
  /** An assistant message of a step with the assistant's own mistake (Step.mistake): context at most, never a training target. */
  mistake: boolean;
}

export interface ChatOptions {
  args: ArgsEncoding;
  /** Replaces the dialogue's own system message (undefined keeps it). */
  system?: string | undefined;
  /** Put `name` on tool messages (TRL rows carry it; the OpenAI spec has no such field). */
  toolName?: boolean;
  /** One call per assistant message, each followed by its result (Llama 3.1 raises on more). */
  splitParallel?: boolean;
  /** Content of an assistant message that only calls tools: null (OpenAI) or "" (templates). */
  emptyContent?: "" | null;
  /** Where context_provider messages go (default "own": a system message of their own). */
  context?: ContextMode;
}

/** The arguments as the target wants them; objects are never stringified twice. */
export function encodeArguments(args: Record<string, unknown>, enc: ArgsEncoding): string | Record<string, unknown> {
  return enc === "string" ? JSON.stringify(args) : args;
}

export function chatToolCall(c: { id: string; name: string; arguments: Record<string, unknown> }, enc: ArgsEncoding): ChatToolCall {
  return { id: c.id, type: "function", function: { name: c.name, arguments: encodeArguments(c.arguments, enc) } };
}

function toolMessage(t: ToolMessage, withName: boolean): ChatMessage {
  return withName
    ? { role: "tool", tool_call_id: t.tool_call_id, name: t.name, content: t.content }
    : { role: "tool", tool_call_id: t.tool_call_id, content: t.content };
}

/** The dialogue's own system prompt: a first system message that is not the app's context. */
export function ownSystem(d: Dialogue): string | undefined {
  const first = d.messages[0];
  return first?.role === "system" && !isContext(first) ? first.content : undefined;
}

/** The dialogue as chat messages in the target's conventions, with each message's origin. */
export function chatMessages(d: Dialogue, opts: ChatOptions): { messages: ChatMessage[]; origin: MessageOrigin[] } {
  const empty = opts.emptyContent === undefined ? null : opts.emptyContent;
  const mistakeAt = new Set<number>();
  for (const s of stepsOf(d)) if (s.mistake) mistakeAt.add(s.index);
  const messages: ChatMessage[] = [];
  const origin: MessageOrigin[] = [];
  const push = (m: ChatMessage, src: number, mistake = false) => {
    messages.push(m);
    origin.push({ src, mistake });
  };
  const msgs = d.messages;
  const own = ownSystem(d);
  const folded = foldedContext(msgs, opts.context ?? "own");
  const skip = new Set(folded);
  const system = systemWithContext(opts.system ?? own, msgs, folded);
  let i = own !== undefined ? 1 : 0;
  if (system !== undefined) push({ role: "system", content: system }, own !== undefined ? 0 : -1);
  for (; i < msgs.length; i++) {
    if (skip.has(i)) continue;
    const m = msgs[i]!;
    switch (m.role) {
      case "system":
      case "user":
        push({ role: m.role, content: m.content }, i);
        break;
      case "tool":
        push(toolMessage(m, opts.toolName === true), i);
        break;
      case "assistant": {
        const calls = m.tool_calls ?? [];
        const content = typeof m.content === "string" && m.content !== "" ? m.content : calls.length > 0 ? empty : (m.content ?? "");
        const mistake = mistakeAt.has(i);
        if (calls.length === 0) {
          push({ role: "assistant", content }, i, mistake);
        } else if (calls.length === 1 || !opts.splitParallel) {
          push({ role: "assistant", content, tool_calls: calls.map((c) => chatToolCall(c, opts.args)) }, i, mistake);
        } else {
          i = splitParallel(msgs as Dialogue["messages"], i, calls, content, empty, opts, mistake, push);
        }
        break;
      }
    }
  }
  return { messages, origin };
}

/** Emits call/result pairs in call order; returns the index of the last message consumed. */
function splitParallel(
  msgs: Dialogue["messages"],
  at: number,
  calls: ToolCall[],
  content: string | null,
  empty: "" | null,
  opts: ChatOptions,
  mistake: boolean,
  push: (m: ChatMessage, src: number, mistake?: boolean) => void,
): number {
  const results = new Map<string, { msg: ToolMessage; index: number }>();
  let j = at + 1;
  while (j < msgs.length && msgs[j]!.role === "tool") {
    const t = msgs[j] as ToolMessage;
    results.set(t.tool_call_id, { msg: t, index: j });
    j++;
  }
  calls.forEach((c, k) => {
    push({ role: "assistant", content: k === 0 ? content : empty, tool_calls: [chatToolCall(c, opts.args)] }, at, mistake);
    const r = results.get(c.id);
    if (r) push(toolMessage(r.msg, opts.toolName === true), r.index);
  });
  return j - 1;
}

/** The tool definitions as offered to the model (OpenAI function form), or undefined when none. */
export function toolList(d: Dialogue): Dialogue["tools"] | undefined {
  return d.tools && d.tools.length > 0 ? d.tools : undefined;
}
