import { judgeDialogue, type Judgement, type ToolSession } from "@chatmill/domains";
import type { Rng } from "@chatmill/kit";
import type { Dialogue, Scenario, TaskAction } from "@chatmill/schema";
import type { Call, Domain, Session } from "../../contract.js";
import { findAcross, findWorking, ACROSS_TIMES } from "./arithmetic.js";
import { actionPrice, isListAmount, unpriced } from "./derive.js";
import { callKey, leaves, nextRead, type ReadTool } from "./discover.js";
import { norm } from "./seen.js";
import { MAX_EXPLORE_READS, MAX_READS_PER_ACTION, type TaskTrace } from "./task-state.js";
import { TaskWorkings } from "./task-workings.js";
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

/** Whether the task engine runs this scenario: it carries a task, and its goal neither constraints nor expectations to pursue. */
export function isTaskScenario(scenario: Scenario): boolean {
  // scenario-gen's tasks always carry the goal's expectations (an ops "learn about X" task has no
  // constraints but does expect an answer): those stay with the scenario engine that made them.
  return scenario.task !== undefined && scenario.goal.constraints.length === 0 && scenario.goal.end_state.length === 0;
}

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

class TaskRun extends TaskWorkings {
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
}

export { firstPerson } from "./task-words.js";
export type { TaskTrace } from "./task-state.js";
