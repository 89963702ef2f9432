import { hermes } from "./hermes.js";
import { muse } from "./muse.js";
import { openai } from "./openai.js";
import { sharegpt } from "./sharegpt.js";
import { trl } from "./trl.js";
import type { SftFormat } from "./types.js";

/** Every to-sft format, in --help order: a new format is its module and one line here. */
export const SFT_FORMATS: readonly SftFormat[] = [openai, trl, sharegpt, hermes, muse];

export type { Granularity, OnMistake, SftFormat, SftOptions } from "./types.js";
