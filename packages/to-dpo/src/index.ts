export { annotateOnTheWay } from "./annotate-hook.js";
export { DPO_FORMATS, dpoChecks, dpoRows } from "./dpo-rows.js";
export type { DpoFormat, DpoOptions } from "./dpo-rows.js";
export { dpoOptions, dpoTransform } from "./dpo-transform.js";
export type { DpoFlags } from "./dpo-transform.js";
export { preferencePairs, sameOutput } from "./pairs.js";
export type { Pair, Side } from "./pairs.js";
export { spec } from "./spec.js";
