import type { DialogueMeasures } from "./task-measures.js";

/** Counts over a set of dialogues, from which each bar's figure is a ratio or a count. */
export interface MeasureTotals {
  dialogues: number;
  withTask: number;
  /** (a) dialogues with a task whose audit agrees / that were audited against a task. */
  agreed: number;
  /** (b) "resolved" tasks that reached the gold end state with every fact said / "resolved" tasks. */
  resolvedTasks: number;
  reachedGold: number;
  /** (c) "failed" and "escalated" tasks with at least one unexpected write / such tasks. */
  unresolvedTasks: number;
  withUnexpectedWrites: number;
  /** (d) dialogues whose user was shown rows meeting every constraint, and of those, ended unhappy. */
  satisfyingShown: number;
  unhappyAfterSatisfying: number;
  /** (e) dialogues with something to check the reason against, and of those, stated it. */
  reasonChecked: number;
  reasonStated: number;
}

const empty = (): MeasureTotals => ({ dialogues: 0, withTask: 0, agreed: 0, resolvedTasks: 0, reachedGold: 0, unresolvedTasks: 0, withUnexpectedWrites: 0, satisfyingShown: 0, unhappyAfterSatisfying: 0, reasonChecked: 0, reasonStated: 0 });

export function addMeasures(t: MeasureTotals, m: DialogueMeasures): MeasureTotals {
  t.dialogues++;
  if (m.hasTask) t.withTask++;
  if (m.auditAgrees === true) t.agreed++;
  if (m.reachedGold !== undefined && m.resolution === "resolved") {
    t.resolvedTasks++;
    if (m.reachedGold) t.reachedGold++;
  }
  if (m.unexpectedWrites !== undefined && (m.resolution === "failed" || m.resolution === "escalated")) {
    t.unresolvedTasks++;
    if (m.unexpectedWrites > 0) t.withUnexpectedWrites++;
  }
  if (m.satisfyingShown) t.satisfyingShown++;
  if (m.unhappyAfterSatisfying) t.unhappyAfterSatisfying++;
  if (m.reasonStated !== undefined) {
    t.reasonChecked++;
    if (m.reasonStated) t.reasonStated++;
  }
  return t;
}

/** Totals per category, and over all under the key "all". */
export function summarizeMeasures(measures: Iterable<DialogueMeasures>): Map<string, MeasureTotals> {
  const out = new Map<string, MeasureTotals>([["all", empty()]]);
  for (const m of measures) {
    addMeasures(out.get("all")!, m);
    let t = out.get(m.category);
    if (!t) out.set(m.category, (t = empty()));
    addMeasures(t, m);
  }
  return out;
}

/** Issue #17's bars on a set of totals: which hold, which fail, and which cannot be measured (no task). */
export function barsOf(t: MeasureTotals): Array<{ bar: string; figure: string; holds: boolean | undefined }> {
  const share = (n: number, d: number) => (d === 0 ? "n/a" : `${((100 * n) / d).toFixed(1)}% (${n}/${d})`);
  return [
    { bar: "(a) audit agrees = 100%", figure: share(t.agreed, t.withTask), holds: t.withTask === 0 ? undefined : t.agreed === t.withTask },
    { bar: "(b) resolved reach gold ≥ 95%", figure: share(t.reachedGold, t.resolvedTasks), holds: t.resolvedTasks === 0 ? undefined : t.reachedGold >= 0.95 * t.resolvedTasks },
    { bar: "(c) failed/escalated with unexpected write = 0", figure: t.unresolvedTasks === 0 ? "n/a" : `${t.withUnexpectedWrites} of ${t.unresolvedTasks}`, holds: t.unresolvedTasks === 0 ? undefined : t.withUnexpectedWrites === 0 },
    { bar: "(d) unhappy after satisfying rows = 0", figure: `${t.unhappyAfterSatisfying} of ${t.satisfyingShown} shown satisfying rows`, holds: t.unhappyAfterSatisfying === 0 },
    { bar: "(e) reason stated in 2 messages = 100%", figure: share(t.reasonStated, t.reasonChecked), holds: t.reasonChecked === 0 ? undefined : t.reasonStated === t.reasonChecked },
  ];
}
