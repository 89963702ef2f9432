import { checkTransitionRow } from "@chatmill/export/rows";
import { episodeOf } from "../episode.js";
import type { RlFormat } from "./types.js";

export const transitions: RlFormat = {
  name: "transitions",
  help: "{id, episode_id, step, state, action, reward, next_state, done}, one per\nassistant message; state = {messages so far, db_digest}",
  check: checkTransitionRow,
  *rows(d, opts, sink) {
    const ep = episodeOf(d, opts.system);
    if (ep.rewardSource === "steps") sink.note("episodes without outcome");
    const n = ep.steps.length;
    for (const s of ep.steps) {
      yield {
        id: `${d.id}#${s.step}`,
        episode_id: d.id,
        step: s.step,
        state: { messages: ep.messages.slice(0, s.stateEnd), db_digest: s.digestBefore },
        action: s.action,
        reward: s.reward,
        next_state: { messages: ep.messages.slice(0, s.nextEnd), db_digest: s.digestAfter },
        done: s.step === n - 1,
      };
    }
  },
};
