import type { RowSink } from "./emit.js";
import { stepsOf } from "./steps.js";
import { sharegptCallValue } from "./text-formats.js";
import type { Dialogue, ToolMessage } from "./types.js";

export interface ShareMsg {
  from: "system" | "human" | "gpt" | "function_call" | "observation";
  value: string;
}

/**
 * LLaMA-Factory sharegpt. Consecutive messages of the same kind are merged (two user
 * messages become one human turn, parallel results one observation holding a JSON list)
 * so the strict alternation holds; the text an assistant writes beside a call is left
 * out because function_call holds only the call (counted as "call text dropped").
 */
export function sharegptConversation(d: Dialogue, system: string | undefined, sink: RowSink): { conv: ShareMsg[]; failed: boolean[] } {
  const conv: ShareMsg[] = [];
  const failed: boolean[] = [];
  const failedAt = new Set(stepsOf(d).filter((s) => s.failed).map((s) => s.index));
  const msgs = d.messages;
  let i = 0;
  const own = msgs[0]?.role === "system" ? msgs[0].content : undefined;
  if (own !== undefined) i = 1;
  const sys = system ?? own;
  if (sys !== undefined) {
    conv.push({ from: "system", value: sys });
    failed.push(false);
  }
  const push = (from: ShareMsg["from"], value: string, f: boolean) => {
    const last = conv[conv.length - 1];
    if (last && last.from === from && (from === "human" || from === "gpt")) {
      last.value = `${last.value}\n\n${value}`;
      failed[failed.length - 1] = failed[failed.length - 1]! || f;
      sink.note("sharegpt turns merged");
      return;
    }
    conv.push({ from, value });
    failed.push(f);
  };
  for (; i < msgs.length; i++) {
    const m = msgs[i]!;
    if (m.role === "user") push("human", m.content, false);
    else if (m.role === "system") push("human", m.content, false);
    else if (m.role === "assistant") {
      const calls = m.tool_calls ?? [];
      if (calls.length === 0) push("gpt", m.content ?? "", false);
      else {
        if (m.content) sink.note("call text dropped");
        push("function_call", sharegptCallValue(calls), failedAt.has(i));
      }
    } else {
      const results: ToolMessage[] = [m];
      while (i + 1 < msgs.length && msgs[i + 1]!.role === "tool") results.push(msgs[++i] as ToolMessage);
      push("observation", results.length === 1 ? results[0]!.content : JSON.stringify(results.map((r) => r.content)), false);
    }
  }
  return { conv, failed };
}

