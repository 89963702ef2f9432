// One canonical JSON for every tool: it lives in the kit (dedup and the LLM layer use it too).
export { canonicalJson, sortKeys } from "@chatmill/kit";
