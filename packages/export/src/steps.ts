import type { AssistantMessage, Dialogue, Message, ToolCall, ToolMessage } from "./types.js";

/** One assistant action: an assistant message and the results of its calls. */
export interface Step {
  /** Index of the assistant message in dialogue.messages. */
  index: number;
  message: AssistantMessage;
  calls: ToolCall[];
  /** The tool message answering each call, by call id (absent when none answered). */
  results: Map<string, ToolMessage>;
  /** Index just past this step's tool results: messages[index, end) belong to the step. */
  end: number;
  /** The step is not a training target: a call failed, or its grade says it did. */
  failed: boolean;
  /** Index of the user message this step answers (-1 when none came before). */
  userIndex: number;
}

/**
 * A step fails when any of its calls failed: the tool answered ok: false, nothing
 * answered it, or tool-annotate graded it not ok. Replies without calls never fail
 * here (text quality is for graders, not for this mask).
 */
export function callFailed(call: ToolCall, result: ToolMessage | undefined): boolean {
  if (call.grade && (!call.grade.ok || !call.grade.executed)) return true;
  return result === undefined || !result.ok;
}

export function stepsOf(d: Dialogue): Step[] {
  const msgs = d.messages;
  const steps: Step[] = [];
  let userIndex = -1;
  for (let i = 0; i < msgs.length; i++) {
    const m = msgs[i]!;
    if (m.role === "user") userIndex = i;
    if (m.role !== "assistant") continue;
    const calls = m.tool_calls ?? [];
    const results = new Map<string, ToolMessage>();
    let end = i + 1;
    while (end < msgs.length && msgs[end]!.role === "tool") {
      const t = msgs[end] as ToolMessage;
      results.set(t.tool_call_id, t);
      end++;
    }
    const failed = calls.some((c) => callFailed(c, results.get(c.id)));
    steps.push({ index: i, message: m, calls, results, end, failed, userIndex });
  }
  return steps;
}

/**
 * The step that recovers from a failed one: the next step answering the same user
 * message whose calls all succeeded. Returns undefined when the dialogue moved on
 * (a new user message) or the assistant only apologised.
 */
export function recoveryOf(steps: Step[], failedAt: number): Step | undefined {
  const f = steps[failedAt]!;
  for (let j = failedAt + 1; j < steps.length; j++) {
    const s = steps[j]!;
    if (s.userIndex !== f.userIndex) return undefined;
    if (s.calls.length === 0) return undefined;
    if (!s.failed) return s;
  }
  return undefined;
}

/** The system message text the rows start with: --system replaces the dialogue's own. */
export function systemAndRest(d: Dialogue, system: string | undefined): { system: string | undefined; start: number } {
  const first = d.messages[0];
  const own = first?.role === "system" ? first.content : undefined;
  return { system: system ?? own, start: first?.role === "system" ? 1 : 0 };
}

export const isToolMessage = (m: Message): m is ToolMessage => m.role === "tool";
