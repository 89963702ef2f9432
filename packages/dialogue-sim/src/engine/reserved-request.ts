import type { Rng } from "@chatmill/kit";
import type { Lang } from "../phrases/describe.js";
import { say } from "../phrases/grammar.js";

/**
 * A request the pack's policy reserves to a person (a refund, a complaint): the user states it
 * first, as its reason for contacting; the assistant says a person handles it and, when the user
 * has more to ask, offers to see to that first. The hand-off itself comes at the end.
 */

// scenario-gen joins a goal's requests with these: the first request is the text before the first.
const JOINERS = /, then |, and after that |\. Also |; on top of that, |\. Then |\. After that, /;

/** The requests of a task's reason (the goal text), one clause each, in the order of the goal's requests. */
export function requestClauses(reason: string): string[] {
  return reason.split(JOINERS).map((part) => {
    const clause = part.trim().replace(/[.!?]+$/, "");
    return clause.charAt(0).toLowerCase() + clause.slice(1);
  });
}

/** The user's first request, from the task's reason (the goal text, whose first clause is the primary request). */
export function firstRequest(reason: string): string {
  return requestClauses(reason)[0]!;
}

export function reservedAsk(reason: string, lang: Lang, rng: Rng): string {
  return askFor(firstRequest(reason), lang, rng);
}

/** A request said as the user's reason puts it ("I need to get a price for a taxi from …"); a greeting only in the user's first message. */
export function askFor(what: string, lang: Lang, rng: Rng, first = true): string {
  if (lang === "hi") return `मुझे ${what} — मदद करेंगे?`;
  if (lang === "mixed") return `Mujhe ${what}, help karoge?`;
  if (!first) return say(["I [need|want] to {what}.", "I'd like to {what}[, please|]."], rng, { what });
  return say(["[Hi|Hello|Hey] — I [need|want] to {what}.", "I'd like to {what}[, please|].", "[Quick one|Hi there]: I need to {what}."], rng, { what });
}

export function reservedReply(lang: Lang, more: boolean, rng: Rng): string {
  // Said without a first-person verb (whose form would carry the assistant's gender): "you will be connected".
  if (lang === "hi") return more ? "यह हमारी टीम का कोई व्यक्ति देखेगा — बात के आख़िर में आपको उनसे जोड़ा जाएगा। उससे पहले कुछ और चाहिए?" : "यह हमारी टीम का कोई व्यक्ति देखेगा — आपको अभी उनसे जोड़ा जा सकता है।";
  if (lang === "mixed") return more ? "Ye hamari team ka koi insaan dekhega — baat ke end mein aapko unse connect kar diya jayega. Usse pehle kuch aur chahiye?" : "Ye hamari team ka koi insaan dekhega — aapko abhi unse connect kiya ja sakta hai.";
  return more
    ? say(["[That's one a person on our team handles|A colleague handles that one] — I'll [hand you over|pass you to them] [at the end|once we're done]. [Anything else I can sort out first?|Is there something else I can do first?]"], rng)
    : say(["[That's one a person on our team handles|A colleague handles that one] — [I can hand you over|I can pass you to them] [now|right away]."], rng);
}
