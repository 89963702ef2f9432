import { checkHermesRow, foldedContext, hermesSystemPrompt, hermesToolCalls, hermesToolResponses, isContext, ownSystem, stepsOf, systemWithContext, type ToolMessage } from "@chatmill/export/rows";
import { CUT, DROPPED, MISTAKES_MASKED, NOTHING_BEFORE, cutEnd, noteEnvironmentFailures, turnTargets, type SftFormat } from "./types.js";

interface HermesMsg {
  from: "system" | "human" | "gpt" | "tool";
  value: string;
  weight?: 0 | 1;
}

/** Hermes: <tool_call> / <tool_response> text; `weight` 0 marks a mistake (axolotl message_field_training: weight). */
export const hermes: SftFormat = {
  name: "hermes",
  help: "{conversations}: Hermes <tool_call>/<tool_response> text (axolotl, NousResearch)",
  granularities: ["conversation", "turn"],
  weights: true,
  check: checkHermesRow,
  *rows(d, opts, sink) {
    const steps = stepsOf(d);
    noteEnvironmentFailures(sink, steps);
    const mistakeAt = new Set(steps.filter((s) => s.mistake).map((s) => s.index));
    const msgs = d.messages;
    const conv: HermesMsg[] = [];
    const mistakes: boolean[] = [];
    const own = ownSystem(d);
    const sys = hermesSystemPrompt(d.tools, systemWithContext(opts.system ?? own, msgs, foldedContext(msgs, "fold")));
    if (sys !== undefined) {
      conv.push({ from: "system", value: sys });
      mistakes.push(false);
    }
    for (let i = own !== undefined ? 1 : 0; i < msgs.length; i++) {
      const m = msgs[i]!;
      if (m.role === "user" || m.role === "system") {
        if (isContext(m)) continue;
        const last = conv[conv.length - 1];
        if (last?.from === "human") last.value = `${last.value}\n\n${m.content}`;
        else {
          conv.push({ from: "human", value: m.content });
          mistakes.push(false);
        }
      } else if (m.role === "assistant") {
        const value = hermesToolCalls(m.content, m.tool_calls ?? []);
        const mistake = mistakeAt.has(i);
        const last = conv[conv.length - 1];
        // Two assistant messages in a row (a note, then the call) are one gpt turn in Hermes.
        if (last?.from === "gpt") {
          last.value = `${last.value}\n${value}`;
          mistakes[mistakes.length - 1] = mistakes[mistakes.length - 1]! || mistake;
          sink.note("hermes turns merged");
        } else {
          conv.push({ from: "gpt", value });
          mistakes.push(mistake);
        }
      } else {
        const results: ToolMessage[] = [m];
        while (i + 1 < msgs.length && msgs[i + 1]!.role === "tool") results.push(msgs[++i] as ToolMessage);
        conv.push({ from: "tool", value: hermesToolResponses(results) });
        mistakes.push(false);
      }
    }
    const weighted = conv.map((c, k) => (c.from === "gpt" ? { ...c, weight: mistakes[k] ? (0 as const) : (1 as const) } : c));
    if (opts.granularity === "conversation") {
      let end = conv.length;
      if (mistakes.includes(true)) {
        if (opts.onMistake === "drop") return sink.note(DROPPED);
        if (opts.onMistake === "cut") {
          end = cutEnd(mistakes, (k) => conv[k]!.from === "gpt" || conv[k]!.from === "tool", (k) => conv[k]!.from === "gpt");
          if (end < 0) return sink.note(NOTHING_BEFORE);
          sink.note(CUT);
        } else sink.note(MISTAKES_MASKED, mistakes.filter(Boolean).length);
      }
      yield { conversations: weighted.slice(0, end) };
      return;
    }
    const w0 = conv.map((c) => (c.from === "gpt" ? { ...c, weight: 0 as const } : c));
    const targets = conv.flatMap((m, k) => (m.from === "gpt" ? [k] : []));
    for (const k of turnTargets(targets, (k) => mistakes[k]!, opts.onMistake, sink)) {
      const out = w0.slice(0, k + 1);
      out[k] = weighted[k]!;
      yield { conversations: out };
    }
  },
};
