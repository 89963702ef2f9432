import { replayCalls, transcriptOf, type LiveBackend, type SetupCall, type ToolSession, type TranscriptMessage } from "@chatmill/domains";
import type { CallLike, Domain, Obj, ToolResult } from "./types.js";

/** The state a call meets, as the executor names it: the successful session-changing calls before it (setup first). */
export const stateKey = (before: readonly CallLike[]): string => JSON.stringify(before.map((c) => [c.name, c.arguments]));

const callKey = (call: CallLike): string => JSON.stringify([call.name, call.arguments]);

/**
 * A live dialogue's calls re-run on its backend (tool-annotate --backend): replayed from the
 * cassette dialogue-sim recorded, or sent to the backend again after its reset. The checker's
 * own re-run (replayCalls: the setup, then every call the backend saw, in order, so each
 * request meets the history it was recorded after) gives
 *
 * - the backend's answer to each recorded call, on the state it met: a call re-run there (the
 *   chosen call, the failed call a reaction answers) gets that answer, so a create is graded on
 *   the row the backend made and a later cancel of that row on the backend's own answer;
 * - the state before each call, over the pack's tables: the explored rows plus the rows the
 *   backend's creates, changes and cancels answered, under the backend's keys. Calls the backend
 *   never answered (alternatives, bad reactions, inferred calls) run there, without a request.
 *
 * The keys are those of DialogueExecutor.run's `before`: the setup and the earlier calls that
 * changed the session and succeeded, on the backend and in the dialogue.
 */
export class LiveStates {
  private readonly answers = new Map<string, ToolResult>();
  private readonly states = new Map<string, ToolSession>();

  /** Throws ReplayMissError (a request the cassette lacks) and LiveSetupError (a missing secret, a server that does not start). */
  constructor(domain: Domain, backend: LiveBackend, messages: readonly Obj[], setup: readonly SetupCall[], changesSession: (name: string) => boolean) {
    const transcript = transcriptOf(messages as unknown as readonly TranscriptMessage[], setup);
    const forks: Array<ToolSession | undefined> = [];
    // A fork carries the session's rows (the backend's, mirrored) and identified subject, but no backend: it never sends a request.
    const replayed = replayCalls(domain, transcript.calls, transcript.setup, transcript.messages, { backend, beforeCall: (index, session) => (forks[index] = session.fork({ failureRate: 0 })) });
    let before: CallLike[] = setup.map((c) => ({ name: c.name, arguments: c.arguments }));
    transcript.calls.forEach((call, index) => {
      const key = stateKey(before);
      const fork = forks[index];
      if (fork && !this.states.has(key)) this.states.set(key, fork);
      const rerun = replayed.reruns[index];
      if (!rerun) return;
      const asked = { name: call.name, arguments: call.arguments };
      if (!this.answers.has(`${key}\u0000${callKey(asked)}`)) this.answers.set(`${key}\u0000${callKey(asked)}`, rerun);
      if (rerun.ok && call.result?.ok !== false && changesSession(call.name)) before = [...before, asked];
    });
    const end = stateKey(before);
    if (!this.states.has(end)) this.states.set(end, replayed.session.fork({ failureRate: 0 }));
  }

  /** What the backend answered to this call on this state, when the dialogue made it there. */
  answer(call: CallLike, before: readonly CallLike[]): ToolResult | undefined {
    return this.answers.get(`${stateKey(before)}\u0000${callKey({ name: call.name, arguments: call.arguments })}`);
  }

  /**
   * A fresh session (over the tables) on the state after `before`: the backend's state at the
   * longest start of `before` the dialogue reached, and the rest of `before` run over the tables
   * (a call the dialogue did not make there, e.g. a swapped one). Undefined when not even the
   * setup was reached.
   */
  sessionAt(before: readonly CallLike[]): ToolSession | undefined {
    for (let n = before.length; n >= 0; n--) {
      const state = this.states.get(stateKey(before.slice(0, n)));
      if (!state) continue;
      const s = state.fork({ failureRate: 0 });
      for (const c of before.slice(n)) s.call({ name: c.name, arguments: c.arguments });
      return s;
    }
    return undefined;
  }
}
