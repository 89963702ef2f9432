import { z } from "zod";

/** How good one tool call is, from checks a program ran (see tool-annotate's docs). */
export const Grade = z.looseObject({
  schema_valid: z.boolean(),
  executed: z.boolean(),
  ok: z.boolean(),
  grounded: z.boolean().nullable().describe("null when no assistant text follows the result"),
  progress: z.number().min(0).max(1),
  success_rate: z.number().min(0).max(1),
  notes: z.array(z.string()).optional(),
  recorded_ok: z.boolean().optional().describe("false when the recorded call failed by an injected fault but succeeds on re-run"),
  environment_failure: z.boolean().optional().describe("true when the call ran and the host or service did not answer (timeout, server error, unreachable)"),
  refused: z
    .boolean()
    .optional()
    .describe("true when the data refused a well-formed call whose arguments all came from the dialogue (already cancelled, fully booked, a pack's require check): a right call, trained by the exporters"),
});

/** A wrong-but-plausible call, executed on the same state as the chosen one. */
export const Alternative = z.looseObject({
  defect: z.string().min(1).describe("wrong_tool, wrong_args, missing_arg, hallucinated_id, ignored_context, unnecessary_call, action_key_instead_of_tool, tool_none, plan_as_python_dict, wrong_count, failed_call, …"),
  detail: z.string().optional(),
  source: z.string().optional().describe("offline, or llm when an LLM proposed it"),
  call: z.looseObject({ name: z.string(), arguments: z.record(z.string(), z.unknown()) }).optional(),
  text: z.string().optional().describe("the assistant output as text, for format defects that are not a parsable call"),
  result: z.string().nullable(),
  ok: z.boolean(),
  error: z.looseObject({ type: z.string(), message: z.string() }).optional(),
  grade: Grade,
});

/** A recommended item in an assistant message, linked to its catalog record. */
export const Grounding = z.looseObject({
  item_id: z.string().min(1),
  name: z.string().optional(),
  table: z.string().optional(),
  image: z.string().optional(),
  call_id: z.string().optional().describe("the tool call whose result showed the item"),
});

/** What tool-annotate adds to one tool call. */
export const CallAnnotation = z.looseObject({
  grade: Grade,
  alternatives: z.array(Alternative),
});
