export { startFakeLlm, canonical } from "./server.js";
export type { FakeLlm, FakeLlmOptions, FakeLlmStats, ScriptRule } from "./server.js";
export { FAULT_KINDS, parseFaults, pickFault } from "./faults.js";
export type { FaultKind, FaultRates } from "./faults.js";
export { deriveAnswer, sampleSchema } from "./answers.js";
export { spec } from "./spec.js";
