// Single-turn dialogues (--multi-turn): the user asks for everything in one message, the
// assistant does it all in turn without a question back.
import type { SharedImage } from "@chatmill/schema";
import { joinSentences, THING_GENDER_SLOT } from "../../phrases/grammar.js";
import { meets } from "../rows.js";
import { firstRequest, reservedAsk, reservedReply } from "../reserved-request.js";
import { offerAbout } from "./handoff-about.js";
import { imageSearchTool, preferTargets, search, similarTool } from "./assistant-policy.js";
import { applyBookingChange, makeBooking } from "./booking.js";
import type { Dialog, Task } from "./context.js";
import { giveUp, serviceDown } from "./endings.js";
import { findOwn, likeAlternatives, ownItem, present } from "./find.js";
import { answerPlan, isFactsTask } from "./answer.js";
import { explainPlan } from "./ops.js";
import { alsoText, bookOutright, detailsText, serviceName, wants } from "./realizer.js";
import { besideThing, thingSlots } from "./thing-words.js";
import { ownLikeText, photoText } from "./like-lines.js";
import { midwayChitChat } from "./small-talk.js";
import { agenda, bookingArgs, bookingChanges, choose, ending, ownAsk, photo, reference, requestItem, reservedReason } from "./user-agent.js";

type Step = { say: string; intent: string; act: () => void; images?: SharedImage[] };

/**
 * The user asks for everything in one message (every task of the goal, every constraint);
 * the assistant does it all in turn, without a question back: it searches, books the best
 * match or recommends it, cancels or changes a booking by its reference, reports a status.
 * A task that cannot be done ends with the user giving up; one the policy reserves to a
 * person, with the assistant handing over.
 */
export function oneShot(d: Dialog, tasks: Task[]): void {
  const steps = tasks.map((task, i): Step =>
    i === 0 && ending(d) === "escalated"
      ? { say: reservedAsk(reservedReason(d), d.lang, d.rng, { item: requestItem(d, firstRequest(reservedReason(d))), own: ownAsk(d) }), intent: d.scenario.intent ?? "request", act: () => reservedOffer(d) }
      : oneShotTask(d, task, i),
  );
  const text = joinSentences(steps.map((st, i) => (i === 0 ? st.say : alsoText(d, st.say))), d.lang);
  const images = steps.flatMap((st) => st.images ?? []);
  d.t.userSay(text, steps[0]?.intent ?? "search", undefined, images.length > 0 ? images : undefined);
  steps.forEach((st, i) => {
    if (d.t.trace.gaveUp || d.t.trace.escalated) return;
    // Before the last request (or the hand-off that follows it) the assistant goes straight on: no offer it would not wait for.
    d.voice.context = { ...d.voice.context, goesOn: i < steps.length - 1 || ending(d) === "escalated" };
    st.act();
  });
  d.voice.context = { ...d.voice.context, goesOn: false };
}

/** What the user says for one task in a single-turn dialogue, and what the assistant then does. */
function oneShotTask(d: Dialog, task: Task, index: number): Step {
  d.lastSearch = undefined;
  d.voice.context = { ...d.voice.context, bookable: !!task.service.booking };
  const first = index === 0 && d.t.userTurns === 0;
  const searchPlan = task.table ? d.tools.searchFor(task.table, agenda(d, task)) : undefined;
  const booking = task.service.booking;
  const answered = isFactsTask(task) ? answerPlan(d, task, index, first) : undefined;
  if (answered) return answered;
  if (task.kind === "cancel" || task.kind === "modify") {
    const toolName = task.kind === "cancel" ? booking?.cancel : booking?.modify;
    const tool = toolName ? d.tools.byName(toolName) : undefined;
    const ref = task.expectation ? d.t.trace.refs.get(task.expectation) : undefined;
    if (tool?.keyArg && ref) {
      const changes = bookingChanges(task, tool);
      const details = detailsText(d, changes, undefined, task.service);
      return {
        say: d.voice.user(task.kind === "cancel" ? "cancel" : "modify", { ref, details }, { first }),
        intent: task.kind,
        act: () => applyBookingChange(d, task, tool.name, tool.keyArg!, ref, changes, details),
      };
    }
  } else if (task.table && searchPlan) {
    const revealed = agenda(d, task);
    const what = thingSlots(d, task);
    const create = task.kind === "book" && booking ? d.tools.byName(booking.create) : undefined;
    const said = besideThing(d, task, revealed);
    const ask = d.voice.user(said.length > 0 ? "open" : "open_vague", { ...what, wants: wants(d, said, what[THING_GENDER_SLOT]) }, { first });
    // A user with a photo of what it wants shares it with its message; the assistant searches by the picture.
    const image = reference(d) === "image" ? imageSearchTool(d, task.table) : undefined;
    const shared = image ? photo(d, task) : undefined;
    const withPhoto = shared ? joinSentences([ask, photoText(d, shared.url)], d.lang) : ask;
    // A user after things like an item it has names it; the assistant finds it, then recommends with the similar tool.
    const similar = reference(d) === "item" && !create ? similarTool(d, task.table) : undefined;
    const own = similar ? ownItem(d, task) : undefined;
    if (similar && own) {
      return {
        say: joinSentences([ask, ownLikeText(d, own.name, true)], d.lang),
        intent: "search",
        act: () => {
          const found = findOwn(d, task, own);
          const like = found ? likeAlternatives(d, similar, found, true) : [];
          if (found === undefined || like === undefined) return serviceDown(d, task);
          // The first like it that meets everything asked for, else the one it has when that does.
          const pick = choose(task, like) ?? (found && task.constraints.every((c) => meets(found.row, c)) ? found : undefined);
          midwayChitChat(d, true, pick?.name);
          if (!pick) return giveUp(d, task);
          d.t.trace.accepted.push({ table: pick.table, row: pick.row });
        },
      };
    }
    return {
      say: create ? joinSentences([withPhoto, bookOutright(d, detailsText(d, bookingArgs(d, create, task.service, task.expectation?.match ?? {}, undefined), create.ref?.arg, task.service, true))], d.lang) : withPhoto,
      intent: create ? "book" : "search",
      ...(shared ? { images: [shared] } : {}),
      act: () => {
        const shown = search(d, task, revealed, shared && image ? { name: image.name, arguments: { [image.keyArg!]: shared.url } } : undefined);
        if (!shown) return serviceDown(d, task);
        const good = preferTargets(task, shown);
        // Only a row that meets everything the user asked for is taken.
        const pick = good.find((s) => task.constraints.every((c) => meets(s.row, c)));
        if (!create || !pick) {
          present(d, task, shown, revealed);
          midwayChitChat(d, true, pick?.name);
          if (!pick) return giveUp(d, task);
          d.t.trace.accepted.push({ table: pick.table, row: pick.row });
          return;
        }
        // Asked to book outright: the best match is booked with what the goal says.
        const args = bookingArgs(d, create, task.service, task.expectation?.match ?? {}, pick);
        d.t.trace.accepted.push({ table: pick.table, row: pick.row });
        d.t.trace.infoShown.add(`${pick.table}\u0000${pick.key}`);
        makeBooking(d, task, create, args, pick.name);
      },
    };
  } else if (task.kind === "book" && booking && d.tools.byName(booking.create)) {
    const create = d.tools.byName(booking.create)!;
    const args = bookingArgs(d, create, task.service, task.expectation?.match ?? {}, undefined);
    const details = detailsText(d, args, undefined, task.service, true);
    return {
      say: d.voice.user("open", { ...thingSlots(d, task), wants: details }, { first }),
      intent: "book",
      act: () => makeBooking(d, task, create, args, serviceName(d, task)),
    };
  }
  // Explained or looked up as in the multi-turn flow, its question taken into the user's one message.
  return explainPlan(d, task, first, index);
}

/** The assistant's answer to a request reserved to a person: a colleague handles it (named as handoff-about.ts allows). */
function reservedOffer(d: Dialog): void {
  const about = offerAbout(d, reservedReason(d), requestItem(d, firstRequest(reservedReason(d))));
  d.t.assistantSay(reservedReply(d.lang, false, d.rng, about.reason, about.item), "inform");
}
