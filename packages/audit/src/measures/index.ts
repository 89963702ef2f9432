export { measureDialogue, satisfiesEvery } from "./task-measures.js";
export type { DialogueMeasures } from "./task-measures.js";
export { addMeasures, barsOf, summarizeMeasures } from "./measures-summary.js";
export type { MeasureTotals } from "./measures-summary.js";
export { rowsShownToUser } from "./shown-rows.js";
export type { ShownRow } from "./shown-rows.js";
export { reasonStated, reasonValues } from "./reason-stated.js";
export { userEnding } from "./user-ending.js";
export { barsRecord } from "./bars-record.js";
