export { SFT_FORMATS, sftChecks, sftRows } from "./sft-rows.js";
export type { Granularity, SftFormat, SftOptions } from "./sft-rows.js";
export { sftOptions, sftTransform, withTemplates } from "./sft-transform.js";
export type { SftFlags } from "./sft-transform.js";
export { spec } from "./spec.js";
