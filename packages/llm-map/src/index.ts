export { llmMapTransform } from "./llm-map.js";
export type { LlmMapOptions } from "./llm-map.js";
export { Template } from "./template.js";
export { spec } from "./spec.js";
