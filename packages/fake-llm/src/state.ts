import type { FakeLlmStats } from "./options.js";

/** What the server counts while it runs (reset by POST /stats/reset). */
export interface State {
  requests: number;
  completed: number;
  aborted: number;
  inFlight: number;
  maxInFlight: number;
  firstArrivalAt: number | undefined;
  lastAnswerAt: number | undefined;
  faults: Record<string, number>;
  byPath: Record<string, number>;
  arrivals: Map<string, number>;
  done: Map<string, number>;
}

export function newState(): State {
  return { requests: 0, completed: 0, aborted: 0, inFlight: 0, maxInFlight: 0, firstArrivalAt: undefined, lastAnswerAt: undefined, faults: {}, byPath: {}, arrivals: new Map(), done: new Map() };
}

export function snapshot(s: State): FakeLlmStats {
  let repeated = 0;
  for (const n of s.done.values()) if (n > 1) repeated += 1;
  return {
    requests: s.requests,
    completed: s.completed,
    distinct: s.done.size,
    repeated,
    aborted: s.aborted,
    faults: { ...s.faults },
    inFlight: s.inFlight,
    maxInFlight: s.maxInFlight,
    activeMs: s.firstArrivalAt !== undefined && s.lastAnswerAt !== undefined ? Math.round(s.lastAnswerAt - s.firstArrivalAt) : 0,
    byPath: { ...s.byPath },
  };
}
