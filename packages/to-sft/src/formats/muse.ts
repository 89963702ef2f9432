import { callVerdict, checkMuseSftRow, museCall, museContext, stepsOf } from "@chatmill/export/rows";
import { MISTAKES_MASKED, type SftFormat } from "./types.js";

/**
 * MUSe turn rows (seed 000): one per assistant reply (a message with text and no call). Its
 * tool_calls are the calls made since the previous reply that succeeded; the assistant's
 * mistakes are kept beside them as failed_tool_calls, never among the targets; a call the
 * environment failed (then retried) is in neither: the retry is the call. The app's context
 * is a "Context: …" line of its own in `context`.
 */
export const muse: SftFormat = {
  name: "muse",
  help: "{context, tool_calls, response, intent}: the MUSe v2 turn format (always per turn)",
  granularities: ["turn"],
  weights: false,
  shared: false,
  *rows(d, _opts, sink) {
    const steps = stepsOf(d);
    let calls: ReturnType<typeof museCall>[] = [];
    let failedCalls: ReturnType<typeof museCall>[] = [];
    let lastUserIntent: string | undefined;
    for (const step of steps) {
      const user = step.userIndex >= 0 ? d.messages[step.userIndex] : undefined;
      if (user?.role === "user") lastUserIntent = user.labels?.intent;
      if (step.calls.length > 0) {
        for (const c of step.calls) {
          const verdict = callVerdict(c, step.results.get(c.id));
          // A refused call was made and answered: it is one of the calls the response follows.
          if (verdict === "ok" || verdict === "refused") calls.push(museCall(c));
          else if (verdict === "mistake") failedCalls.push(museCall(c));
        }
        continue;
      }
      const response = step.message.content ?? "";
      if (response === "") continue;
      const row: Record<string, unknown> = {
        context: museContext(d.messages, step.index),
        tool_calls: calls,
        response,
        intent: step.message.labels?.intent ?? lastUserIntent ?? null,
      };
      if (failedCalls.length > 0) {
        row.failed_tool_calls = failedCalls;
        sink.note(MISTAKES_MASKED, failedCalls.length);
      }
      yield row;
      calls = [];
      failedCalls = [];
    }
  },
  check: checkMuseSftRow,
};
