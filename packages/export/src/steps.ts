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
  /** A call of the step did not succeed, for whatever reason (the environment's or the assistant's). */
  failed: boolean;
  /**
   * A call of the step was the assistant's own mistake (callVerdict): never a training target.
   * A step that only met the environment's failure (an injected timeout, a server error after
   * valid arguments) is not a mistake: the call was right and is trained, as is the recovery.
   */
  mistake: boolean;
  /** A call of the step was refused by the data (callVerdict "refused") and none was a mistake: trained. */
  refused: boolean;
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

/** Error types that are the host's or the service's, not the caller's (tool-annotate's environment_failure). */
export const ENVIRONMENT_ERRORS: ReadonlySet<string> = new Set(["timeout", "server_error", "unreachable", "rate_limited", "unavailable"]);

/**
 * Whose fault a call's outcome is, from what the dialogue records:
 * - "ok": it succeeded;
 * - "environment": it was right and the environment failed it — tool-annotate's grade says
 *   so (`ok` on re-run with `recorded_ok: false`, or `environment_failure: true`), or, ungraded,
 *   the failure was injected by dialogue-sim (`injected` on the tool message) or is a timeout /
 *   server error / unreachable host;
 * - "refused": it was right and the data refused it — tool-annotate graded it `refused` (a
 *   well-formed call whose arguments all came from the dialogue, answered "already cancelled",
 *   "fully booked", a pack's require check); trained like a success, since what the assistant
 *   says next (the refusal, told) is the behaviour to learn. Ungraded, a refusal cannot be told
 *   from a call with wrong arguments, so it is a mistake;
 * - "mistake": the assistant's own — graded not ok (wrong tool, bad or invented arguments),
 *   not executed or not schema-valid, an ungraded failure of any other type (bad_arguments,
 *   not_found, …), or a call nothing answered.
 */
export function callVerdict(call: ToolCall, result: ToolMessage | undefined): "ok" | "environment" | "refused" | "mistake" {
  if (result === undefined) return "mistake";
  const g = call.grade;
  if (g) {
    if (!g.executed || g.schema_valid === false) return "mistake";
    if (g.ok) return result.ok ? "ok" : "environment";
    if (g.environment_failure === true) return "environment";
    return g.refused === true ? "refused" : "mistake";
  }
  if (result.ok) return "ok";
  if (result.injected !== undefined || ENVIRONMENT_ERRORS.has(result.error?.type ?? "")) return "environment";
  return "mistake";
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
    const verdicts = failed ? calls.map((c) => callVerdict(c, results.get(c.id))) : [];
    const mistake = verdicts.includes("mistake");
    const refused = !mistake && verdicts.includes("refused");
    steps.push({ index: i, message: m, calls, results, end, failed, mistake, refused, userIndex });
  }
  return steps;
}

/**
 * The step that recovers from a failed one (to-dpo pairs it with a mistake): the next step
 * answering the same user message whose calls all succeeded. Returns undefined when the
 * dialogue moved on (a new user message) or the assistant only apologised.
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
