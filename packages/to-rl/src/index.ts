export { episodeOf } from "./episode.js";
export type { Action, Episode, EpisodeStep } from "./episode.js";
export { RL_FORMATS, rlChecks, rlRows } from "./rl-rows.js";
export type { RlFormat, RlOptions } from "./rl-rows.js";
export { rlOptions, rlTransform } from "./rl-transform.js";
export type { RlFlags } from "./rl-transform.js";
export { spec } from "./spec.js";
