import { episodes } from "./episodes.js";
import { muse } from "./muse.js";
import { openaiRft } from "./openai-rft.js";
import { transitions } from "./transitions.js";
import { trlGrpo } from "./trl-grpo.js";
import type { RlFormat } from "./types.js";

/** Every to-rl format, in --help order: a new format is its module and one line here. */
export const RL_FORMATS: readonly RlFormat[] = [transitions, episodes, trlGrpo, openaiRft, muse];

export type { RlFormat, RlOptions } from "./types.js";
