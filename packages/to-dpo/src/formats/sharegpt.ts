import { checkSharegptDpoRow, sharegptCallValue, sharegptConversation, toolList, type Dialogue, type ShareMsg } from "@chatmill/export/rows";
import type { Side } from "../pairs.js";
import { preferenceRows } from "../preference-rows.js";
import type { DpoFormat } from "./types.js";

function side(s: Side): { from: "gpt" | "function_call"; value: string } {
  return s.calls.length === 0 ? { from: "gpt", value: s.content ?? "" } : { from: "function_call", value: sharegptCallValue(s.calls) };
}

/** Two turns that serialise to the same text: the same keys, in the same order, with the same values. */
function sameTurn(a: ShareMsg, b: ShareMsg): boolean {
  if (a.from !== b.from || a.value !== b.value) return false;
  const ka = Object.keys(a);
  const kb = Object.keys(b);
  return ka.length === kb.length && ka.every((k, i) => k === kb[i] && (a as unknown as Record<string, unknown>)[k] === (b as unknown as Record<string, unknown>)[k]);
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
      // The turns the last prompt made with the same text are taken as they were (the same objects):
      // the serializer writes a shared prefix once and --max-tokens converts and counts it once.
      const last = pc.lastSharegpt;
      for (let i = 0; last && i < conv.length && i < last.length && sameTurn(conv[i]!, last[i]!); i++) conv[i] = last[i]!;
      pc.sharegpt.set(p.promptEnd, conv);
      pc.lastSharegpt = conv;
    }
    const tools = toolList(pc.d);
    const out = { conversations: conv, chosen: pc.side(p.chosen, p.promptEnd, side), rejected: pc.side(p.rejected, p.promptEnd, side) };
    return tools ? { ...out, tools: (pc.toolsText ??= JSON.stringify(tools)) } : out;
  },
};
