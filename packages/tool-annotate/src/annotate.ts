import { createSession, type LiveBackend } from "@chatmill/domains";
import { Rng } from "@chatmill/kit";
import { proposeAlternatives } from "./alternatives.js";
import type { LlmAdvice } from "./llm-assist.js";
import { sameCall, sameResultText } from "./canonical.js";
import { CALL_FAULTS, DialogueExecutor, objectsIn, parseJson, type ToolDef } from "./executor.js";
import { gradeCall } from "./grade.js";
import { goalView } from "./goal.js";
import { groundingOf } from "./grounded.js";
import { insertInferred } from "./insert-inferred.js";
import { EntryIndex, catalogIndex, resultEntries } from "./mentions.js";
import { offerUsedTools } from "./offered-tools.js";
import { Known } from "./progress.js";
import { failureBefore, reactionAlternatives } from "./reactions.js";
import { argsOf, injectedOf, listRows, recordedResult, replyAfter, setupCalls, totalOf } from "./recorded.js";
import { catalogValues, requestTerms } from "./request.js";
import { ranSomewhere, runAlternative, type GradeBase } from "./run-alternative.js";
import { isObj, type Alternative, type CallLike, type Domain, type Grade, type Obj, type OpenSession, type ToolResult } from "./types.js";

export { CALL_FAULTS };
export { setupCalls } from "./recorded.js";
export { rerunAlternative } from "./run-alternative.js";

export interface AnnotateOptions {
  /** Alternatives per graded call (default 3). */
  alternatives?: number;
  /** The dialogue's random stream (the CLI passes ctx.rng(dialogue.id)); default: from seed and the dialogue id. */
  rng?: Rng;
  seed?: number;
  /** Opens a session on the domain (default: the domains package's createSession). */
  openSession?: OpenSession;
  /** Add the calls a dialogue lacks (default true). */
  infer?: boolean;
  /** Only these defects (default: all). */
  defects?: readonly string[];
  /** LLM advice by call id (--engine openai): more alternatives, and a grounding view kept as a note. */
  advice?: Map<string, LlmAdvice>;
  /** Tool name and version recorded in `annotated`. */
  tool?: { name: string; version: string };
  /**
   * A live pack's backend (tool-annotate --backend; the domain explored from it): the dialogue's
   * calls re-run on it first, and every other call runs over the tables on the state the backend
   * was in (README "Live backends"). Throws ReplayMissError for a request a cassette lacks.
   */
  backend?: LiveBackend;
}

export interface AnnotateStats {
  graded: number;
  inferred: number;
  alternatives: number;
  swapped: number;
  /** Bad reactions to failures offered (recovery alternatives). */
  recoveries?: number;
}

/**
 * Annotates one dialogue: infers the calls it lacks, grades every assistant tool call,
 * attaches executed alternatives, swaps a failed chosen call for a better alternative, and
 * links every item an assistant names to its catalog record. Returns a new dialogue; the
 * input is not changed.
 */
export function annotateDialogue(dialogue: Obj, domain: Domain | undefined, opts: AnnotateOptions = {}, stats?: AnnotateStats): Obj {
  const id = String(dialogue.id);
  const rng = opts.rng ?? Rng.for(opts.seed ?? 0, id);
  let messages = (structuredClone(dialogue.messages) as Obj[]).filter(isObj);
  const tools = (Array.isArray(dialogue.tools) ? [...(dialogue.tools as ToolDef[])] : []) as ToolDef[];
  const openSession: OpenSession = opts.openSession ?? createSession;
  const exec = new DialogueExecutor(domain, openSession, tools, messages, opts.backend && domain ? { backend: opts.backend, setup: setupCalls(dialogue) } : undefined);
  const K = opts.alternatives ?? 3;
  let inferredCount = 0;

  if (opts.infer !== false && domain) {
    const res = insertInferred(messages, domain, exec, tools, setupCalls(dialogue));
    messages = res.messages;
    inferredCount = res.count;
  }

  const index = domain ? catalogIndex(domain) : new EntryIndex();
  const values = domain ? catalogValues(domain) : undefined;
  const extra = new EntryIndex();
  const before: CallLike[] = setupCalls(dialogue);
  const earlier: CallLike[] = [];
  // Earlier calls whose result the context really holds: the recorded result equals the re-run
  // (an injected empty or partial result, recorded ok, is not the call's result).
  const inContext: CallLike[] = [];
  const context: Obj[] = [];
  const shownBy: Array<{ callId: string; objects: Obj[] }> = [];
  const userTexts: string[] = [];
  let userState: Obj | undefined;
  const known = new Known();
  let contextText = "";
  for (const w of goalView(dialogue, domain, undefined).wants) known.addValue(w.value);
  let callNo = 0;
  let swapped = 0;
  let altCount = 0;
  let recoveries = 0;
  let graded = 0;

  for (let i = 0; i < messages.length; i++) {
    const m = messages[i]!;
    if (m.role === "user") {
      if (typeof m.content === "string") {
        userTexts.push(m.content);
        known.addText(m.content);
      }
      if (isObj(m.state)) userState = m.state;
      continue;
    }
    if (m.role !== "assistant") continue;
    const goal = goalView(dialogue, domain, userState);
    const lastUser = userTexts[userTexts.length - 1] ?? "";
    // The user's latest stated request: their latest message that states domain terms or names
    // records ("come on, try again" restates nothing, so the request before it stands).
    let request: ReturnType<typeof requestTerms> | undefined;
    for (let u = userTexts.length - 1; domain && u >= 0 && request === undefined; u--) {
      const terms = requestTerms(domain, userTexts[u]!);
      if (terms.words.length + terms.ids.length > 0 || u === userTexts.length - 1 - 2) request = terms;
    }
    // This message reacts to a failed result: its bad alternatives are made on the state and
    // context before its own calls run (README "Recovery alternatives").
    const failed = K > 0 ? failureBefore(messages, i) : undefined;
    const reaction = failed
      ? reactionAlternatives(m, failed, {
          exec, domain, before: [...before], inContext: [...inContext], context: [...context], known, userTexts, lastUser, index, K, defects: opts.defects,
          base: { reply: Array.isArray(m.tool_calls) ? replyAfter(messages, i) : typeof m.content === "string" ? m.content : null, context, contextText, goal, index, extra, known, ...(values ? { values } : {}), ...(request ? { request } : {}) },
          rng: rng.fork(`reaction:${i}`),
        })
      : undefined;
    if (Array.isArray(m.tool_calls)) {
      const reply = replyAfter(messages, i);
      const resultsThisTurn: Obj[] = [];
      const textsThisTurn: string[] = [];
      m.tool_calls = (m.tool_calls as unknown[]).map((raw) => {
        const tc = isObj(raw) ? raw : {};
        const call: CallLike = { name: String(tc.name ?? ""), arguments: argsOf(tc.arguments) };
        const callId = typeof tc.id === "string" && tc.id ? tc.id : `call_${id}_${callNo}`;
        const toolMsg = messages.find((x) => x.role === "tool" && x.tool_call_id === callId);
        const recorded = toolMsg
          ? { ok: toolMsg.ok !== false, ...(typeof toolMsg.content === "string" ? { content: toolMsg.content } : {}), ...(isObj(toolMsg.error) ? { error: toolMsg.error as { type: string; message: string } } : {}), ...(typeof toolMsg.injected === "string" ? { injected: toolMsg.injected } : injectedOf(toolMsg)) }
          : undefined;
        const info = exec.info(call.name);
        const result = exec.run(call, before);
        const repeat = inContext.some((e) => sameCall(e, call)) && !exec.writes(call.name);
        const base: GradeBase = { reply, context, contextText, goal, index, extra, known, ...(values ? { values } : {}), ...(request ? { request } : {}) };
        const grade = gradeCall({ ...base, call, ...(info ? { info } : {}), result, ...(recorded ? { recorded } : {}), repeat });
        graded += 1;
        const rows = grade.ok ? listRows(result, info?.rowsAt) : undefined;
        const callRng = rng.fork(`call:${callNo}`);
        callNo += 1;
        const proposals = proposeAlternatives(
          { call, info, executor: exec, domain, earlier: [...inContext], before: [...before], context: [...context], known, result, earlierUser: userTexts.slice(0, -1), lastUser, rows, ...totalOf(result), reply, repeat, rng: callRng },
          K,
          opts.defects,
        );
        // LLM proposals (--engine openai) join the offline ones when they differ from the call and from them.
        const advice = opts.advice?.get(callId);
        for (const p of advice?.proposals ?? []) {
          if (!p.call || sameCall(p.call, call) || proposals.some((q) => q.call && !q.text && sameCall(q.call, p.call!))) continue;
          proposals.push(p);
        }
        if (advice?.grounded !== undefined) grade.notes?.splice(-1, 0, `LLM judge: the reply is ${advice.grounded ? "" : "not "}grounded (a note; the checks decide the grade)`);
        let alternatives = proposals.map((p) => runAlternative(p, exec, before, base, inContext)).filter(ranSomewhere);
        let chosen = { ...tc, id: callId, name: call.name, arguments: call.arguments, grade } as Obj;
        let finalResult: ToolResult = recorded && toolMsg ? recordedResult(toolMsg) : result;
        // The swap rule (README): a chosen call that failed through its own fault (its arguments:
        // not_found, bad_arguments, …; the re-run fails the same way) gives way to the best
        // alternative that asks the same tool, runs ok, is not contradicted by the reply, and
        // scores higher. A timeout, a server error or an unreachable host is the environment's.
        if (!grade.ok && !result.ok && CALL_FAULTS.has(result.error?.type ?? "")) {
          const best = alternatives
            .filter((a) => a.ok && a.call && !a.text && a.call.name === call.name && a.grade.grounded !== false && a.grade.success_rate > grade.success_rate)
            .sort((a, b) => b.grade.success_rate - a.grade.success_rate)[0];
          if (best && best.call) {
            swapped += 1;
            const demoted: Alternative = {
              defect: "failed_call",
              call: { name: call.name, arguments: call.arguments },
              detail: `the dialogue's own call, which failed${grade.notes?.[0] ? `: ${grade.notes[0]}` : ""}`,
              result: toolMsg && typeof toolMsg.content === "string" ? toolMsg.content : result.content,
              ok: false,
              ...(recorded?.error ? { error: recorded.error } : result.error ? { error: result.error } : {}),
              grade,
            };
            alternatives = [...alternatives.filter((a) => a !== best), demoted];
            chosen = {
              ...tc,
              id: callId,
              name: best.call.name,
              arguments: best.call.arguments,
              grade: best.grade,
              swapped: { from_defect: best.defect, reason: "the chosen call failed and this alternative ran ok and scored higher" },
            };
            finalResult = exec.run(best.call, before);
            if (toolMsg) {
              toolMsg.name = best.call.name;
              toolMsg.content = finalResult.content;
              toolMsg.ok = finalResult.ok;
              delete toolMsg.error;
              delete toolMsg.injected;
            }
          }
        }
        altCount += alternatives.length;
        chosen.alternatives = alternatives;
        const finalCall = { name: String(chosen.name), arguments: chosen.arguments as Obj };
        // What the assistant actually got: a call whose recorded result failed (a timeout) may be retried.
        const finalOk = (chosen.grade as Grade).ok && (chosen.grade as Grade).recorded_ok !== false;
        if (finalOk) {
          if (exec.writes(finalCall.name)) {
            before.push(finalCall);
            earlier.length = 0;
            inContext.length = 0;
          } else if (exec.changesSession(finalCall.name)) before.push(finalCall);
          earlier.push(finalCall);
          if (!toolMsg || chosen.swapped || sameResultText(String(toolMsg.content ?? ""), result.content)) inContext.push(finalCall);
        }
        const shown = objectsIn(finalResult.ok ? (finalResult.data !== undefined ? finalResult.data : parseJson(finalResult.content)) : undefined);
        resultsThisTurn.push(...shown);
        if (finalResult.ok) textsThisTurn.push(finalResult.content.toLowerCase());
        shownBy.push({ callId, objects: shown });
        for (const e of resultEntries(exec.info(finalCall.name)?.table ?? finalCall.name, shown)) extra.add(e);
        return chosen;
      });
      context.push(...resultsThisTurn);
      known.addValues(resultsThisTurn);
      contextText += textsThisTurn.join(" ");
    }
    if (reaction) {
      // A call already offered as one of the reaction call's own alternatives (same prompt) is not offered twice.
      const taken = (Array.isArray(m.tool_calls) ? (m.tool_calls as Obj[]) : []).flatMap((c) => (Array.isArray(c.alternatives) ? (c.alternatives as Alternative[]) : [])).flatMap((a) => (a.call && a.text === undefined ? [a.call] : []));
      const alternatives = reaction.alternatives.filter((a) => !(a.call && taken.some((t) => sameCall(t, a.call!))));
      if (alternatives.length > 0) {
        m.recovery = { after: failed!.callId, failure: failed!.kind, ...(reaction.grade ? { grade: reaction.grade } : {}), alternatives };
        recoveries += alternatives.length;
      }
    }
    if (typeof m.content === "string" && m.content.trim()) {
      const links = groundingOf(m.content, index, extra, shownBy);
      if (links.length > 0) m.grounding = links;
    }
  }

  if (stats) {
    stats.graded += graded;
    stats.inferred += inferredCount;
    stats.alternatives += altCount;
    stats.swapped += swapped;
    stats.recoveries = (stats.recoveries ?? 0) + recoveries;
  }
  if (domain) offerUsedTools(messages, domain, tools);
  const toolName = opts.tool ?? { name: "tool-annotate", version: "0.0.0" };
  return {
    ...dialogue,
    tools,
    messages,
    annotated: { tool: toolName.name, version: toolName.version, engine: opts.advice ? "openai" : "offline", alternatives: K, graded, inferred: inferredCount, swapped, recoveries },
  };
}
