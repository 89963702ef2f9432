import { barsOf, type MeasureTotals } from "./measures-summary.js";

/** One line of `audit --bars`: a pack's (or one of its categories') totals, and each bar's figure and verdict (absent when it cannot be measured). */
export function barsRecord(domain: string, category: string, t: MeasureTotals): Record<string, unknown> {
  return {
    domain,
    category,
    dialogues: t.dialogues,
    with_task: t.withTask,
    audit_agrees: t.agreed,
    resolved_tasks: t.resolvedTasks,
    resolved_reached_gold: t.reachedGold,
    unresolved_tasks: t.unresolvedTasks,
    unresolved_with_unexpected_writes: t.withUnexpectedWrites,
    shown_satisfying_rows: t.satisfyingShown,
    unhappy_after_satisfying_rows: t.unhappyAfterSatisfying,
    reason_checked: t.reasonChecked,
    reason_stated: t.reasonStated,
    bars: barsOf(t),
  };
}
