import type { Rng } from "@chatmill/kit";
import { objectsIn, parseJson, type DialogueExecutor } from "./executor.js";
import { gradeCall } from "./grade.js";
import type { EntryIndex } from "./mentions.js";
import type { Known } from "./progress.js";
import { argsOf, listRows, totalOf } from "./recorded.js";
import { failureOf, proposeReactions } from "./recovery.js";
import { ranSomewhere, runAlternative, type GradeBase } from "./run-alternative.js";
import { isObj, type Alternative, type CallLike, type Domain, type Grade, type Obj } from "./types.js";

/** The first failed result among the tool messages right before message `i`, and the call it answers. */
export function failureBefore(messages: Obj[], i: number): { callId: string; call: CallLike; kind: string; callFault: boolean; toolMsg: Obj } | undefined {
  let j = i - 1;
  while (j >= 0 && messages[j]!.role === "tool") j--;
  const step = messages[j];
  if (j === i - 1 || !step || step.role !== "assistant" || !Array.isArray(step.tool_calls)) return undefined;
  for (let t = j + 1; t < i; t++) {
    const toolMsg = messages[t]!;
    const f = failureOf(toolMsg);
    if (!f) continue;
    const tc = (step.tool_calls as Obj[]).find((c) => isObj(c) && c.id === toolMsg.tool_call_id);
    if (!tc) continue;
    return { callId: String(tc.id), call: { name: String(tc.name), arguments: argsOf(tc.arguments) }, ...f, toolMsg };
  }
  return undefined;
}

export interface ReactionInput {
  exec: DialogueExecutor;
  domain: Domain | undefined;
  before: CallLike[];
  inContext: CallLike[];
  context: Obj[];
  known: Known;
  userTexts: string[];
  lastUser: string;
  index: EntryIndex;
  K: number;
  defects: readonly string[] | undefined;
  base: GradeBase;
  rng: Rng;
}

/**
 * The bad reactions to a failure, executed (calls, on the state before the reaction) or judged
 * against the failed result they answer (text), by the same grader as every call; and, when the
 * assistant reacted with text, that text's grade the same way.
 */
export function reactionAlternatives(m: Obj, failed: NonNullable<ReturnType<typeof failureBefore>>, r: ReactionInput): { alternatives: Alternative[]; grade?: Grade } {
  const chosenCalls = (Array.isArray(m.tool_calls) ? (m.tool_calls as Obj[]) : []).filter(isObj).map((c) => ({ name: String(c.name ?? ""), arguments: argsOf(c.arguments) }));
  const text = typeof m.content === "string" && m.content.trim() ? m.content : null;
  if (chosenCalls.length === 0 && !text) return { alternatives: [] };
  const result = r.exec.run(failed.call, r.before);
  const seen = { ok: failed.toolMsg.ok !== false, content: typeof failed.toolMsg.content === "string" ? failed.toolMsg.content : JSON.stringify(failed.toolMsg.content ?? null) };
  const proposals = proposeReactions(
    {
      failure: { call: failed.call, kind: failed.kind, callFault: failed.callFault },
      alt: { call: failed.call, info: r.exec.info(failed.call.name), executor: r.exec, domain: r.domain, earlier: r.inContext, before: r.before, context: r.context, known: r.known, result, earlierUser: r.userTexts.slice(0, -1), lastUser: r.lastUser, rows: result.ok ? listRows(result, r.exec.info(failed.call.name)?.rowsAt) : undefined, ...totalOf(result), reply: r.base.reply, rng: r.rng.fork("alt") },
      chosenCalls,
      taken: [],
      index: r.index,
      shown: [...r.context, ...objectsIn(parseJson(seen.content))],
      rng: r.rng,
    },
    r.K,
    r.defects,
    // A call is not comparable with a question to the user by these checks: after a text reaction only text ones.
    chosenCalls.length > 0 ? undefined : "text",
  );
  // Text answers the failed result it follows: it is judged against that result, as the dialogue recorded it.
  const judgeText = (t: string): Grade => gradeCall({ ...r.base, reply: t, recorded: seen, repeat: false });
  const alternatives = proposals
    .map((p): Alternative =>
      p.call
        ? runAlternative(p, r.exec, r.before, r.base, r.inContext)
        : { defect: p.defect, text: p.text ?? "", detail: p.detail, result: null, ok: false, grade: judgeText(p.text ?? "") },
    )
    .filter(ranSomewhere);
  return { alternatives, ...(chosenCalls.length === 0 && text ? { grade: judgeText(text) } : {}) };
}
