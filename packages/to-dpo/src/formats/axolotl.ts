import { chatMessages, checkAxolotlDpoRow, hermesSystemPrompt, hermesToolCalls, type ChatMessage } from "@chatmill/export/rows";
import type { Side } from "../pairs.js";
import { preferenceRows } from "../preference-rows.js";
import { before, type DpoFormat } from "./types.js";

/** A chat message as chat_template.default keeps it: role and content, a call as a <tool_call> block in the content. */
function flat(m: ChatMessage): { role: ChatMessage["role"]; content: string } {
  if (m.role === "assistant" && m.tool_calls) {
    return { role: "assistant", content: hermesToolCalls(m.content, m.tool_calls.map((c) => ({ name: c.function.name, arguments: c.function.arguments as Record<string, unknown> }))) };
  }
  return { role: m.role, content: m.content ?? "" };
}

function side(s: Side): { role: "assistant"; content: string } {
  return { role: "assistant", content: s.calls.length === 0 ? (s.content ?? "") : hermesToolCalls(s.content, s.calls) };
}

/**
 * Axolotl's DPO `chat_template.default` rows: {messages, chosen, rejected}, every message
 * {role, content} (the strategy drops any other key), calls as Hermes <tool_call> text, the
 * tool definitions in the system message (the strategy renders without `tools`), the app's
 * context folded into it.
 */
export const axolotl: DpoFormat = {
  name: "axolotl",
  help: "Axolotl chat_template.default rows {messages, chosen, rejected}: {role, content}\nmessages, calls as <tool_call> text, tools in the system message",
  check: checkAxolotlDpoRow,
  rows: (d, opts, sink) => preferenceRows(axolotl, d, opts, sink),
  pairRow(pc, p) {
    const c = pc.chat("axolotl", (d) => {
      const chat = chatMessages(d, { args: "object", system: pc.opts.system, emptyContent: "", context: "fold" });
      const sys = chat.messages[0]?.role === "system" ? chat.messages[0].content ?? undefined : undefined;
      const head = hermesSystemPrompt(d.tools, sys);
      // Flattened once per dialogue: every pair's prompt is a slice of the same message objects, which the row serializer writes once.
      if (head === undefined) return { messages: chat.messages.map(flat), origin: chat.origin };
      if (sys !== undefined) return { messages: [{ role: "system", content: head }, ...chat.messages.slice(1).map(flat)], origin: chat.origin };
      return { messages: [{ role: "system", content: head }, ...chat.messages.map(flat)], origin: [{ src: -1, mistake: false }, ...chat.origin] };
    });
    return { messages: before(c, p.promptEnd), chosen: pc.side(p.chosen, p.promptEnd, side), rejected: pc.side(p.rejected, p.promptEnd, side) };
  },
};
