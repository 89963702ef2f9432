import { annotateOnTheWay } from "./annotate-hook.js";
import { setAnnotator } from "./dpo-rows.js";

// The package index grades on the way from the start (dpoRows is synchronous); the CLI loads it lazily.
setAnnotator(annotateOnTheWay);

export { annotateOnTheWay };
export { DPO_FORMATS, dpoChecks, dpoRows, loadAnnotator } from "./dpo-rows.js";
export { gradingOf, needsGrading } from "./grading.js";
export type { DpoFormat, DpoOptions } from "./dpo-rows.js";
export { dpoOptions, dpoTransform } from "./dpo-transform.js";
export type { DpoFlags } from "./dpo-transform.js";
export { preferencePairs, sameOutput } from "./pairs.js";
export type { Pair, Side } from "./pairs.js";
export { spec } from "./spec.js";
