import { chatMessages, checkTrlDpoRow, templateTools, toolList, type ChatMessage } from "@chatmill/export/rows";
import type { Side } from "../pairs.js";
import { preferenceRows } from "../preference-rows.js";
import { before, callId, type DpoFormat } from "./types.js";

/** One assistant message per side; a parallel side keeps its first call (Llama 3.1 takes one). */
function side(s: Side, at: number): ChatMessage {
  if (s.calls.length === 0) return { role: "assistant", content: s.content ?? "" };
  const c = s.calls[0]!;
  return { role: "assistant", content: s.content ?? "", tool_calls: [{ id: callId(at, 0), type: "function", function: { name: c.name, arguments: c.arguments } }] };
}

export const trl: DpoFormat = {
  name: "trl",
  help: "{prompt, chosen, rejected, tools}, conversational, arguments as objects,\ntools the JSON text of the list (--tools-as list: the list)",
  check: checkTrlDpoRow,
  rows: (d, opts, sink) => preferenceRows(trl, d, opts, sink),
  pairRow(pc, p) {
    const messages = before(pc.chat("trl", (d) => chatMessages(d, { args: "object", system: pc.opts.system, toolName: true, splitParallel: true, emptyContent: "", context: "lead" })), p.promptEnd);
    return { prompt: messages, chosen: [pc.side(p.chosen, p.promptEnd, side)], rejected: [pc.side(p.rejected, p.promptEnd, side)], tools: templateTools(toolList(pc.d), pc.opts.toolsAs) };
  },
};
