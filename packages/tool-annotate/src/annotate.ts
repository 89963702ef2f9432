import { createSession, type LiveBackend } from "@chatmill/domains";
import { Rng } from "@chatmill/kit";
import { proposeAlternatives, type Proposal } from "./alternatives.js";
import { failureOf, proposeReactions } from "./recovery.js";
import type { LlmAdvice } from "./llm-assist.js";
import { sameCall, sameResultText } from "./canonical.js";
import { CALL_FAULTS, DialogueExecutor, failure, listOf, objectsIn, parseJson, type ToolDef } from "./executor.js";
import { gradeCall, type GradeInput } from "./grade.js";
import { goalView } from "./goal.js";
import { inferCalls } from "./infer.js";
import { EntryIndex, catalogIndex, resultEntries, type Entry } from "./mentions.js";
import { holds } from "./grounded.js";
import { Known } from "./progress.js";
import { catalogValues, requestTerms } from "./request.js";
import { isObj, type Alternative, type CallLike, type Domain, type Grade, type Obj, type OpenSession, type ToolResult } from "./types.js";

export { CALL_FAULTS };

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
        const base: Omit<GradeInput, "call" | "info" | "result" | "recorded" | "repeat"> = { reply, context, contextText, goal, index, extra, known, ...(values ? { values } : {}), ...(request ? { request } : {}) };
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

/**
 * Alternatives may call a tool of the domain that the dialogue did not offer (a
 * wrong_tool defect, tool "none"): its definition joins the dialogue's tools, so a
 * training row that shows the call also declares the tool, as trainers require.
 */
function offerUsedTools(messages: Obj[], domain: Domain, tools: ToolDef[]): void {
  const offered = new Set(tools.map((t) => t.function.name));
  const offer = (name: unknown) => {
    if (typeof name !== "string" || offered.has(name)) return;
    const def = domain.tools.find((t) => t.function.name === name);
    if (!def) return;
    tools.push(def);
    offered.add(name);
  };
  for (const m of messages) {
    if (!Array.isArray(m.tool_calls)) continue;
    for (const c of m.tool_calls as Obj[]) {
      offer(c.name);
      for (const alt of (Array.isArray(c.alternatives) ? c.alternatives : []) as Obj[]) offer(isObj(alt.call) ? alt.call.name : undefined);
    }
  }
}

/**
 * A call to a tool that only a live backend answers (a bare `http` or `mcp` op) cannot run
 * without sending it, and alternatives are never sent: its `no_backend` error says nothing
 * about the call, so it is no wrong alternative to learn from.
 */
const ranSomewhere = (a: Alternative): boolean => a.error?.type !== "no_backend";

function runAlternative(p: Proposal, exec: DialogueExecutor, before: CallLike[], base: Omit<GradeInput, "call" | "info" | "result" | "recorded" | "repeat">, earlier: CallLike[]): Alternative {
  const result = p.call ? exec.run(p.call, before) : failure("format_error", `not a tool call: ${p.detail}`);
  const info = p.call ? exec.info(p.call.name) : undefined;
  const repeat = Boolean(p.call && earlier.some((e) => sameCall(e, p.call!)) && !exec.writes(p.call.name));
  const grade = gradeCall({
    ...base,
    ...(p.text !== undefined && p.call ? { reply: p.text } : {}),
    ...(p.call ? { call: p.call } : {}),
    ...(info ? { info } : {}),
    ...(p.call ? { result } : {}),
    repeat,
  });
  return {
    defect: p.defect,
    ...(p.call ? { call: { name: p.call.name, arguments: p.call.arguments } } : {}),
    ...(p.text !== undefined ? { text: p.text } : {}),
    detail: p.detail,
    ...(p.source ? { source: p.source } : {}),
    result: p.call ? result.content : null,
    ok: p.call ? result.ok : false,
    ...(result.error ? { error: result.error } : {}),
    grade,
  };
}

/**
 * The calls that set the database up before the dialogue began (dialogue-sim records them in
 * meta.setup: the booking a "cancel my booking" scenario starts from). They are the start of
 * the state every call of the dialogue is re-run on.
 */
export function setupCalls(dialogue: Obj): Array<CallLike & { created?: string }> {
  const meta = isObj(dialogue.meta) ? dialogue.meta : undefined;
  const setup = meta && Array.isArray(meta.setup) ? meta.setup : [];
  // `created`: the key a live backend gave the row the call made (what the dialogue calls it).
  return setup.filter((c): c is Obj => isObj(c) && typeof c.name === "string").map((c) => ({ name: String(c.name), arguments: argsOf(c.arguments), ...(typeof c.created === "string" ? { created: c.created } : {}) }));
}

/** Re-runs an alternative as tool-annotate recorded it, on the state before its call (for checks and tests). */
export function rerunAlternative(alt: Alternative, exec: DialogueExecutor, before: CallLike[]): string | null {
  return alt.call ? exec.run({ name: alt.call.name, arguments: alt.call.arguments }, before).content : null;
}

/**
 * The assistant text that answers after the result: the next assistant content after the tool
 * results, before the next user message. The call's own content is said before the result (a
 * preamble: "Let me check"), so it is the reply only when no later text answers (an import that
 * put the response on the calling message).
 */
function replyAfter(messages: Obj[], i: number): string | null {
  for (let j = i + 1; j < messages.length; j++) {
    const m = messages[j]!;
    if (m.role === "user") break;
    if (m.role === "assistant" && typeof m.content === "string" && m.content.trim()) return m.content;
  }
  if (typeof messages[i]!.content === "string" && (messages[i]!.content as string).trim()) return messages[i]!.content as string;
  return null;
}

function argsOf(v: unknown): Obj {
  if (isObj(v)) return v;
  if (typeof v === "string") {
    const p = parseJson(v);
    if (isObj(p)) return p;
  }
  return {};
}

function injectedOf(toolMsg: Obj): { injected?: string } {
  const e = isObj(toolMsg.error) ? toolMsg.error : undefined;
  const inj = e && typeof e.injected === "string" ? e.injected : undefined;
  return inj ? { injected: inj } : {};
}

function recordedResult(toolMsg: Obj): ToolResult {
  const content = typeof toolMsg.content === "string" ? toolMsg.content : JSON.stringify(toolMsg.content ?? null);
  return { ok: toolMsg.ok !== false, content, data: parseJson(content) };
}

function totalOf(result: ToolResult): { total?: number } {
  const data = result.data !== undefined ? result.data : parseJson(result.content);
  return isObj(data) && typeof data.total === "number" ? { total: data.total } : {};
}

function listRows(result: ToolResult, rowsAt: string | undefined): Obj[] | undefined {
  return listOf(result.data !== undefined ? result.data : parseJson(result.content), rowsAt);
}

/** Every item the text names, linked to its catalog record and the latest call whose result showed it. */
function groundingOf(text: string, index: EntryIndex, extra: EntryIndex, shownBy: Array<{ callId: string; objects: Obj[] }>): Obj[] {
  const mentions: Entry[] = index.find(text).map((m) => m.entry);
  for (const m of extra.find(text)) if (!mentions.some((e) => e.id === m.entry.id || (e.name && e.name === m.entry.name))) mentions.push(m.entry);
  return mentions.map((e) => {
    const by = [...shownBy].reverse().find((s) => holds(s.objects, e));
    return {
      item_id: e.id,
      ...(e.name ? { name: e.name } : {}),
      table: e.table,
      ...(e.image ? { image: e.image } : {}),
      ...(by ? { call_id: by.callId } : {}),
    };
  });
}

/** Inserts the inferred calls (executed on the state at their point) before the replies they support. */
function insertInferred(messages: Obj[], domain: Domain, exec: DialogueExecutor, tools: ToolDef[], setup: CallLike[]): { messages: Obj[]; count: number } {
  const found = inferCalls(messages, domain, exec);
  if (found.length === 0) return { messages, count: 0 };
  const at = new Map(found.map((f) => [f.before, f.calls]));
  const out: Obj[] = [];
  const before: CallLike[] = [...setup];
  let n = 0;
  messages.forEach((m, i) => {
    const calls = at.get(i);
    if (calls) {
      const withIds = calls.map((c) => ({ id: `inferred_${++n}`, name: c.name, arguments: c.arguments, inferred: true }));
      out.push({ role: "assistant", content: null, tool_calls: withIds, labels: { intent: "tool_call" } });
      for (const c of withIds) {
        const r = exec.run(c, before);
        if (r.ok && exec.changesSession(c.name)) before.push(c);
        out.push({ role: "tool", tool_call_id: c.id, name: c.name, content: r.content, ok: r.ok, ...(r.error ? { error: r.error } : {}), inferred: true });
        if (!tools.some((t) => t.function.name === c.name)) {
          const def = domain.tools.find((t) => t.function.name === c.name);
          if (def) tools.push(def);
        }
      }
    }
    // A recorded call that changed the session (a write, an identification) and ran ok is part of the state later inferred calls see.
    if (m.role === "assistant" && Array.isArray(m.tool_calls)) {
      for (const tc of m.tool_calls) {
        if (!isObj(tc) || typeof tc.name !== "string" || !exec.changesSession(tc.name)) continue;
        const tm = messages.find((x) => x.role === "tool" && x.tool_call_id === tc.id);
        if (tm && tm.ok !== false) before.push({ name: tc.name, arguments: argsOf(tc.arguments) });
      }
    }
    out.push(m);
  });
  return { messages: out, count: n };
}

/** The first failed result among the tool messages right before message `i`, and the call it answers. */
function failureBefore(messages: Obj[], i: number): { callId: string; call: CallLike; kind: string; callFault: boolean; toolMsg: Obj } | undefined {
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

interface ReactionInput {
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
  base: Omit<GradeInput, "call" | "info" | "result" | "recorded" | "repeat">;
  rng: Rng;
}

/**
 * The bad reactions to a failure, executed (calls, on the state before the reaction) or judged
 * against the failed result they answer (text), by the same grader as every call; and, when the
 * assistant reacted with text, that text's grade the same way.
 */
function reactionAlternatives(m: Obj, failed: NonNullable<ReturnType<typeof failureBefore>>, r: ReactionInput): { alternatives: Alternative[]; grade?: Grade } {
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
