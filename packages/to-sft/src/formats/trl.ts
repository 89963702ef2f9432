import { chatMessages, checkTrlSftRow, stepsOf, templateTools, toolList } from "@chatmill/export/rows";
import type { ChatMessage, RowSink } from "@chatmill/export/rows";
import { CUT, DROPPED, NOTHING_BEFORE, cutEnd, noteEnvironmentFailures, turnTargets, type SftFormat } from "./types.js";

/**
 * Llama 3.1's and Hermes-2-Pro's templates render only the call of an assistant message that
 * calls a tool: the text beside it is never trained with those models. Counted for every
 * target message (--check-template counts what each given template really drops).
 */
function noteCallText(sink: RowSink, targets: readonly ChatMessage[]): void {
  let n = 0;
  for (const m of targets) if (m.role === "assistant" && m.tool_calls && m.content) n++;
  if (n > 0) sink.note("call text Llama 3.1 and Hermes templates drop", n);
}

/**
 * Hugging Face TRL: arguments objects (the chat templates render them with tojson), parallel
 * calls split (Llama 3.1 takes one per message), `tools` as JSON text by default (--tools-as).
 * TRL has no per-message loss weight, so at conversation granularity a mistake cannot be kept
 * untrained inside a {messages} row: the row is cut before it (or the dialogue dropped); per
 * turn each row is {prompt, completion} and a mistake is only ever in a prompt.
 */
export const trl: SftFormat = {
  name: "trl",
  help: "{messages, tools} or, per turn, {prompt, completion, tools}: Hugging Face TRL;\narguments a JSON object; one call per assistant message (parallel calls split);\ntools the JSON text of the list (--tools-as list: the list)",
  granularities: ["conversation", "turn"],
  weights: false,
  check: checkTrlSftRow,
  *rows(d, opts, sink) {
    const { messages, origin } = chatMessages(d, { args: "object", system: opts.system, toolName: true, splitParallel: true, emptyContent: "", context: "lead" });
    noteEnvironmentFailures(sink, stepsOf(d));
    const tools = templateTools(toolList(d), opts.toolsAs);
    const mistakes = origin.map((o) => o.mistake);
    if (opts.granularity === "conversation") {
      if (!mistakes.includes(true)) {
        noteCallText(sink, messages);
        return yield { messages, tools };
      }
      if (opts.onMistake === "drop") return sink.note(DROPPED);
      const end = cutEnd(mistakes, (k) => messages[k]!.role === "assistant" || messages[k]!.role === "tool", (k) => messages[k]!.role === "assistant");
      if (end < 0) return sink.note(NOTHING_BEFORE);
      sink.note(CUT);
      noteCallText(sink, messages.slice(0, end));
      yield { messages: messages.slice(0, end), tools };
      return;
    }
    const targets = messages.flatMap((m, k) => (m.role === "assistant" ? [k] : []));
    for (const k of turnTargets(targets, (k) => mistakes[k]!, opts.onMistake, sink)) {
      noteCallText(sink, [messages[k]!]);
      yield { prompt: messages.slice(0, k), completion: [messages[k]!], tools };
    }
  },
};
