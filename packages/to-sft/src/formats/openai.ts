import { chatMessages, checkOpenAISftRow, stepsOf, toolList, type ChatMessage } from "@chatmill/export/rows";
import { CUT, DROPPED, MISTAKES_MASKED, NOTHING_BEFORE, cutEnd, noteEnvironmentFailures, turnTargets, type SftFormat } from "./types.js";

/** OpenAI chat fine-tuning: `weight` on every assistant message; a mistake keeps weight 0 as context (--on-mistake mask). */
export const openai: SftFormat = {
  name: "openai",
  help: "{messages, tools}: OpenAI chat fine-tuning; arguments a JSON string; weight 0/1",
  granularities: ["conversation", "turn"],
  weights: true,
  check: checkOpenAISftRow,
  *rows(d, opts, sink) {
    const { messages, origin } = chatMessages(d, { args: "string", system: opts.system, emptyContent: null, context: "own" });
    noteEnvironmentFailures(sink, stepsOf(d));
    const tools = toolList(d);
    const row = (msgs: ChatMessage[]) => (tools ? { messages: msgs, tools } : { messages: msgs });
    const mistakes = origin.map((o) => o.mistake);
    if (opts.granularity === "conversation") {
      const any = mistakes.includes(true);
      if (any && opts.onMistake === "drop") return sink.note(DROPPED);
      let end = messages.length;
      if (any && opts.onMistake === "cut") {
        end = cutEnd(mistakes, (k) => messages[k]!.role === "assistant" || messages[k]!.role === "tool", (k) => messages[k]!.role === "assistant");
        if (end < 0) return sink.note(NOTHING_BEFORE);
        sink.note(CUT);
      }
      let masked = 0;
      const out = messages.slice(0, end).map((m, i) => {
        if (m.role !== "assistant") return m;
        if (mistakes[i]) masked++;
        return { ...m, weight: mistakes[i] ? (0 as const) : (1 as const) };
      });
      if (masked > 0) sink.note(MISTAKES_MASKED, masked);
      yield row(out);
      return;
    }
    // Each assistant message in its two versions, shared by all the rows that repeat it.
    const w0 = messages.map((m) => (m.role === "assistant" ? { ...m, weight: 0 as const } : m));
    const w1 = messages.map((m) => (m.role === "assistant" ? { ...m, weight: 1 as const } : m));
    const targets = messages.flatMap((m, k) => (m.role === "assistant" ? [k] : []));
    for (const k of turnTargets(targets, (k) => mistakes[k]!, opts.onMistake, sink)) {
      const out = w0.slice(0, k + 1);
      out[k] = w1[k]!;
      yield row(out);
    }
  },
};
