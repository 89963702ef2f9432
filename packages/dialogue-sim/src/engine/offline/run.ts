// The offline engine's run: a user agent pursuing the scenario's goal (user-agent.ts) and an
// assistant policy (assistant-policy.ts, recovery.ts) that calls the pack's tools on the
// dialogue's own session and answers from what they returned, in sentences the realizer
// builds (realizer.ts, realize-results.ts). The conversation's shapes are each in a file of
// their own: find.ts, explore.ts, booking.ts, ops.ts, single-turn.ts, small-talk.ts, endings.ts.
import type { Rng } from "@chatmill/kit";
import type { Message, Scenario, Task as CheckedTask } from "@chatmill/schema";
import type { Domain, Session } from "../../contract.js";
import { firstRequest, reservedAsk, reservedReply } from "../reserved-request.js";
import { offerAbout } from "./handoff-about.js";
import { answer, isFactsTask } from "./answer.js";
import { changeBooking, directBooking } from "./booking.js";
import { Dialog, type FlowOptions, type Task } from "./context.js";
import { close, escalate } from "./endings.js";
import { findAndAct } from "./find.js";
import { explain } from "./ops.js";
import { setupBookings } from "./setup.js";
import { oneShot } from "./single-turn.js";
import { openingAfterAll, openingChitChat } from "./small-talk.js";
import type { Trace } from "./transcript.js";
import { agenda, ending, ownAsk, requestItem, reservedReason, tasks as userTasks } from "./user-agent.js";

/** One offline dialogue: its messages and what the run observed. All randomness comes from `rng`. */
export function runOffline(
  scenario: Scenario,
  domain: Domain,
  session: Session,
  rng: Rng,
  flow: FlowOptions = {},
  checked?: CheckedTask,
): { messages: Message[]; trace: Trace } {
  const d = new Dialog(scenario, domain, session, rng, flow, checked);
  const t = d.t;
  // The pack's own prompt and its policy text (policy.file): what the assistant was told.
  const system = domain.systemPrompt;
  if (system) t.messages.push({ role: "system", content: system });
  const tasks = userTasks(d);
  setupBookings(d);
  openingChitChat(d);
  d.single = flow.multiTurn !== undefined && !rng.fork("multi-turn").chance(flow.multiTurn);
  d.multi = flow.multiTurn !== undefined && !d.single;
  if (d.single) oneShot(d, tasks);
  else {
    tasks.forEach((task, i) => {
      if (t.trace.gaveUp || t.trace.escalated) return;
      // A request reserved to a person is said first, and left for the hand-off.
      if (i === 0 && ending(d) === "escalated") return reservedRequest(d, tasks.length > 1);
      const turnsForRest = (tasks.length - i - 1) * 3 + 1;
      oneTask(d, task, i, turnsForRest);
    });
  }
  // A request the policy reserves to a person: once the rest is done, the user asks for one.
  if (ending(d) === "escalated" && !t.trace.gaveUp && !t.trace.escalated) escalate(d, tasks[tasks.length - 1]!, true);
  close(d);
  openingAfterAll(d);
  return { messages: t.messages, trace: t.trace };
}

/**
 * Only the bookings that exist before the conversation, for an engine that runs the
 * conversation itself (the LLM engine): the calls made and the refs of the bookings.
 */
export function offlineSetup(scenario: Scenario, domain: Domain, session: Session, rng: Rng): Pick<Trace, "setup" | "refs"> {
  const d = new Dialog(scenario, domain, session, rng);
  setupBookings(d);
  return { setup: d.t.trace.setup, refs: d.t.trace.refs };
}

/** The user's request the policy reserves to a person: stated, and acknowledged as one a person handles. */
function reservedRequest(d: Dialog, more: boolean): void {
  const item = requestItem(d, firstRequest(reservedReason(d)));
  d.t.userSay(reservedAsk(reservedReason(d), d.lang, d.rng, { item, own: ownAsk(d) }), d.scenario.intent ?? "request");
  const about = offerAbout(d, reservedReason(d), item);
  d.t.assistantSay(reservedReply(d.lang, more, d.rng, about.reason, about.item), "inform");
}

/** One of the user's requests, in the conversation its kind calls for. */
function oneTask(d: Dialog, task: Task, index: number, reserve: number): void {
  d.lastSearch = undefined;
  d.voice.context = { ...d.voice.context, bookable: !!task.service.booking };
  const search = task.table ? d.tools.searchFor(task.table, agenda(d, task)) : undefined;
  if (task.kind === "cancel" || task.kind === "modify") return changeBooking(d, task, index);
  // An information service: answered from the row the user names, read with the pack's tool.
  if (isFactsTask(task) && answer(d, task, index)) return;
  if (!task.table || !search) {
    if (task.service.booking && task.kind === "book") return directBooking(d, task, index);
    return explain(d, task, index);
  }
  findAndAct(d, task, index, reserve);
}
