import { deriveTask, validateTask, type Domain, type GoalInput, type TaskProblem } from "@chatmill/domains";
import type { Scenario, Task } from "@chatmill/schema";

/** A scenario whose task cannot be used: the record goes to the dead-letter file with the failing action and the tool's error. */
export class TaskInvalid extends Error {
  readonly kind = "task_invalid";
  constructor(readonly problem: TaskProblem) {
    super(describeProblem(problem));
  }
}

export function describeProblem(p: TaskProblem): string {
  const action = p.action ? `; action ${p.action.name} ${JSON.stringify(p.action.arguments)}` : "";
  return `the scenario's task does not validate: ${p.message}${action}${p.error ? `; the tool said: ${p.error}` : ""}`;
}

/**
 * The task a dialogue pursues and is judged by: the scenario's own, validated by replaying its
 * actions; a scenario without one (an older file, a hand-written one) gets one derived from its
 * goal, and `derived` says so. Throws TaskInvalid when neither works.
 */
export function scenarioTask(scenario: Scenario, domain: Domain): { task: Task; derived: boolean } {
  if (scenario.task) {
    const problem = validateTask(domain, scenario.task);
    if (problem) throw new TaskInvalid(problem);
    return { task: scenario.task, derived: false };
  }
  const got = deriveTask(domain, { goal: scenario.goal as GoalInput, category: scenario.category, reason: scenario.goal.text });
  if (!got.task) throw new TaskInvalid(got.problem);
  const problem = validateTask(domain, got.task);
  if (problem) throw new TaskInvalid(problem);
  return { task: got.task, derived: true };
}
