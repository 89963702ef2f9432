import type { Domain, SessionOptions, ToolResult } from "../contract.js";
import { createSession, type ToolSession } from "../session.js";
import { insertedRow, KeyBindings, keyInResult } from "./key-bindings.js";
import type { RecordedCall, Transcript } from "./transcript.js";

/** A recorded result that differs from what the tool returns when the call is run again. */
export interface CallMismatch {
  /** Position of the call in the dialogue (0-based). */
  index: number;
  name: string;
  recorded: string;
  rerun: string;
}

export interface ReplayedCalls {
  /** A fresh session after every call that reached the backend, in order. */
  session: ToolSession;
  mismatches: CallMismatch[];
  /** Calls run again and compared. */
  compared: number;
  /** Calls whose recorded result is an injected timeout or server error: the backend did nothing, so they are not run. */
  failedInTransit: number;
  /** Calls with no recorded result (a cut dialogue): not run, since nobody saw what they did. */
  unanswered: number;
  /** Setup calls the tools refuse: the starting state cannot be rebuilt as recorded. */
  setupErrors: Array<{ index: number; name: string; error: string }>;
  /** What each call answered when run again, by its position (undefined: not run). */
  reruns: Array<ToolResult | undefined>;
}

export interface ReplayOptions extends Pick<SessionOptions, "backend"> {
  /**
   * Sees the session as each call that runs again meets it, before it runs: tool-annotate
   * --backend keeps these states to run a live call's alternatives on (over the tables, where
   * the rows the backend created go by the backend's keys).
   */
  beforeCall?: (index: number, session: ToolSession) => void;
}

/** Injected failures the backend never saw; `empty` and `partial` ran and only their answer was cut. */
const NOT_EXECUTED = new Set(["timeout", "server_error"]);

/**
 * Runs a dialogue's calls again on a fresh session, in order, and compares every result with
 * the one recorded. The end state comes from re-running what was asked, never from writes a
 * simulator recorded, so it is what the calls really do.
 */
export function replayCalls(
  domain: Domain,
  calls: ReadonlyArray<RecordedCall>,
  setup: Transcript["setup"] = [],
  messages?: Transcript["messages"],
  // A live pack's calls re-run on its backend (audit --backend replay: the recorded answers), not over its tables.
  opts: ReplayOptions = {},
): ReplayedCalls {
  const { session, errors: setupErrors, bindings } = startingState(domain, setup, opts.backend ? { backend: opts.backend } : {});
  const reruns: ReplayedCalls["reruns"] = [];
  const mismatches: CallMismatch[] = [];
  let compared = 0;
  let failedInTransit = 0;
  let unanswered = 0;
  calls.forEach((call, index) => {
    if (!call.result) {
      unanswered++;
      return;
    }
    const injected = call.result.injected;
    if (injected !== undefined && NOT_EXECUTED.has(injected)) {
      failedInTransit++;
      return;
    }
    // The conversation up to the call's own message: the pack's policy judges a write's yes from it, as it did live.
    const context = messages && call.at !== undefined ? { transcript: messages.slice(0, call.at + 1) } : undefined;
    // A row a live backend created goes by the backend's key in the dialogue and by the tables' key here.
    const before = session.writes.length;
    opts.beforeCall?.(index, session);
    const rerun = session.call({ name: call.name, arguments: bindings.rewrite(call.arguments) }, context);
    reruns[index] = rerun;
    const made = rerun.ok ? insertedRow(session, before) : undefined;
    if (made && call.result.ok !== false) bindings.bind(keyInResult(domain, made.table, call.result.content), made.key);
    // An injected empty or partial list is a cut answer to a read: the read ran, its text differs by design.
    if (injected !== undefined) return;
    compared++;
    if (rerun.content !== call.result.content) mismatches.push({ index, name: call.name, recorded: call.result.content, rerun: rerun.content });
  });
  return { session, mismatches, compared, failedInTransit, unanswered, setupErrors, reruns };
}

/** A fresh session with the setup calls run on it: where the conversation (and the task's actions) start. */
export function startingState(
  domain: Domain,
  setup: Transcript["setup"] = [],
  opts: Pick<SessionOptions, "backend"> = {},
): { session: ToolSession; errors: ReplayedCalls["setupErrors"]; bindings: KeyBindings } {
  const session = createSession(domain, opts);
  const errors: ReplayedCalls["setupErrors"] = [];
  // A setup call made on a live backend records the key the backend gave the row it created (`created`).
  const bindings = new KeyBindings();
  setup.forEach((c, index) => {
    const before = session.writes.length;
    const r = session.call({ name: c.name, arguments: bindings.rewrite(c.arguments) });
    if (!r.ok) errors.push({ index, name: c.name, error: r.error?.message ?? r.content });
    else bindings.bind(c.created, insertedRow(session, before)?.key);
  });
  return { session, errors, bindings };
}
