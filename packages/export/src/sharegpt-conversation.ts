import { foldedContext, isContext, systemWithContext } from "./context-messages.js";
import { ownSystem } from "./convert.js";
import type { RowSink } from "./emit.js";
import { stepsOf } from "./steps.js";
import { sharegptCallValue } from "./text-formats.js";
import type { Dialogue, ToolMessage } from "./types.js";

export interface ShareMsg {
  from: "system" | "human" | "gpt" | "function_call" | "observation";
  value: string;
}

export interface ShareConversation {
  conv: ShareMsg[];
  /** Per message: a function_call of a step with the assistant's own mistake (never a target). */
  mistake: boolean[];
  /**
   * How many messages keep LLaMA-Factory's alternation: conv.length, or where a tool result that
   * changed something was followed by the user with no assistant reply (rows stop before it).
   */
  valid: number;
}

/**
 * LLaMA-Factory sharegpt. Consecutive messages of the same kind are merged (two user
 * messages become one human turn, parallel results one observation holding a JSON list)
 * so the strict alternation holds; the text an assistant writes beside a call is left
 * out because function_call holds only the call (counted as "call text dropped"); the
 * app's context (context_provider) is folded into the system prompt, the only place a
 * system message may be.
 *
 * A dialogue may go on with the user's message right after a tool result, the assistant
 * never having answered it (dialogue-sim's assistant gives up silently after retries that
 * kept failing). observation → human breaks the alternation, and LLaMA-Factory drops such a
 * row. When every result of those calls failed, nothing happened in the world: the
 * unanswered call and its result are left out of the conversation (counted as
 * "unanswered failed calls left out") and the user's message joins the human turn before.
 * When a result succeeded it cannot be left out; the conversation is valid only up to it
 * (`valid`), counted as "turns after an unanswered result left out".
 */
export function sharegptConversation(d: Dialogue, system: string | undefined, sink: RowSink): ShareConversation {
  const conv: ShareMsg[] = [];
  const mistake: boolean[] = [];
  /** Per message: an observation whose results all failed (or the call it answers). */
  const failedOnly: boolean[] = [];
  const steps = stepsOf(d);
  const mistakeAt = new Set(steps.filter((s) => s.mistake).map((s) => s.index));
  const msgs = d.messages;
  const own = ownSystem(d);
  const folded = foldedContext(msgs, "fold");
  const sys = systemWithContext(system ?? own, msgs, folded);
  let valid = -1;
  if (sys !== undefined) {
    conv.push({ from: "system", value: sys });
    mistake.push(false);
    failedOnly.push(false);
  }
  const push = (from: ShareMsg["from"], value: string, isMistake: boolean, onlyFailures = false) => {
    if (from === "human" && valid < 0) {
      // A human turn may not follow an observation: leave out unanswered calls that changed nothing.
      let dropped = 0;
      while (conv[conv.length - 1]?.from === "observation" && failedOnly[conv.length - 1] && conv[conv.length - 2]?.from === "function_call") {
        conv.length -= 2;
        mistake.length -= 2;
        failedOnly.length -= 2;
        dropped++;
      }
      if (dropped > 0) sink.note("unanswered failed calls left out", dropped);
      if (conv[conv.length - 1]?.from === "observation") {
        valid = conv.length;
        sink.note("turns after an unanswered result left out");
      }
    }
    const last = conv[conv.length - 1];
    if (last && last.from === from && (from === "human" || from === "gpt")) {
      last.value = `${last.value}\n\n${value}`;
      mistake[mistake.length - 1] = mistake[mistake.length - 1]! || isMistake;
      sink.note("sharegpt turns merged");
      return;
    }
    conv.push({ from, value });
    mistake.push(isMistake);
    failedOnly.push(onlyFailures);
  };
  for (let i = own !== undefined ? 1 : 0; i < msgs.length; i++) {
    const m = msgs[i]!;
    if (m.role === "user") push("human", m.content, false);
    else if (m.role === "system") {
      if (!isContext(m)) push("human", m.content, false);
    } else if (m.role === "assistant") {
      const calls = m.tool_calls ?? [];
      if (calls.length === 0) push("gpt", m.content ?? "", false);
      else {
        if (m.content) sink.note("call text dropped");
        push("function_call", sharegptCallValue(calls), mistakeAt.has(i), true);
      }
    } else {
      const results: ToolMessage[] = [m];
      while (i + 1 < msgs.length && msgs[i + 1]!.role === "tool") results.push(msgs[++i] as ToolMessage);
      const allFailed = results.every((r) => !r.ok);
      if (!allFailed) failedOnly[failedOnly.length - 1] = false;
      push("observation", results.length === 1 ? results[0]!.content : JSON.stringify(results.map((r) => r.content)), false, allFailed);
    }
  }
  return { conv, mistake, valid: valid < 0 ? conv.length : valid };
}
