// The alternatives tool-annotate proposes for a chosen call, one generator per defect; the
// generators are in defect-calls.ts, defect-values.ts and defect-ids.ts.
import type { AltContext, Proposal } from "./alt-context.js";
import { sameCall } from "./canonical.js";
import { toolNone, unnecessaryCall, wrongCount, wrongTool } from "./defect-calls.js";
import { hallucinatedId } from "./defect-ids.js";
import { ignoredContext, missingArg, wrongArgs } from "./defect-values.js";
import { pyRepr } from "./python-repr.js";

export type { AltContext, Proposal } from "./alt-context.js";

/** The defects tool-annotate builds, each a wrong-but-plausible version of the chosen call. */
export const DEFECTS = [
  "wrong_tool",
  "wrong_args",
  "missing_arg",
  "hallucinated_id",
  "ignored_context",
  "unnecessary_call",
  "action_key_instead_of_tool",
  "tool_none",
  "plan_as_python_dict",
  "wrong_count",
] as const;
export type Defect = (typeof DEFECTS)[number];

type Generator = (c: AltContext) => Proposal | undefined;

const GENERATORS: Record<Defect, Generator> = {
  wrong_tool: wrongTool,
  wrong_args: wrongArgs,
  missing_arg: missingArg,
  hallucinated_id: hallucinatedId,
  ignored_context: ignoredContext,
  unnecessary_call: unnecessaryCall,
  action_key_instead_of_tool: (c) => ({
    defect: "action_key_instead_of_tool",
    text: JSON.stringify({ action: c.call.name, action_input: c.call.arguments }),
    detail: `names the tool under "action" instead of calling ${c.call.name}`,
  }),
  tool_none: toolNone,
  plan_as_python_dict: (c) => ({
    defect: "plan_as_python_dict",
    text: `Here's my plan:\n${pyRepr({ step: 1, tool: c.call.name, args: c.call.arguments })}`,
    detail: "prints the plan as a Python dict instead of calling the tool",
  }),
  wrong_count: wrongCount,
};

/**
 * Up to `k` alternatives of distinct defects, in an order drawn from the call's own random
 * stream. Each differs from the chosen call (by its call or by its text).
 */
export function proposeAlternatives(c: AltContext, k: number, only?: readonly string[]): Proposal[] {
  const names = c.rng.shuffle([...DEFECTS].filter((d) => !only || only.includes(d)));
  const out: Proposal[] = [];
  for (const name of names) {
    if (out.length >= k) break;
    const p = GENERATORS[name](c);
    if (!p) continue;
    if (p.call && !p.text && sameCall(p.call, c.call)) continue;
    out.push(p);
  }
  return out;
}

/** One defect's proposal for the call (recovery.ts builds retries after a failure from them). */
export function proposeDefect(name: Defect, c: AltContext): Proposal | undefined {
  return GENERATORS[name](c);
}
