import { axolotl } from "./axolotl.js";
import { muse } from "./muse.js";
import { openai } from "./openai.js";
import { sharegpt } from "./sharegpt.js";
import { trl } from "./trl.js";
import type { DpoFormat } from "./types.js";

/** Every to-dpo format, in --help order: a new format is its module and one line here. */
export const DPO_FORMATS: readonly DpoFormat[] = [trl, openai, sharegpt, muse, axolotl];

export { PairContext, before, callId } from "./types.js";
export type { DpoFormat, DpoOptions } from "./types.js";
