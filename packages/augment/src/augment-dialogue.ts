import { createSession, sayableName, toolRows, type Domain, type LoadedDomain, type ToolSession, type TranscriptMessage } from "@chatmill/domains";
import type { Rng } from "@chatmill/kit";
import type { Persona } from "@chatmill/schema";
import { Anonymiser } from "./anonymise.js";
import { assemble, outcomeOf } from "./new-record.js";
import { byPack } from "./pack-words.js";
import { detailsOf } from "./personal-details.js";
import { rowSaying } from "./row-saying.js";
import { argsOf, attributesAsked, countOf, isObj, parametersNamed, parse, setupOf, stripSourceFields, text, valueText, type CalledBy, type Obj, type SourceCall } from "./source-skeleton.js";
import { byName } from "./tool-words.js";
import { Wording } from "./wording.js";

/** A source dialogue that cannot keep its skeleton: the reason says why. */
export class AugmentError extends Error {
  constructor(
    message: string,
    readonly kind = "skeleton_changed",
  ) {
    super(message);
  }
}

export interface AugmentInput {
  source: Obj;
  /** The pack the calls re-run on; undefined: they keep their recorded results. */
  domain?: (LoadedDomain & Domain) | undefined;
  persona: Persona;
  /** Draws other people's names (stand-ins for people other than the user). */
  otherName: () => string;
  rng: Rng;
  /** meta.version of the new dialogue (the tool's version). */
  version?: string;
}

/** What augment did to one dialogue, kept in `meta.augment`. */
export interface AugmentReport {
  from: string;
  /** Personal details of the source replaced (names, emails, phones). */
  replaced: number;
  calls: number;
  /** Calls run again on the pack. */
  rerun: number;
  /** Of those, results identical to the source's recorded ones. */
  same_as_source: number;
  /** Calls that kept their recorded result (no pack, or an injected failure the backend never saw). */
  recorded: number;
}

const INJECTED_NOT_RUN = new Set(["timeout", "server_error"]);
const YES = /^\s*(yes|yeah|yep|yup|sure|ok(ay)?|please do|go ahead|that works|sounds good|perfect|great,? (book|do)|book it|confirm)/i;
const NO = /^\s*(no\b|nope|nah|not really|it doesn'?t matter|doesn'?t matter|any(thing)?\b|i don'?t (mind|care)|no preference)/i;
const THANKS = /\b(thank|thanks|thx|cheers|bye|goodbye|that'?s all|that is all|that'?s it|nothing else)\b/i;
/**
 * Only for a tool the pack does not declare (a source without --domain, or a foreign tool in it):
 * a verb that starts its name is the one sign left that it changes something. A pack's own tool
 * is a write when its declared role is act, whatever it is called.
 */
const WRITE_TOOL = /^(book|reserve|make|create|buy|order|purchase|schedule|add|cancel|delete|remove|update|modify|change|edit|set|send|resend|email|notify|share|forward|transfer|pay)/i;

/**
 * One new dialogue from `source`: the same calls (arguments anonymised), re-run on the pack
 * in the same order — each seeing the new conversation up to its own message, as the pack's
 * policy judges — or, without a pack, their recorded results; every user and assistant turn
 * worded anew in the persona's voice from what the turn did (the values it gave, a yes, a
 * question, a goodbye). Throws AugmentError when the skeleton cannot be kept (a call that
 * succeeded in the source fails on the re-run, or the other way round).
 */
export function augmentDialogue(input: AugmentInput): { dialogue: Obj; report: AugmentReport } {
  const { source, domain, persona, rng } = input;
  const id = String(source.id);
  const anon = new Anonymiser(detailsOf(source), persona.name ?? "Alex Morgan", input.otherName, rng.fork("anonymise"));
  const sayRng = rng.fork("say");
  const messages = (Array.isArray(source.messages) ? source.messages : []).filter(isObj);
  const consent = domain?.pack.policy?.confirm?.consent_intent ?? "confirm";

  // The skeleton: every call with its recorded result, and what each user turn gave.
  const results = new Map<string, Obj>();
  for (const m of messages) if (m.role === "tool" && typeof m.tool_call_id === "string" && !results.has(m.tool_call_id)) results.set(m.tool_call_id, m);
  const callsAt = new Map<number, SourceCall[]>();
  messages.forEach((m, i) => {
    if (m.role !== "assistant" || !Array.isArray(m.tool_calls)) return;
    const calls = m.tool_calls.filter(isObj).map((c, k): SourceCall => {
      const callId = typeof c.id === "string" && c.id ? c.id : `call_${i}_${k}`;
      const result = results.get(callId);
      return { raw: c, id: callId, name: String(c.name ?? (isObj(c.function) ? c.function.name : "")), args: argsOf(c), ...(result ? { result } : {}) };
    });
    if (calls.length > 0) callsAt.set(i, calls);
  });
  // A pack's own tools are said in the pack's words; a tool no pack declares, by its name's (tool-words.ts).
  const scenario = isObj(source.scenario) ? source.scenario : undefined;
  const category = typeof scenario?.category === "string" && domain?.category(scenario.category) ? scenario.category : undefined;
  const tools = domain ? byPack(domain, { category, called: [...callsAt.values()].flat().map((c) => c.name) }) : byName;
  const wording = new Wording(persona, rng.fork("wording"), tools);
  const userTexts = messages.map((m) => (m.role === "user" ? text(m.content).toLowerCase() : ""));
  const lastUser = messages.map((m) => m.role).lastIndexOf("user");
  const lastAssistantText = messages.reduce((last, m, i) => (m.role === "assistant" && text(m.content).trim() && !Array.isArray(m.tool_calls) ? i : last), -1);
  // A value no user turn says in the same form ("2:45 pm" for 02:45) and no earlier result shows
  // (an id) is given by the last user turn before its call, so every argument has been said.
  const unsaid = new Map<number, Set<string>>();
  for (const [at, calls] of callsAt) {
    const before = messages.slice(0, at);
    const lastUserBefore = before.map((m) => m.role).lastIndexOf("user");
    if (lastUserBefore < 0) continue;
    const seen = before.map((m) => (m.role === "tool" || m.role === "system" ? text(m.content).toLowerCase() : userTexts[messages.indexOf(m)]!)).join("\n");
    for (const c of calls) for (const [arg, v] of Object.entries(c.args)) {
      const vt = valueText(v);
      if (vt && !seen.includes(vt)) (unsaid.get(lastUserBefore) ?? unsaid.set(lastUserBefore, new Set()).get(lastUserBefore)!).add(`${arg}\u0000${vt}`);
    }
  }
  const givenBy = (i: number): { said: string[]; args: string[]; tool?: string } => {
    const said: string[] = [];
    const args: string[] = [];
    let tool: string | undefined;
    for (const [at, calls] of callsAt) {
      if (at <= i) continue;
      for (const c of calls) {
        for (const [arg, v] of Object.entries(c.args)) {
          const vt = valueText(v);
          const mine = vt !== undefined && unsaid.get(i)?.has(`${arg}\u0000${vt}`) === true;
          if (!vt || args.includes(arg) || (!mine && (!userTexts[i]!.includes(vt) || userTexts.slice(0, i).some((u) => u.includes(vt))))) continue;
          args.push(arg);
          said.push(tools.arg(c.name, arg, anon.value(v), sayRng));
          tool ??= c.name;
        }
      }
    }
    return { said, args, ...(tool ? { tool } : {}) };
  };
  const nextCall = (i: number): SourceCall | undefined => {
    for (let k = i + 1; k < messages.length; k++) {
      const calls = callsAt.get(k);
      if (calls) return calls[0];
    }
    return undefined;
  };

  // The new conversation, with the calls run as they come.
  const setup = setupOf(source).map((c) => ({ name: c.name, arguments: anon.value(c.arguments) }));
  let session: ToolSession | undefined;
  if (domain) {
    session = createSession(domain);
    setup.forEach((c, k) => {
      const r = session!.call(c);
      if (!r.ok) throw new AugmentError(`setup call ${k} (${c.name}) fails once anonymised: ${r.error?.message ?? r.content}`);
    });
  }
  // With a pack, a source question names a field by what the pack calls it, never by its key's words.
  const calledBy: CalledBy | undefined = domain ? (k) => sayableName(domain, k) : undefined;
  const runsOnPack = (name: string) => !!domain && domain.pack.tools.some((t) => t.function.name === name);
  const isWrite = (name: string) => (runsOnPack(name) ? domain!.roleOf(name) === "act" : WRITE_TOOL.test(name));
  const said = rowSaying(domain, tools);
  const out: Obj[] = [];
  const report: AugmentReport = { from: id, replaced: anon.replaced, calls: 0, rerun: 0, same_as_source: 0, recorded: 0 };
  let firstUser = true;
  let lastTool: string | undefined;
  let askedFor: string[] = [];
  let sinceUser: Obj[] = [];
  let lastRows: Obj[] = [];

  messages.forEach((m, i) => {
    const labels = isObj(m.labels) ? { labels: m.labels } : {};
    if (m.role === "system" || (m.role === "assistant" && m.name === "context_provider")) {
      out.push(anon.value(stripSourceFields(m)));
      return;
    }
    if (m.role === "user") {
      const src = text(m.content);
      const given = givenBy(i);
      const next = nextCall(i);
      askedFor = [];
      let content: string;
      const intent = isObj(m.labels) ? m.labels.intent : undefined;
      if (given.said.length > 0) {
        const tool = given.tool && given.tool !== lastTool ? given.tool : undefined;
        content = firstUser ? wording.open(given.tool ?? next?.name, given.said) : wording.give(tool, given.said);
        if (tool) lastTool = tool;
        else if (firstUser) lastTool = given.tool ?? next?.name;
      } else if (firstUser) {
        content = wording.open(next?.name, []);
        lastTool = next?.name;
      } else if (intent === consent || YES.test(src)) content = wording.yes();
      else if (i === lastUser || (THANKS.test(src) && !src.includes("?"))) content = i === lastUser ? wording.bye() : wording.thanks();
      else if (NO.test(src)) content = wording.no();
      else {
        askedFor = attributesAsked(src, lastRows, calledBy);
        content = askedFor.length > 0 ? wording.askFor(askedFor) : src.includes("?") ? wording.askFor(["details"]) : wording.thanks();
      }
      firstUser = false;
      sinceUser = [];
      out.push({ role: "user", content, ...labels });
      return;
    }
    if (m.role === "assistant") {
      const calls = callsAt.get(i);
      if (calls) {
        const msg: Obj = { role: "assistant", content: wording.ack() || null, tool_calls: calls.map((c) => {
          // The OpenAI form's function {name, arguments} is said once, as name and arguments.
          const { function: _f, ...raw } = stripSourceFields(c.raw);
          return { ...anon.value(raw), id: c.id, name: c.name, arguments: anon.value(c.args) };
        }), ...labels };
        out.push(msg);
        for (const c of calls) {
          report.calls++;
          if (!c.result) continue;
          const recordedContent = text(c.result.content);
          const injected = typeof c.result.injected === "string" ? c.result.injected : undefined;
          let tool: Obj;
          if (runsOnPack(c.name) && !(injected && INJECTED_NOT_RUN.has(injected))) {
            const r = session!.call({ name: c.name, arguments: anon.value(c.args) }, { transcript: out as unknown as TranscriptMessage[] });
            if (injected) {
              // An injected empty or partial answer: the call ran; its cut answer is kept as recorded.
              tool = { role: "tool", tool_call_id: c.id, name: c.name, content: anon.text(recordedContent), ok: c.result.ok !== false, injected };
              report.recorded++;
            } else {
              const sourceOk = c.result.ok !== false;
              if (r.ok !== sourceOk) throw new AugmentError(`call ${report.calls - 1} (${c.name}) ${sourceOk ? "fails" : "succeeds"} on the re-run once anonymised, unlike the source: ${r.ok ? r.content.slice(0, 120) : (r.error?.message ?? r.content)}`);
              tool = { role: "tool", tool_call_id: c.id, name: c.name, content: r.content, ok: r.ok, ...(r.error ? { error: r.error } : {}) };
              report.rerun++;
              if (r.content === recordedContent) report.same_as_source++;
            }
          } else {
            tool = { ...stripSourceFields(anon.value(c.result)), role: "tool", tool_call_id: c.id, name: c.name, content: anon.text(recordedContent), ok: c.result.ok !== false };
            report.recorded++;
          }
          if (c.result.inferred === true) tool.inferred = true;
          out.push(tool);
          sinceUser.push({ call: c, tool });
          if (tool.ok !== false) lastRows = toolRows(domain, c.name, parse(text(tool.content)));
        }
        return;
      }
      const src = text(m.content);
      if (!src.trim()) return;
      out.push({ role: "assistant", content: assistantText(i, src), ...labels });
      return;
    }
    if (m.role === "tool") return; // written with its call
    out.push(anon.value(stripSourceFields(m)));
  });

  function assistantText(i: number, src: string): string {
    const parts: string[] = [];
    const last = sinceUser[sinceUser.length - 1] as { call: SourceCall; tool: Obj } | undefined;
    if (last) {
      const { call, tool } = last;
      if (tool.ok === false) parts.push(wording.failed(isObj(tool.error) ? String(tool.error.type) : "an error"));
      else if (isWrite(call.name)) parts.push(wording.done(said.write(parse(text(tool.content)), call.name)));
      else {
        const rows = toolRows(domain, call.name, parse(text(tool.content)));
        parts.push(wording.found(countOf(parse(text(tool.content)), rows), rows.map((r) => said.name(r, call.name)).filter((n): n is string => !!n), tools.object(call.name)));
      }
      sinceUser = [];
    }
    if (askedFor.length > 0) {
      const facts = askedFor.flatMap((a) => {
        const row = lastRows.find((r) => r[a] !== undefined);
        return row ? [`the ${tools.field(a)} is ${String(row[a])}`] : [];
      });
      if (facts.length > 0) parts.push(wording.tell(facts));
      askedFor = [];
    }
    if (src.includes("?")) {
      const nextUser = messages.findIndex((x, k) => k > i && x.role === "user");
      const given = nextUser >= 0 ? givenBy(nextUser) : { said: [], args: [] };
      const next = nextCall(i);
      const yes = nextUser >= 0 && (YES.test(text(messages[nextUser]!.content)) || (isObj(messages[nextUser]!.labels) && (messages[nextUser]!.labels as Obj).intent === consent));
      const confirm = yes && next && isWrite(next.name) ? tools.confirm(next.name) : undefined;
      // What the source asked about: the values the next user turn gives, else the tools' parameters the question names.
      const asked = given.args.length > 0 ? given.args : parametersNamed(src, source.tools, calledBy);
      const closing = nextUser >= 0 && THANKS.test(text(messages[nextUser]!.content));
      parts.push(asked.length === 0 && !confirm && closing ? wording.anythingElse() : wording.ask(asked, confirm));
    } else if (parts.length === 0) parts.push(i === lastAssistantText ? wording.close() : wording.anythingElse());
    return parts.join(" ");
  }

  const dialogue = assemble(source, out, anon, persona, setup, input.version ?? "0.0.0");
  dialogue.outcome = outcomeOf(source, dialogue, out, domain, setup);
  return { dialogue, report };
}

