import type { Rng } from "@chatmill/kit";
import type { Lang } from "../phrases/describe.js";
import { say } from "../phrases/grammar.js";
import { REQUEST_LINES } from "./request-lines.js";

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

export function reservedAsk(reason: string, lang: Lang, rng: Rng, local?: LocalRequest): string {
  return askFor(firstRequest(reason), lang, rng, true, { ...local, reserved: true });
}

/**
 * What a Hindi or Hinglish speaker says of a request whose reason is written in English (the
 * goal's text): the thing it is about, named by a value the reason names (`item`), and whether
 * it is one for a person (`reserved`). The English text itself is never said in those languages.
 */
export interface LocalRequest {
  item?: string;
  reserved?: boolean;
  /** The pack's own lines for the request in this language (categories.<c>.said): what it is about, not only its thing. */
  own?: readonly string[];
}

// The parts an English request is composed from: who is asking how, and how it ends.
const HELLO = "[Hi|Hello|Hey|Hi there|Morning|Good afternoon|Evening|Hiya|Hello again|Hey there]";
const NEED = "[I need to|I want to|I'd like to|I'm hoping to|I have to|I'm trying to|I've got to|I was hoping to|I'm looking to]";
const PLEASE = "[, please|, if you can|, thanks|, if that's possible| today| this time|]";

/** A request said as the user's reason puts it ("I need to get a price for a taxi from …"); a greeting only in the user's first message. */
export function askFor(what: string, lang: Lang, rng: Rng, first = true, local: LocalRequest = {}): string {
  // Hindi and Hinglish say the request in their own words: about its thing, or plainly.
  if (lang === "hi" || lang === "mixed") {
    const lines = REQUEST_LINES[lang];
    const builtIn = local.reserved ? (local.item ? lines.reserved : lines.reservedPlain) : local.item ? lines.help : lines.helpPlain;
    // The pack's lines say what the request is about; the built-in ones still come now and then (drawn only when the pack has lines).
    const own = (local.own ?? []).filter((l) => local.item !== undefined || !l.includes("{item}"));
    const bank = own.length > 0 && rng.chance(0.75) ? own : builtIn;
    // A greeting only opens the conversation; a later request starts with "and" or "now".
    const greet = say([first ? lines.greet : lines.later], rng);
    const text = say(bank, rng, { greet, ...(local.item ? { item: local.item } : {}) }).trim();
    return `${text.charAt(0).toUpperCase()}${text.slice(1)}`.replace(lang === "hi" ? /([^?!।])$/u : /([^?!.])$/u, lang === "hi" ? "$1।" : "$1.");
  }
  if (!first) return say([`${NEED} {what}${PLEASE}.`, "[Also|And|Next|Then], [I need|I want|I'd like] to {what}.", "[One more thing:|After that,|Oh, and] {what}[, please|]."], rng, { what });
  const said = say(
    [
      `${HELLO}[ —|,|!] ${NEED} {what}${PLEASE}.`,
      `${NEED} {what}${PLEASE}.`,
      `[Quick one|Short question|Can you help|Hoping you can help|Maybe you can help|Here's my problem][:| —] ${NEED} {what}.`,
      `${HELLO}, [can you help me|could you help me|would you help me|are you able to help me] {what}?`,
      `[So|Ok so|Right|Basically|Well], ${NEED} {what}[ and I'm not sure how.| — can you sort that?|, can you help?|.]`,
      `${HELLO}. [Is this the place to|Can I|Is it possible to] {what} here?`,
      `[Not sure who to ask, but|Hopefully you can point me the right way:|I was told to ask here:] ${NEED} {what}.`,
      // Shorter, as people often put it (not the bare clause: "Ask why I was billed twice …" reads as an order).
      "[I'm here to|I'm getting in touch to|I'm writing to|I came here to] {what}.",
      "[Looking to|Need to|Want to|Trying to] {what}[ — can you help?|, please.|.]",
      "[Could someone|Can somebody|Is there anyone who can] help me {what}?",
      "[Would it be possible to|Am I able to|Could I] {what}?",
    ],
    rng,
    { what },
  );
  return `${said.charAt(0).toUpperCase()}${said.slice(1)}`;
}

/** The user's request as the assistant says it back ("leave a review of my order" → "leave a review of your order"). */
export function yourRequest(reason: string): string {
  return firstRequest(reason)
    .replace(/\bmy\b/g, "your")
    .replace(/\bmine\b/g, "yours")
    .replace(/\bme\b/g, "you")
    .replace(/\bI'm\b|\bI am\b/g, "you're")
    .replace(/\bI was\b/g, "you were")
    .replace(/\bI\b/g, "you");
}

/**
 * The assistant's answer: a person handles it. In English it now and then says the request back
 * (`reason`, the task's reason), so the reply is about this user's matter, not a stock line.
 * Short, as a person at a desk says it ("A colleague handles that — shall I connect you?"): the
 * long forms (an apology, who handles it, then the offer, each a sentence) were the most repeated
 * assistant lines of ops and retail that carry no result (issue #18).
 */
export function reservedReply(lang: Lang, more: boolean, rng: Rng, reason?: string, item?: string): string {
  // About the thing named, often; the request said back seldom (long, and the hand-off may say it again).
  if (lang === "en" && item && rng.chance(0.35)) return englishReply(more, rng, item);
  if (lang === "en" && reason && rng.chance(0.3)) {
    const what = yourRequest(reason);
    return more
      ? say(["[To|If you want to] {what}, [you'll need|that's for] [a colleague|someone on our team] — I'll [connect you|hand you over] [at the end|before we finish]. [What else first?|Anything else meanwhile?]", "[Sure|Okay]: [a colleague|someone on the team] can help you {what}. I'll [pass you over|connect you] [once we're done|at the end] — [anything else first?|what else do you need?]"], rng, { what })
      : say(["[To|So you can] {what}, [I'll put you through to|let me connect you with] [a colleague|someone on our team][ now|].", "[A colleague|A person on the team] [can help you|will help you] {what}. [Shall I hand you over?|I can connect you now.|Want me to transfer you?]", "[Sorry for the trouble|Understood] — [a colleague|someone on the team] can help you {what}. [Shall I connect you?|Want me to put you through?]"], rng, { what });
  }
  // In Hindi and Hinglish, often short and about the thing the user named: who handles it, then the offer.
  if (lang !== "en" && rng.chance(0.75)) return localReply(lang, more, rng, item);
  // Said without a first-person verb (whose form would carry the assistant's gender): "you will be connected".
  if (lang === "hi") {
    return more
      ? say(["[यह हमारी टीम का कोई व्यक्ति देखेगा|इसके लिए टीम के किसी साथी से बात करनी होगी|यह काम टीम का कोई सदस्य करेगा] — [बात के आख़िर में|जाने से पहले] आपको उनसे जोड़ा जाएगा। [उससे पहले कुछ और चाहिए?|तब तक और कुछ?|पहले कुछ और देख लें?]", "[ऐसे मामले टीम के साथी देखते हैं|इसमें टीम का कोई साथी मदद करेगा] — [बातचीत पूरी होने पर|आख़िर में] [आपको उनसे जोड़ दिया जाएगा|उनसे बात करा दी जाएगी]। [तब तक कुछ और देखना है?|पहले बाकी काम निपटा लें?]"], rng)
      : say(["[यह हमारी टीम देखेगी|इसके लिए टीम से बात करनी होगी|यह काम टीम का है] — [अभी जोड़ दें?|एक पल में जोड़ते हैं।]", "[ऐसे मामले|इस तरह के काम] टीम [ख़ुद देखती है|सँभालती है] — [अभी बात करा दें?|चाहें तो अभी जोड़ दें।]", "[समझ सकते हैं|बिल्कुल]; यह [टीम के हाथ में है|टीम ही कर सकती है]। [अभी जोड़ दें?|अभी जोड़ते हैं।]", "[माफ़ कीजिए, दिक्कत के लिए|बताने के लिए शुक्रिया] — [यह टीम ही देख सकती है|इसमें टीम मदद करेगी]। [जोड़ दें?|अभी जोड़ सकते हैं।]", "[जी|ठीक है] — [यह टीम के पास जाएगा|इसमें टीम मदद करेगी]; [अभी जोड़ दें?|बस एक मिनट में बात होगी।]"], rng);
  }
  if (lang === "mixed") {
    return more
      ? say(["[Ye hamari team ka koi insaan dekhega|Iske liye team ke kisi member se baat karni hogi|Ye kaam team ka koi banda karega] — [baat ke end mein|jaane se pehle] aapko unse connect kar diya jayega. [Usse pehle kuch aur chahiye?|Tab tak aur kuch?|Pehle kuch aur dekh lein?]", "[Aise cases team ke log dekhte hain|Isme team ka koi member help karega] — [baat khatam hone pe|end mein] [aapko unse connect kar diya jayega|unse baat karwa denge]. [Tab tak kuch aur dekhna hai?|Pehle baaki kaam nipta lein?]"], rng)
      : say(["[Ye hamari team dekhegi|Iske liye team se baat karni hogi|Ye kaam team ka hai] — [abhi connect kar dein?|ek sec mein connect karte hain.]", "[Aise cases|Is type ke kaam] team [khud dekhti hai|handle karti hai] — [abhi baat karwa dein?|chaho toh abhi connect kar dein.]", "[Samajh sakte hain|Bilkul]; ye [team ke haath mein hai|team hi kar sakti hai]. [Abhi connect kar dein?|Abhi connect karte hain.]", "[Sorry for the trouble|Batane ke liye thanks] — [ye team hi dekh sakti hai|isme team help karegi]. [Connect kar dein?|Abhi connect kar sakte hain.]", "[Ji|Theek hai] — [ye team ke paas jayega|isme team help karegi]; [abhi connect kar dein?|bas ek min mein baat hogi.]"], rng);
  }
  return more
    ? say(["[A colleague handles that one|That's one for a colleague] — I'll [hand you over|pass you to them] [at the end|once we're done]. [Anything else first?|What else can I do first?]"], rng)
    : say([
        "[A colleague handles that|That's one for a colleague|Someone on the team handles that|That goes to a colleague|The team handles that|A teammate takes care of requests like this|That one's for the team] — [shall I connect you?|want me to put you through?|I can connect you now.|shall I pass you over?|I'll put you through if you like.|I can hand you over straight away.]",
        "[I can't do that one myself|That's not one I can do here|That's outside what I can do|That one isn't mine to handle], [but|though] [a colleague can|someone on the team can|the team can]. [Shall I connect you?|Want me to put you through?|Shall I bring them in?|I'll connect you if you like.]",
        "[Sorry to hear that|Thanks for flagging it|Understood|I'm sorry about that]. [A colleague|Someone on the team|One of my colleagues] [will take care of it|can sort that out|deals with that] — [shall I connect you?|want me to put you through?|I can transfer you now.|say yes and I'll connect you.]",
        "[For that you'll want|That needs] [a colleague|a person on our team]. [Shall I connect you?|Want me to hand you over?|I can bring them in now.]",
      ], rng);
}

/**
 * The Hindi or Hinglish reply composed from parts: a word for the user, who handles it (the thing
 * the user named, when it named one), and the offer to connect now or at the end. No first-person
 * verb, so nothing depends on the assistant's gender; every part agrees with any other.
 */
function localReply(lang: "hi" | "mixed", more: boolean, rng: Rng, item?: string): string {
  const hi = lang === "hi";
  // Often no word before it (the answer says it was heard), as in English.
  const ack = hi ? "[[समझ सकते हैं|जी|ठीक है|अच्छा किया जो बताया|बताने के लिए शुक्रिया|माफ़ कीजिए, दिक्कत के लिए][ —|;|।] ||]" : "[[Samajh sakte hain|Ji|Theek hai|Accha kiya jo bataya|Batane ke liye thanks|Sorry for the trouble][ —|;] ||]";
  // The thing named now and then: the user has just named it, and a name said back each time repeats (issue #18).
  const what = item && rng.chance(0.6)
    ? hi
      ? "[{item} वाला मामला|{item} की बात|{item} से जुड़ा यह काम]"
      : "[{item} wala matter|{item} ki baat|{item} se juda ye kaam]"
    : hi
      ? "[यह|ऐसे मामले|इस तरह के काम]"
      : "[ye|aise cases|is type ke kaam]";
  const who = hi ? "[टीम देखती है|हमारी टीम देखती है|टीम के साथी देखते हैं]" : "[team dekhti hai|hamari team dekhti hai|team ke log dekhte hain]";
  const offer = more
    ? hi
      ? "[आख़िर में आपको उनसे जोड़ देंगे — तब तक कुछ और?|बाकी काम निपटाकर उनसे जोड़ देंगे। पहले और क्या चाहिए?|जाने से पहले उनसे बात करा देंगे; उससे पहले कुछ और देखना है?]"
      : "[End mein aapko unse connect kar denge — tab tak kuch aur?|Baaki kaam nipta ke unse connect kar denge. Pehle aur kya chahiye?|Jaane se pehle unse baat karwa denge; usse pehle kuch aur dekhna hai?]"
    : hi
      ? "[अभी जोड़ दें?|उनसे बात करा दें?|कहें तो अभी जोड़ दें।]"
      : "[Abhi connect kar dein?|Unse baat karwa dein?|Bolo toh abhi connect kar dein.]";
  const end = hi ? "।" : ".";
  // The thing named starts a sentence of its own (after the word for the user), as the user wrote it.
  // An English article of the value ("the OOM killer") is not said in Hindi or Hinglish.
  const text = say([`${ack}${what} ${who}${end} ${offer}`], rng, item ? { item: item.replace(/^the\s+/i, "") } : {});
  // A line that opens with the thing's name keeps it as written; a lower-case word of ours ("ye", "aise") is capitalised.
  return /^[a-z]/.test(text) && !(item && text.startsWith(item.replace(/^the\s+/i, ""))) ? text.charAt(0).toUpperCase() + text.slice(1) : text;
}

/** The English reply about the thing the user named: who handles it, then the offer; mostly without a word before it (the answer says it was heard). */
function englishReply(more: boolean, rng: Rng, item: string): string {
  const ack = "[Sorry to hear that. |I see. |Thanks for telling me. |Understood. ||||]";
  const who = "[A colleague|Someone on our team|The team|One of my colleagues] [handles|looks after|takes care of] [questions about|problems with|anything to do with|issues with] {item}";
  const offer = more
    ? "[. I'll connect you before we finish — anything else first?|; I'll hand you over at the end. What else can I do first?]"
    : "[ — shall I connect you?| — want me to put you through?| — I can connect you now.| — shall I hand you over?]";
  return say([`${ack}${who}${offer}`], rng, { item: item.replace(/^the\s+/i, "") });
}
