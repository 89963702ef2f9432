// How a dialogue ends: the user's last questions, thanks when it is done, giving up when it
// cannot be done, asking for a person (and the pack's hand-off tool) when the task needs one.
import { handoffArgs } from "./assistant-policy.js";
import type { Dialog, Task } from "./context.js";
import { detail } from "./explore.js";
import type { Shown } from "../present.js";
import { meets } from "../rows.js";
import { firstRequest, yourRequest } from "../reserved-request.js";
import { goodbye, handoffLine, sorryGoodbye } from "./goodbye.js";
import { offerAbout } from "./handoff-about.js";
import { comeBack, handoffYes, passToTeam, thanksFor, thanksForTheRest } from "./realizer.js";
import { ending, requestItem, reservedReason, tasks as userTasks } from "./user-agent.js";

/** The service stays down: the assistant says so; the user gives up, or asks for a person when it meant to. */
export function serviceDown(d: Dialog, task: Task): void {
  d.t.assistantSay(d.voice.assistant("still_failing", { next: passToTeam(d) }), "inform", "failure_recovery");
  if (ending(d) === "escalated") return escalate(d, task);
  giveUp(d, task);
}

/**
 * A multi-turn dialogue (--multi-turn) whose flow made one request only (a question answered
 * at once, a booking given up): before the goodbye, the user asks one more thing — about an
 * item the assistant showed, with the tool that looks it up, or whether they can come back.
 */
function followUp(d: Dialog): void {
  if (!d.multi || d.t.requests > 1) return;
  d.multi = false;
  // Only what the assistant named: a row a tool returned but nobody said is not the user's to ask about.
  const item = listedSoFar(d).pop();
  const get = item ? d.tools.find(["get"], item.table)[0] : undefined;
  if (item && get?.keyArg && detail(d, get, item, d.ops ? "status" : "details")) return;
  const { ask, answer } = comeBack(d);
  d.t.userSay(ask, "clarify");
  d.t.assistantSay(answer, "inform");
}

/** A dialogue still short of the scenario's minimum: before the goodbye, the user asks about what it was shown (read-only look-ups). */
function beforeGoodbye(d: Dialog): void {
  const t = d.t;
  // What it was shown and has not looked at yet comes first (the latest first): a second look at one it asked about says less that is new.
  const looked = new Set([...d.explored].map((k) => k.slice(0, k.lastIndexOf(":"))));
  const listed = listedSoFar(d).reverse();
  const items = [...listed.filter((s) => !looked.has(s.key)), ...listed.filter((s) => looked.has(s.key))];
  const ops = d.ops;
  // A single-turn dialogue (--multi-turn) makes one request only.
  for (let i = 0; !d.single && i < 3 && t.userTurns + 1 < t.minTurns && t.turnsLeft() > 1; i++) {
    const item = items[i];
    const get = item ? d.tools.find(["get"], item.table)[0] : undefined;
    if (!item || !get?.keyArg || !detail(d, get, item, ops ? "status" : "details")) break;
  }
}

export function giveUp(d: Dialog, _task: Task): void {
  const t = d.t;
  followUp(d);
  t.trace.gaveUp = true;
  // A user that has something out of the dialogue does not give up on it: it thanks for that and leaves this request for later.
  if (gotSomething(d)) {
    t.emotion = d.rng.pick(["resigned", "satisfied"]);
    t.userSay(d.voice.casing(thanksForTheRest(d)), "thanks");
    t.assistantSay(sorryGoodbye(d), "farewell");
    return;
  }
  t.emotion = d.rng.pick(["disappointed", "frustrated", "resigned"]);
  t.userSay(d.voice.user("give_up", {}, { last: true }), "farewell");
  t.assistantSay(sorryGoodbye(d), "farewell");
}

/**
 * What the user has out of the dialogue, from what it saw: an item it took (chose or booked), or
 * an option the assistant listed that meets everything one of its requests asks for.
 */
function gotSomething(d: Dialog): boolean {
  if (d.t.trace.accepted.length > 0) return true;
  const listed = listedSoFar(d);
  return userTasks(d).some((task) => task.constraints.length > 0 && listed.some((s) => s.table === task.table && task.constraints.every((c) => meets(s.row, c))));
}

/** The rows the assistant has listed to the user so far (what it said, not every row a tool returned), first listed first. */
export function listedSoFar(d: Dialog, table?: string): Shown[] {
  return [...d.t.trace.infoShown].map((k) => d.shown.get(k)).filter((s): s is Shown => s !== undefined && (table === undefined || s.table === table));
}

/**
 * The user asks for a person and the pack's hand-off tool runs. `offered`: the request is one
 * the policy reserves to a person and the assistant already offered the hand-off, so the user
 * takes it calmly ("yes, go ahead"); otherwise (the service stayed down) it asks, frustrated.
 */
export function escalate(d: Dialog, _task: Task, offered = false): void {
  const t = d.t;
  t.trace.escalated = true;
  if (!offered) t.emotion = d.rng.pick(["frustrated", "impatient", "annoyed"]);
  // In a single-turn dialogue the assistant hands over without being asked again.
  // Taking an offered hand-off is often said as what it is ("yes, put me through"), not only a bare yes.
  const yes = () => (d.rng.chance(0.6) ? d.voice.casing(handoffYes(d)) : d.voice.user("ok_go", {}, { last: true }));
  if (!d.single) t.userSay(offered ? yes() : d.voice.user("escalate", {}, { emotion: t.emotion, last: true }), "escalate");
  // The pack's one declared hand-off tool (policy.handoff), only when the user asks for a person.
  const handoff = d.domain.handoffTool;
  const tool = handoff ? d.tools.byName(handoff) : undefined;
  if (tool) t.exec({ name: tool.name, arguments: handoffArgs(tool, d.scenario) }, null, "escalate");
  t.assistantSay(handoffLine(d, handoffAbout(d, offered), offered), "escalate");
}

/**
 * What a hand-off is about: a request reserved to a person is said back (in English) or named by
 * the value it names; after a service stayed down, the item last shown, if any.
 */
function handoffAbout(d: Dialog, offered: boolean): { req?: string; item?: string } {
  if (offered) {
    // A topic the pack explains is not named, nor the request that names it (handoff-about.ts).
    const about = offerAbout(d, reservedReason(d), requestItem(d, firstRequest(reservedReason(d))));
    return { req: d.lang === "en" && about.reason ? yourRequest(about.reason) : undefined, item: about.item };
  }
  return { item: listedSoFar(d).pop()?.name };
}

/** The goodbye of a dialogue that got what it came for (after any last look-ups). */
export function close(d: Dialog): void {
  const t = d.t;
  if (t.trace.gaveUp || t.trace.escalated) return;
  beforeGoodbye(d);
  followUp(d);
  // The goodbye often names what the dialogue was about (the item taken, the host looked at): said of this dialogue, not any.
  const about = lastAccepted(d);
  t.userSay(about && d.rng.chance(0.4) ? d.voice.casing(d.voice.says(about, (name) => thanksFor(d, name))) : d.voice.user("thanks_done", {}, { last: true }), "farewell");
  t.assistantSay(goodbye(d, about), "farewell");
}

/** The name of the last item the user took or booked, as the assistant showed it. */
function lastAccepted(d: Dialog): string | undefined {
  const last = d.t.trace.accepted[d.t.trace.accepted.length - 1];
  if (!last) return undefined;
  return [...d.shown.values()].find((s) => s.table === last.table && s.row === last.row)?.name;
}
