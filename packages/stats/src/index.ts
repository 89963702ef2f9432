export { StatsAccumulator, MAX_GRID_CELLS } from "./accumulator.js";
export type { StatsReport, VocabularyReport } from "./report-types.js";
export { checkItem, collectItems, hasImage } from "./alignment.js";
export { renderHtml } from "./html-report.js";
export { HyperLogLog, Tally, entropyBits } from "./sketch.js";
export { statsTransform } from "./stats-records.js";
export type { StatsOptions } from "./stats-records.js";
export { offeredTools, toolCallProblem } from "./tool-format.js";
export { spec } from "./spec.js";
