import type { Rng } from "@chatmill/kit";
import type { Message, Scenario, Task as CheckedTask, TaskAction } from "@chatmill/schema";
import type { Constraint } from "../contract.js";
import type { Call, Domain, Row, ServiceInfo, Session, ToolResult } from "../contract.js";
import { describeConstraint, langOf, type Lang } from "../phrases/describe.js";
import { expand, joinSentences, listJoin, say as sayBank, tidy } from "../phrases/grammar.js";
import { compareText, factsText, stockText } from "./facts.js";
import { closestIntro, displayOf, itemLine, type Shown } from "./present.js";
import { displayName, meets, nameOf, rowIndex, rowsOf } from "./rows.js";
import { ToolIndex, argValue, requiredFields, type ToolInfo } from "./tools.js";
import { MIDWAY, OPENING } from "../phrases/small-talk.js";
import { statusText } from "./status-text.js";
import { Voice } from "./voice.js";
import { retryAct, visibleProblem } from "./visible-result.js";
import { reservedAsk, reservedReply } from "./reserved-request.js";
import { describeArg, humanField } from "./arg-words.js";

type Expectation = Scenario["goal"]["end_state"][number];
type Labels = { intent: string; emotion: string; variation?: string };
type Kind = "find" | "book" | "cancel" | "modify" | "info";

interface Task {
  service: ServiceInfo;
  kind: Kind;
  expectation?: Expectation;
  constraints: Constraint[];
  table?: string;
}

/** What the simulation observed (the setup calls go on the record; the rest is for the LLM engine's trace-based outcome). */
export interface Trace {
  /** Items the user accepted (chose or booked), with the table they come from. */
  accepted: Array<{ table: string; row: Row }>;
  /** Ids of rows the session wrote for each expectation (booking refs). */
  refs: Map<Expectation, string>;
  escalated: boolean;
  gaveUp: boolean;
  infoShown: Set<string>;
  setup: Call[];
  failures: number;
  recovered: number;
}

/**
 * --chit-chat and --multi-turn (both unset: the engine's own mix, as before the flags).
 * - chitChat: the probability that a dialogue has one small-talk exchange. Of those, MIDWAY_SHARE
 *   are drawn to have it midway (after the assistant has shown results, with turns to spare);
 *   the others, and those that never reach such a point, have it at the opening.
 * - multiTurn: the share of dialogues in which the user makes more than one request. The others
 *   are single-turn: the user says everything in one message, the assistant does it all without
 *   asking back, and the user's only other messages are small talk and the goodbye.
 */
export interface FlowOptions {
  chitChat?: number;
  multiTurn?: number;
}

/** Of the dialogues --chit-chat gives small talk, the share drawn to have it midway. */
export const MIDWAY_SHARE = 0.3;

/** User intents that are not a request: small talk and the goodbye (thanks, giving up, keeping a booking as it is). */
export const NOT_A_REQUEST: ReadonlySet<string> = new Set(["chit_chat", "farewell"]);

const WEEKDAYS = ["sunday", "monday", "tuesday", "wednesday", "thursday", "friday", "saturday"];

/**
 * The offline engine: a user simulator pursuing the scenario's goal and an assistant policy
 * that calls the domain's tools on the dialogue's own session, answers from what they
 * returned, and recovers when they fail. Everything random comes from `rng`.
 */
export class OfflineDialogue {
  readonly messages: Message[] = [];
  readonly trace: Trace = { accepted: [], refs: new Map(), escalated: false, gaveUp: false, infoShown: new Set(), setup: [], failures: 0, recovered: 0 };
  private readonly tools: ToolIndex;
  private readonly voice: Voice;
  private readonly lang: Lang;
  private readonly currency: string;
  private emotion: string;
  private readonly assistantEmotion: string;
  private userTurns = 0;
  private calls = 0;
  private apologized = false;
  private readonly shown = new Map<string, Shown>();
  private readonly explored = new Set<string>();
  private readonly callPrefix: string;
  /** The last search call (as JSON), its result and call id: the same search is not sent twice in a row. */
  private lastSearch: { table: string; call: string; data: unknown; id: string } | undefined;
  /** How many rows the last search found, as the assistant may say it. */
  private lastTotal = 0;
  /** Rows the last search returned when none met everything the user said: shown as the closest, never as "nothing found". */
  private closest: Shown[] = [];
  /** Small talk still to come under --chit-chat ("midway" until said), undefined without the flag. */
  private chitChat: "none" | "opening" | "midway" | "said" | undefined;
  /** A single-turn dialogue (--multi-turn): the assistant never asks the user anything. */
  private single = false;
  /** A dialogue --multi-turn drew as multi-turn: a second request is made if the flow made only one. */
  private multi = false;
  /** User messages other than small talk and the goodbye. */
  private requests = 0;

  constructor(
    private readonly scenario: Scenario,
    private readonly domain: Domain,
    private readonly session: Session,
    private readonly rng: Rng,
    private readonly flow: FlowOptions = {},
    /** The task the user pursues (its setup, its decisions, the values it knows); without one, the goal's bookings are set up as before. */
    private readonly checked?: CheckedTask,
  ) {
    this.tools = ToolIndex.of(domain);
    const persona = scenario.persona;
    this.lang = langOf(persona.language);
    // Prices in tool results are in the catalog's currency, whatever the persona's own.
    this.currency = domain.offline.currency ?? domain.offline.currency_symbol ?? domain.persona.budget?.currency ?? "USD";
    const at = new Date(scenario.time.at.length <= 16 ? `${scenario.time.at}:00Z` : scenario.time.at);
    const weekday = Number.isNaN(at.getTime()) ? "Saturday" : cap(WEEKDAYS[at.getUTCDay()]!);
    this.voice = new Voice(persona, this.lang, rng.fork("voice"), {
      city: persona.location?.city ?? scenario.region,
      weekday,
    }, domain.wording);
    this.emotion = scenario.emotions.user;
    this.assistantEmotion = scenario.emotions.assistant;
    this.callPrefix = `call_${rng.fork("ids").u32().toString(36)}`;
    this.voice.context = { ops: this.tools.find(["command"]).length > 0, bookable: false };
  }

  /**
   * How the user means to end: asking for a person when the task is one the policy reserves to
   * one; otherwise pursuing the task, and ending by what the assistant shows (thanks when it is
   * done, giving up when it cannot be done). Never the resolution drawn for the scenario.
   */
  private get ending(): "resolved" | "escalated" {
    return this.checked?.expected === "escalated" ? "escalated" : "resolved";
  }

  /** The task's expected call of this tool, whose arguments are what the user asked for. */
  private goldCall(tool: string): TaskAction | undefined {
    return this.checked?.evaluation.actions.find((a) => a.name === tool);
  }

  get maxTurns(): number {
    return Math.max(2, this.scenario.turns.max);
  }

  private get minTurns(): number {
    return Math.min(this.scenario.turns.min, this.maxTurns);
  }

  run(): void {
    // The pack's own prompt and its policy text (policy.file): what the assistant was told.
    const system = this.domain.systemPrompt;
    if (system) this.messages.push({ role: "system", content: system });
    const tasks = this.tasks();
    this.setupBookings();
    // The flags draw from streams of their own: without them, every draw is as it was.
    if (this.flow.chitChat === undefined) {
      const r = this.rng.fork("flow");
      if (r.chance(0.25)) this.smallTalk(true);
    } else {
      const cc = this.rng.fork("chit-chat");
      this.chitChat = cc.chance(this.flow.chitChat) ? (cc.chance(MIDWAY_SHARE) ? "midway" : "opening") : "none";
      if (this.chitChat === "opening") {
        this.smallTalk(true);
        this.chitChat = "said";
      }
    }
    this.single = this.flow.multiTurn !== undefined && !this.rng.fork("multi-turn").chance(this.flow.multiTurn);
    this.multi = this.flow.multiTurn !== undefined && !this.single;
    if (this.single) this.oneShot(tasks);
    else {
      tasks.forEach((task, i) => {
        if (this.trace.gaveUp || this.trace.escalated) return;
        // A request reserved to a person is said first, and left for the hand-off.
        if (i === 0 && this.ending === "escalated") return this.reservedRequest(tasks.length > 1);
        const turnsForRest = (tasks.length - i - 1) * 3 + 1;
        this.task(task, i, turnsForRest);
      });
    }
    // A request the policy reserves to a person: once the rest is done, the user asks for one.
    if (this.ending === "escalated" && !this.trace.gaveUp && !this.trace.escalated) this.escalate(tasks[tasks.length - 1]!);
    this.close();
    if (this.chitChat === "midway") this.openingAfterAll();
  }

  /** The user's request the policy reserves to a person: stated, and acknowledged as one a person handles. */
  private reservedRequest(more: boolean): void {
    this.userSay(reservedAsk(this.checked?.instructions?.reason ?? this.scenario.goal.text, this.lang, this.rng), this.scenario.intent ?? "request");
    this.assistantSay(reservedReply(this.lang, more, this.rng), "inform");
  }

  /** Small talk drawn for midway in a dialogue that never reached a point for it: said at the opening instead. */
  private openingAfterAll(): void {
    const at = this.messages[0]?.role === "system" ? 1 : 0;
    const tail = this.messages.splice(at);
    const emotion = this.emotion;
    this.emotion = this.scenario.emotions.user;
    this.smallTalk(true);
    this.emotion = emotion;
    this.messages.push(...tail);
    this.chitChat = "said";
  }

  /** Midway small talk: today's 12% chance without --chit-chat, the drawn plan with it. */
  private midwayChitChat(room: boolean, topic?: string): void {
    // The draw is made with the flag too, so the rest of the dialogue draws what it would have drawn.
    const drawn = this.rng.chance(0.12);
    if (this.chitChat === undefined) {
      if (drawn && room) this.smallTalk(false, topic);
    } else if (this.chitChat === "midway" && room) {
      this.smallTalk(false, topic);
      this.chitChat = "said";
    }
  }

  // ---- single-turn dialogues (--multi-turn) --------------------------------------------------

  /**
   * The user asks for everything in one message (every task of the goal, every constraint);
   * the assistant does it all in turn, without a question back: it searches, books the best
   * match or recommends it, cancels or changes a booking by its reference, reports a status.
   * The scenario's resolution still holds: a failed one ends with the user giving up, an
   * escalated one with the assistant handing over.
   */
  private oneShot(tasks: Task[]): void {
    const steps = tasks.map((task, i) =>
      i === 0 && this.ending === "escalated"
        ? { say: reservedAsk(this.checked?.instructions?.reason ?? this.scenario.goal.text, this.lang, this.rng), intent: this.scenario.intent ?? "request", act: () => this.assistantSay(reservedReply(this.lang, false, this.rng), "inform") }
        : this.oneShotTask(task, i),
    );
    const also = this.lang === "en" ? "Also, " : this.lang === "hi" ? "और, " : "Aur, ";
    const text = joinSentences(steps.map((st, i) => (i === 0 ? st.say : also + st.say.charAt(0).toLowerCase() + st.say.slice(1))), this.lang);
    this.userSay(text, steps[0]?.intent ?? "search");
    for (const st of steps) {
      if (this.trace.gaveUp || this.trace.escalated) break;
      st.act();
    }
  }

  /** What the user says for one task in a single-turn dialogue, and what the assistant then does. */
  private oneShotTask(task: Task, index: number): { say: string; intent: string; act: () => void } {
    this.lastSearch = undefined;
    this.voice.context = { ...this.voice.context, bookable: !!task.service.booking };
    const first = index === 0 && this.userTurns === 0;
    const search = task.table ? this.tools.searchFor(task.table, this.agenda(task)) : undefined;
    const booking = task.service.booking;
    if (task.kind === "cancel" || task.kind === "modify") {
      const toolName = task.kind === "cancel" ? booking?.cancel : booking?.modify;
      const tool = toolName ? this.tools.byName(toolName) : undefined;
      const ref = task.expectation ? this.trace.refs.get(task.expectation) : undefined;
      if (tool?.keyArg && ref) {
        const changes: Record<string, unknown> = {};
        if (task.kind === "modify") for (const [k, v] of Object.entries(task.expectation?.match ?? {})) if (tool.properties[k]) changes[k] = argValue(tool.properties[k], v);
        const details = this.detailsText(changes, undefined);
        return {
          say: this.voice.user(task.kind === "cancel" ? "cancel" : "modify", { ref, details }, { first }),
          intent: task.kind,
          act: () => this.applyBookingChange(task, tool.name, tool.keyArg!, ref, changes, details),
        };
      }
    } else if (task.table && search) {
      const revealed = this.agenda(task);
      const thing = this.thing(task);
      const create = task.kind === "book" && booking ? this.tools.byName(booking.create) : undefined;
      const ask = this.voice.user(revealed.length > 0 ? "open" : "open_vague", { thing, wants: this.wants(revealed) }, { first });
      return {
        say: create ? joinSentences([ask, this.bookOutright(this.detailsText(this.bookingArgs(create, task.service, task.expectation?.match ?? {}, undefined), create.ref?.arg))], this.lang) : ask,
        intent: create ? "book" : "search",
        act: () => {
          const shown = this.search(task, revealed);
          if (!shown) return this.serviceDown(task);
          const good = this.preferTargets(task, shown);
          // Only a row that meets everything the user asked for is taken.
          const pick = good.find((s) => task.constraints.every((c) => meets(s.row, c)));
          if (!create || !pick) {
            this.present(task, shown, revealed);
            this.midwayChitChat(true, pick?.name);
            if (!pick) return this.giveUp(task);
            this.trace.accepted.push({ table: pick.table, row: pick.row });
            return;
          }
          // Asked to book outright: the best match is booked with what the goal says.
          const args = this.bookingArgs(create, task.service, task.expectation?.match ?? {}, pick);
          this.trace.accepted.push({ table: pick.table, row: pick.row });
          this.trace.infoShown.add(`${pick.table}\u0000${pick.key}`);
          this.create(task, create, args, pick.name);
        },
      };
    } else if (task.kind === "book" && booking && this.tools.byName(booking.create)) {
      const create = this.tools.byName(booking.create)!;
      const args = this.bookingArgs(create, task.service, task.expectation?.match ?? {}, undefined);
      const details = this.detailsText(args, undefined);
      return {
        say: this.voice.user("open", { thing: this.thing(task), wants: details }, { first }),
        intent: "book",
        act: () => {
          this.create(task, create, args, this.lang === "en" ? cap(task.service.name) : task.service.name);
        },
      };
    }
    // Explained or looked up as in the multi-turn flow, its question taken into the user's one message.
    return this.explainPlan(task, first);
  }

  /** "Book the best one for me — for 2 people, at 19:00." */
  private bookOutright(details: string): string {
    if (this.lang === "hi") return `सबसे अच्छा विकल्प बुक कर दीजिए${details ? ` — ${details}` : ""}।`;
    if (this.lang === "mixed") return `Best wala book kar do${details ? ` — ${details}` : ""}.`;
    return sayLocal([`[Please book|Go ahead and book|Book] the best match[ for me|]${details ? ` — ${details}` : ""}.`], this.rng);
  }

  // ---- the agenda -------------------------------------------------------------------------

  private tasks(): Task[] {
    const goal = this.scenario.goal;
    const out: Task[] = [];
    const services = this.scenario.services;
    const expectations = goal.end_state.filter((e) => e.type !== "escalated");
    const list = expectations.length > 0 ? expectations : [undefined];
    list.forEach((e, i) => {
      const name = e?.service ?? services[i] ?? services[0]!;
      const service = this.domain.services.find((s) => s.name === name) ?? this.domain.services[0]!;
      const kind: Kind = !e
        ? "find"
        : e.type === "booking_created"
          ? "book"
          : e.type === "booking_cancelled"
            ? "cancel"
            : e.type === "booking_modified"
              ? "modify"
              : e.type === "item_recommended"
                ? "find"
                : "info";
      const constraints = goal.constraints.filter((c) => (c.service ? c.service === service.name : services.length === 1 || i === 0));
      const table = e?.table ?? service.table;
      out.push({ service, kind, ...(e ? { expectation: e } : {}), constraints, ...(table ? { table } : {}) });
    });
    return out;
  }

  /**
   * Only the bookings that exist before the conversation, for an engine that runs the
   * conversation itself (the LLM engine): the calls made and the refs of the bookings.
   */
  setUp(): Pick<Trace, "setup" | "refs"> {
    this.setupBookings();
    return { setup: this.trace.setup, refs: this.trace.refs };
  }

  /** Bookings the scenario says exist before the dialogue (to cancel or change) are made first, off-screen. */
  private setupBookings(): void {
    if (this.checked) return this.setupTask(this.checked.setup ?? []);
    const setup = (this.scenario.goal as { setup?: Array<{ service: string; match?: Record<string, unknown> }> }).setup;
    if (!Array.isArray(setup)) return;
    for (const s of setup) {
      const service = this.domain.services.find((x) => x.name === s.service);
      const create = service?.booking && this.tools.byName(service.booking.create);
      if (!service || !create) continue;
      const args = this.bookingArgs(create, service, s.match ?? {}, undefined);
      const call: Call = { name: create.name, arguments: args };
      const res = this.session.call(call);
      if (!res.ok) continue;
      this.trace.setup.push(call);
      const ref = this.newRef(create);
      const exp = this.scenario.goal.end_state.find((e) => e.service === s.service && (e.type === "booking_cancelled" || e.type === "booking_modified"));
      if (ref && exp) this.trace.refs.set(exp, ref);
    }
  }

  /** The task's setup calls, run off-screen; each booking made is the one the task's change refers to. */
  private setupTask(setup: ReadonlyArray<TaskAction>): void {
    for (const a of setup) {
      const call: Call = { name: a.name, arguments: a.arguments };
      // The world before the conversation is not subject to the flaky backend: a call an injected failure stopped is made again.
      let res = this.session.call(call);
      for (let i = 0; i < 8 && res.injected; i++) res = this.session.call(call);
      if (!res.ok) continue;
      this.trace.setup.push(call);
      const service = this.domain.services.find((x) => x.booking?.create === a.name);
      const tool = this.tools.byName(a.name);
      if (!service || !tool) continue;
      const ref = this.newRef(tool);
      const exp = this.scenario.goal.end_state.find((e) => e.service === service.name && (e.type === "booking_cancelled" || e.type === "booking_modified"));
      if (ref && exp) this.trace.refs.set(exp, ref);
    }
  }

  private newRef(tool: ToolInfo): string | undefined {
    const table = tool.table;
    for (let i = this.session.writes.length - 1; i >= 0; i--) {
      const w = this.session.writes[i]!;
      if (w.op === "insert" && (!table || w.table === table)) return w.key;
    }
    return undefined;
  }

  // ---- turns ------------------------------------------------------------------------------

  private userSay(content: string, intent: string, variation?: string): void {
    this.userTurns++;
    if (!NOT_A_REQUEST.has(intent)) this.requests++;
    const labels: Labels = { intent, emotion: this.emotion };
    if (variation) labels.variation = variation;
    this.messages.push({ role: "user", content, labels });
  }

  private assistantSay(content: string, intent: string, variation?: string, grounding?: Shown[]): void {
    const labels: Labels = { intent, emotion: variation === "failure_recovery" ? "apologetic" : this.assistantEmotion };
    if (variation) labels.variation = variation;
    const msg: Record<string, unknown> = { role: "assistant", content, labels };
    if (grounding && grounding.length > 0) {
      msg.grounding = grounding.map((g) => ({ item_id: g.key, name: g.name, table: g.table, call_id: g.callId, ...(g.image ? { image: g.image } : {}) }));
    }
    this.messages.push(msg as Message);
  }

  private smallTalk(first: boolean, topic?: string): void {
    const pair = this.rng.pick((first ? OPENING : MIDWAY)[this.lang]);
    const back = topic ?? (this.lang === "en" ? "your request" : this.lang === "hi" ? "आपकी रिक्वेस्ट" : "aapki request");
    this.userSay(this.voice.casing(sayBank(pair.user, this.rng, this.voice.slots)), "chit_chat", "small_talk");
    this.assistantSay(capFirst(sayBank(pair.assistant, this.rng, { ...this.voice.slots, topic: back })), "chit_chat", "small_talk");
  }

  private turnsLeft(): number {
    return this.maxTurns - this.userTurns;
  }

  // ---- tool calls with recovery -----------------------------------------------------------

  /** One tool call as the dialogue shows it: an assistant message with the call, then the result. */
  private exec(call: Call, content: string | null, intent: string, variation?: string): { res: ToolResult; id: string } {
    const id = `${this.callPrefix}_${++this.calls}`;
    const labels: Labels = { intent, emotion: variation === "failure_recovery" ? "apologetic" : this.assistantEmotion };
    if (variation) labels.variation = variation;
    this.messages.push({ role: "assistant", content: content || null, tool_calls: [{ id, name: call.name, arguments: call.arguments }], labels } as Message);
    // The conversation so far goes with the call: the pack's confirmation rule is judged from it.
    const res = this.session.call(call, { transcript: this.messages });
    const tool: Record<string, unknown> = { role: "tool", tool_call_id: id, name: call.name, content: res.content, ok: res.ok };
    if (res.error) tool.error = { type: res.error.type, message: res.error.message };
    if (res.injected) tool.injected = res.injected;
    this.messages.push(tool as Message);
    return { res, id };
  }

  /**
   * Calls a tool and recovers the way a good agent does, from what the result shows: an error
   * is retried once, then another tool for the same job, then one apology and the user's
   * go-ahead (undefined when the service stays down); a list the backend says it cut short is
   * asked for once more; an empty list is the answer, as the assistant cannot tell why it is empty.
   */
  private callWithRecovery(call: Call, intent: string, alternatives: Call[] = [], ack?: string): { res: ToolResult; id: string } | undefined {
    const action = intent === "book" || intent === "cancel" || intent === "modify";
    let out = this.exec(call, ack ?? this.voice.ack(action), intent);
    // The ways out of an error, in order: the same call again, another tool for the job, one apology and the user's go-ahead.
    const ladder: Array<(said: string) => { res: ToolResult; id: string } | undefined> = [(said) => this.exec(call, said, intent, "failure_recovery")];
    for (const alt of alternatives.slice(0, 1)) ladder.push(() => this.exec(alt, this.voice.assistant("alt_tool"), intent, "failure_recovery"));
    ladder.push(() => {
      // A write that needs the user's yes is not re-asked after an apology: its yes belongs to the read-back of what it runs.
      if (this.apologized || this.turnsLeft() <= 2 || this.single || this.domain.needsConfirmation(call.name, call.arguments)) return undefined;
      this.apologized = true;
      this.assistantSay(this.voice.assistant("apologize_ask"), "clarify", "failure_recovery");
      this.emotion = this.rng.chance(0.5) ? "frustrated" : this.emotion;
      const complain = this.rng.chance(0.4);
      this.userSay(this.voice.user(complain ? "complain" : "ok_wait", {}, { emotion: this.emotion }), complain ? "complain" : this.consentIntent);
      return this.exec(call, this.voice.ack(action), intent, "failure_recovery");
    });
    let step = 0;
    let listRetried = false;
    let failedOnce = false;
    for (;;) {
      const seen = visibleProblem(out.res);
      // An empty list is an answer, whoever made it: the assistant cannot tell a flaky backend's empty from a real one.
      if (!seen || seen === "empty") {
        if (failedOnce) this.trace.recovered++;
        return out;
      }
      this.trace.failures++;
      failedOnce = true;
      if (seen === "partial") {
        // A list the backend says it cut short is asked for once more; the second list stands.
        if (listRetried) return out;
        listRetried = true;
        out = this.exec(call, this.voice.assistant(retryAct(out.res)), intent, "failure_recovery");
        continue;
      }
      let next: { res: ToolResult; id: string } | undefined;
      while (!next && step < ladder.length) next = ladder[step++]!(this.voice.assistant(retryAct(out.res)));
      if (!next) return undefined;
      out = next;
    }
  }

  // ---- one task -----------------------------------------------------------------------------

  private task(task: Task, index: number, reserve: number): void {
    this.lastSearch = undefined;
    this.voice.context = { ...this.voice.context, bookable: !!task.service.booking };
    const search = task.table ? this.tools.searchFor(task.table, this.agenda(task)) : undefined;
    if (task.kind === "cancel" || task.kind === "modify") return this.changeBooking(task, index);
    if (!task.table || !search) {
      if (task.service.booking && task.kind === "book") return this.directBooking(task, index);
      return this.explain(task, index);
    }
    this.findAndAct(task, index, reserve);
  }

  private thing(task: Task): string {
    return tidy(expand(this.thingTemplate(task), this.rng));
  }

  private thingTemplate(task: Task): string {
    const own = this.domain.offline.nouns?.[task.service.name];
    if (own && own.length > 0) return this.rng.pick(own);
    const item = this.domain.offline.item_noun;
    const cat = task.constraints.find((c) => c.field === "category" || c.field === "type" || c.field === "food");
    const en: Record<string, string> = {
      restaurant: "[a restaurant|somewhere to eat|a place for dinner|a table somewhere]",
      hotel: "[a hotel|a place to stay|a room|somewhere to stay]",
      train: "[a train|train tickets|a train ticket]",
      bus: "[a bus|a coach]",
      attraction: "[something to see|an attraction|something to do]",
      taxi: "[a taxi|a cab]",
      hospital: "[a hospital department|a doctor's appointment]",
      flight: "[a flight|plane tickets]",
      police: "the police station",
      monitoring: "[a look at the servers|a status check]",
      troubleshooting: "[help with a server|someone to look at a box]",
      maintenance: "[some maintenance done|a service fixed]",
    };
    const hi: Record<string, string> = { restaurant: "रेस्टोरेंट", hotel: "होटल", train: "ट्रेन", attraction: "घूमने की जगह", taxi: "टैक्सी", hospital: "अस्पताल का विभाग", flight: "फ़्लाइट", bus: "बस" };
    const mixed: Record<string, string> = { restaurant: "[restaurant|khane ki jagah]", hotel: "[hotel|rehne ki jagah]", train: "train ticket", attraction: "[ghoomne ki jagah|koi attraction]", taxi: "[taxi|cab]", hospital: "hospital appointment", flight: "flight", bus: "bus" };
    // A catalog (a pack that names its items) is asked for by the item's category ("some tees").
    if (cat && item && task.service.table) {
      const v = String(cat.value).toLowerCase();
      return this.lang === "hi" ? `${v}` : this.lang === "mixed" ? `[kuch|koi] ${v}` : `[some|a few|] ${v}`;
    }
    const bank = this.lang === "hi" ? hi : this.lang === "mixed" ? mixed : en;
    if (bank[task.service.name]) return bank[task.service.name]!;
    if (item) return this.lang === "en" ? `[${item.map((w) => `${/^[aeiou]/i.test(w) ? "an" : "a"} ${w}`).join("|")}]` : item[0]!;
    return this.lang === "hi" ? "कुछ" : this.lang === "mixed" ? "kuch" : "something";
  }

  private wants(cs: readonly Constraint[]): string {
    const parts = cs.map((c) => describeConstraint(c, this.lang, this.rng, this.currency, this.voice.valueTemplate)).filter(Boolean);
    return listJoin(parts, this.lang === "hi" ? "और" : this.lang === "mixed" ? "aur" : "and");
  }

  /** A believable wrong value for a correction: another value of the same field in the table. */
  private wrongValue(table: string, c: Constraint): Constraint | undefined {
    if (c.op !== "eq" && c.op !== "contains") return undefined;
    if (typeof c.value !== "string") return undefined;
    const rows = this.domain.table(table);
    for (let i = 0; i < 8; i++) {
      const row = rows[this.rng.int(0, rows.length - 1)];
      const v = row?.[c.field];
      const cand = Array.isArray(v) ? v[0] : v;
      if (typeof cand === "string" && cand.toLowerCase() !== c.value.toLowerCase() && cand.length < 30 && !/^(\?|yes|no|true|false|free)$/i.test(cand)) return { ...c, value: cand };
    }
    return undefined;
  }

  /** Fields the best search tool of the task's table requires. */
  private mustSay(task: Task): string[] {
    const tool = this.tools.find(["search", "filter", "list"], task.table).find((t) => t.table === task.table);
    return tool ? requiredFields(tool) : [];
  }

  /**
   * The constraints the user will state: the goal's, plus what the search tool requires and the
   * goal leaves open, taken from the real row the scenario was grounded in (goal.targets).
   */
  private agenda(task: Task): Constraint[] {
    const out = [...task.constraints];
    const missing = this.mustSay(task).filter((f) => !out.some((c) => c.field === f));
    if (missing.length === 0 || !task.table) return out;
    const targets = (this.scenario.goal as { targets?: Array<{ service: string; table: string; id: string }> }).targets;
    const t = targets?.find((x) => x.table === task.table && x.service === task.service.name) ?? targets?.find((x) => x.table === task.table);
    const row = t ? rowIndex(this.domain, task.table).get(String(t.id)) : this.domain.table(task.table).find((r) => out.every((c) => meets(r, c)));
    if (!row) return out;
    for (const f of missing) if (row[f] !== undefined && row[f] !== "?") out.push({ field: f, op: "eq", value: row[f], service: task.service.name, table: task.table });
    return out;
  }

  private search(task: Task, revealed: Constraint[]): Shown[] | undefined {
    const plan = this.tools.searchFor(task.table!, revealed);
    if (!plan) return undefined;
    const call = { name: plan.tool.name, arguments: plan.args };
    const callText = JSON.stringify(call);
    const same = this.lastSearch && this.lastSearch.table === task.table && callText === this.lastSearch.call;
    let data: unknown;
    let id: string;
    if (same) {
      // What the user added is not something the tool can filter on: asking again would
      // return the same rows, so the assistant narrows the rows it already has.
      ({ data, id } = this.lastSearch!);
    } else {
      const alt = this.tools.searchFor(task.table!, revealed, [plan.tool.name]);
      // Half the time the assistant says what it is looking for, as people do ("On it — red, under $50.").
      const restate = this.rng.chance(0.5) && revealed.length > 0 ? this.voice.restate(this.wants(revealed)) : undefined;
      const done = this.callWithRecovery(call, "search", alt && alt.covered >= plan.covered ? [{ name: alt.tool.name, arguments: alt.args }] : [], restate);
      if (!done) return undefined;
      ({ data } = done.res);
      id = done.id;
      this.lastSearch = { table: task.table!, call: callText, data, id };
    }
    // Only rows that meet what the user said are offered, whatever else the tool returned.
    const returned = rowsOf(data);
    const rows = returned.filter((r) => revealed.every((c) => meets(this.full(task.table!, r), c)));
    // A count the assistant can vouch for: the result's total when every row fits, the fitting
    // rows when the result is the whole list, otherwise none (there may be more beyond the page).
    const total = (data as { total?: unknown } | null)?.total;
    const whole = typeof total !== "number" || total <= returned.length;
    this.lastTotal = rows.length === returned.length ? (typeof total === "number" ? total : rows.length) : whole ? rows.length : 0;
    this.closest = rows.length === 0 && returned.length > 0 ? this.remember(returned.slice(0, 3), task.table!, id) : [];
    return this.remember(rows, task.table!, id);
  }

  /** The whole row behind a (projected) result row, as this dialogue's database has it now. */
  private full(table: string, row: Row): Row {
    const key = this.domain.keyOf(table);
    const k = row[key];
    if (k === undefined) return row;
    const mine = this.session.writes.some((w) => w.table === table);
    if (!mine) return rowIndex(this.domain, table).get(String(k)) ?? row;
    return this.session.rows(table).find((r) => String(r[key]) === String(k)) ?? row;
  }

  private remember(rows: Row[], table: string, callId: string): Shown[] {
    const key = this.domain.keyOf(table);
    const d = displayOf(this.domain, table);
    const out: Shown[] = [];
    for (const row of rows) {
      const k = row[key] ?? row.id;
      if (k === undefined) continue;
      const name = displayName(nameOf(row, d.title) ?? String(k));
      const img = d.image ? row[d.image] : row.image;
      const s: Shown = { key: String(k), name, row: this.full(table, row), seen: row, table, callId, ...(typeof img === "string" && img ? { image: img } : {}) };
      this.shown.set(`${table}\u0000${s.key}`, s);
      out.push(s);
    }
    return out;
  }

  /** The assistant's answer to a search, from its rows. */
  private present(task: Task, shown: Shown[], revealed: Constraint[], variation?: string): Shown[] {
    if (shown.length === 0 && this.closest.length > 0) {
      const d = displayOf(this.domain, task.table);
      const lines = this.closest.map((s, i) => `${i + 1}. ${itemLine(s.seen, d, this.lang, this.currency, { image: false })}`);
      this.assistantSay(`${closestIntro(this.lang, this.wants(revealed), this.rng)}\n${lines.join("\n")}`, "inform", variation, this.closest);
      return [];
    }
    if (shown.length === 0) {
      const field = humanField(revealed[revealed.length - 1]?.field ?? "option");
      this.assistantSay(this.voice.assistant("none_found", { wants: this.wants(revealed), field }), "inform", variation);
      return [];
    }
    const n = Math.min(shown.length, this.voice.listSize);
    const top = this.preferTargets(task, shown).slice(0, n);
    const d = displayOf(this.domain, task.table);
    const lines = top.map((s) => itemLine(s.seen, d, this.lang, this.currency, { image: this.voice.style !== "executive" }));
    const more = this.lastTotal > n ? this.moreText(this.lastTotal) : "";
    const body = top.length === 1 ? lines[0]! : lines.map((l, i) => `${i + 1}. ${l}`).join("\n");
    const intro = this.voice.intro();
    const offer = this.voice.offer();
    const text = joinSentences([intro, top.length === 1 ? body : `\n${body}`, more, offer], this.lang).replace(/ \n/g, "\n").trim();
    this.assistantSay(text, "recommend", variation, top);
    for (const s of top) this.trace.infoShown.add(`${s.table}\u0000${s.key}`);
    return top;
  }

  private moreText(total: number): string {
    if (this.lang === "hi") return `(कुल ${total} मिले)`;
    if (this.lang === "mixed") return `(total ${total} mile)`;
    return this.rng.pick([`(${total} matches in all.)`, `(There are ${total} in total.)`, `— ${total} came up overall.`, ""]);
  }

  /** Rows meeting all of the task's constraints first: the assistant leads with the best fit. */
  private preferTargets(task: Task, shown: Shown[]): Shown[] {
    const good = shown.filter((s) => task.constraints.every((c) => meets(s.row, c)));
    const rest = shown.filter((s) => !good.includes(s));
    return [...good, ...rest];
  }

  private findAndAct(task: Task, index: number, reserve: number): void {
    const r = this.rng.fork(`task:${index}`);
    const pending = r.shuffle(this.agenda(task));
    // What the search tool cannot run without is said first (a train needs from and to).
    const must = new Set(this.mustSay(task));
    pending.sort((a, b) => Number(must.has(b.field)) - Number(must.has(a.field)));
    const revealed: Constraint[] = [];
    const thing = this.thing(task);
    // A correction: the user first says a wrong value, then fixes it after seeing results.
    let wrong: { bad: Constraint; good: Constraint } | undefined;
    if (r.chance(0.22) && pending.length > 0) {
      for (let i = 0; i < pending.length && !wrong; i++) {
        const bad = this.wrongValue(task.table!, pending[i]!);
        if (bad) {
          wrong = { bad, good: pending[i]! };
          pending[i] = bad;
        }
      }
    }
    const vague = pending.length > 0 && r.chance(this.voice.style === "senior_engineer" || this.voice.style === "executive" ? 0.1 : 0.3);
    const wanted = this.voice.style === "senior_engineer" || this.voice.style === "executive" ? 3 : r.int(1, 2);
    const openCount = Math.min(pending.length, Math.max(wanted, pending.filter((c) => must.has(c.field)).length));
    const hedge = r.chance(this.voice.style === "learner" || this.voice.style === "casual" ? 0.25 : 0.1);
    if (vague) {
      this.userSay(this.voice.user("open_vague", { thing }, { first: this.userTurns === 0 }), "search");
      this.assistantSay(this.voice.assistant("clarify_ask", { field: humanField(pending[0]!.field) }), "clarify", "clarification");
      revealed.push(...pending.splice(0, openCount));
      this.userSay(this.voice.user("answer_clarify", { wants: this.wants(revealed) }, { hedge }), "filter", hedge ? "hesitation" : undefined);
    } else {
      revealed.push(...pending.splice(0, openCount));
      const act = revealed.length > 0 ? "open" : "open_vague";
      this.userSay(this.voice.user(act, { thing, wants: this.wants(revealed) }, { first: this.userTurns === 0, hedge }), "search", hedge ? "hesitation" : undefined);
    }
    let shown = this.search(task, revealed);
    if (!shown) return this.serviceDown(task);
    let top = this.present(task, shown, revealed);

    const correct = (w: { bad: Constraint; good: Constraint }): void => {
      const i = revealed.indexOf(w.bad);
      if (i >= 0) revealed[i] = w.good;
      else revealed.push(w.good);
      // Corrected before it was said: the wrong value is never said after all.
      const j = pending.indexOf(w.bad);
      if (j >= 0) pending.splice(j, 1);
      const c = describeConstraint(w.good, this.lang, this.rng, this.currency, this.voice.valueTemplate);
      this.userSay(this.voice.user("correct", { c, old: String(w.bad.value) }), "filter", "correction");
      this.assistantSay(this.voice.assistant("correction_ack", { c }), "filter", "correction");
    };

    // Reveal the rest of the agenda, one constraint (or correction) per turn.
    while ((pending.length > 0 || wrong) && this.turnsLeft() > reserve + 2) {
      const rr = this.rng;
      let variation: string | undefined;
      if (wrong && (pending.length === 0 || rr.chance(0.6))) {
        correct(wrong);
        variation = "correction";
        wrong = undefined;
      } else {
        const next = pending.shift()!;
        revealed.push(next);
        const h = rr.chance(0.12);
        this.userSay(this.voice.user("add", { c: describeConstraint(next, this.lang, rr, this.currency, this.voice.valueTemplate) }, { hedge: h }), "filter", h ? "hesitation" : undefined);
      }
      shown = this.search(task, revealed);
      if (!shown) return this.serviceDown(task);
      top = this.present(task, shown, revealed, variation);
    }
    if (wrong) {
      // Short of turns, a user who means to get it right still corrects themselves, late.
      correct(wrong);
      wrong = undefined;
      shown = this.search(task, revealed);
      if (!shown) return this.serviceDown(task);
      top = this.present(task, shown, revealed, "correction");
    }
    if (pending.length > 0) {
      // Short of turns, the user still says everything it knows before deciding, in one message.
      const rest = pending.splice(0);
      revealed.push(...rest);
      this.userSay(this.voice.user("add", { c: this.wants(rest) }), "filter");
      shown = this.search(task, revealed);
      if (!shown) return this.serviceDown(task);
      top = this.present(task, shown, revealed);
    }

    // Look closer while the budget allows and the dialogue is still short of its minimum.
    let guard = 0;
    while (top.length > 0 && this.userTurns + reserve + 2 < this.minTurns && this.turnsLeft() > reserve + 2 && guard++ < 4) {
      if (!this.explore(task, top)) break;
    }
    this.midwayChitChat(this.turnsLeft() > reserve + 3, top[0]?.name);

    // The user takes the first option shown that meets everything it asked for, and nothing else.
    const pick = top.find((s) => task.constraints.every((c) => meets(s.row, c)));
    if (!pick) return this.giveUp(task);
    if (task.kind === "book" && task.service.booking) return this.book(task, pick);
    // A find or an information request ends with the user taking the assistant's pick.
    if (top.length > 1 && this.rng.chance(0.15) && this.turnsLeft() > reserve + 2) {
      const other = top.find((s) => s !== pick)!;
      this.userSay(this.voice.user("choose", { item: other.name }), "confirm");
      this.assistantSay(this.voice.assistant("noted", { name: other.name }), "confirm", undefined, [other]);
      this.userSay(this.voice.user("change_mind", { item2: pick.name }), "confirm", "change_of_mind");
    } else this.userSay(this.voice.user("choose", { item: pick.name }), "confirm");
    this.trace.accepted.push({ table: pick.table, row: pick.row });
    this.confirmPick(task, pick);
  }

  private confirmPick(task: Task, pick: Shown): void {
    const d = displayOf(this.domain, task.table);
    const line = itemLine(pick.seen, d, this.lang, this.currency, { image: true, details: 2 });
    // A host is not a purchase: an operator settles on one without "great choice".
    const ops = this.voice.context.ops;
    // "gpu-01 — ml, healthy" is said as "gpu-01 (ml, healthy)" inside a sentence.
    const [head, ...facts] = line.split(" — ");
    const host = facts.length ? `${head} (${facts.join(", ")})` : line;
    const en = ops
      ? ["[Okay|Right|Noted] — staying on {host}.", "{host} [it is|then]; [I'll keep it in view|noted]."]
      : ["[Great choice|Good pick|Nice one] — {line}.", "{line} — [solid choice|that one's a winner|you'll like it]."];
    const hi = ops ? ["[ठीक है|समझ गया] — {host}।"] : ["[बढ़िया चुनाव|अच्छी पसंद] — {line}।"];
    const mixed = ops ? ["[Ok|Theek hai] — {host} pe rehte hain."] : ["[Badhiya choice|Acchi pick] — {line}."];
    const bank = this.lang === "hi" ? hi : this.lang === "mixed" ? mixed : en;
    this.assistantSay(joinSentences([sayLocal(bank, this.rng, { line, host }), this.voice.offer(0.8)], this.lang), "recommend", undefined, [pick]);
  }

  /** One extra exchange about shown items: details, reviews, stock, or a comparison. Returns false when nothing fits. */
  private explore(task: Task, top: Shown[]): boolean {
    const table = task.table!;
    const item = this.rng.pick(top);
    const options: Array<() => boolean> = [];
    const get = this.tools.find(["get"], table)[0];
    // A lookup the pack declares to be about this table: reviews of an item, logs of a host.
    const about = this.tools.withRole("lookup").find((t) => t.about === table && (t.ref || t.keyArg));
    const aboutFormat = about?.table ? displayOf(this.domain, about.table).format : undefined;
    const avail = this.tools.find(["availability"]).find((t) => (t.run.item_table as string | undefined) === table);
    const compare = this.tools.find(["compare"], table)[0];
    const ops = this.tools.find(["command"]).length > 0;
    if (get?.keyArg) options.push(() => this.detail(get, item, ops ? "status" : "details"));
    if (about) options.push(() => this.detail(about, item, aboutFormat === "log" ? "logs" : aboutFormat === "reviews" ? "reviews" : "details"));
    if (ops) options.push(() => this.runCommand(task, item));
    if (avail?.keyArg) options.push(() => this.detail(avail, item, "availability"));
    if (compare?.keyArg && top.length >= 2) options.push(() => this.compare(compare, top));
    const fresh2 = options.filter((_, i) => !this.explored.has(`${item.key}:${i}`));
    if (fresh2.length === 0) return false;
    const i = options.indexOf(this.rng.pick(fresh2));
    this.explored.add(`${item.key}:${i}`);
    return options[i]!();
  }

  private detail(tool: ToolInfo, item: Shown, act: "details" | "reviews" | "availability" | "logs" | "status"): boolean {
    const arg = tool.keyArg ?? tool.ref?.arg;
    if (!arg) return false;
    const variation = act === "details" && this.rng.chance(0.3) ? "clarification" : undefined;
    this.userSay(this.voice.user(act, { item: item.name, host: item.name, c: "" }), act, variation);
    const ack = this.rng.chance(0.6) ? this.voice.restateItem(item.name, act) : undefined;
    const done = this.callWithRecovery({ name: tool.name, arguments: { [arg]: argValue(tool.properties[arg], item.key) } }, act, [], ack);
    if (!done) {
      this.assistantSay(this.voice.assistant("still_failing", { next: this.lang === "en" ? "Want to go ahead with what we have?" : "" }), "inform", "failure_recovery");
      return true;
    }
    const rows = rowsOf(done.res.data);
    const d = displayOf(this.domain, item.table);
    let text: string;
    if (act === "logs") {
      const lines = rows.slice(0, 5).map((row) => `${String(row.time ?? "").slice(11, 19)} ${String(row.level ?? "").toUpperCase()} ${row.service ?? ""}: ${row.message ?? ""}`.trim());
      text = lines.length
        ? `${this.voice.intro()}\n\`\`\`\n${lines.join("\n")}\n\`\`\``
        : this.lang === "en" ? `Logs on ${item.name} are quiet — nothing recent.` : `${item.name}: logs khaali hain.`;
    } else if (act === "status") {
      text = `${this.voice.style === "executive" ? "TL;DR: " : ""}${statusText(rows[0] ?? item.seen, this.lang, this.rng)}`;
    } else if (act === "reviews") {
      const lines = rows.slice(0, 3).map((row) => `${row.rating ?? "?"}★ "${String(row.comment ?? row.text ?? "").slice(0, 140)}"`);
      text = lines.length
        ? this.voice.assistant("reviews", { name: item.name, facts: lines.join(" · ") })
        : this.lang === "en" ? `No reviews for ${item.name} yet.` : this.lang === "hi" ? `${item.name} के अभी कोई रिव्यू नहीं हैं।` : `${item.name} ke abhi koi reviews nahi hain.`;
    } else if (act === "availability") {
      const stock = stockText(rows, this.lang);
      text = stock
        ? this.voice.assistant("availability", { name: item.name, facts: stock })
        : this.lang === "en" ? `${item.name} is out of stock right now.` : `${item.name}: stock nahi hai.`;
    } else {
      const row = rows[0] ?? item.seen;
      const skip = [d.title ?? "name", d.id ?? "id", "description", "images", "image", "source"];
      text = this.voice.assistant("details", { name: item.name, id: item.key, facts: factsText(row, skip, this.voice.style === "executive" ? 3 : 6, this.lang) });
      if (typeof row.image === "string" && this.lang === "en") text += ` Photo: ${row.image}`;
      if (this.voice.style === "learner" && this.lang === "en") text += ` ${this.voice.tip()}`;
    }
    this.assistantSay(joinSentences([text, this.voice.offer(0.5)], this.lang), "inform", variation, [item]);
    this.trace.infoShown.add(`${item.table}\u0000${item.key}`);
    return true;
  }

  private compare(tool: ToolInfo, top: Shown[]): boolean {
    const [a, b] = [top[0]!, top[1]!];
    this.userSay(this.voice.user(this.rng.chance(0.5) ? "compare" : "clarify_q", { item: a.name, item2: b.name }), "compare", "clarification");
    const arg = tool.keyArg!;
    const ack = this.rng.chance(0.6) ? this.voice.restateItem(`${a.name} and ${b.name}`, "compare") : undefined;
    const done = this.callWithRecovery({ name: tool.name, arguments: { [arg]: [a.key, b.key] } }, "compare", [], ack);
    if (!done) {
      this.assistantSay(this.voice.assistant("still_failing", { next: "" }), "inform", "failure_recovery");
      return true;
    }
    const rows = rowsOf(done.res.data);
    const pair = rows.length >= 2 ? rows.slice(0, 2) : [a.seen, b.seen];
    const lines = compareText(pair[0]!, pair[1]!, this.lang, tool.table ? this.domain.titleOf(tool.table) : undefined);
    this.assistantSay(joinSentences([this.voice.assistant("compare", { lines }), this.voice.offer(0.6)], this.lang), "compare", undefined, [a, b]);
    return true;
  }

  // ---- bookings -----------------------------------------------------------------------------

  private bookingArgs(tool: ToolInfo, service: ServiceInfo, match: Record<string, unknown>, item: Shown | undefined): Record<string, unknown> {
    const args: Record<string, unknown> = {};
    const venueKey = service.table ? this.domain.keyOf(service.table) : undefined;
    // What the user asked for (the task's call), with the row it picked as the reference.
    const gold = this.goldCall(tool.name);
    if (gold) {
      for (const [k, v] of Object.entries(gold.arguments)) if (k !== tool.ref?.arg || !item) args[k] = v;
      if (tool.ref && item) args[tool.ref.arg] = argValue(tool.properties[tool.ref.arg], item.key);
      return args;
    }
    if (tool.ref) {
      const v = item?.key ?? (venueKey ? match[venueKey] : undefined) ?? match[tool.ref.arg];
      if (v !== undefined) args[tool.ref.arg] = argValue(tool.properties[tool.ref.arg], v);
    }
    for (const [k, v] of Object.entries(match)) {
      if (k === venueKey || args[k] !== undefined) continue;
      if (tool.properties[k]) args[k] = argValue(tool.properties[k], v);
    }
    for (const req of tool.required) {
      if (args[req] !== undefined) continue;
      const v = this.fillArg(req, tool.properties[req]);
      if (v !== undefined) args[req] = v;
    }
    return args;
  }

  /** A value for a required booking argument the goal does not fix. */
  private fillArg(name: string, schema: Record<string, unknown> | undefined): unknown {
    const r = this.rng.fork(`arg:${name}`);
    if (Array.isArray(schema?.enum) && schema.enum.length > 0) return r.pick(schema.enum);
    const f = name.toLowerCase();
    const at = this.scenario.time.at;
    let v: unknown;
    if (/day/.test(f)) v = WEEKDAYS[new Date(`${at.slice(0, 10)}T12:00:00Z`).getUTCDay()] ?? "saturday";
    else if (/date/.test(f)) v = at.slice(0, 10);
    else if (/time|leave|arrive/.test(f)) v = /T(\d\d:\d\d)/.exec(at)?.[1] ?? "18:00";
    else if (/people|passengers|guests|party|seats|quantity|stay|nights/.test(f)) v = r.int(1, 4);
    else if (/name/.test(f)) v = this.scenario.persona.name ?? "Alex";
    else if (/departure|origin|from/.test(f)) v = this.scenario.region;
    else if (/destination|to/.test(f)) v = "the station";
    if (v === undefined) return undefined;
    return argValue(schema, v);
  }

  private detailsText(args: Record<string, unknown>, skip: string | undefined): string {
    const parts = Object.entries(args)
      .filter(([k]) => k !== skip)
      .map(([k, v]) => describeArg(k, v, this.lang));
    return listJoin(parts, this.lang === "hi" ? "और" : this.lang === "mixed" ? "aur" : "and");
  }

  private book(task: Task, pick: Shown): void {
    const create = this.tools.byName(task.service.booking!.create);
    if (!create) return this.giveUp(task);
    const args = this.bookingArgs(create, task.service, task.expectation?.match ?? {}, pick);
    const details = this.detailsText(args, create.ref?.arg);
    if (this.rng.chance(0.35) && details && this.turnsLeft() > 2) {
      // The user forgets the details; the assistant asks for exactly what it needs.
      this.userSay(this.voice.user("choose", { item: pick.name }), "confirm");
      this.assistantSay(this.voice.assistant("need_details", { fields: listJoin(Object.keys(args).filter((k) => k !== create.ref?.arg).map(humanField)) }), "clarify", "clarification");
      this.userSay(this.voice.user("answer_clarify", { wants: details }), "confirm");
    } else {
      this.userSay(this.voice.user("book", { item: pick.name, details }), "book");
    }
    this.trace.accepted.push({ table: pick.table, row: pick.row });
    this.create(task, create, args, pick.name);
  }

  private create(task: Task, create: ToolInfo, args: Record<string, unknown>, name: string): void {
    const done = this.callWithRecovery({ name: create.name, arguments: args }, "book");
    if (!done) return this.serviceDown(task);
    if (!done.res.ok) {
      this.assistantSay(this.voice.assistant("action_failed", { reason: done.res.error?.message ?? "it was rejected", field: "time" }), "inform");
      return this.giveUp(task);
    }
    const ref = this.newRef(create) ?? "";
    if (task.expectation) this.trace.refs.set(task.expectation, ref);
    const summary = `${name}, ${this.detailsText(args, create.ref?.arg)}`;
    this.assistantSay(`${this.voice.assistant("booked", { summary, ref })} ${this.voice.offer(0.5)}`.trim(), "confirm");
    this.emotion = this.rng.pick(["relieved", "satisfied", "happy"]);
  }

  private directBooking(task: Task, index: number): void {
    const create = this.tools.byName(task.service.booking!.create);
    if (!create) return this.explain(task, index);
    const args = this.bookingArgs(create, task.service, task.expectation?.match ?? {}, undefined);
    const details = this.detailsText(args, undefined);
    this.userSay(this.voice.user("open", { thing: this.thing(task), wants: details }, { first: this.userTurns === 0 }), "book");
    this.confirmFirst(details);
    this.userSay(this.voice.user("ok_go", {}), "confirm");
    this.create(task, create, args, this.lang === "en" ? cap(task.service.name) : task.service.name);
  }

  /** Before changing anything, a good assistant reads the request back. */
  private confirmFirst(what: string): void {
    this.assistantSay(this.voice.assistant("confirm_first", { what }), "confirm", "clarification");
  }

  private changeBooking(task: Task, index: number): void {
    const booking = task.service.booking;
    const toolName = task.kind === "cancel" ? booking?.cancel : booking?.modify;
    const tool = toolName ? this.tools.byName(toolName) : undefined;
    const ref = task.expectation ? this.trace.refs.get(task.expectation) : undefined;
    if (!tool?.keyArg || !ref) return this.explain(task, index);
    const changes: Record<string, unknown> = {};
    if (task.kind === "modify") for (const [k, v] of Object.entries(task.expectation?.match ?? {})) if (tool.properties[k]) changes[k] = argValue(tool.properties[k], v);
    const details = this.detailsText(changes, undefined);
    const withRef = this.rng.chance(0.7);
    this.userSay(this.voice.user(task.kind === "cancel" ? "cancel" : "modify", { ref: withRef ? ref : "", details }, { first: this.userTurns === 0 }), task.kind);
    if (!withRef) {
      this.assistantSay(this.lang === "en" ? sayLocal(["[Sure|Can do] — what's the booking reference?", "[Happy to|Of course]. Which booking is it? The reference starts with a letter."], this.rng) : this.lang === "hi" ? "ज़रूर — बुकिंग का रेफ़रेंस बताइए?" : "Sure — booking reference batao?", "clarify", "clarification");
      this.userSay(this.lang === "en" ? sayLocal(["[it's|sure,|] {ref}", "{ref}[, I think|]"], this.rng, { ref }) : `${ref}`, "inform");
    }
    this.confirmFirst(`${ref}${details ? `: ${details}` : ""}`);
    this.userSay(this.voice.user("ok_go", {}), "confirm");
    this.applyBookingChange(task, tool.name, tool.keyArg, ref, changes, details);
  }

  /** Runs a cancel or modify call on the user's booking and says how it went. */
  private applyBookingChange(task: Task, toolName: string, keyArg: string, ref: string, changes: Record<string, unknown>, details: string): void {
    const done = this.callWithRecovery({ name: toolName, arguments: { [keyArg]: ref, ...changes } }, task.kind);
    if (!done) return this.serviceDown(task);
    if (!done.res.ok) {
      this.assistantSay(this.voice.assistant("action_failed", { reason: done.res.error?.message ?? "it was rejected", field: "day" }), "inform");
      return this.giveUp(task);
    }
    this.assistantSay(`${this.voice.assistant(task.kind === "cancel" ? "cancelled" : "modified", { ref, summary: details })} ${this.voice.offer(0.4)}`.trim(), "confirm");
    this.emotion = this.rng.pick(["relieved", "satisfied"]);
  }

  /** A task with no table to search: ask and answer (ops' "how does X work"), or look up by name. */
  private explain(task: Task, _index: number): void {
    const plan = this.explainPlan(task, this.userTurns === 0);
    this.userSay(plan.say, plan.intent, plan.variation);
    plan.act();
  }

  /** The user's question for explain() and what the assistant then does (apart, so a single-turn dialogue can ask first). */
  private explainPlan(task: Task, first: boolean): { say: string; intent: string; variation?: string; act: () => void } {
    const r = this.rng;
    const table = task.table ?? task.service.table;
    const get = table ? this.tools.find(["get", "list", "search"], table)[0] : undefined;
    const topic = this.scenario.category ? this.domain.labelOf(this.scenario.category) : task.service.name.replace(/_/g, " ");
    const rowsHere = table ? this.domain.table(table) : [];
    const wanted = rowsHere.filter((row) => task.constraints.every((c) => meets(row, c)));
    // The first row that fits, as the task's derivation takes it (a row the user names, in the table's order).
    const picked = wanted.length > 0 ? wanted[0] : rowsHere.length > 0 ? r.pick(rowsHere) : undefined;
    // A row with no tool of its own (a service on a host) is reached through the row it belongs to.
    const via = picked && table && !get ? this.owner(picked, table) : undefined;
    if (via || (get && table)) {
      const useTable = via ? via.table : table!;
      const tool = via ? via.tool : get!;
      const target = via ? via.row : picked;
      const key = target ? String(target[this.domain.keyOf(useTable)]) : undefined;
      const host = target ? nameOf(target) ?? key ?? "" : "";
      const service = via && picked ? nameOf(picked) : undefined;
      const hostText = service ? (this.lang === "en" ? `${service} on ${host}` : `${host} (${service})`) : host;
      const say = this.voice.user("status", { host: hostText }, { first });
      const act = (): void => {
        const args: Record<string, unknown> = tool.op === "get" && tool.keyArg && key ? { [tool.keyArg]: key } : {};
        const done = this.callWithRecovery({ name: tool.name, arguments: args }, "status");
        if (!done) return this.serviceDown(task);
        const shown = this.remember(rowsOf(done.res.data), useTable, done.id).slice(0, 3);
        const text = shown.map((s) => statusText(s.seen, this.lang, this.rng)).join("\n") || this.voice.assistant("none_found", { wants: topic, field: "name" });
        this.assistantSay(joinSentences([this.voice.intro(), text, this.voice.offer()], this.lang), "inform", undefined, shown);
        for (const s of shown) this.trace.infoShown.add(`${s.table}\u0000${s.key}`);
        // A command to run is a request of its own: not in a single-turn dialogue.
        if (!this.single) this.runCommand(task, shown[0], service);
        if (via && picked) this.trace.accepted.push({ table: table!, row: picked });
        if (shown[0]) this.trace.accepted.push({ table: useTable, row: shown[0].row });
        if (via && table) this.trace.infoShown.add(`${table}\u0000${key}`);
      };
      return { say, intent: "status", act };
    }
    // Nothing to look up: a question answered from knowledge, with the pack's "no tool" call if it has one.
    const en = ["[how does|can you explain how] {topic} [works|work]?", "[what's the deal with|quick question about] {topic}?", "[I'm trying to understand|explain] {topic}[, please|]"];
    const say = this.lang === "en" ? sayLocal(en, r, { topic }) : this.lang === "hi" ? `${topic} कैसे काम करता है?` : `${topic} kaise kaam karta hai?`;
    const act = (): void => {
      const none = this.tools.withRole("none")[0];
      if (none) this.callWithRecovery({ name: none.name, arguments: { reason: `explaining ${topic}` } }, "inform");
      const answer = this.lang === "en"
        ? sayLocal(["[Good question|Sure]! In short: {topic} [comes down to|is mostly about] knowing what state things are in and changing one thing at a time. [Pro tip: check before you change anything.|Pro tip: keep a note of what you ran.] [Want me to show you on a real box?|Want an example?]"], r, { topic })
        : this.lang === "hi" ? `अच्छा सवाल! संक्षेप में: ${topic} में पहले स्थिति देखिए, फिर एक बार में एक बदलाव कीजिए।` : `Accha question! Short mein: ${topic} mein pehle state check karo, phir ek time pe ek change karo.`;
      this.assistantSay(answer, "inform");
      this.trace.infoShown.add(`topic\u0000${topic}`);
    };
    return { say, intent: "clarify", variation: "clarification", act };
  }

  /** The row a row belongs to (a service's host), when that table has a get tool. */
  private owner(row: Row, table: string): { table: string; row: Row; tool: ToolInfo } | undefined {
    // A get tool that includes this table's rows declares the link: `include: [{table, field}]`, field holding the owner's key.
    for (const tool of this.tools.find(["get"])) {
      if (!tool.table) continue;
      for (const inc of (tool.run.include as Array<{ table: string; field: string }> | undefined) ?? []) {
        if (inc.table !== table) continue;
        const v = row[inc.field];
        const hit = v == null ? undefined : rowIndex(this.domain, tool.table).get(String(v));
        if (hit) return { table: tool.table, row: hit, tool };
      }
    }
    return undefined;
  }

  /** The user intent label that counts as a yes under the pack's confirmation policy. */
  private get consentIntent(): string {
    return this.domain.pack.policy?.confirm?.consent_intent ?? "confirm";
  }

  /**
   * The pack's policy wants the user's yes before this write: the assistant says what it is
   * about to do and asks; the user answers from what it can see — yes when the read-back names
   * exactly what it asked for, no when it does not. Returns whether the user said yes.
   */
  private askConsent(what: string, expected: string[], target: string): boolean {
    this.assistantSay(this.voice.assistant("confirm_first", { what }), "confirm", "clarification");
    const asked = String(this.messages[this.messages.length - 1]!.content);
    const yes = expected.every((e) => asked.includes(e));
    if (yes) {
      this.userSay(this.voice.user("ok_go", {}), this.consentIntent);
      return true;
    }
    this.userSay(this.voice.user("keep_it", {}, { hedge: this.rng.chance(0.4) }), "decline", "change_of_mind");
    const text = this.lang === "en" ? sayLocal(["[Okay|Understood|No problem] — [nothing was run|I haven't run anything]; {target} [stays as it is|is unchanged]."], this.rng, { target }) : this.lang === "hi" ? `ठीक है — कुछ नहीं चलाया; ${target} जैसा था वैसा है।` : `Theek hai — kuch nahi chalaya; ${target} waisa hi hai.`;
    this.assistantSay(text, "inform");
    return false;
  }

  /**
   * For ops: a command the pack knows that fits the scenario's category, run on the host: the
   * one the task asks for, else a read-only one. Returns false when there is none.
   */
  private runCommand(_task: Task, host: Shown | undefined, service?: string): boolean {
    const tool = this.tools.find(["command"])[0];
    if (!tool || !host || this.turnsLeft() < 3) return false;
    const cat = this.scenario.category;
    const svc = Array.isArray(host.row.services) ? (host.row.services as Array<{ name?: string; status?: string }>) : [];
    const broken = service ?? svc.find((s) => s.status && s.status !== "running")?.name ?? svc[0]?.name ?? "nginx";
    // The commands the pack declares for the category; {{service}} is the service in question.
    const cands = (this.domain.category(cat)?.commands ?? []).map((c) => c.replaceAll("{{service}}", broken));
    const patterns = ((tool.run.commands as Array<{ pattern: string }>) ?? []).map((c) => new RegExp(c.pattern));
    const hostArg = tool.keyArg;
    const cmdArg = tool.run.command_arg as string | undefined;
    if (!hostArg || !cmdArg) return false;
    // A command that changes the host is run only when the user's task asks for exactly it; any read-only one may be asked for.
    const asked = this.checked?.evaluation.actions.find((a) => a.name === tool.name && String(a.arguments[hostArg]) === host.key);
    const cmd = asked
      ? String(asked.arguments[cmdArg])
      : this.rng.shuffle(cands).find((c) => patterns.some((p) => p.test(c)) && !this.domain.needsConfirmation(tool.name, { [hostArg]: host.key, [cmdArg]: c }));
    if (!cmd) return false;
    const call = { name: tool.name, arguments: { [hostArg]: host.key, [cmdArg]: cmd } };
    const ask = this.domain.needsConfirmation(call.name, call.arguments);
    this.userSay(this.voice.user("command", { cmd, host: host.name }), "command");
    if (ask) {
      const what = this.lang === "en" ? `I'll run \`${cmd}\` on ${host.name}` : `\`${cmd}\` → ${host.name}`;
      if (!this.askConsent(what, [cmd, host.name], host.name)) return true;
    }
    const ack = this.rng.chance(0.6) ? this.voice.restateItem(host.name, "command") : undefined;
    const done = this.callWithRecovery(call, "command", [], ack);
    if (!done) return true;
    const data = done.res.data as { output?: unknown; stdout?: unknown } | undefined;
    const output = typeof data?.output === "string" ? data.output : typeof data?.stdout === "string" ? data.stdout : done.res.content;
    this.assistantSay(`${this.voice.assistant("command", { cmd, name: host.name, output: "```\n" + String(output).slice(0, 600) + "\n```" })} ${this.voice.offer(0.6)}`.trim(), "inform", undefined, [host]);
    return true;
  }

  // ---- endings ------------------------------------------------------------------------------

  private serviceDown(task: Task): void {
    const next = this.lang === "en" ? "I'll pass this to the team so it doesn't get lost." : this.lang === "hi" ? "मैं यह टीम को भेज रहा हूँ।" : "Main ye team ko bhej raha hoon.";
    this.assistantSay(this.voice.assistant("still_failing", { next }), "inform", "failure_recovery");
    if (this.ending === "escalated") return this.escalate(task);
    this.giveUp(task);
  }

  /**
   * A multi-turn dialogue (--multi-turn) whose flow made one request only (a question answered
   * at once, a booking given up): before the goodbye, the user asks one more thing — about an
   * item the assistant showed, with the tool that looks it up, or whether they can come back.
   */
  private followUp(): void {
    if (!this.multi || this.requests > 1) return;
    this.multi = false;
    const item = [...this.shown.values()].pop();
    const get = item ? this.tools.find(["get"], item.table)[0] : undefined;
    if (item && get?.keyArg && this.detail(get, item, this.tools.find(["command"]).length > 0 ? "status" : "details")) return;
    const r = this.rng;
    if (this.lang === "en") {
      this.userSay(sayLocal(["[One more thing|Oh, and one more question|Also]: [can I come back to this chat later|if I need this again, can I just ask here]?"], r), "clarify");
      this.assistantSay(sayLocal(["[Of course|Yes, any time] — [start a chat whenever you like|just message me again] and [tell me what you need|say what you're after]; I'll look everything up fresh."], r), "inform");
    } else if (this.lang === "hi") {
      this.userSay("एक बात और: क्या मैं बाद में फिर यहाँ पूछ सकता हूँ?", "clarify");
      this.assistantSay("ज़रूर — जब चाहें फिर लिखिए, मैं सब दोबारा देख लूँगा।", "inform");
    } else {
      this.userSay("Ek aur baat: kya main baad mein yahan phir pooch sakta hoon?", "clarify");
      this.assistantSay("Bilkul — jab chaho phir likho, main sab dobara check kar lunga.", "inform");
    }
  }

  /** A dialogue still short of the scenario's minimum: before the goodbye, the user asks about what it was shown (read-only look-ups). */
  private beforeGoodbye(): void {
    const items = [...this.shown.values()].reverse();
    const ops = this.tools.find(["command"]).length > 0;
    // A single-turn dialogue (--multi-turn) makes one request only.
    for (let i = 0; !this.single && i < 3 && this.userTurns + 1 < this.minTurns && this.turnsLeft() > 1; i++) {
      const item = items[i];
      const get = item ? this.tools.find(["get"], item.table)[0] : undefined;
      if (!item || !get?.keyArg || !this.detail(get, item, ops ? "status" : "details")) break;
    }
  }

  private giveUp(_task: Task): void {
    this.followUp();
    this.trace.gaveUp = true;
    this.emotion = this.rng.pick(["disappointed", "frustrated", "resigned"]);
    this.userSay(this.voice.user("give_up", {}, { last: true }), "farewell");
    this.assistantSay(this.voice.assistant("give_up_reply"), "farewell");
  }

  private escalate(_task: Task): void {
    this.trace.escalated = true;
    this.emotion = this.rng.pick(["frustrated", "impatient", "annoyed"]);
    // In a single-turn dialogue the assistant hands over without being asked again.
    if (!this.single) this.userSay(this.voice.user("escalate", {}, { emotion: this.emotion, last: true }), "escalate");
    // The pack's one declared hand-off tool (policy.handoff), only when the user asks for a person.
    const handoff = this.domain.handoffTool;
    const tool = handoff ? this.tools.byName(handoff) : undefined;
    if (tool) this.exec({ name: tool.name, arguments: handoffArgs(tool, this.scenario) }, null, "escalate");
    this.assistantSay(this.voice.assistant("escalate"), "escalate");
  }

  private close(): void {
    if (this.trace.gaveUp || this.trace.escalated) return;
    this.beforeGoodbye();
    this.followUp();
    this.userSay(this.voice.user("thanks_done", {}, { last: true }), "farewell");
    this.assistantSay(this.voice.assistant("farewell"), "farewell");
  }
}

function capFirst(s: string): string {
  return s.charAt(0).toUpperCase() + s.slice(1);
}

function cap(s: string): string {
  return s.charAt(0).toUpperCase() + s.slice(1);
}

/** Arguments for a hand-off: each required text argument gets what the user wanted, so a person can take over. */
function handoffArgs(tool: ToolInfo, scenario: Scenario): Record<string, unknown> {
  const args: Record<string, unknown> = {};
  for (const r of tool.required) if (tool.properties[r]?.type === "string") args[r] = `The user asked for a person. Their goal: ${scenario.goal.text}`;
  return args;
}

/** A bank written where it is used; values go in as slots, so the templates stay few and cached. */
function sayLocal(bank: string[], rng: Rng, slots: Record<string, string> = {}): string {
  return sayBank(bank, rng, slots);
}
