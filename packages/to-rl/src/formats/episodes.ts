import { checkEpisodeRow, toolList } from "@chatmill/export/rows";
import { episodeOf } from "../episode.js";
import { environmentOf, type RlFormat } from "./types.js";

export const episodes: RlFormat = {
  name: "episodes",
  help: "one row per dialogue: messages, tools, steps with rewards, return, outcome",
  check: checkEpisodeRow,
  *rows(d, opts, sink) {
    const ep = episodeOf(d, opts.system);
    if (ep.steps.length === 0) {
      sink.note("episodes without steps");
      return;
    }
    if (ep.rewardSource === "steps") sink.note("episodes without outcome");
    yield {
      id: d.id,
      messages: ep.messages,
      tools: toolList(d) ?? null,
      steps: ep.steps.map((s) => ({ step: s.step, message_index: s.stateEnd, action: s.action, reward: s.reward, quality: s.quality, ok: s.ok, db_digest: s.digestAfter })),
      return: ep.reward,
      outcome: d.outcome ?? null,
      environment: environmentOf(d),
    };
  },
};
