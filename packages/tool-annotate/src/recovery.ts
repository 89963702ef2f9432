import type { Rng } from "@chatmill/kit";
import { proposeDefect, type AltContext, type Proposal } from "./alternatives.js";
import { sameCall } from "./canonical.js";
import { CALL_FAULTS } from "./executor.js";
import { holds } from "./grounded.js";
import type { EntryIndex } from "./mentions.js";
import type { CallLike, Obj } from "./types.js";

/**
 * Bad reactions to a failed tool result (README "Recovery alternatives"): what the assistant
 * should not do after a timeout, a server error, an empty or partial result, or its own call's
 * error. Each is a defect the grader tells from what is recorded: text is judged against the
 * failed result it answers, a call is executed on the same state.
 */
export const RECOVERY_DEFECTS = [
  "reports_success",
  "invents_result",
  "gives_up",
  "repeats_failing_call",
  "retry_changed_args",
  "wrong_tool_after_failure",
] as const;
export type RecoveryDefect = (typeof RECOVERY_DEFECTS)[number];

/** The reactions written as text, judged against the failed result (the others are calls, executed). */
const TEXT_DEFECTS: ReadonlySet<string> = new Set(["reports_success", "invents_result", "gives_up"]);

/**
 * The documented margin (README "How well the grades separate chosen from rejected"): on the default
 * pipeline of each built-in pack, every defect's mean success_rate is at least this much below the
 * chosen side's it is paired with — to-dpo's default --min-margin, so an average pair of any defect is kept.
 */
export const DEFECT_MARGIN = 0.1;

export interface FailureView {
  /** The call whose result failed. */
  call: CallLike;
  /** Why it failed: the error type, or the injected fault (empty, partial) of a result recorded ok. */
  kind: string;
  /** The failure is the call's own (the re-run fails the same way: not_found, bad_arguments, …). */
  callFault: boolean;
}

export interface ReactionContext {
  failure: FailureView;
  /** AltContext for the failed call (its state, its re-run result, the dialogue so far). */
  alt: AltContext;
  /** The calls the assistant made in reaction (empty when it answered with text). */
  chosenCalls: CallLike[];
  /** Calls already offered as the reaction call's own alternatives (not repeated here). */
  taken: CallLike[];
  /** The domain's catalog (what an invented result names). */
  index: EntryIndex;
  /** Objects every result so far showed (an invented item is one none of them shows). */
  shown: Obj[];
  rng: Rng;
}

const SUCCESS_READ = ["Here's what I found: {items}.", "Good news — I found {items} for you.", "Done! Your results: {items}."];

/**
 * Up to `k` bad reactions of distinct defects, in an order from the reaction's random stream.
 * A reaction that would repeat the chosen one, or a call already offered as the chosen call's
 * own alternative (the same prompt), is not made.
 */
export function proposeReactions(c: ReactionContext, k: number, only?: readonly string[], kind?: "text"): Proposal[] {
  const names = c.rng.shuffle([...RECOVERY_DEFECTS].filter((d) => (!only || only.includes(d)) && (kind !== "text" || TEXT_DEFECTS.has(d))));
  const out: Proposal[] = [];
  for (const name of names) {
    if (out.length >= k) break;
    const p = MAKERS[name](c);
    if (!p) continue;
    if (p.call && (c.chosenCalls.some((x) => sameCall(x, p.call!)) || c.taken.some((x) => sameCall(x, p.call!)))) continue;
    out.push(p);
  }
  return out;
}

const MAKERS: Record<RecoveryDefect, (c: ReactionContext) => Proposal | undefined> = {
  reports_success: reportsSuccess,
  invents_result: inventsResult,
  gives_up: givesUp,
  repeats_failing_call: (c) =>
    // Repeating a call the environment failed is the right retry; repeating one that failed by its
    // own fault fails the same way again.
    c.failure.callFault ? { defect: "repeats_failing_call", call: c.failure.call, detail: `repeats ${c.failure.call.name} unchanged after it failed (${c.failure.kind})` } : undefined,
  retry_changed_args: (c) => {
    const p = proposeDefect("hallucinated_id", c.alt) ?? proposeDefect("wrong_args", c.alt);
    return p?.call ? { defect: "retry_changed_args", call: p.call, detail: `retries after ${c.failure.kind} with changed arguments: ${p.detail}` } : undefined;
  },
  wrong_tool_after_failure: (c) => {
    const p = proposeDefect("wrong_tool", c.alt);
    return p?.call ? { defect: "wrong_tool_after_failure", call: p.call, detail: `after ${c.failure.kind}, ${p.detail}` } : undefined;
  },
};

/** Ignores the error and reports success: a write said done, a read said to have found what the re-run lists. */
function reportsSuccess(c: ReactionContext): Proposal | undefined {
  const writes = c.alt.executor.writes(c.failure.call.name);
  if (writes) {
    // What the write does, as the pack declares it (its run's op), never guessed from the tool's name.
    const op = (c.alt.info?.run as { op?: string } | undefined)?.op;
    const verb = op === "cancel" ? "cancelled" : op === "modify" ? "changed" : "done";
    return { defect: "reports_success", text: `All set — that's ${verb} for you.`, detail: `tells the user ${c.failure.call.name} succeeded though its result was ${c.failure.kind}` };
  }
  const n = c.alt.rows?.length ?? c.alt.total;
  // A partial result may report the full total: a count would then be supported, no defect to judge.
  if (!n || c.failure.kind === "partial") return undefined;
  return { defect: "reports_success", text: `I found ${n} ${n === 1 ? "option" : "options"} for you.`, detail: `says it found ${n} though the result it got was ${c.failure.kind}` };
}

/** States a result no tool returned: catalog items of the call's table that no result has shown. */
function inventsResult(c: ReactionContext): Proposal | undefined {
  const table = c.alt.info?.table;
  if (!table) return undefined;
  const pool = [...c.index.byKey.values()].filter((e) => e.table === table && e.name && !holds(c.shown, e));
  if (pool.length < 2) return undefined;
  const picked = c.rng.shuffle(pool).slice(0, 2);
  // Only items the grader can find in the text: an invented result it cannot see is no defect it can judge.
  const text = c.rng.pick(SUCCESS_READ).replace("{items}", picked.map((e) => e.name!).join(" and "));
  const found = c.index.find(text).map((m) => m.entry);
  if (!picked.every((e) => found.some((f) => f.table === e.table && f.id === e.id))) return undefined;
  return { defect: "invents_result", text, detail: `names ${picked.map((e) => e.id).join(", ")}, which no result showed (the result was ${c.failure.kind})` };
}

/** Gives up at once: no retry, no other way, no question (only where the assistant did try again). */
function givesUp(c: ReactionContext): Proposal | undefined {
  if (c.chosenCalls.length === 0) return undefined;
  return { defect: "gives_up", text: "Sorry, I can't do that right now. Is there anything else I can help with?", detail: `abandons the request after ${c.failure.kind} without trying again` };
}

/** The failure a tool message records, if any: an error (ok false) or an injected fault recorded ok (empty, partial). */
export function failureOf(toolMsg: Obj): { kind: string; callFault: boolean } | undefined {
  const err = toolMsg.error && typeof toolMsg.error === "object" ? (toolMsg.error as Obj) : undefined;
  const injected = typeof toolMsg.injected === "string" ? toolMsg.injected : typeof err?.injected === "string" ? err.injected : undefined;
  if (toolMsg.ok === false) {
    const type = typeof err?.type === "string" ? err.type : injected ?? "error";
    return { kind: type, callFault: !injected && CALL_FAULTS.has(type) };
  }
  if (injected) return { kind: injected, callFault: false };
  return undefined;
}
