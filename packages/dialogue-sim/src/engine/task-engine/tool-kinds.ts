import type { TaskAction } from "@chatmill/schema";
import type { Domain, ToolResult } from "../../contract.js";
import { leaves } from "./discover.js";

/**
 * What the task engine needs to know of a pack's tools, read from what the pack declares (role,
 * run, parameter schemas), never from a tool's name.
 */

/** The pack's calculator: a think tool whose run computes from its arguments alone (a transact with no refs and no effects) and that takes one string, the expression. */
export function calculatorOf(domain: Domain): { name: string; param: string } | undefined {
  for (const t of domain.pack.tools) {
    if (t.role !== "think" || t.run.op !== "transact") continue;
    if ((t.run.refs ?? []).length > 0 || (t.run.effects ?? []).length > 0) continue;
    const params = t.function.parameters as { properties?: Record<string, { type?: string }>; required?: string[] };
    const req = params.required ?? [];
    if (req.length === 1 && params.properties?.[req[0]!]?.type === "string") return { name: t.function.name, param: req[0]! };
  }
  return undefined;
}

/** The values of an action's arguments that must have been seen: not those the tool's own schema offers (enums, consts, booleans). */
export function neededValues(domain: Domain, action: TaskAction): unknown[] {
  const def = domain.tools.find((t) => t.function.name === action.name);
  const props = ((def?.function.parameters as { properties?: Record<string, unknown> } | undefined)?.properties ?? {}) as Record<string, unknown>;
  const offered = new Set<unknown>();
  const collect = (schema: unknown): void => {
    if (!schema || typeof schema !== "object") return;
    const s = schema as Record<string, unknown>;
    if (Array.isArray(s.enum)) for (const e of s.enum) offered.add(e);
    if (s.const !== undefined) offered.add(s.const);
    for (const v of Object.values(s)) if (v && typeof v === "object") collect(v);
  };
  collect(props);
  return leaves(action.arguments).filter((v) => typeof v !== "boolean" && !offered.has(v));
}

/** A result that found nothing: an error, or an empty list. */
export function foundNothing(res: ToolResult): boolean {
  if (!res.ok) return true;
  const d = res.data as { results?: unknown } | unknown[] | null;
  if (Array.isArray(d)) return d.length === 0;
  return !!d && typeof d === "object" && Array.isArray(d.results) && d.results.length === 0;
}
