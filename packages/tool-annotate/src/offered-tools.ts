import type { ToolDef } from "./executor.js";
import { isObj, type Domain, type Obj } from "./types.js";

/** Adds the domain's definition of tool `name` to the dialogue's tools when they lack it. */
export function offerTool(tools: ToolDef[], domain: Domain, name: unknown): void {
  if (typeof name !== "string" || tools.some((t) => t.function.name === name)) return;
  const def = domain.tools.find((t) => t.function.name === name);
  if (def) tools.push(def);
}

/**
 * Alternatives may call a tool of the domain that the dialogue did not offer (a
 * wrong_tool defect, tool "none"): its definition joins the dialogue's tools, so a
 * training row that shows the call also declares the tool, as trainers require.
 */
export function offerUsedTools(messages: Obj[], domain: Domain, tools: ToolDef[]): void {
  for (const m of messages) {
    if (!Array.isArray(m.tool_calls)) continue;
    for (const c of m.tool_calls as Obj[]) {
      offerTool(tools, domain, c.name);
      for (const alt of (Array.isArray(c.alternatives) ? c.alternatives : []) as Obj[]) offerTool(tools, domain, isObj(alt.call) ? alt.call.name : undefined);
    }
  }
}
