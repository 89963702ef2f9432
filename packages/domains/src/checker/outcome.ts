import type { Outcome, Task } from "@chatmill/schema";
import type { Domain, TranscriptMessage } from "../contract.js";
import { judge, type Judgement } from "./judge.js";
import { transcriptOf, type SetupCall } from "./transcript.js";

/**
 * A dialogue's outcome, computed by the one checker from the scenario's task and the messages
 * alone — never from what the simulator meant to do:
 * - reward: the checker's (1 when the end state equals the one the task's actions reach from the
 *   same starting state and every fact to communicate was said, else 0; no partial credit);
 * - goal_met: reward = 1 (for an infeasible task: nothing was changed that should not be; for
 *   an escalation task: nothing was changed, the hand-off itself changes nothing);
 * - resolution: escalated when the pack's hand-off tool ran; else resolved when reward = 1 and
 *   the task is feasible (task.expected resolved); else failed.
 */
export function judgedOutcome(domain: Domain, task: Task, messages: ReadonlyArray<TranscriptMessage>, setup: ReadonlyArray<SetupCall> = [], derived = false): Outcome {
  return judgeDialogue(domain, task, messages, setup, { derived }).outcome;
}

/**
 * judgedOutcome with the checker's judgement beside it, and checks an engine adds of its own
 * (they are reported, never part of the verdict: goal_met and reward are the checker's).
 * Every engine and tool that labels a dialogue (offline, task engine, openai, augment) uses
 * this, so `audit` re-computes the same outcome from the record.
 */
export function judgeDialogue(
  domain: Domain,
  task: Task,
  messages: ReadonlyArray<TranscriptMessage>,
  setup: ReadonlyArray<SetupCall>,
  opts: { derived?: boolean; checks?: NonNullable<Outcome["checks"]> } = {},
): { outcome: Outcome; judgement: Judgement } {
  const derived = opts.derived ?? false;
  const j = judge(domain, task.evaluation, transcriptOf(messages, setup));
  const handoff = domain.handoffTool;
  const handedOff = handoff !== undefined && handOffRan(messages, handoff);
  const feasible = (task.expected ?? "resolved") === "resolved";
  const resolution: Outcome["resolution"] = handedOff ? "escalated" : j.reward === 1 && feasible ? "resolved" : "failed";
  const checks: NonNullable<Outcome["checks"]> = [];
  checks.push({
    name: "end state",
    passed: j.state.match,
    ...(j.state.match ? {} : { detail: inPackOrder(domain, j.state.differences).slice(0, 3).map(differenceText).join("; ") }),
  });
  for (const c of j.communicate) checks.push({ name: `said "${c.info}"`, passed: c.said });
  for (const g of j.goldErrors) checks.push({ name: `expected action ${g.index} (${g.name})`, passed: false, detail: g.error });
  checks.push(...(opts.checks ?? []));
  const what = j.reward === 1 ? "the end state and every fact to say match the task" : j.state.match ? "a fact the task needs was not said" : "the end state differs from the one the task's actions reach";
  const how = handedOff ? "; the assistant handed the conversation to a person" : feasible ? "" : "; the task cannot be done in the data, so it cannot be resolved";
  const unsaid = j.communicate.filter((c) => !c.said).map((c) => c.info);
  const details = [
    ...inPackOrder(domain, j.state.differences).slice(0, 3).map(differenceText),
    ...(unsaid.length > 0 ? [`not said: ${unsaid.join("; ")}`] : []),
    ...j.goldErrors.map((g) => `the task does not validate: gold action ${g.index} (${g.name}) fails on a fresh state: ${g.error}`),
  ];
  const reason = `${what}${how}${details.length > 0 ? ` (${details.join("; ")})` : ""}${derived ? " (the scenario carried no task: one was derived from its goal)" : ""}`;
  return { outcome: { resolution, goal_met: j.reward === 1, reward: j.reward, checks, reason }, judgement: j };
}

/** One row that ends otherwise than the task's actions leave it. */
function differenceText(d: { table: string; key: string; expected: unknown; actual: unknown }): string {
  return `${d.table} ${d.key}: ${d.expected === null ? "not expected to change" : d.actual === null ? "expected change not made" : "ends differently"}`;
}

function handOffRan(messages: ReadonlyArray<TranscriptMessage>, tool: string): boolean {
  const ids = new Set<string>();
  for (const m of messages) {
    if (m.role === "assistant") for (const c of m.tool_calls ?? []) if (c.name === tool && c.id !== undefined) ids.add(c.id);
    if (m.role === "tool" && m.tool_call_id !== undefined && ids.has(m.tool_call_id) && m.ok !== false) return true;
  }
  return false;
}

/** Differences in the order of the pack's tables (then as the checker lists them), so a renamed pack words its outcome the same way. */
function inPackOrder<T extends { table: string }>(domain: Domain, differences: ReadonlyArray<T>): T[] {
  const order = Object.keys(domain.pack.database.tables);
  return differences.map((d, i) => ({ d, i, t: order.indexOf(d.table) })).sort((a, b) => a.t - b.t || a.i - b.i).map((x) => x.d);
}
