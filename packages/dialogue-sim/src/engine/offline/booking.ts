// Bookings as a conversation: booking a chosen item, booking a service outright, cancelling or
// changing a booking the user has (by its reference, read back before the change).
import type { BookingValue } from "@chatmill/schema";
import { listJoin, say } from "../../phrases/grammar.js";
import { REFUSALS, type RefusalKind } from "../../phrases/refusal-banks.js";
import { bookedNoun, humanField } from "@chatmill/domains";
import { article } from "@chatmill/kit";
import type { Shown } from "../present.js";
import type { ToolInfo } from "../tools.js";
import { newRef } from "./assistant-policy.js";
import type { Dialog, Task } from "./context.js";
import { giveUp, serviceDown } from "./endings.js";
import { explain } from "./ops.js";
import { actionAck, askRef, detailsText, giveRef, serviceName } from "./realizer.js";
import { thingSlots } from "./thing-words.js";
import { callWithRecovery } from "./recovery.js";
import { bookingArgs, bookingChanges } from "./user-agent.js";

/**
 * The user books the item it chose, with the details its goal fixes (sometimes only when asked for
 * them). `nameIt`: the item is not in the list just shown, so the user names it first.
 */
export function book(d: Dialog, task: Task, pick: Shown, nameIt = false): void {
  const t = d.t;
  const create = d.tools.byName(task.service.booking!.create);
  if (!create) return giveUp(d, task);
  const args = bookingArgs(d, create, task.service, task.expectation?.match ?? {}, pick);
  const details = detailsText(d, args, create.ref?.arg, task.service, true);
  const forgets = d.rng.chance(0.35);
  if ((forgets || nameIt) && details && t.turnsLeft() > 2) {
    // The user forgets the details; the assistant asks for exactly what it needs.
    t.userSay(d.voice.user("choose", { item: pick.name }), "confirm");
    t.assistantSay(d.voice.assistant("need_details", { fields: listJoin([...new Set(Object.keys(args).filter((k) => k !== create.ref?.arg).map((k) => humanField(d.domain, k)))]) }), "clarify", "clarification");
    t.userSay(d.voice.user("answer_clarify", { wants: details }), "confirm");
  } else {
    t.userSay(d.voice.user("book", { item: pick.name, details }), "book");
  }
  t.trace.accepted.push({ table: pick.table, row: pick.row });
  makeBooking(d, task, create, args, pick.name);
}

/** The assistant makes the booking and says how it went (its reference, or why it was refused). */
export function makeBooking(d: Dialog, task: Task, create: ToolInfo, args: Record<string, unknown>, name: string): void {
  const t = d.t;
  // Often said with what is being set up ("Setting up the Harbour View for you now."); a service's bare name ("Taxi") is not an item's.
  const ack = name !== serviceName(d, task) && d.rng.chance(0.6) ? actionAck(d, "create", name) : undefined;
  const done = callWithRecovery(d, { name: create.name, arguments: args }, "book", [], ack);
  if (!done) return serviceDown(d, task);
  if (!done.res.ok) {
    t.assistantSay(refusedLine(d, task, done.res.error, name, ["time", "weekday", "date"]), "inform");
    return giveUp(d, task);
  }
  const ref = newRef(d, create) ?? "";
  if (task.expectation) t.trace.refs.set(task.expectation, ref);
  const summary = `${name}, ${detailsText(d, args, create.ref?.arg, task.service)}`;
  // No follow-up offer after it: the offers are about the list shown ("Shall I go ahead?", "Just the
  // winner?"), which read as nonsense after "Done — reference AP84VKXTDK" (session 24's samples).
  t.assistantSay(d.voice.assistant("booked", { summary, ref }), "confirm");
  t.emotion = d.rng.pick(["relieved", "satisfied", "happy"]);
}

/** A booking with nothing to choose from (a taxi): asked for with its details, read back, made. */
export function directBooking(d: Dialog, task: Task, index: number): void {
  const t = d.t;
  const create = d.tools.byName(task.service.booking!.create);
  if (!create) return explain(d, task, index);
  const args = bookingArgs(d, create, task.service, task.expectation?.match ?? {}, undefined);
  const details = detailsText(d, args, undefined, task.service);
  t.userSay(d.voice.user("open", { ...thingSlots(d, task), wants: detailsText(d, args, undefined, task.service, true) }, { first: t.userTurns === 0 }), "book");
  confirmFirst(d, details);
  t.userSay(d.voice.user("ok_go", {}), "confirm");
  makeBooking(d, task, create, args, serviceName(d, task));
}

/** Before changing anything, a good assistant reads the request back. */
function confirmFirst(d: Dialog, what: string): void {
  d.t.assistantSay(d.voice.assistant("confirm_first", { what }), "confirm", "clarification");
}

/**
 * What a cancel or a change will do, read back before it is done: the change said with the
 * reference ("cancel F0N3LBTD9", "change AP7LZ2M9U9 so it's on Saturday"), not the reference
 * alone (which left the user to guess which of the two was about to happen).
 */
export function changeWhat(d: Dialog, cancel: boolean, ref: string, details: string): string {
  if (cancel || !details) {
    const verb = cancel ? { en: "cancel {ref}", hi: "{ref} रद्द करना", mixed: "{ref} cancel karna" } : { en: "change {ref}", hi: "{ref} में बदलाव", mixed: "{ref} mein change" };
    return verb[d.lang].replace("{ref}", ref);
  }
  return d.lang === "en" ? `change ${ref} so it's ${details}` : d.lang === "hi" ? `${ref} में बदलाव, ${details}` : `${ref} mein change, ${details}`;
}

/**
 * The booking a user means without its reference ("can I move an appointment so it's …?"): in
 * English the pack's word for what is booked (the first of booking.booked without its article and
 * the word that leads to the place: "a hold on " → "a hold"), else "a booking" — with "a", as a
 * person starting a request says it before being asked which; in Hindi and Hinglish "अपनी बुकिंग" /
 * "apni booking" (own, whoever the subject). Never left empty: "small change to — …".
 */
export function ownBooking(d: Pick<Dialog, "lang">, task: Pick<Task, "service">): string {
  if (d.lang === "hi") return "अपनी बुकिंग";
  if (d.lang === "mixed") return "apni booking";
  const what = bookedNoun(task.service.booking?.booked) ?? "booking";
  // A plural ("tickets") takes no article.
  return /s$/i.test(what) ? what : `${article(what)} ${what}`;
}

/** The user cancels or changes a booking it has; the assistant asks for the reference when it was not given. */
export function changeBooking(d: Dialog, task: Task, index: number): void {
  const t = d.t;
  const booking = task.service.booking;
  const toolName = task.kind === "cancel" ? booking?.cancel : booking?.modify;
  const tool = toolName ? d.tools.byName(toolName) : undefined;
  const ref = task.expectation ? t.trace.refs.get(task.expectation) : undefined;
  if (!tool?.keyArg || !ref) return explain(d, task, index);
  const changes = bookingChanges(task, tool);
  const details = detailsText(d, changes, undefined, task.service);
  const withRef = d.rng.chance(0.7);
  t.userSay(d.voice.user(task.kind === "cancel" ? "cancel" : "modify", { ref: withRef ? ref : ownBooking(d, task), details }, { first: t.userTurns === 0 }), task.kind);
  if (!withRef) {
    const prefix = booking?.create ? d.tools.byName(booking.create)?.run.id_prefix : undefined;
    t.assistantSay(askRef(d, typeof prefix === "string" && prefix !== "" ? prefix : undefined), "clarify", "clarification");
    t.userSay(giveRef(d, ref), "inform");
  }
  confirmFirst(d, changeWhat(d, task.kind === "cancel", ref, details));
  t.userSay(d.voice.user("ok_go", {}), "confirm");
  applyBookingChange(d, task, tool.name, tool.keyArg, ref, changes, details);
}

/** Runs a cancel or modify call on the user's booking and says how it went. */
export function applyBookingChange(d: Dialog, task: Task, toolName: string, keyArg: string, ref: string, changes: Record<string, unknown>, details: string): void {
  const t = d.t;
  const ack = d.rng.chance(0.6) ? actionAck(d, task.kind === "cancel" ? "cancel" : "modify", ref) : undefined;
  const done = callWithRecovery(d, { name: toolName, arguments: { [keyArg]: ref, ...changes } }, task.kind, [], ack);
  if (!done) return serviceDown(d, task);
  if (!done.res.ok) {
    t.assistantSay(refusedLine(d, task, done.res.error, ref, ["weekday", "date", "time"]), "inform");
    return giveUp(d, task);
  }
  // No follow-up offer, as after a booking: the offers are about the list shown ("Just the winner?").
  t.assistantSay(d.voice.assistant(task.kind === "cancel" ? "cancelled" : "modified", { ref, summary: details }), "confirm");
  t.emotion = d.rng.pick(["relieved", "satisfied"]);
}

/**
 * What the assistant offers to try another of when a write is refused: the service's booking
 * field of the first of these value kinds the pack declares (booking.values: a new time, another
 * day), said in the pack's words; else its first booking field; else "option".
 */
export function otherField(d: Dialog, task: Task, kinds: ReadonlyArray<BookingValue["kind"]>): string {
  const booking = task.service.booking;
  const values = Object.entries(booking?.values ?? {});
  const field = kinds.map((k) => values.find(([, v]) => v.kind === k)?.[0]).find((f) => f !== undefined) ?? booking?.fields[0];
  return field !== undefined ? humanField(d.domain, field) : "option";
}

/** The error fields every refusal has; any other string field of an invalid_state error is the state its record is in. */
const ERROR_KEYS = new Set(["type", "message", "table", "path", "missing", "injected"]);

/**
 * Why a write was refused, as the assistant says it: by the error's type (phrases/refusal-banks),
 * never the tool's own message, which names the pack's tables and fields and is English. `what`:
 * the reference or item the write was about. A record that is closed is said with its state as the
 * data writes it ("'H4Z6KUOKN' is already cancelled").
 */
export function refusal(d: Pick<Dialog, "lang" | "rng">, error: RefusalError, what: string): string {
  return sayRefusal(d, refusalOf(error), what);
}

function sayRefusal(d: Pick<Dialog, "lang" | "rng">, { kind, state }: { kind: RefusalKind; state: unknown }, what: string): string {
  return say(REFUSALS[d.lang][kind], d.rng, { what, state: String(state ?? "") });
}

type RefusalError = ({ type?: unknown; message?: unknown } & Record<string, unknown>) | undefined;

/** The kind of a refusal, by the error's type, and the state a closed record is in (any other string field of an invalid_state error). */
function refusalOf(error: RefusalError): { kind: RefusalKind; state: unknown } {
  const type = typeof error?.type === "string" ? error.type : "";
  const state = error ? Object.entries(error).find(([k, v]) => !ERROR_KEYS.has(k) && typeof v === "string" && v !== "")?.[1] : undefined;
  const kind: RefusalKind =
    type === "not_found" || type === "unavailable" || type === "bad_arguments" ? type : type === "invalid_state" ? (state !== undefined ? "closed" : "exists") : "other";
  return { kind, state };
}

/**
 * The assistant's line for a refused write: why (refusal), then an offer to try another value of
 * a booking field — except for a record that is closed (already cancelled, delivered), where no
 * other value would do: the line ends with the reason ("No go, I'm afraid — HP203R8GJ is already
 * cancelled.", not "… Shall I try with a different pick-up branch?").
 */
export function refusedLine(d: Dialog, task: Task, error: RefusalError, what: string, kinds: ReadonlyArray<BookingValue["kind"]>): string {
  const why = refusalOf(error);
  const reason = sayRefusal(d, why, what);
  const said = d.voice.assistant("action_failed", { reason, field: otherField(d, task, kinds) });
  const at = said.indexOf(reason);
  if (why.kind !== "closed" || at < 0) return said;
  return said.slice(0, at + reason.length).replace(/[\s,:;—-]+$/u, "") + (d.lang === "hi" ? "।" : ".");
}
