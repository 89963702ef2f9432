// The assistant's last words: the goodbye after thanks, the reply when the user leaves without
// what it came for, and the hand-off to a person. Composed from short parts (phrases/
// goodbye-banks.ts) and from what happened in this dialogue — the item it settled on, the day
// and time it takes place, what the hand-off is about — rather than one of a few fixed
// sentences; the act banks (the pack's own lines among them) are still drawn part of the time.
import { capitalize, expand, firstWord, GENDER_SLOT, meets, tidy, type Slots } from "../../phrases/grammar.js";
import { DAY_WORDS, GOODBYE } from "../../phrases/goodbye-banks.js";
import type { Dialog } from "./context.js";
import { farewellAbout } from "./realizer.js";

/** The share of goodbyes and hand-offs drawn whole from the act banks (neutral and the pack's), the rest composed. */
const FROM_BANK = 0.3;

/** The part of the day the dialogue happens in, from the scenario's time (a time that cannot be read: the day). */
function partOfDay(d: Dialog): keyof (typeof DAY_WORDS)["en"]["parts"] | undefined {
  const m = /T(\d{2})/.exec(d.scenario.time.at);
  if (!m) return undefined;
  const h = Number(m[1]);
  return h >= 5 && h < 12 ? "morning" : h < 17 && h >= 12 ? "afternoon" : h >= 17 && h < 22 ? "evening" : "night";
}

/** The slots the parts are said with: the assistant's gender, the weekday and part of the day in the dialogue's language. */
function slots(d: Dialog, extra: Slots = {}): Slots {
  const words = DAY_WORDS[d.lang];
  const weekday = String(d.voice.slots.weekday ?? "");
  const part = partOfDay(d);
  return {
    ...extra,
    weekday: words.weekdays?.[weekday] ?? weekday,
    part: part ? words.parts[part] : "",
    [GENDER_SLOT]: d.voice.wording.assistantGender,
  };
}

/** One part, drawn from `bank` (a part needing the part of the day is skipped when the time is unknown). */
function part(d: Dialog, bank: readonly string[], s: Slots): string {
  const fit = s.part ? bank : bank.filter((l) => !l.includes("{part}"));
  if (fit.length === 0) return "";
  const line = d.rng.pick(fit);
  const text = tidy(expand(line, d.rng, s));
  // A name that starts the sentence is said as the pack writes it (a host "db-01" stays lower case).
  return /^\{(item|name)\}/.test(line) ? text : capitalize(text);
}

function join(parts: readonly string[]): string {
  return parts.filter((p) => p !== "").join(" ");
}

/** Whether the pack's lines are all there is for the act (wording.replace): then nothing is composed. */
function packOnly(d: Dialog, act: "farewell" | "escalate" | "give_up_reply"): boolean {
  return d.domain.wording?.replace?.includes(`assistant.${act}`) ?? false;
}

/**
 * The goodbye after the user's thanks: a reply to the thanks, a word on the item the dialogue
 * settled on (`about`), a wish for the day; mostly two of them, sometimes one. A pack's own
 * goodbyes (its farewell lines) close some of them, as written.
 */
export function goodbye(d: Dialog, about?: string): string {
  const r = d.rng;
  if (packOnly(d, "farewell") || r.chance(FROM_BANK)) {
    const bye = d.voice.assistant("farewell");
    return about && r.chance(0.4) ? `${bye} ${farewellAbout(d, about)}` : bye;
  }
  const g = GOODBYE[d.lang];
  const s = slots(d);
  let reply = r.chance(0.85) ? part(d, g.reply, s) : "";
  // The item's name is said as the pack writes it (a host "db-01" stays lower case).
  const mid = about && r.chance(0.35) ? farewellAbout(d, about) : "";
  // Two sentences that open on the same word ("Glad I could help! Glad we got to …"), or one that
  // starts on the word the one before ends with ("Great. Great that we settled on …", "Any time at
  // all. All the best!"), read as a stutter: the word on the item stays, a wish is drawn again.
  if (reply && mid && (meets(reply, mid) || firstWord(reply) === firstWord(mid))) reply = "";
  const own = d.voice.wording.ownLines("assistant", "farewell");
  const close = () => (own.length > 0 && r.chance(0.3) ? capitalize(tidy(expand(r.pick(own), r, s))) : part(d, g.closer, s));
  const before = mid || reply;
  let end = !reply || r.chance(mid ? 0.3 : 0.7) ? close() : "";
  if (meets(before, end)) end = close();
  if (meets(before, end)) end = "";
  return join([reply, mid, end]);
}

/** The reply when the user leaves without what it came for: a word of sympathy and a wish, or a line of the act's banks. */
export function sorryGoodbye(d: Dialog): string {
  const r = d.rng;
  if (packOnly(d, "give_up_reply") || r.chance(0.4)) return d.voice.assistant("give_up_reply");
  const g = GOODBYE[d.lang];
  const s = slots(d);
  return join([part(d, g.sorry, s), part(d, g.closer, s)]);
}

/**
 * The hand-off to a person, said of what it is about when the dialogue knows: the user's own
 * request said back (`req`, English), else the thing it named (`item`: a value of the request,
 * the item looked at). Short: an acknowledgement, the hand-off, what the colleague will have.
 */
export function handoffLine(d: Dialog, about: { req?: string; item?: string } = {}, offered = false): string {
  const r = d.rng;
  const g = GOODBYE[d.lang];
  const s = slots(d, { item: about.item ?? "", req: about.req ?? "" });
  // `offered`: the user said yes to an offer that already said who handles what; a person then
  // just connects them ("Sure. Connecting you now."), not says the whole matter back a second time.
  // No tail after it: "Handing this over now — they'll be with you shortly. It shouldn't be long." said the wait twice.
  if (offered && !packOnly(d, "escalate")) return join([part(d, g.handoffAck, s), part(d, g.handoffNow, s)]);
  // The act banks' hand-offs are long (three clauses); a person handing over says less.
  if (packOnly(d, "escalate") || r.chance(FROM_BANK * 0.7)) return d.voice.assistant("escalate");
  const ack = part(d, g.handoffAck, s);
  // The request said back is long and often said back already (reservedReply): now and then only.
  if (about.req && g.handoffReq.length > 0 && r.chance(0.25)) return join([ack, part(d, g.handoffReq, s), r.chance(0.5) ? part(d, g.handoffTail, s) : ""]);
  if (about.item && r.chance(0.6)) {
    // The item named once: in the hand-off, or in what the colleague will have.
    return r.chance(0.5) ? join([ack, part(d, g.handoffAbout, s), r.chance(0.4) ? part(d, g.handoffTail, s) : ""]) : join([ack, part(d, g.handoff, s), part(d, g.handoffTailAbout, s)]);
  }
  return join([ack, part(d, g.handoff, s), r.chance(0.5) ? part(d, g.handoffTail, s) : ""]);
}
