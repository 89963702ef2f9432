export { formatReport, validateTransform } from "./validate-records.js";
export type { ValidateOptions } from "./validate-records.js";
export { compileSchema, recordTypeCheck, schemaFileCheck } from "./validator.js";
export type { Check, Issue } from "./validator.js";
export { spec } from "./spec.js";
