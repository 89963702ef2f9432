import { checkMuseDpoRow, museCall, museContext } from "@chatmill/export/rows";
import type { Side } from "../pairs.js";
import { preferenceRows } from "../preference-rows.js";
import type { DpoFormat } from "./types.js";

function side(s: Side): Record<string, unknown> {
  return {
    tool_calls: s.calls.map(museCall),
    ...(s.calls.length === 0 ? { text: s.content ?? "" } : {}),
    response: s.reply ?? null,
    success_rate: s.success_rate,
    result: s.result,
  };
}

/** Seed 000's DPO rows; the context is its "User: …" lines (and "Context: …" for the app's context). */
export const muse: DpoFormat = {
  name: "muse",
  help: "{context, chosen: {tool_calls, response, success_rate}, rejected: {…}}",
  check: checkMuseDpoRow,
  shared: false,
  rows: (d, opts, sink) => preferenceRows(muse, d, opts, sink),
  pairRow(pc, p) {
    return { context: museContext(pc.d.messages, p.promptEnd).join("\n"), chosen: side(p.chosen), rejected: { ...side(p.rejected), defect: p.defect } };
  },
};
