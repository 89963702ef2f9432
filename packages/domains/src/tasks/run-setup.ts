import type { TaskAction } from "@chatmill/schema";
import { insertedRow, KeyBindings } from "../checker/key-bindings.js";
import type { SetupCall } from "../checker/transcript.js";
import type { Domain } from "../contract.js";
import { createSession, type ToolSession } from "../session.js";

/** The setup as made: the calls (each create with the key its row got), or the first one refused. */
export interface SetupRun {
  calls: SetupCall[];
  /** Per call, the key of the row it created on the session (undefined when it created none). */
  rows: Array<string | undefined>;
  refused?: { action: TaskAction; error: string };
}

/**
 * Runs a task's setup actions (planned over the pack's tables) on a dialogue's session, before
 * the conversation. A live backend gives the rows it creates its own keys, not the plan's: the
 * same actions run on a tables session beside it, and a later action that names a planned row
 * is sent with the backend's key. Each create's call records the key it got (`created`, when
 * it differs from the plan's), which the checker's replay over the tables binds back.
 * The world before the conversation is not subject to the flaky backend: a call an injected
 * failure stopped is made again (up to `retries` times).
 */
export function runSetup(domain: Domain, session: Pick<ToolSession, "call" | "writes">, actions: ReadonlyArray<TaskAction>, retries = 8): SetupRun {
  const plan = createSession(domain);
  const toBackend = new KeyBindings();
  const calls: SetupCall[] = [];
  const rows: Array<string | undefined> = [];
  for (const action of actions) {
    const planBefore = plan.writes.length;
    plan.call({ name: action.name, arguments: action.arguments });
    const planned = insertedRow(plan, planBefore)?.key;
    const args = toBackend.rewrite(action.arguments);
    const before = session.writes.length;
    let r = session.call({ name: action.name, arguments: args });
    for (let i = 0; i < retries && r.injected; i++) r = session.call({ name: action.name, arguments: args });
    if (!r.ok) return { calls, rows, refused: { action, error: r.error?.message ?? r.content } };
    const created = insertedRow(session, before)?.key;
    toBackend.bind(planned, created);
    calls.push({ name: action.name, arguments: args, ...(created !== undefined && created !== planned ? { created } : {}) });
    rows.push(created);
  }
  return { calls, rows };
}
