import { checkSharegptDpoRow, sharegptCallValue, sharegptConversation, toolList, type Dialogue } from "@chatmill/export/rows";
import type { Side } from "../pairs.js";
import { preferenceRows } from "../preference-rows.js";
import type { DpoFormat } from "./types.js";

function side(s: Side): { from: "gpt" | "function_call"; value: string } {
  return s.calls.length === 0 ? { from: "gpt", value: s.content ?? "" } : { from: "function_call", value: sharegptCallValue(s.calls) };
}

/** LLaMA-Factory ranking rows (dataset_info: "ranking": true). */
export const sharegpt: DpoFormat = {
  name: "sharegpt",
  help: "LLaMA-Factory ranking rows {conversations, chosen, rejected, tools}",
  check: checkSharegptDpoRow,
  rows: (d, opts, sink) => preferenceRows(sharegpt, d, opts, sink),
  pairRow(pc, p) {
    let conv = pc.sharegpt.get(p.promptEnd);
    if (!conv) {
      const prefix: Dialogue = { ...pc.d, messages: pc.d.messages.slice(0, p.promptEnd) };
      const c = sharegptConversation(prefix, pc.opts.system, { note: () => {}, reject: () => {} });
      conv = c.conv.slice(0, c.valid);
      pc.sharegpt.set(p.promptEnd, conv);
    }
    const tools = toolList(pc.d);
    const out = { conversations: conv, chosen: pc.side(p.chosen, p.promptEnd, side), rejected: pc.side(p.rejected, p.promptEnd, side) };
    return tools ? { ...out, tools: (pc.toolsText ??= JSON.stringify(tools)) } : out;
  },
};
