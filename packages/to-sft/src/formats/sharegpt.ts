import { checkSharegptSftRow, sharegptConversation, stepsOf, toolList, type ShareMsg } from "@chatmill/export/rows";
import { CUT, DROPPED, NOTHING_BEFORE, cutEnd, noteEnvironmentFailures, turnTargets, type SftFormat } from "./types.js";

const isModel = (m: ShareMsg) => m.from === "gpt" || m.from === "function_call";

/**
 * LLaMA-Factory sharegpt. It trains every gpt/function_call turn of a row (no per-message
 * weight), so at conversation granularity a dialogue with a mistake is cut before it; per turn
 * a row ends with its target and is trained with mask_history: true.
 */
export const sharegpt: SftFormat = {
  name: "sharegpt",
  help: "{conversations: [{from, value}], tools}: LLaMA-Factory; tools a JSON string",
  granularities: ["conversation", "turn"],
  weights: false,
  check: checkSharegptSftRow,
  *rows(d, opts, sink) {
    const { conv: all, mistake, valid } = sharegptConversation(d, opts.system, sink);
    noteEnvironmentFailures(sink, stepsOf(d));
    const conv = valid < all.length ? all.slice(0, valid) : all;
    const tools = toolList(d);
    // One text for all the dialogue's rows (per-turn rows would otherwise each stringify the list).
    const toolsText = tools ? JSON.stringify(tools) : undefined;
    const row = (c: ShareMsg[]) => (toolsText !== undefined ? { conversations: c, tools: toolsText } : { conversations: c });
    const mistakes = mistake.slice(0, conv.length);
    if (opts.granularity === "conversation") {
      let end = conv.length;
      if (mistakes.includes(true)) {
        if (opts.onMistake === "drop") return sink.note(DROPPED);
        end = cutEnd(mistakes, (k) => isModel(conv[k]!), (k) => isModel(conv[k]!));
        if (end < 0) return sink.note(NOTHING_BEFORE);
        sink.note(CUT);
      } else {
        // A row ends with the model's turn: trailing human/observation turns train nothing.
        while (end > 0 && !isModel(conv[end - 1]!)) end--;
        if (end < conv.length) sink.note("trailing turns trimmed", conv.length - end);
      }
      if (end === 0) return;
      yield row(conv.slice(0, end));
      return;
    }
    const targets = conv.flatMap((m, k) => (isModel(m) ? [k] : []));
    for (const k of turnTargets(targets, (k) => mistakes[k]!, opts.onMistake, sink)) yield row(conv.slice(0, k + 1));
  },
};
