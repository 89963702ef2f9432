import { annotateOnTheWay } from "./annotate-hook.js";
import { setAnnotator } from "./preference-rows.js";

// The package index grades on the way from the start (preferenceRows is synchronous); the CLI loads it lazily.
setAnnotator(annotateOnTheWay);

export { annotateOnTheWay };
export { DPO_FORMATS, PairContext } from "./formats/index.js";
export type { DpoFormat, DpoOptions } from "./formats/index.js";
export { loadAnnotator, preferenceRows } from "./preference-rows.js";
export { gradingOf, needsGrading } from "./grading.js";
export { dpoOptions, dpoTransform } from "./dpo-transform.js";
export type { DpoFlags } from "./dpo-transform.js";
export { preferencePairs, sameOutput } from "./pairs.js";
export type { Pair, Side } from "./pairs.js";
export { pairStats } from "./pair-stats.js";
export type { DefectStats, PairStats } from "./pair-stats.js";
export { spec } from "./spec.js";
