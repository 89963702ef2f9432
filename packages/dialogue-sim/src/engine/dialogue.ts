import { judgedOutcome } from "@chatmill/domains";
import type { Rng } from "@chatmill/kit";
import type { Dialogue, Scenario } from "@chatmill/schema";
import type { Domain, Session } from "../contract.js";
import { scenarioTask } from "./scenario-task.js";
import type { FlowOptions } from "./offline/context.js";
import { runOffline } from "./offline/run.js";
import type { Trace } from "./offline/transcript.js";
import { isTaskScenario, taskDialogue } from "./task-engine/task-dialogue.js";
import { offlineMeta } from "./offline-meta.js";

export interface OfflineOptions extends FlowOptions {
  /** Probability that a tool call's result is replaced by an injected failure. */
  failureRate: number;
  /** Makes the dialogue's session (the domains runtime's createSession). */
  createSession: (domain: Domain, opts: { failureRate: number; rng: Rng }) => Session;
  tool: string;
  version: string;
  seed: number;
}

/**
 * One scenario → one Dialogue with the offline engine. All randomness comes from `rng`
 * (the caller passes ctx.rng(scenario.id)), so the record does not depend on its position.
 * The outcome is the checker's verdict on the task (judgedOutcome in @chatmill/domains), never the simulator's.
 */
export function offlineDialogue(scenario: Scenario, domain: Domain, rng: Rng, opts: OfflineOptions): { dialogue: Dialogue; trace?: Trace } {
  // A task whose goal holds nothing the scenario engine pursues (imported tau tasks, hand-written ones) goes to the task engine.
  if (isTaskScenario(scenario)) return { dialogue: taskDialogue(scenario, domain, rng, opts).dialogue };
  // The task pursued and judged: the scenario's, or one derived from its goal (written on the record, so an audit can re-judge it).
  const { task, derived } = scenarioTask(scenario, domain);
  const session = opts.createSession(domain, { failureRate: opts.failureRate, rng: rng.fork("failures") });
  const flow: FlowOptions = { ...(opts.chitChat !== undefined ? { chitChat: opts.chitChat } : {}), ...(opts.multiTurn !== undefined ? { multiTurn: opts.multiTurn } : {}) };
  const sim = runOffline(scenario, domain, session, rng.fork("dialogue"), flow, task);
  const outcome = judgedOutcome(domain, task, sim.messages, sim.trace.setup, derived);
  const dialogue = {
    id: `dlg_${scenario.id}`,
    scenario: derived ? { ...scenario, task } : scenario,
    domain: domain.name,
    tools: domain.tools,
    messages: sim.messages,
    outcome,
    meta: {
      ...offlineMeta(opts),
      // Only when given, so a run without the flags writes what it always wrote.
      ...(opts.chitChat !== undefined ? { chit_chat: opts.chitChat } : {}),
      ...(opts.multiTurn !== undefined ? { multi_turn: opts.multiTurn } : {}),
      // Calls made before the conversation (bookings it refers to): replay them to rebuild its initial state.
      ...(sim.trace.setup.length > 0 ? { setup: sim.trace.setup } : {}),
      state_digest: session.digest(),
    },
  } as Dialogue;
  return { dialogue, trace: sim.trace };
}
