import { judge, transcriptOf, type Call, type Domain, type TranscriptMessage } from "@chatmill/domains";
import type { Outcome, Task } from "@chatmill/schema";

/**
 * An LLM dialogue's outcome when its scenario has a task: the one checker's verdict (`judge`
 * on the task's evaluation and the transcript, from the calls that built the starting state),
 * so `audit` re-computes exactly this. What the models said about themselves (the user's
 * status) does not enter it.
 * - reward, goal_met: judge's (1 when the end state is the one the task's actions reach and
 *   every fact to communicate was said; no partial credit);
 * - resolution: escalated when the pack's hand-off tool ran; resolved when goal_met and the task
 *   is feasible (`task.expected`, default resolved); else failed.
 */
export function taskOutcome(domain: Domain, task: Task, messages: ReadonlyArray<TranscriptMessage>, setup: ReadonlyArray<Call>): Outcome {
  const j = judge(domain, task.evaluation, transcriptOf(messages, setup));
  const handoff = domain.handoffTool;
  const handedOff = handoff !== undefined && ranOk(messages, handoff);
  const feasible = ((task as { expected?: unknown }).expected ?? "resolved") === "resolved";
  const checks: NonNullable<Outcome["checks"]> = [
    { name: "end state", passed: j.state.match, ...(j.state.match ? {} : { detail: `${j.state.differences.length} row(s) differ from the state the task's actions reach` }) },
    ...j.communicate.map((c) => ({ name: `said "${c.info}"`, passed: c.said })),
    ...j.goldErrors.map((g) => ({ name: `expected action ${g.index} (${g.name})`, passed: false, detail: g.error })),
  ];
  const reason = j.reward === 1 ? "the end state and every fact to say match the task" : j.state.match ? "a fact the task needs was not said" : "the end state differs from the one the task's actions reach";
  return {
    resolution: handedOff ? "escalated" : j.reward === 1 && feasible ? "resolved" : "failed",
    goal_met: j.reward === 1,
    reward: j.reward,
    checks,
    reason: `${reason} (judged by the checker from the task)`,
  };
}

/** Whether a call of `tool` got an ok result in the transcript. */
function ranOk(messages: ReadonlyArray<TranscriptMessage>, tool: string): boolean {
  const ids = new Set<string>();
  for (const m of messages) {
    if (m.role === "assistant") for (const c of m.tool_calls ?? []) if (c.name === tool && c.id !== undefined) ids.add(c.id);
    if (m.role === "tool" && m.tool_call_id !== undefined && ids.has(m.tool_call_id) && m.ok === true) return true;
  }
  return false;
}
