import type { Call, ToolResult } from "../../contract.js";
import { capitalize, expand, tidy } from "../../phrases/grammar.js";
import { RETRY_PARTS, type RetryKind } from "../../phrases/retry-parts.js";
import { resultRowsOfTool } from "../rows.js";
import { retryAct, visibleProblem } from "../visible-result.js";
import type { Dialog } from "./context.js";

/** The user intent label that counts as a yes under the pack's confirmation policy. */
export function consentIntent(d: Dialog): string {
  return d.domain.pack.policy?.confirm?.consent_intent ?? "confirm";
}

/**
 * The assistant policy's way with a tool call: it calls and recovers the way a good agent does,
 * from what the result shows: an error is retried once, then another tool for the same job, then
 * one apology and the user's go-ahead (undefined when the service stays down); a list the backend
 * says it cut short is asked for once more; an empty list is the answer, as the assistant cannot
 * tell why it is empty.
 */
export function callWithRecovery(d: Dialog, call: Call, intent: string, alternatives: Call[] = [], ack?: string): { res: ToolResult; id: string } | undefined {
  const action = intent === "book" || intent === "cancel" || intent === "modify";
  return recover(d, call, intent, alternatives, d.t.exec(call, ack ?? announce(d, () => d.voice.ack(action)), intent));
}

/**
 * A call's stock acknowledgement ("On it."), unless the assistant has just spoken (a request
 * a person handles, the last result of a single-turn dialogue): then the call goes with those
 * words in one message, and a filler after them would say nothing. An acknowledgement the
 * caller words itself (a restatement) is kept, joined to them.
 */
function announce(d: Dialog, ack: () => string): string | null {
  // Drawn either way, so what follows draws what it would have.
  const said = ack();
  return d.t.assistantSpeaking() ? null : said;
}

/**
 * Look-ups made together (two items, two hosts): one message with every call; a call whose
 * result shows a problem is then recovered on its own, as callWithRecovery would.
 * Each entry is undefined when its service stays down.
 */
export function callAllWithRecovery(d: Dialog, calls: Call[], intent: string, ack?: string): Array<{ res: ToolResult; id: string } | undefined> {
  const first = d.t.execAll(calls, ack ?? announce(d, () => d.voice.ack(false)), intent);
  return calls.map((call, i) => recover(d, call, intent, [], first[i]!));
}

/** What the assistant does after a call's result `first`, until it has an answer (or gives up on the call: undefined). */
function recover(d: Dialog, call: Call, intent: string, alternatives: Call[], first: { res: ToolResult; id: string }): { res: ToolResult; id: string } | undefined {
  const t = d.t;
  const action = intent === "book" || intent === "cancel" || intent === "modify";
  let out = first;
  // Where the rows of the tool that answered are (an alternative tool may answer instead).
  let rowsAt = resultRowsOfTool(d.domain, call.name);
  // The ways out of an error, in order: the same call again, another tool for the job, one apology and the user's go-ahead.
  const again = (said: string): { res: ToolResult; id: string } => {
    rowsAt = resultRowsOfTool(d.domain, call.name);
    return t.exec(call, said, intent, "failure_recovery");
  };
  const ladder: Array<(said: string) => { res: ToolResult; id: string } | undefined> = [again];
  for (const alt of alternatives.slice(0, 1)) {
    ladder.push(() => {
      rowsAt = resultRowsOfTool(d.domain, alt.name);
      return t.exec(alt, d.voice.assistant("alt_tool"), intent, "failure_recovery");
    });
  }
  ladder.push(() => {
    // A write that needs the user's yes is not re-asked after an apology: its yes belongs to the read-back of what it runs.
    if (d.apologized || t.turnsLeft() <= 2 || d.single || d.domain.needsConfirmation(call.name, call.arguments)) return undefined;
    d.apologized = true;
    t.assistantSay(d.voice.assistant("apologize_ask"), "clarify", "failure_recovery");
    // The user's side of the wait: annoyed or not, complaining or agreeing.
    t.emotion = d.rng.chance(0.5) ? "frustrated" : t.emotion;
    const complain = d.rng.chance(0.4);
    t.userSay(d.voice.user(complain ? "complain" : "ok_wait", {}, { emotion: t.emotion }), complain ? "complain" : consentIntent(d));
    return again(d.voice.ack(action));
  });
  let step = 0;
  let listRetried = false;
  let failedOnce = false;
  for (;;) {
    const seen = visibleProblem(out.res, rowsAt);
    // An empty list is an answer, whoever made it: the assistant cannot tell a flaky backend's empty from a real one.
    if (!seen || seen === "empty") {
      if (failedOnce) t.trace.recovered++;
      return out;
    }
    t.trace.failures++;
    failedOnce = true;
    if (seen === "partial") {
      // A list the backend says it cut short is asked for once more; the second list stands.
      if (listRetried) return out;
      listRetried = true;
      out = again(retryLine(d, retryAct(out.res, rowsAt)));
      continue;
    }
    let next: { res: ToolResult; id: string } | undefined;
    while (!next && step < ladder.length) next = ladder[step++]!(retryLine(d, retryAct(out.res, rowsAt)));
    if (!next) return undefined;
    out = next;
  }
}

/**
 * What the assistant says as it retries: half the time a line of the act's banks (the pack's
 * among them), else composed — what went wrong, then what it does next.
 */
function retryLine(d: Dialog, act: ReturnType<typeof retryAct>): string {
  const parts = RETRY_PARTS[d.lang];
  const kind = act as RetryKind;
  if (!(kind in parts.happened) || d.domain.wording?.replace?.includes(`assistant.${act}`) || d.rng.chance(0.5)) return d.voice.assistant(act);
  const next = kind === "retry_partial" ? parts.rest : parts.again;
  return capitalize(tidy(expand(`${parts.lead}${parts.happened[kind]} — ${next}${d.lang === "hi" ? "।" : "."}`, d.rng)));
}
