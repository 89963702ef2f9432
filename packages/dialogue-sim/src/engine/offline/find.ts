// A search task as a conversation: the user reveals what it wants (a wrong value corrected on
// the way), the assistant searches and lists, the user looks closer and takes one.
import type { Constraint } from "../../contract.js";
import { humanField } from "../arg-words.js";
import type { Shown } from "../present.js";
import { search, topOf } from "./assistant-policy.js";
import { book } from "./booking.js";
import type { Dialog, Task } from "./context.js";
import { giveUp, serviceDown } from "./endings.js";
import { explore } from "./explore.js";
import { closestText, listText, pickText } from "./realize-results.js";
import { wants, wish } from "./realizer.js";
import { midwayChitChat } from "./small-talk.js";
import { choose, revealPlan } from "./user-agent.js";

/** The assistant's answer to a search, from its rows: the options, the closest ones, or none. Returns the options listed. */
export function present(d: Dialog, task: Task, shown: Shown[], revealed: Constraint[], variation?: string): Shown[] {
  if (shown.length === 0 && d.closest.length > 0) {
    d.t.assistantSay(closestText(d, task.table, d.closest, revealed), "inform", variation, d.closest);
    return [];
  }
  if (shown.length === 0) {
    const field = humanField(revealed[revealed.length - 1]?.field ?? "option");
    d.t.assistantSay(d.voice.assistant("none_found", { wants: wants(d, revealed), field }), "inform", variation);
    return [];
  }
  const { top, n } = topOf(d, task, shown);
  d.t.assistantSay(listText(d, task.table, top, n, d.lastTotal), "recommend", variation, top);
  for (const s of top) d.t.trace.infoShown.add(`${s.table}\u0000${s.key}`);
  return top;
}

export function findAndAct(d: Dialog, task: Task, index: number, reserve: number): void {
  const t = d.t;
  const plan = revealPlan(d, task, index);
  const { pending, revealed, thing } = plan;
  let wrong = plan.wrong;
  if (plan.vague) {
    t.userSay(d.voice.user("open_vague", { thing }, { first: t.userTurns === 0 }), "search");
    t.assistantSay(d.voice.assistant("clarify_ask", { field: humanField(pending[0]!.field) }), "clarify", "clarification");
    revealed.push(...pending.splice(0, plan.openCount));
    t.userSay(d.voice.user("answer_clarify", { wants: wants(d, revealed) }, { hedge: plan.hedge }), "filter", plan.hedge ? "hesitation" : undefined);
  } else {
    revealed.push(...pending.splice(0, plan.openCount));
    const act = revealed.length > 0 ? "open" : "open_vague";
    t.userSay(d.voice.user(act, { thing, wants: wants(d, revealed) }, { first: t.userTurns === 0, hedge: plan.hedge }), "search", plan.hedge ? "hesitation" : undefined);
  }
  let shown = search(d, task, revealed);
  if (!shown) return serviceDown(d, task);
  let top = present(d, task, shown, revealed);

  const correct = (w: { bad: Constraint; good: Constraint }): void => {
    const i = revealed.indexOf(w.bad);
    if (i >= 0) revealed[i] = w.good;
    else revealed.push(w.good);
    // Corrected before it was said: the wrong value is never said after all.
    const j = pending.indexOf(w.bad);
    if (j >= 0) pending.splice(j, 1);
    const c = wish(d, w.good);
    t.userSay(d.voice.user("correct", { c, old: String(w.bad.value) }), "filter", "correction");
    t.assistantSay(d.voice.assistant("correction_ack", { c }), "filter", "correction");
  };

  // Reveal the rest of the agenda, one constraint (or correction) per turn.
  while ((pending.length > 0 || wrong) && t.turnsLeft() > reserve + 2) {
    const rr = d.rng;
    let variation: string | undefined;
    if (wrong && (pending.length === 0 || rr.chance(0.6))) {
      correct(wrong);
      variation = "correction";
      wrong = undefined;
    } else {
      const next = pending.shift()!;
      revealed.push(next);
      const h = rr.chance(0.12);
      t.userSay(d.voice.user("add", { c: wish(d, next, rr) }, { hedge: h }), "filter", h ? "hesitation" : undefined);
    }
    shown = search(d, task, revealed);
    if (!shown) return serviceDown(d, task);
    top = present(d, task, shown, revealed, variation);
  }
  if (wrong) {
    // Short of turns, a user who means to get it right still corrects themselves, late.
    correct(wrong);
    wrong = undefined;
    shown = search(d, task, revealed);
    if (!shown) return serviceDown(d, task);
    top = present(d, task, shown, revealed, "correction");
  }
  if (pending.length > 0) {
    // Short of turns, the user still says everything it knows before deciding, in one message.
    const rest = pending.splice(0);
    revealed.push(...rest);
    t.userSay(d.voice.user("add", { c: wants(d, rest) }), "filter");
    shown = search(d, task, revealed);
    if (!shown) return serviceDown(d, task);
    top = present(d, task, shown, revealed);
  }

  // Look closer while the budget allows and the dialogue is still short of its minimum.
  let guard = 0;
  while (top.length > 0 && t.userTurns + reserve + 2 < t.minTurns && t.turnsLeft() > reserve + 2 && guard++ < 4) {
    if (!explore(d, task, top)) break;
  }
  midwayChitChat(d, t.turnsLeft() > reserve + 3, top[0]?.name);

  const pick = choose(task, top);
  if (!pick) return giveUp(d, task);
  if (task.kind === "book" && task.service.booking) return book(d, task, pick);
  // A find or an information request ends with the user taking the assistant's pick.
  if (top.length > 1 && d.rng.chance(0.15) && t.turnsLeft() > reserve + 2) {
    const other = top.find((s) => s !== pick)!;
    t.userSay(d.voice.user("choose", { item: other.name }), "confirm");
    t.assistantSay(d.voice.assistant("noted", { name: other.name }), "confirm", undefined, [other]);
    t.userSay(d.voice.user("change_mind", { item2: pick.name }), "confirm", "change_of_mind");
  } else t.userSay(d.voice.user("choose", { item: pick.name }), "confirm");
  t.trace.accepted.push({ table: pick.table, row: pick.row });
  t.assistantSay(pickText(d, task.table, pick), "recommend", undefined, [pick]);
}
