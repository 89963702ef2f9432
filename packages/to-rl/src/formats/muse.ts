import { checkMuseRlRow, museContextTexts, stepsOf } from "@chatmill/export/rows";
import { episodeOf } from "../episode.js";
import type { RlFormat } from "./types.js";

/**
 * Seed 000's RL rows exactly: {"state", "action": {"tool", "args"}, "reward", "next_state"}.
 * One row per tool call (parallel calls one after the other, sharing their step's reward
 * equally); `state` is the conversation before the call as text ("User: …", "Assistant: …",
 * "Context: …" for the app's context, "Tool <name>: <result>" for what the environment
 * answered), `next_state` the same text through the call's own result. A reply without a
 * call is no tool action: it has no row (counted), its reward stays in the transitions and
 * episodes formats.
 */
export const muse: RlFormat = {
  name: "muse",
  help: "{state, action: {tool, args}, reward, next_state}: seed 000's RL rows, one per\ntool call; states are the conversation as text",
  check: checkMuseRlRow,
  shared: false,
  *rows(d, opts, sink) {
    const ep = episodeOf(d, opts.system);
    const steps = stepsOf(d);
    const msgs = d.messages;
    // The conversation as text up to each message: states and next states are entries of it.
    const texts = museContextTexts(msgs, { tools: true });
    const replies = steps.filter((s) => s.calls.length === 0).length;
    if (replies > 0) sink.note("replies without a tool action", replies);
    for (let i = 0; i < steps.length; i++) {
      const s = steps[i]!;
      if (s.calls.length === 0) continue;
      const reward = ep.steps[i]!.reward / s.calls.length;
      const state = texts[s.index]!;
      for (const c of s.calls) {
        let end = s.index + 1;
        for (let k = s.index + 1; k < s.end; k++) if (msgs[k]!.role === "tool" && (msgs[k] as { tool_call_id: string }).tool_call_id === c.id) end = k + 1;
        yield { state, action: { tool: c.name, args: c.arguments }, reward, next_state: texts[end]! };
      }
    }
  },
};
