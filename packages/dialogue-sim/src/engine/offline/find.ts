// A search task as a conversation: the user reveals what it wants (a wrong value corrected on
// the way), the assistant searches and lists, the user looks closer and takes one.
import type { Call, Constraint } from "../../contract.js";
import { joinSentences, THING_GENDER_SLOT } from "../../phrases/grammar.js";
import { askFor } from "../reserved-request.js";
import { yesNo } from "../fact-words.js";
import type { ToolInfo } from "../tools.js";
import { humanField } from "@chatmill/domains";
import { displayOf, type Shown } from "../present.js";
import { displayName, nameOf, toolRows } from "../rows.js";
import { imageSearchTool, recommendLike, remember, search, similarTool, topOf } from "./assistant-policy.js";
import { callWithRecovery } from "./recovery.js";
import { book } from "./booking.js";
import type { Dialog, Task } from "./context.js";
import { giveUp, listedSoFar, serviceDown } from "./endings.js";
import { explore } from "./explore.js";
import { offerText, offersInstead } from "./list-offer.js";
import { closestText, listText, pickText } from "./realize-results.js";
import { wants, wish } from "./realizer.js";
import { besideThing } from "./thing-words.js";
import { foundLikeText, likeAck, likeThisText, nothingLike, notFoundText, ownLikeText, photoText } from "./like-lines.js";
import { midwayChitChat } from "./small-talk.js";
import { choose, photo, reference, referenceRow, requestItem, revealPlan } from "./user-agent.js";

/**
 * What "nothing found" offers to change ("a different area?"): the last field asked of that has
 * other values. A yes/no has none: "a different new patients" was said.
 */
export function fieldToChange(domain: Dialog["domain"], revealed: readonly Constraint[]): string {
  const open = revealed.filter((c) => typeof c.value !== "boolean" && yesNo(c.value) === undefined);
  return humanField(domain, open[open.length - 1]?.field ?? "option");
}

/** The assistant's answer to a search, from its rows: the options, the closest ones, or none. Returns the options listed. */
export function present(d: Dialog, task: Task, shown: Shown[], revealed: Constraint[], variation?: string): Shown[] {
  if (shown.length === 0 && d.closest.length > 0) {
    d.t.assistantSay(closestText(d, task.table, d.closest, revealed), "inform", variation, d.closest);
    d.listed = d.closest;
    return [];
  }
  if (shown.length === 0) {
    d.t.assistantSay(d.voice.assistant("none_found", { wants: wants(d, revealed), field: fieldToChange(d.domain, revealed) }), "inform", variation);
    return [];
  }
  const found = topOf(d, task, shown);
  let top = found.top;
  if (offersInstead(d, top.length, d.lastTotal)) {
    // Many found: one or two offered by name, and only those were shown.
    const offer = offerText(d, task.table, top, d.lastTotal);
    top = offer.named;
    d.t.assistantSay(offer.text, "recommend", variation, top);
  } else d.t.assistantSay(listText(d, task.table, top, found.n, d.lastTotal, revealed.map((c) => ({ field: c.field, value: c.value }))), "recommend", variation, top);
  d.listed = top;
  for (const s of top) d.t.trace.infoShown.add(`${s.table}\u0000${s.key}`);
  return top;
}

export function findAndAct(d: Dialog, task: Task, index: number, reserve: number): void {
  const t = d.t;
  const plan = revealPlan(d, task, index);
  const { pending, revealed, thing } = plan;
  // The thing's gender, so the wishes said of it agree with it ("cheap बजट वाली जगह").
  const g = plan.thingSlots[THING_GENDER_SLOT];
  let wrong = plan.wrong;
  // A user with a photo of what it wants shares it in its first message; the assistant searches by the picture.
  const image = reference(d) === "image" ? imageSearchTool(d, task.table!) : undefined;
  const shared = image ? photo(d, task) : undefined;
  if (shared) {
    revealed.push(...pending.splice(0, plan.openCount));
    const said = besideThing(d, task, revealed);
    const act = said.length > 0 ? "open" : "open_vague";
    const ask = d.voice.user(act, { ...plan.thingSlots, wants: wants(d, said, g) }, { first: t.userTurns === 0, hedge: plan.hedge });
    t.userSay(joinSentences([ask, photoText(d, shared.url)], d.lang), "search", plan.hedge ? "hesitation" : undefined, [shared]);
  } else if (plan.states !== undefined) {
    // Said as the reason puts it; what the search needs besides (a train's from and to) is added.
    revealed.push(...pending.splice(0, plan.openCount));
    const extra = revealed.filter((c) => !task.constraints.includes(c));
    const ask = askFor(plan.states, d.lang, d.rng, t.userTurns === 0, { item: requestItem(d, plan.states) ?? thing });
    t.userSay(extra.length > 0 ? joinSentences([ask, d.voice.user("add", { ...plan.thingSlots, c: wants(d, extra, g) })], d.lang) : ask, d.scenario.intent ?? "search");
  } else if (plan.vague) {
    t.userSay(d.voice.user("open_vague", plan.thingSlots, { first: t.userTurns === 0 }), "search");
    t.assistantSay(d.voice.assistant("clarify_ask", { field: humanField(d.domain, pending[0]!.field) }), "clarify", "clarification");
    revealed.push(...pending.splice(0, plan.openCount));
    t.userSay(d.voice.user("answer_clarify", { ...plan.thingSlots, wants: wants(d, revealed, g) }, { hedge: plan.hedge }), "filter", plan.hedge ? "hesitation" : undefined);
  } else {
    revealed.push(...pending.splice(0, plan.openCount));
    const said = besideThing(d, task, revealed);
    const act = said.length > 0 ? "open" : "open_vague";
    t.userSay(d.voice.user(act, { ...plan.thingSlots, wants: wants(d, said, g) }, { first: t.userTurns === 0, hedge: plan.hedge }), "search", plan.hedge ? "hesitation" : undefined);
  }
  let shown = search(d, task, revealed, shared && image ? { name: image.name, arguments: { [image.keyArg!]: shared.url } } : undefined);
  if (!shown) return serviceDown(d, task);
  let top = present(d, task, shown, revealed);

  const correct = (w: { bad: Constraint; good: Constraint }): void => {
    const i = revealed.indexOf(w.bad);
    if (i >= 0) revealed[i] = w.good;
    else revealed.push(w.good);
    // Corrected before it was said: the wrong value is never said after all.
    const j = pending.indexOf(w.bad);
    if (j >= 0) pending.splice(j, 1);
    const c = wish(d, w.good, d.rng, g);
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
      t.userSay(d.voice.user("add", { ...plan.thingSlots, c: wish(d, next, rr, g) }, { hedge: h }), "filter", h ? "hesitation" : undefined);
    }
    shown = search(d, task, revealed, undefined, variation === "correction");
    if (!shown) return serviceDown(d, task);
    top = present(d, task, shown, revealed, variation);
  }
  if (wrong) {
    // Short of turns, a user who means to get it right still corrects themselves, late.
    correct(wrong);
    wrong = undefined;
    shown = search(d, task, revealed, undefined, true);
    if (!shown) return serviceDown(d, task);
    top = present(d, task, shown, revealed, "correction");
  }
  if (pending.length > 0) {
    // Short of turns, the user still says everything it knows before deciding, in one message.
    const rest = pending.splice(0);
    revealed.push(...rest);
    t.userSay(d.voice.user("add", { ...plan.thingSlots, c: wants(d, rest, g) }), "filter");
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

  // An option it saw that meets everything it asked for is still there when a later answer came back empty: the user takes it.
  let pick = choose(task, top) ?? choose(task, listedSoFar(d, task.table));
  // A user after things like an item asks for them, about the one it likes (else the last it was shown),
  // and takes the first that meets everything it asked for, else the one it had.
  const similar = reference(d) === "item" ? similarTool(d, task.table!) : undefined;
  let anchor = similar ? pick ?? d.listed[0] : undefined;
  // Nothing was shown to point at: the user names the item it has in mind, and the assistant finds it first.
  const named = similar && !anchor && t.turnsLeft() > reserve + 1;
  if (named) {
    const own = namedItem(d, task);
    if (own === undefined) return serviceDown(d, task);
    anchor = own ?? undefined;
  }
  if (similar && anchor) {
    const like = likeAlternatives(d, similar, anchor, named);
    if (like === undefined) return serviceDown(d, task);
    if (like.length > 0) top = like;
    pick = choose(task, like) ?? pick;
  }
  if (!pick) return giveUp(d, task);
  // Taken from an earlier list, it is named before it is booked: "book it" would not say which.
  if (task.kind === "book" && task.service.booking) return book(d, task, pick, !top.includes(pick));
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

/**
 * The item the user has in mind (its task's reference), named by the user with a request for
 * things like it, and found by the assistant. Null when it cannot be named or found (the
 * assistant has said so), undefined when the service stays down.
 */
function namedItem(d: Dialog, task: Task): Shown | null | undefined {
  const own = ownItem(d, task);
  if (!own) return null;
  d.t.userSay(ownLikeText(d, own.name), "recommend");
  return findOwn(d, task, own);
}

/**
 * The item the user has in mind for things like it (referenceRow, nearest to what it describes), by its display
 * name, with the pack's search that finds it by that name; undefined when there is none, or when
 * no search of the pack takes the name (the user then has nothing it could point at).
 */
export function ownItem(d: Dialog, task: Task): { name: string; search: Call } | undefined {
  const table = task.table!;
  // Of the rows, what it describes, else the nearest thing to it: things like it are what it is after.
  const row = referenceRow(d, task, true);
  const title = displayOf(d.domain, table).title;
  const said = row && title ? nameOf(row, title) : undefined;
  const plan = said ? d.tools.searchFor(table, [{ field: title!, op: "eq", value: said }]) : undefined;
  if (!said || !plan || plan.covered === 0) return undefined;
  return { name: displayName(said), search: { name: plan.tool.name, arguments: plan.args } };
}

/** The assistant finds the item the user named, by its name, and says so: the item (null when the search does not show it: said so; undefined when the service stays down). */
export function findOwn(d: Dialog, task: Task, own: { name: string; search: Call }): Shown | null | undefined {
  const t = d.t;
  const done = callWithRecovery(d, own.search, "search");
  if (!done) return undefined;
  const found = remember(d, toolRows(d.domain, own.search.name, done.res.data), task.table!, done.id).find((s) => s.name.toLowerCase() === own.name.toLowerCase());
  if (!found) {
    t.assistantSay(joinSentences([notFoundText(d, own.name), d.voice.offer()], d.lang), "inform");
    return null;
  }
  // Said with the item it found (its grounding), in the message that then asks for things like it.
  t.assistantSay(foundLikeText(d, found.name), "recommend", undefined, [found]);
  return found;
}

/**
 * The user asks for things like `item` (`asked`: it already has, naming it); the assistant
 * recommends them with the similar tool. Returns them (undefined when the service stays down).
 */
export function likeAlternatives(d: Dialog, tool: ToolInfo, item: Shown, asked = false): Shown[] | undefined {
  const t = d.t;
  if (!asked) t.userSay(likeThisText(d, item.name), "recommend");
  const ack = asked ? "" : d.rng.chance(0.8) ? likeAck(d, item.name) : undefined;
  const like = recommendLike(d, tool, item, ack);
  if (!like) return undefined;
  if (like.length === 0) {
    t.assistantSay(joinSentences([nothingLike(d, item.name), d.voice.offer()], d.lang), "inform");
    return [];
  }
  // Most similar first, as the tool ranks them.
  const n = Math.min(like.length, d.voice.listSize);
  const top = like.slice(0, n);
  t.assistantSay(listText(d, item.table, top, n, like.length), "recommend", undefined, top);
  d.listed = top;
  for (const s of top) t.trace.infoShown.add(`${s.table}\u0000${s.key}`);
  return top;
}
