import type { Proposal } from "./alternatives.js";
import { sameCall } from "./canonical.js";
import { failure, type DialogueExecutor } from "./executor.js";
import { gradeCall, type GradeInput } from "./grade.js";
import type { Alternative, CallLike } from "./types.js";

/** What every grade of one message shares (the call, its result and whether it repeats an earlier one are each alternative's own). */
export type GradeBase = Omit<GradeInput, "call" | "info" | "result" | "recorded" | "repeat">;

/**
 * A call to a tool that only a live backend answers (a bare `http` or `mcp` op) cannot run
 * without sending it, and alternatives are never sent: its `no_backend` error says nothing
 * about the call, so it is no wrong alternative to learn from.
 */
export const ranSomewhere = (a: Alternative): boolean => a.error?.type !== "no_backend";

/** Runs a proposed alternative on the state before the call it replaces and grades it as the chosen call is graded. */
export function runAlternative(p: Proposal, exec: DialogueExecutor, before: CallLike[], base: GradeBase, earlier: CallLike[]): Alternative {
  const result = p.call ? exec.run(p.call, before) : failure("format_error", `not a tool call: ${p.detail}`);
  const info = p.call ? exec.info(p.call.name) : undefined;
  const repeat = Boolean(p.call && earlier.some((e) => sameCall(e, p.call!)) && !exec.writes(p.call.name));
  const grade = gradeCall({
    ...base,
    ...(p.text !== undefined && p.call ? { reply: p.text } : {}),
    ...(p.call ? { call: p.call } : {}),
    ...(info ? { info } : {}),
    ...(p.call ? { result } : {}),
    repeat,
  });
  return {
    defect: p.defect,
    ...(p.call ? { call: { name: p.call.name, arguments: p.call.arguments } } : {}),
    ...(p.text !== undefined ? { text: p.text } : {}),
    detail: p.detail,
    ...(p.source ? { source: p.source } : {}),
    result: p.call ? result.content : null,
    ok: p.call ? result.ok : false,
    ...(result.error ? { error: result.error } : {}),
    grade,
  };
}

/** Re-runs an alternative as tool-annotate recorded it, on the state before its call (for checks and tests). */
export function rerunAlternative(alt: Alternative, exec: DialogueExecutor, before: CallLike[]): string | null {
  return alt.call ? exec.run({ name: alt.call.name, arguments: alt.call.arguments }, before).content : null;
}
