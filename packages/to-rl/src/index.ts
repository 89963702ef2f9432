export { episodeOf } from "./episode.js";
export type { Action, Episode, EpisodeStep } from "./episode.js";
export { RL_FORMATS } from "./formats/index.js";
export type { RlFormat, RlOptions } from "./formats/index.js";
export { rlOptions, rlTransform } from "./rl-transform.js";
export type { RlFlags } from "./rl-transform.js";
export { spec } from "./spec.js";
