export { SFT_FORMATS } from "./formats/index.js";
export type { Granularity, OnMistake, SftFormat, SftOptions } from "./formats/index.js";
export { sftOptions, sftTransform, withTemplates } from "./sft-transform.js";
export type { SftFlags } from "./sft-transform.js";
export { spec } from "./spec.js";
