import type { Task, TaskAction } from "@chatmill/schema";
import type { Domain } from "../contract.js";
import { judge, type Judgement } from "../checker/judge.js";
import type { RecordedCall } from "../checker/transcript.js";
import { createSession } from "../session.js";
import type { TaskProblem } from "./derive.js";

/**
 * A task validates when its setup and its expected actions all succeed, in order, on a fresh
 * session, and the checker gives a dialogue that makes exactly those calls and says exactly the
 * facts reward 1. Returns the first problem (the refused action and the tool's error), or none.
 */
export function validateTask(domain: Domain, task: Task): TaskProblem | undefined {
  const session = createSession(domain);
  for (const a of task.setup ?? []) {
    const r = session.call({ name: a.name, arguments: a.arguments });
    if (!r.ok) return { message: "setup call refused", action: a, error: r.error?.message ?? r.content };
  }
  const calls: RecordedCall[] = [];
  for (const a of task.evaluation.actions) {
    const r = session.call({ name: a.name, arguments: a.arguments });
    if (!r.ok) return { message: "expected action refused", action: a, error: r.error?.message ?? r.content };
    calls.push({ name: a.name, arguments: a.arguments, result: { content: r.content, ok: r.ok } });
  }
  const j = goldJudgement(domain, task, calls);
  if (j.reward !== 1) {
    const why = j.state.differences.length > 0 ? `${j.state.differences.length} row(s) differ` : `not said: ${j.communicate.filter((c) => !c.said).map((c) => c.info).join("; ")}`;
    return { message: `the expected actions judged against themselves get reward ${j.reward} (${why})` };
  }
  return undefined;
}

function goldJudgement(domain: Domain, task: Task, calls: RecordedCall[]): Judgement {
  const setup = (task.setup ?? []).map((a: TaskAction) => ({ name: a.name, arguments: a.arguments }));
  return judge(domain, task.evaluation, { ...(setup.length > 0 ? { setup } : {}), calls, said: task.evaluation.communicate ?? [] });
}
