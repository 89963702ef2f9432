// The tool index lives in @chatmill/domains, where the task derivation plans the same searches.
export { ToolIndex, argValue, requiredFields } from "@chatmill/domains";
export type { Filter, SearchPlan, ToolInfo } from "@chatmill/domains";
