import type { Task, TaskAction } from "@chatmill/schema";
import type { Domain, Row, ServiceInfo } from "../contract.js";
import { fieldOf } from "../match.js";
import { nameOf } from "../names.js";
import { createSession, type ToolSession } from "../session.js";
import { agendaOf, bookingArgs, commandAction, firstMeeting } from "./gold-actions.js";
import { ToolIndex, argValue, type Constraint } from "./tool-index.js";

export { agendaOf } from "./gold-actions.js";

/**
 * A scenario's goal made into a checkable task, from the pack's declared semantics only: the
 * service's booking tools, its search tools' own result order, the policy's hand-off. The
 * rule for "which row": the first row, in the order the search tool returns them, that meets
 * every constraint the user states — a rule the simulated user can follow from what it sees.
 */

/** A goal as scenario-gen writes it (Scenario.goal): constraints, expected end states, the rows it was grounded in, the bookings that exist before. */
export interface GoalInput {
  constraints: ReadonlyArray<Constraint & { service?: string | undefined; table?: string | undefined }>;
  end_state: ReadonlyArray<{ type: string; service?: string | undefined; table?: string | undefined; match?: Record<string, unknown> | undefined }>;
  targets?: ReadonlyArray<{ service: string; table: string; id: string }> | undefined;
  /** Bookings that exist before the conversation; `closed` ones were cancelled before it (a request the data refuses). */
  setup?: ReadonlyArray<{ service: string; match?: Record<string, unknown> | undefined; closed?: boolean | undefined }> | undefined;
}

export interface TaskInput {
  goal: GoalInput;
  category: string;
  /** Why the user contacts, in their words (the goal's text). */
  reason: string;
}

/** What went wrong deriving or validating a task: the action the tools refused and their error. */
export interface TaskProblem {
  message: string;
  action?: TaskAction;
  error?: string;
}

export type Derived = { task: Task; problem?: undefined } | { task?: undefined; problem: TaskProblem };

/** Whether the pack's policy reserves this category's task to a person (policy.handoff.tasks). */
export function reservedToPerson(domain: Domain, category: string): boolean {
  const kind = domain.taskOf(category);
  return kind !== undefined && (domain.pack.policy?.handoff?.tasks ?? []).includes(kind);
}

/** The task of a goal: its setup, expected actions, facts to say, the user's instructions, and the ending the data allows. */
export function deriveTask(domain: Domain, input: TaskInput): Derived {
  const tools = ToolIndex.of(domain);
  const { goal } = input;
  const session = createSession(domain);
  const known: Record<string, string | number | boolean> = {};
  const decisions: string[] = [];
  const unknown: string[] = [];

  // The world before the conversation: the bookings the user already has.
  const setup: TaskAction[] = [];
  const refs = new Map<string, string>();
  for (const s of goal.setup ?? []) {
    const service = serviceOf(domain, s.service);
    const create = service?.booking ? tools.byName(service.booking.create) : undefined;
    if (!service || !create) return problem(`setup: service '${s.service}' has no create tool`);
    const args = bookingArgs(domain, service, create.name, s.match ?? {}, undefined);
    if ("missing" in args) return problem(`setup: the booking of '${s.service}' needs '${args.missing}', which the goal does not give`);
    const made = run(session, { name: create.name, arguments: args.args });
    if (made.error) return { problem: { message: `setup call refused`, action: made.action, error: made.error } };
    setup.push(made.action);
    const ref = lastInsert(session, create.table);
    if (ref === undefined) return problem(`setup: '${create.name}' made no row`);
    refs.set(s.service, ref);
    known[`${s.service} booking reference`] = ref;
    if (s.closed) {
      const cancel = service.booking?.cancel ? tools.byName(service.booking.cancel) : undefined;
      if (!cancel?.keyArg) return problem(`setup: service '${s.service}' has no cancel tool to close the booking`);
      const closed = run(session, { name: cancel.name, arguments: { [cancel.keyArg]: ref } });
      if (closed.error) return { problem: { message: "setup call refused", action: closed.action, error: closed.error } };
      setup.push(closed.action);
    }
  }

  const actions: TaskAction[] = [];
  const communicate: string[] = [];
  let expected: NonNullable<Task["expected"]> = "resolved";

  // The primary request of a category the policy reserves to a person is handed off, after the scenario's other requests are done.
  const reserved = reservedToPerson(domain, input.category);
  const handoff = domain.handoffTool ? tools.byName(domain.handoffTool) : undefined;
  if (reserved && !handoff) return problem(`the policy reserves category '${input.category}' to a person but the pack declares no hand-off tool`);

  const work = goal.end_state.filter((e) => e.type !== "escalated");
  for (const [i, e] of work.entries()) {
    if (i === 0 && reserved) continue;
    const service = serviceOf(domain, e.service) ?? domain.services[0]!;
    const constraints = goal.constraints.filter((c) => (c.service ? c.service === service.name : i === 0));
    const table = e.table ?? service.table;
    const booking = service.booking;
    if (e.type === "booking_cancelled" || e.type === "booking_modified") {
      const toolName = e.type === "booking_cancelled" ? booking?.cancel : booking?.modify;
      const tool = toolName ? tools.byName(toolName) : undefined;
      const ref = refs.get(service.name);
      if (!tool?.keyArg || ref === undefined) return problem(`${e.type} of '${service.name}': no ${e.type === "booking_cancelled" ? "cancel" : "modify"} tool or no booking to change`);
      const args: Record<string, unknown> = { [tool.keyArg]: ref };
      if (e.type === "booking_modified") for (const [k, v] of Object.entries(e.match ?? {})) if (tool.properties[k] && k !== tool.keyArg) args[k] = argValue(tool.properties[k], v);
      const done = run(session, { name: tool.name, arguments: args });
      if (done.error) {
        // The data refuses the change (the booking is closed): the request cannot be met.
        decisions.push("If the assistant says the booking cannot be changed, accept it and end the conversation.");
        expected = "failed";
        break;
      }
      actions.push(done.action);
      decisions.push(e.type === "booking_cancelled" ? "Confirm the cancellation when the assistant reads it back." : "Confirm the change when the assistant reads it back.");
      continue;
    }
    // An information service: the row the user asks about, read as the assistant reads it; its declared facts are what must be said.
    if (service.facts && table && e.type !== "booking_created") {
      const agenda = agendaOf(domain, tools, service, table, constraints, goal.targets);
      const read = tools.readFor(table, agenda);
      if (!read) return problem(`service '${service.name}' declares facts but no lookup or search tool reads its row from what the user asks (${agenda.map((c) => c.field).join(", ") || "nothing"})`);
      for (const c of agenda) known[knownKey(service.name, c.field)] = knownValue(c.value);
      const row = firstMeeting(domain, session, read, table, agenda);
      if (!row) {
        decisions.push("If the assistant finds nothing on what you asked about, accept it and end the conversation.");
        expected = "failed";
        break;
      }
      for (const f of service.facts) communicate.push(fact(String(fieldOf(row, f))));
      decisions.push("You only want to understand it: once the assistant has explained it, thank them and end.");
      continue;
    }
    // A find, or a booking of a found row: the target is the first row the search shows that meets everything.
    let target: Row | undefined;
    let searchable = false;
    if (table) {
      const agenda = agendaOf(domain, tools, service, table, constraints, goal.targets);
      const plan = tools.searchFor(table, agenda);
      if (plan) {
        searchable = true;
        target = firstMeeting(domain, session, plan, table, agenda);
        for (const c of agenda) known[knownKey(service.name, c.field)] = knownValue(c.value);
        if (!target) {
          decisions.push("If the assistant shows that nothing meets everything you asked for, give up politely: do not accept anything else.");
          expected = "failed";
          break;
        }
        decisions.push("Take the first option the assistant shows that meets everything you asked for.");
      }
    }
    if (e.type === "booking_created" && booking) {
      const create = tools.byName(booking.create);
      if (!create) return problem(`service '${service.name}' declares create tool '${booking.create}', which the pack does not have`);
      if (create.ref && !target) return problem(`booking of '${service.name}' needs a ${create.ref.table} row and none could be found by a search`);
      const args = bookingArgs(domain, service, create.name, e.match ?? {}, target);
      if ("missing" in args) return problem(`the booking of '${service.name}' needs '${args.missing}', which the goal does not give`);
      const done = run(session, { name: create.name, arguments: args.args });
      if (done.error) return { problem: { message: "expected action refused", action: done.action, error: done.error } };
      actions.push(done.action);
      for (const [k, v] of Object.entries(args.args)) if (k !== create.ref?.arg) known[knownKey(service.name, k)] = knownValue(v);
      continue;
    }
    if (target && searchable) {
      const name = nameOf(target, table ? domain.titleOf(table) : undefined);
      if (name) communicate.push(fact(name));
    }
    // A request the category answers by running one of its declared commands that changes a host (a restart): that call.
    const command = !searchable && i === 0 && table ? commandAction(domain, tools, input.category, table, constraints) : undefined;
    if (command) {
      const done = run(session, command);
      if (done.error) return { problem: { message: "expected action refused", action: command, error: done.error } };
      actions.push(command);
      decisions.push("Ask the assistant to run the command on the host, and say yes when it reads it back.");
    }
  }
  if (reserved && handoff && expected === "resolved") {
    const args: Record<string, unknown> = {};
    for (const r of handoff.required) if (handoff.properties[r]?.type === "string") args[r] = `The user asked for a person. Their goal: ${input.reason}`;
    actions.push({ name: handoff.name, arguments: args });
    decisions.push("Your main request needs a person: once the rest is done, ask to be handed to a human agent.");
    expected = "escalated";
  }
  if (expected === "failed") unknown.push("anything that would make the request possible: do not change what you asked for");
  return finish({ reason: input.reason, known, unknown, decisions }, actions, communicate, setup, expected);
}

function finish(instructions: NonNullable<Task["instructions"]>, actions: TaskAction[], communicate: string[], setup: TaskAction[], expected: NonNullable<Task["expected"]>): Derived {
  const inst: NonNullable<Task["instructions"]> = { reason: instructions.reason };
  if (instructions.known && Object.keys(instructions.known).length > 0) inst.known = instructions.known;
  if (instructions.unknown && instructions.unknown.length > 0) inst.unknown = instructions.unknown;
  if (instructions.decisions && instructions.decisions.length > 0) inst.decisions = [...new Set(instructions.decisions)];
  const task: Task = {
    instructions: inst,
    evaluation: { actions, ...(communicate.length > 0 ? { communicate: [...new Set(communicate)] } : {}) },
    ...(setup.length > 0 ? { setup } : {}),
    expected,
  };
  return { task };
}

function problem(message: string): Derived {
  return { problem: { message } };
}

function serviceOf(domain: Domain, name: string | undefined): ServiceInfo | undefined {
  return name === undefined ? undefined : domain.services.find((s) => s.name === name);
}

/** A fact as the checker looks for it: lower-case, and without commas (the said text loses its commas before the search). */
export function fact(value: string): string {
  return value.replaceAll(",", "").toLowerCase();
}

/**
 * What the user knows is keyed by the service it is about ("train destination", "taxi
 * destination"), as the booking references are: a scenario's services often share field names,
 * and one service's value must not overwrite another's.
 */
function knownKey(service: string, field: string): string {
  return `${service} ${field}`;
}

/**
 * Whether a task checks anything: a "resolved" task needs expected actions or facts to say,
 * else any dialogue earns reward 1. (A "failed" task with no actions checks that nothing was
 * changed; an "escalated" one expects the hand-off.)
 */
export function checksSomething(task: Task): boolean {
  if ((task.expected ?? "resolved") !== "resolved") return true;
  return task.evaluation.actions.length > 0 || (task.evaluation.communicate ?? []).length > 0;
}

function knownValue(v: unknown): string | number | boolean {
  return typeof v === "number" || typeof v === "boolean" || typeof v === "string" ? v : JSON.stringify(v);
}

function run(session: ToolSession, action: TaskAction): { action: TaskAction; error?: string } {
  const r = session.call({ name: action.name, arguments: action.arguments });
  return r.ok ? { action } : { action, error: r.error?.message ?? r.content };
}

function lastInsert(session: ToolSession, table: string | undefined): string | undefined {
  for (let i = session.writes.length - 1; i >= 0; i--) {
    const w = session.writes[i]!;
    if (w.op === "insert" && (!table || w.table === table)) return w.key;
  }
  return undefined;
}
