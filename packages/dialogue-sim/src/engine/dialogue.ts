import type { Rng } from "@chatmill/kit";
import type { Dialogue, Scenario } from "@chatmill/schema";
import type { Domain, Session } from "../contract.js";
import { checkOutcome } from "./outcome.js";
import { OfflineDialogue, type FlowOptions, type Trace } from "./simulate.js";
import { isTaskScenario, taskDialogue } from "./task-engine/task-dialogue.js";

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
 */
export function offlineDialogue(scenario: Scenario, domain: Domain, rng: Rng, opts: OfflineOptions): { dialogue: Dialogue; trace?: Trace } {
  // A task with no goal constraints (imported tau tasks, hand-written ones) is pursued by the task engine.
  if (isTaskScenario(scenario)) return { dialogue: taskDialogue(scenario, domain, rng, opts).dialogue };
  const session = opts.createSession(domain, { failureRate: opts.failureRate, rng: rng.fork("failures") });
  const flow: FlowOptions = { ...(opts.chitChat !== undefined ? { chitChat: opts.chitChat } : {}), ...(opts.multiTurn !== undefined ? { multiTurn: opts.multiTurn } : {}) };
  const sim = new OfflineDialogue(scenario, domain, session, rng.fork("dialogue"), flow);
  sim.run();
  const outcome = checkOutcome(scenario, domain, session, sim.trace);
  const dialogue = {
    id: `dlg_${scenario.id}`,
    scenario,
    domain: domain.name,
    tools: domain.tools,
    messages: sim.messages,
    outcome,
    meta: {
      engine: "offline",
      tool: opts.tool,
      version: opts.version,
      seed: opts.seed,
      models: {},
      usage: { prompt_tokens: 0, completion_tokens: 0, requests: 0 },
      failure_rate: opts.failureRate,
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
