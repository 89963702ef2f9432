import { judgeDialogue, type Judgement, type ToolSession } from "@chatmill/domains";
import type { Rng } from "@chatmill/kit";
import type { Dialogue, Message, Scenario, TaskAction } from "@chatmill/schema";
import type { Call, Domain, Session, ToolResult } from "../../contract.js";
import { ACROSS_TIMES, evaluate, expressionNumbers, findAcross, findWorking } from "./arithmetic.js";
import { actionPrice, datedTotals, derivedEqual, isListAmount, prices, unpriced, namedTotals, paymentTotals, recordBefore, savings, writesTotals, type Derived, type Write } from "./derive.js";
import { callKey, candidateCalls, leafStrings, leaves, nextRead, readTools, type ReadTool } from "./discover.js";
import { Seen, norm } from "./seen.js";
import { argsText, firstPerson, requestText, sayKnown, words } from "./task-words.js";
import { calculatorOf, foundNothing, neededValues } from "./tool-kinds.js";
import { offlineMeta } from "../offline-meta.js";

/**
 * The offline engine for task scenarios (a scenario with a `task` and no goal constraints:
 * imported tau-bench / tau2 tasks, hand-written ones). The user states its reason, gives its
 * known info when asked, and says what it wants done, naming things as a person knows them
 * (names and options from the pack's data, not ids it could not know). The assistant is a
 * **grounded oracle**: it knows what the user wants from the task's gold actions, but it may put
 * a value into a tool call only once that value has been seen in the conversation — said by
 * the user or shown in an earlier tool result. It finds ids through the pack's look-ups and
 * searches from the values it has, identifies the user first when the pack's policy has
 * identity tools, asks for the user's yes where the policy wants one, hands off with the
 * pack's declared hand-off tool when the task does, and says the facts the task asks for when
 * a result showed them. A gold value it cannot ground is not used: the action is not made,
 * and the dialogue fails — a counted failure (`meta.task.ungrounded`), never a shortcut.
 * The outcome is the one checker's, as for every engine: judgeDialogue(domain, task, messages).
 */
export interface TaskEngineOptions {
  failureRate: number;
  createSession: (domain: Domain, opts: { failureRate: number; rng: Rng }) => Session;
  tool: string;
  version: string;
  seed: number;
}

/** What happened besides the messages, for reports: values never grounded, facts never shown, calls refused. */
export interface TaskTrace {
  ungrounded: Array<{ action: number; name: string; missing: unknown[] }>;
  unsaid: string[];
  /** Facts said, and amounts used, with a working the engine searched for (not shown, not a gold calculation): they may match by chance. */
  searched: string[];
  /** Facts said, and amounts used, with a working derived from what was seen (derive.ts: a named total, a saving, what the writes came to, the price an action pays). */
  derived: Array<{ value: string; kind: Derived["kind"]; how: string }>;
  refused: Array<{ action: number; name: string; error: string }>;
  handedOff: boolean;
  identified: boolean;
}

/** Whether the task engine runs this scenario: it carries a task, and its goal neither constraints nor expectations to pursue. */
export function isTaskScenario(scenario: Scenario): boolean {
  // scenario-gen's tasks always carry the goal's expectations (an ops "learn about X" task has no
  // constraints but does expect an answer): those stay with the scenario engine that made them.
  return scenario.task !== undefined && scenario.goal.constraints.length === 0 && scenario.goal.end_state.length === 0;
}

/** Look-ups of seen ids made to find the numbers of a fact no result shows (the user's other orders), at most. */
const MAX_EXPLORE_READS = 10;
/** Reads the discovery loop may make before one action, at most. */
const MAX_READS_PER_ACTION = 12;
/** Retries of a call whose result said the service failed (timeout, server error). */
const RETRIES = 2;

export function taskDialogue(scenario: Scenario, domain: Domain, rng: Rng, opts: TaskEngineOptions): { dialogue: Dialogue; trace: TaskTrace; judgement: Judgement } {
  const session = opts.createSession(domain, { failureRate: opts.failureRate, rng: rng.fork("failures") }) as ToolSession;
  const run = new TaskRun(scenario, domain, session);
  run.play();
  // The grounding rule's own check is reported beside the checker's; the verdict is the checker's alone.
  const grounded = { name: "grounded", passed: run.trace.ungrounded.length === 0, ...(run.trace.ungrounded.length > 0 ? { detail: `${run.trace.ungrounded.length} action(s) had values the conversation never showed` } : {}) };
  const { outcome, judgement } = judgeDialogue(domain, scenario.task!, run.messages, [], { checks: [grounded] });
  const dialogue = {
    id: `dlg_${scenario.id}`,
    scenario,
    domain: domain.name,
    tools: domain.tools,
    messages: run.messages,
    outcome,
    meta: {
      ...offlineMeta(opts),
      task_engine: {
        ungrounded: run.trace.ungrounded,
        unsaid: run.trace.unsaid,
        searched: run.trace.searched,
        derived: run.trace.derived,
        refused: run.trace.refused,
        identified: run.trace.identified,
      },
      state_digest: session.digest(),
    },
  } as unknown as Dialogue;
  return { dialogue, trace: run.trace, judgement };
}

class TaskRun {
  readonly messages: Message[] = [];
  readonly trace: TaskTrace = { ungrounded: [], unsaid: [], searched: [], derived: [], refused: [], handedOff: false, identified: false };
  private readonly seen = new Seen();
  private readonly made = new Set<string>();
  /** The writes made, with what their record looked like before: what they came to is derived from them. */
  private readonly writes: Write[] = [];
  /** The reads made before the first write, in order: read again when a fact may have changed (a balance after a payment). */
  private readonly readsBeforeWrites: Array<{ call: Call; shown: string[] }> = [];
  private derivedAt: { at: string; candidates: Derived[] } | undefined;
  private readonly reads: ReadTool[];
  private readonly known: Record<string, string | number | boolean>;
  private calls = 0;

  constructor(
    private readonly scenario: Scenario,
    private readonly domain: Domain,
    private readonly session: ToolSession,
  ) {
    this.reads = readTools(domain);
    this.known = scenario.task?.instructions?.known ?? {};
  }

  play(): void {
    const task = this.scenario.task!;
    const system = this.domain.systemPrompt;
    if (system) this.messages.push({ role: "system", content: system });
    this.user(`Hi. ${firstPerson(task.instructions?.reason ?? this.scenario.goal.text)}`);
    this.identify();
    const actions = task.evaluation.actions;
    const acting = actions.filter((a) => this.domain.roleOf(a.name) === "act");
    if (acting.length > 0) {
      this.assistant("Thanks. Tell me exactly what you would like me to do.");
      this.user(requestText(this.domain, this.known, `${task.instructions?.reason ?? ""}\n${this.scenario.goal.text}`, acting));
    }
    for (let i = 0; i < actions.length; i++) {
      if (!this.perform(i, actions[i]!)) break;
    }
    if (!this.trace.handedOff) this.sayFacts(task.evaluation.communicate ?? []);
    this.user("Thanks, that's all I needed.");
    this.assistant(this.trace.handedOff ? "You're welcome. A colleague will take it from here." : "You're welcome. Have a good day!");
  }

  // ---- the user's side --------------------------------------------------------------------

  private user(content: string, tagged: Record<string, string | number | boolean> = {}, intent?: string): void {
    this.messages.push({ role: "user", content, ...(intent ? { labels: { intent } } : {}) } as Message);
    this.seen.addUser(content, tagged);
  }

  /** The known facts that answer a request for these parameters, by name (first_name ~ first name); a second email (email_2) is kept back until asked. */
  private knownFor(params: string[]): Record<string, string | number | boolean> {
    const out: Record<string, string | number | boolean> = {};
    const wanted = new Set(params.map(norm));
    for (const [k, v] of Object.entries(this.known)) if (!/_\d+$/.test(k) && wanted.has(norm(k))) out[k] = v;
    return out;
  }

  // ---- the assistant's side ---------------------------------------------------------------

  /**
   * The assistant's words. Said right after its own words ("Done." and then the facts), they
   * join that message: an assistant turn is one message, never two in a row.
   */
  private assistant(content: string): void {
    const last = this.speaking();
    if (last) last.content = `${last.content as string} ${content}`;
    else this.messages.push({ role: "assistant", content } as Message);
  }

  /** The last message when it is the assistant's text with no call yet: the turn that is still open. */
  private speaking(): (Message & { content: string }) | undefined {
    const last = this.messages.at(-1) as (Message & { tool_calls?: unknown[] }) | undefined;
    return last?.role === "assistant" && !last.tool_calls?.length && typeof last.content === "string" ? (last as Message & { content: string }) : undefined;
  }

  /** One call as the dialogue shows it; a result saying the service failed is retried. */
  private call(call: Call): ToolResult {
    let res: ToolResult | undefined;
    for (let attempt = 0; attempt <= RETRIES; attempt++) {
      const id = `call_${++this.calls}`;
      // A call made right after the assistant's words goes with them, as one message (the words
      // say what it is about to do: "I'm transferring you now").
      const tool_calls = [{ id, name: call.name, arguments: call.arguments }];
      const open = this.speaking();
      if (open) (open as Message & { tool_calls?: unknown[] }).tool_calls = tool_calls;
      else this.messages.push({ role: "assistant", content: null, tool_calls } as Message);
      res = this.session.call(call, { transcript: this.messages });
      const tool: Record<string, unknown> = { role: "tool", tool_call_id: id, name: call.name, content: res.content, ok: res.ok };
      if (res.error) tool.error = { type: res.error.type, message: res.error.message };
      if (res.injected) tool.injected = res.injected;
      this.messages.push(tool as Message);
      this.made.add(callKey(call));
      const role = this.domain.roleOf(call.name);
      if (res.ok && role === "act") this.writes.push({ args: call.arguments, before: recordBefore(call.arguments, res.data, this.seen.results), after: res.data });
      if (res.ok && (role === "lookup" || role === "search") && this.writes.length === 0) this.readsBeforeWrites.push({ call, shown: leaves(res.data).filter((v): v is string => typeof v === "string") });
      if (res.ok) this.seen.addResult(res.content, res.data);
      // Only what the result says decides a retry: a timeout or server error, as its text shows.
      if (res.ok || !/timeout|server_error/.test(res.error?.type ?? "")) break;
    }
    return res!;
  }

  /** Identity first, when the pack's policy has identity tools: ask for what they take, then call the first the user's answer fills. */
  private identify(): void {
    const identity = this.domain.pack.policy?.identity?.tools ?? [];
    if (identity.length === 0) {
      // No identity rule: the user still gives what the look-ups take (a user id, a reservation number) when asked.
      const params = [...new Set(this.reads.flatMap((t) => t.required.map((p) => p.name)))];
      const give = this.knownFor(params);
      if (Object.keys(give).length === 0) return;
      this.assistant(`I can help with that. Could you give me your ${Object.keys(give).map(words).join(" and ")}?`);
      this.user(sayKnown(give), give);
      // Then it looks the user up with what they gave: each read whose parameters the answer fills.
      for (const tool of this.reads) if (tool.required.length > 0) this.lookUp(tool, give);
      return;
    }
    const tools = this.reads.filter((t) => identity.includes(t.name));
    const ways = tools.map((t) => t.required.map((p) => words(p.name)).join(", "));
    this.assistant(`I can help with that. First I need to verify your identity: please give me your ${ways.join(", or your ")}.`);
    const give = this.knownFor(tools.flatMap((t) => t.required.map((p) => p.name)));
    if (Object.keys(give).length === 0) {
      this.user("I'm afraid I don't have any of that to hand.");
      return;
    }
    this.user(sayKnown(give), give);
    for (const tool of tools) {
      this.lookUp(tool, give);
      if (this.session.subject !== undefined) {
        this.trace.identified = true;
        return;
      }
    }
  }

  /**
   * A look-up with what the user just gave (only values given for its parameters). When it finds
   * nothing and the user knows another value for one of them (a second email), the assistant
   * asks for it and tries again.
   */
  private lookUp(tool: ReadTool, given: Record<string, string | number | boolean>): void {
    const args: Record<string, unknown> = {};
    for (const p of tool.required) {
      const key = Object.keys(given).find((k) => norm(k) === norm(p.name));
      if (key === undefined) return;
      args[p.name] = given[key];
    }
    let call: Call = { name: tool.name, arguments: args };
    if (this.made.has(callKey(call))) return;
    let res = this.call(call);
    for (let alt = 2; foundNothing(res); alt++) {
      const other = tool.required.map((p) => [p.name, this.known[`${Object.keys(given).find((k) => norm(k) === norm(p.name))}_${alt}`]] as const).find(([, v]) => v !== undefined);
      if (!other) return;
      this.assistant(`I could not find anything with that ${words(other[0])}. Do you have another one?`);
      this.user(`Try ${String(other[1])}.`, { [other[0]]: other[1]! });
      call = { name: tool.name, arguments: { ...call.arguments, [other[0]]: other[1] } };
      res = this.call(call);
    }
  }

  /** One gold action: find what it needs, then make it (with the user's yes where the policy asks). False ends the actions (a hand-off). */
  private perform(index: number, action: TaskAction): boolean {
    const role = this.domain.roleOf(action.name);
    const call: Call = { name: action.name, arguments: action.arguments };
    if (role === "handoff") {
      // The hand-off's text arguments are the assistant's own summary, not data it must have seen.
      this.assistant("This needs a colleague: I'm transferring you to a human agent now.");
      this.call(call);
      this.trace.handedOff = true;
      return false;
    }
    // A tool that works something out without the data (think: a calculator) changes nothing the
    // checker compares; it is called when its arguments are grounded, for what its result shows.
    if (role !== "act" && role !== "lookup" && role !== "search") {
      if (role === "think" && neededValues(this.domain, action).every((v) => this.seen.has(v)) && !this.made.has(callKey(call))) this.call(call);
      return true;
    }
    const needed = neededValues(this.domain, action);
    // An amount in a list of amounts (one payment of several) is worked out below from the prices
    // of what the action names, not looked for as such in results (trying every read for it is slow and finds nothing).
    const lookFor = needed.filter((v) => !(typeof v === "number" && isListAmount(action.arguments, v)));
    for (let n = 0; n < MAX_READS_PER_ACTION; n++) {
      const read = nextRead(this.domain, this.session, this.seen, this.reads, lookFor, this.made);
      if (!read) break;
      this.call(read);
    }
    // An amount no result shows (the card's share of a price after gift cards and a certificate)
    // is worked out with the pack's calculator from shown numbers, less the action's other amounts.
    for (const v of needed) {
      if (typeof v !== "number" || this.seen.has(v)) continue;
      const others = leaves(action.arguments).filter((x): x is number => typeof x === "number" && x !== v && x > 0 && this.seen.has(x));
      // The price the action pays in parts (fares less what the other payments cover) first: a bare
      // difference of two shown numbers is tried last, as it matches by chance more easily.
      // First the price the action pays, derived from the records it names (derive.ts); the numbers
      // may be in results not read yet (the fare of each flight the action books): read, a few,
      // what shows the most of the action's own values, until it can be worked out.
      const derive = () => actionPrice(action.arguments, v, this.seen.results);
      let derived = derive();
      for (let n = 0; !derived && n < MAX_EXPLORE_READS && calculatorOf(this.domain); n++) {
        const pending = unpriced(action.arguments, v, this.seen.results);
        const read = (pending.length > 0 ? this.readPricing(pending, action.arguments) : undefined) ?? this.readShowing(needed);
        if (!read) break;
        this.call(read);
        derived = derive();
      }
      if (derived) {
        if (this.calculate(derived.how, v)) this.trace.derived.push({ value: String(v), kind: derived.kind, how: derived.how });
        continue;
      }
      // Else a working searched among shown numbers, flagged: the price the action pays in parts
      // (fares less what the other payments cover) first; a bare difference of two shown numbers
      // last, as it matches by chance more easily.
      const how = (others.length > 0 ? findAcross(v, this.seen.shownNumbers, others, ACROSS_TIMES) : findAcross(v, this.seen.shownNumbers)) ?? findWorking(v, this.seen.resultNumbers) ?? findAcross(v, this.seen.shownNumbers);
      if (how && this.calculate(how, v)) this.trace.searched.push(String(v));
    }
    const missing = needed.filter((v) => !this.seen.has(v));
    if (missing.length > 0) {
      // A read the task lists changes nothing: skipping it costs nothing; an act not made is a counted failure.
      if (role === "act") {
        this.trace.ungrounded.push({ action: index, name: action.name, missing });
        this.assistant(`I'm sorry, I could not find everything I need for that in what I can see, so I have not done it.`);
      }
      return true;
    }
    if (role !== "act") {
      if (!this.made.has(callKey(call))) this.call(call);
      return true;
    }
    if (this.domain.needsConfirmation(action.name, action.arguments)) {
      this.assistant(`Before I go ahead: ${words(action.name)} with ${argsText(action.arguments)}. Shall I proceed?`);
      this.user("Yes, please go ahead.", {}, this.domain.pack.policy?.confirm?.consent_intent ?? "confirm");
    }
    const res = this.call(call);
    if (res.ok) this.assistant("Done.");
    else {
      this.trace.refused.push({ action: index, name: action.name, error: res.error?.message ?? res.content });
      this.assistant(`That did not go through: ${res.error?.message ?? "the tool refused it"}.`);
    }
    return true;
  }

  /** An arithmetic expression of the task's (a gold calculation) over seen numbers whose value is this fact. */
  private workedOut(fact: string): string | undefined {
    const target = Number(fact.replaceAll(",", ""));
    if (fact.trim() === "" || !Number.isFinite(target)) return undefined;
    for (const a of this.scenario.task!.evaluation.actions) {
      for (const v of leaves(a.arguments)) {
        if (typeof v !== "string" || !expressionNumbers(v) || !this.seen.has(v)) continue;
        const value = evaluate(v);
        if (value !== undefined && Math.abs(Math.abs(value) - target) < 0.005) return v;
      }
    }
    return undefined;
  }

  /** The read not made yet (tried on a fork) whose result shows the most of these values: where their prices and amounts are. */
  private readShowing(values: unknown[]): Call | undefined {
    const want = values.filter((v) => typeof v !== "number").map(String);
    return this.bestRead((data) => {
      const shown = new Set(leafStrings(data));
      return want.filter((v) => shown.has(v)).length;
    });
  }

  /** The read not made yet (tried on a fork) whose result prices the most of these records an action names (derive.ts: unpriced). */
  private readPricing(pending: Array<Record<string, unknown>>, args: Record<string, unknown>): Call | undefined {
    return this.bestRead((data) => pending.filter((e) => prices(data, e, args)).length);
  }

  /** Of the reads not made yet, each tried on a fork of the session, the first whose result scores highest (above 0). */
  private bestRead(score: (data: unknown) => number): Call | undefined {
    let best: { call: Call; score: number } | undefined;
    for (const tool of this.reads) {
      for (const call of candidateCalls(tool, this.seen)) {
        if (this.made.has(callKey(call))) continue;
        const r = this.session.fork().call(call);
        if (!r.ok) continue;
        const s = score(r.data);
        if (s > (best?.score ?? 0)) best = { call, score: s };
      }
    }
    return best?.call;
  }

  /**
   * Works `target` out with the calculator from an expression over seen numbers: the call shows
   * in the dialogue and its result grounds the value like any other. False when the pack has no
   * calculator, the expression uses an unseen number, or the result is not the target.
   */
  private calculate(expression: string, target: number): boolean {
    const calc = calculatorOf(this.domain);
    if (!calc || !this.seen.has(expression)) return false;
    const call = { name: calc.name, arguments: { [calc.param]: expression } };
    if (!this.made.has(callKey(call)) && !this.call(call).ok) return false;
    return this.seen.has(target);
  }

  /**
   * A working for a fact no result shows: the task's own calculation, else one derived from what
   * was seen (derive.ts), else — unless `grounded` — one searched among shown numbers (counted as searched).
   */
  private working(f: string, worked: number[], grounded = false): { how: string; searched: boolean; derived?: Derived } | undefined {
    const gold = this.workedOut(f);
    if (gold) return { how: gold, searched: false };
    const target = Number(f.replaceAll(",", ""));
    if (f.trim() === "" || !Number.isFinite(target)) return undefined;
    const derived = this.derivedFact(target);
    if (derived) return { how: derived.how, searched: false, derived };
    if (grounded) return undefined;
    const how = findWorking(target, this.seen.resultNumbers, worked) ?? findAcross(target, this.seen.shownNumbers);
    return how ? { how, searched: true } : undefined;
  }

  /** A quantity derived from what was seen (derive.ts) equal to this number, over seen numbers only. */
  private derivedFact(target: number): Derived | undefined {
    // The candidates change only with what was seen: worked out once per new result, message or write.
    const said = this.seen.said();
    const at = `${this.seen.results.length}/${said.length}/${this.writes.length}`;
    if (this.derivedAt?.at !== at) this.derivedAt = { at, candidates: [...namedTotals(this.seen.results, said), ...savings(this.seen.results, said), ...writesTotals(this.writes), ...paymentTotals(this.writes), ...datedTotals(this.seen.results, this.scenario.time?.at)] };
    const d = derivedEqual(target, this.derivedAt.candidates);
    return d && this.seen.has(d.how) ? d : undefined;
  }

  /** The facts the task asks for, said when a result showed them; looked up first like any needed value. */
  private sayFacts(facts: string[]): void {
    if (facts.length === 0) return;
    const needed = facts.map((f) => (Number.isFinite(Number(f.replaceAll(",", ""))) && f.trim() !== "" ? Number(f.replaceAll(",", "")) : f));
    for (let n = 0; n < MAX_READS_PER_ACTION; n++) {
      const read = nextRead(this.domain, this.session, this.seen, this.reads, needed.filter((v) => !this.seen.shown(String(v))), this.made);
      if (!read) break;
      this.call(read);
    }
    // A number no result shows and no working over what was read gives: the numbers may be in
    // things the user has that were not read yet (their other orders); look those up, a few.
    const unworked = () => facts.filter((f) => !this.seen.shown(f) && !this.working(f, [], true));
    // A fact a write may have changed (a balance after a payment): read again, a few, what was
    // read before the writes, as an agent checks the new figure.
    if (this.writes.length > 0) {
      let again = 0;
      // Only reads whose result showed a value a write was given: the records the writes touched.
      const touched = new Set(this.writes.flatMap((w) => leaves(w.args)).filter((v) => typeof v === "string"));
      for (const { call, shown } of this.readsBeforeWrites) {
        if (again >= MAX_EXPLORE_READS || unworked().length === 0) break;
        if (!shown.some((v) => touched.has(v))) continue;
        this.call(call);
        again++;
      }
    }
    if (unworked().length > 0) {
      let explored = 0;
      // A record by its id first (the user's other orders, reservations): what a total over their things needs.
      const byId = (t: ReadTool): number => (t.required.length === 1 ? 0 : 1);
      for (const tool of this.reads.filter((t) => this.domain.roleOf(t.name) === "lookup").sort((a, b) => byId(a) - byId(b))) {
        for (const call of candidateCalls(tool, this.seen)) {
          if (explored >= MAX_EXPLORE_READS || unworked().length === 0) break;
          // A record read already is skipped, not the rest of the tool's calls (the user's other reservations).
          if (this.made.has(callKey(call))) continue;
          this.call(call);
          explored++;
        }
      }
    }
    const said: string[] = [];
    const worked: number[] = [];
    const calc = calculatorOf(this.domain) !== undefined;
    for (const f of facts) {
      if (this.seen.shown(f)) {
        said.push(f);
        // A fact a result showed is a number the next fact may be worked out from (a difference of two said facts).
        const n = Number(f.replaceAll(",", ""));
        if (f.trim() !== "" && Number.isFinite(n)) worked.push(n);
      } else {
        // A total or a difference no result shows, worked out from numbers the conversation showed:
        // the task's own calculation first, else a working searched among the shown numbers. With
        // the pack's calculator the assistant calls it, and says the value its result shows.
        const w = this.working(f, worked);
        const target = Number(f.replaceAll(",", ""));
        if (!w) {
          this.trace.unsaid.push(f);
          continue;
        }
        if (w.searched) this.trace.searched.push(f);
        if (w.derived) this.trace.derived.push({ value: f, kind: w.derived.kind, how: w.derived.how });
        worked.push(target);
        // The value the calculator's result shows is said as it is; a pack without a calculator
        // (or whose calculator does not compute) gets the working written out in the message.
        if (calc && this.calculate(w.how, target) && this.seen.shown(f)) said.push(f);
        else said.push(`${f} (${w.how})`);
      }
    }
    if (said.length > 0) this.assistant(`Here is what you asked about: ${said.join("; ")}.`);
  }
}

export { firstPerson } from "./task-words.js";
