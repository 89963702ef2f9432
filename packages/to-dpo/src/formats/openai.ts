import { chatMessages, checkOpenAIDpoRow, toolList, type ChatMessage } from "@chatmill/export/rows";
import type { Side } from "../pairs.js";
import { preferenceRows } from "../preference-rows.js";
import { before, callId, type DpoFormat } from "./types.js";

function side(s: Side, at: number): ChatMessage {
  if (s.calls.length === 0) return { role: "assistant", content: s.content ?? "" };
  return {
    role: "assistant",
    content: s.content,
    tool_calls: s.calls.map((c, k) => ({ id: callId(at, k), type: "function", function: { name: c.name, arguments: JSON.stringify(c.arguments) } })),
  };
}

export const openai: DpoFormat = {
  name: "openai",
  help: "{input: {messages, tools}, preferred_output, non_preferred_output}",
  check: checkOpenAIDpoRow,
  rows: (d, opts, sink) => preferenceRows(openai, d, opts, sink),
  pairRow(pc, p) {
    const messages = before(pc.chat("openai", (d) => chatMessages(d, { args: "string", system: pc.opts.system, emptyContent: null, context: "own" })), p.promptEnd);
    const tools = toolList(pc.d);
    return {
      input: tools ? { messages, tools } : { messages },
      preferred_output: [pc.side(p.chosen, p.promptEnd, side)],
      non_preferred_output: [pc.side(p.rejected, p.promptEnd, side)],
    };
  },
};
