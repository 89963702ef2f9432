import { jsonEqual, recoveryOf, stepsOf, type Dialogue, type Step } from "@chatmill/export/rows";

/** One side of a preference pair: what the assistant output, and how it went. */
export interface Side {
  /** The calls made (empty for a text output such as a malformed call). */
  calls: Array<{ name: string; arguments: Record<string, unknown> }>;
  /** Text the assistant wrote with the calls, or instead of them. */
  content: string | null;
  /** The executed result(s), as text (null when nothing ran). */
  result: string | null;
  ok: boolean;
  success_rate: number;
  /** The reply the assistant gave after the result (chosen side only). */
  reply?: string;
}

export interface Pair {
  /** The prompt is dialogue.messages[0, promptEnd). */
  promptEnd: number;
  chosen: Side;
  rejected: Side;
  /** alternative: a graded call against its alternative; reaction: a reaction to a failed result against a bad one; recovery: a mistake against the call that recovered from it. */
  source: "alternative" | "reaction" | "recovery";
  defect: string;
  margin: number;
}

/** The assistant's reply after a step's results, within the same user turn. */
function replyAfter(d: Dialogue, steps: Step[], at: number): string | undefined {
  for (let j = at + 1; j < steps.length; j++) {
    const s = steps[j]!;
    if (s.userIndex !== steps[at]!.userIndex) return undefined;
    if (s.calls.length === 0) return s.message.content ?? undefined;
  }
  return undefined;
}

/** The step holding the text reply after step `at`'s results, in the same user turn (undefined when none). */
function replyStep(steps: Step[], at: number): number | undefined {
  for (let j = at + 1; j < steps.length; j++) {
    const s = steps[j]!;
    if (s.userIndex !== steps[at]!.userIndex) return undefined;
    if (s.calls.length === 0) return s.message.content ? j : undefined;
  }
  return undefined;
}

/** A step's success rate: the mean of its grades, else 1 when every call answered ok. */
function stepRate(s: Step): number {
  if (s.calls.every((c) => c.grade)) return s.calls.reduce((a, c) => a + c.grade!.success_rate, 0) / s.calls.length;
  return s.failed ? 0 : 1;
}

function stepSide(s: Step, reply: string | undefined): Side {
  const results = s.calls.map((c) => s.results.get(c.id)?.content).filter((r): r is string => r !== undefined);
  return {
    calls: s.calls.map((c) => ({ name: c.name, arguments: c.arguments })),
    content: s.message.content ?? null,
    result: results.length === 0 ? null : results.length === 1 ? results[0]! : JSON.stringify(results),
    ok: !s.failed,
    success_rate: stepRate(s),
    ...(reply !== undefined ? { reply } : {}),
  };
}

/**
 * Every preference pair a dialogue offers:
 * - from tool-annotate's alternatives: chosen = the graded call (with the reply that
 *   followed it), rejected = a wrong-but-plausible alternative with its executed
 *   result; the margin is the difference of their success rates;
 * - from mistake-versus-recovered turns: rejected = a call that was the assistant's own
 *   mistake (Step.mistake; not one the environment failed, which was right), chosen = the
 *   call that recovered from it in the same user turn; the prompt is the conversation
 *   before the mistake, so both answer the same prompt.
 */
export function preferencePairs(d: Dialogue): Pair[] {
  const steps = stepsOf(d);
  const pairs: Pair[] = [];
  for (let i = 0; i < steps.length; i++) {
    const s = steps[i]!;
    if (s.calls.length === 0) continue;
    const reply = replyAfter(d, steps, i);
    for (const c of s.calls) {
      if (!c.grade || !c.alternatives || c.grade.ok === false) continue;
      const result = s.results.get(c.id);
      const chosen: Side = {
        calls: [{ name: c.name, arguments: c.arguments }],
        content: s.message.content ?? null,
        result: result?.content ?? null,
        ok: true,
        success_rate: c.grade.success_rate,
        ...(reply !== undefined ? { reply } : {}),
      };
      for (const alt of c.alternatives) {
        // A call with text (wrong_count: the same call, a reply that miscounts) differs in its reply:
        // the pair is on the reply, after the result, where the two really differ.
        if (alt.call && alt.text !== undefined) {
          const at = replyStep(steps, i);
          const replyChosen = at === undefined ? undefined : steps[at]!.message.content;
          if (at !== undefined && replyChosen) {
            pairs.push({
              promptEnd: steps[at]!.index,
              chosen: { calls: [], content: replyChosen, result: null, ok: true, success_rate: c.grade.success_rate },
              rejected: { calls: [], content: alt.text, result: null, ok: alt.ok, success_rate: alt.grade.success_rate },
              source: "alternative",
              defect: alt.defect,
              margin: c.grade.success_rate - alt.grade.success_rate,
            });
          } else {
            // The reply is the calling message's own text (an import): the sides are the call with each text.
            pairs.push({ promptEnd: s.index, chosen, rejected: { calls: [{ name: alt.call.name, arguments: alt.call.arguments }], content: alt.text, result: alt.result, ok: alt.ok, success_rate: alt.grade.success_rate }, source: "alternative", defect: alt.defect, margin: chosen.success_rate - alt.grade.success_rate });
          }
          continue;
        }
        const rejected: Side = alt.call
          ? { calls: [{ name: alt.call.name, arguments: alt.call.arguments }], content: s.message.content ?? null, result: alt.result, ok: alt.ok, success_rate: alt.grade.success_rate }
          : { calls: [], content: alt.text ?? "", result: alt.result, ok: alt.ok, success_rate: alt.grade.success_rate };
        pairs.push({ promptEnd: s.index, chosen, rejected, source: "alternative", defect: alt.defect, margin: chosen.success_rate - rejected.success_rate });
      }
    }
    // A reaction to a failed result: chosen = what the assistant did, rejected = each bad reaction tool-annotate made.
    const recovery = s.message.recovery;
    if (recovery && recovery.alternatives.length > 0) {
      const side = stepSide(s, reply);
      const chosen: Side = recovery.grade ? { ...side, success_rate: recovery.grade.success_rate } : side;
      for (const alt of recovery.alternatives) {
        const rejected: Side = alt.call
          ? { calls: [{ name: alt.call.name, arguments: alt.call.arguments }], content: s.message.content ?? null, result: alt.result, ok: alt.ok, success_rate: alt.grade.success_rate }
          : { calls: [], content: alt.text ?? "", result: alt.result, ok: alt.ok, success_rate: alt.grade.success_rate };
        pairs.push({ promptEnd: s.index, chosen, rejected, source: "reaction", defect: alt.defect, margin: chosen.success_rate - rejected.success_rate });
      }
    }
    // Only the assistant's own mistake is a rejected side: a call the environment failed was right.
    if (s.mistake) {
      const r = recoveryOf(steps, i);
      if (!r) continue;
      const chosen = stepSide(r, replyAfter(d, steps, steps.indexOf(r)));
      const rejected = stepSide(s, undefined);
      pairs.push({ promptEnd: s.index, chosen, rejected, source: "recovery", defect: "failed_call", margin: chosen.success_rate - rejected.success_rate });
    }
  }
  return pairs;
}

/** Chosen and rejected would teach nothing when the model output is the same. */
export function sameOutput(p: Pair): boolean {
  return p.chosen.content === p.rejected.content && jsonEqual(p.chosen.calls, p.rejected.calls);
}
