import type { Scenario, Task } from "@chatmill/schema";

type Constraint = Scenario["goal"]["constraints"][number];
import type { LabelledMessage } from "./user-ending.js";

/** Values shorter than this ("2", "no") occur in too many messages to tell a reason. */
const MIN_VALUE = 3;

/**
 * The values a task's reason names: of the values the task holds (its known info, its expected
 * actions' arguments, the goal's constraints), those written in `instructions.reason`
 * (case-insensitive). "Cancel my booking TK12AB at Pizza Hut" names TK12AB and pizza hut.
 */
export function reasonValues(task: Task | undefined, constraints: ReadonlyArray<Constraint> = []): string[] {
  const reason = task?.instructions?.reason?.toLowerCase();
  if (!reason) return [];
  const values = new Set<string>();
  const add = (v: unknown): void => {
    if (Array.isArray(v)) return v.forEach(add);
    if (typeof v !== "string" && typeof v !== "number") return;
    const s = String(v).trim().toLowerCase();
    if (s.length >= MIN_VALUE && reason.includes(s)) values.add(s);
  };
  Object.values(task?.instructions?.known ?? {}).forEach(add);
  for (const a of task?.evaluation.actions ?? []) Object.values(a.arguments).forEach(add);
  for (const c of constraints) add(c.value);
  return [...values];
}

/**
 * Whether the user says why it came within its first two messages, checked against the task:
 * one of them carries the scenario's intent label (what the task was drawn for), or names a
 * value the task's reason names (reasonValues). With neither an intent nor such values there
 * is nothing to check against: undefined.
 */
export function reasonStated(messages: ReadonlyArray<LabelledMessage>, intent: string | undefined, values: ReadonlyArray<string>): boolean | undefined {
  if (intent === undefined && values.length === 0) return undefined;
  const firstTwo = messages.filter((m) => m.role === "user").slice(0, 2);
  if (intent !== undefined && firstTwo.some((m) => m.labels?.intent === intent)) return true;
  const text = firstTwo.map((m) => (typeof m.content === "string" ? m.content.toLowerCase() : "")).join("\n");
  return values.some((v) => text.includes(v));
}
