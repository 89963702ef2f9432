// The realizer: sentences from acts and slots. What the user and the assistant say is decided
// elsewhere (user-agent.ts, assistant-policy.ts); the words for it are built here, from the
// voice (the persona's style and the phrase banks), the pack's nouns and the describers.
// Results shown to the user (lists, details, status) are worded in realize-results.ts, what the
// user asks for ({thing}) in thing-words.ts, the "something like this" lines in like-lines.ts.
import { describeArg, sayableName } from "@chatmill/domains";
import type { Rng } from "@chatmill/kit";
import type { Constraint, ServiceInfo } from "../../contract.js";
import { describeConstraint, type ConstraintWords } from "../../phrases/describe.js";
import { AND, GENDER_SLOT, listJoin, say as sayBank } from "../../phrases/grammar.js";
import { isMoneyField } from "../present.js";
import type { Dialog, Task } from "./context.js";

/** A bank written where it is used; values go in as slots, so the templates stay few and cached. */
export function sayLocal(bank: string[], rng: Rng, slots: Record<string, string> = {}): string {
  return sayBank(bank, rng, slots);
}

/** "and" in the dialogue's language. */
export function andWord(d: Dialog): string {
  return AND[d.lang];
}

/** The constraints, said as the user's wishes ("red and under $50"); `gender`: the thing's they are said of (thingSlots), for the pack's {tm:…|tf:…} forms. */
export function wants(d: Dialog, cs: readonly Constraint[], gender?: "m" | "f"): string {
  const words = { ...constraintWords(d), thingGender: gender };
  const parts = cs.map((c) => describeConstraint(c, d.lang, d.rng, words)).filter(Boolean);
  return listJoin(parts, andWord(d));
}

/** One constraint, said on its own (an added wish, a corrected value); a yes/no the pack gives no words for is said by its value; `gender` as for wants. */
export function wish(d: Dialog, c: Constraint, rng: Rng = d.rng, gender?: "m" | "f"): string {
  return describeConstraint(c, d.lang, rng, { ...constraintWords(d), thingGender: gender }) || String(c.value);
}

/** What the pack says of its fields, for describeConstraint: the dialogue's currency, the pack's value phrasings, its money fields, its fields' sayable words. */
function constraintWords(d: Dialog): ConstraintWords {
  return { currency: d.currency, said: d.voice.valueTemplate, isMoney: (c) => isMoneyField(d.domain, c), fieldWords: (field) => sayableName(d.domain, field), alone: (field) => aloneOf(d.domain, field) };
}

const alonePatterns = new WeakMap<Dialog["domain"], Map<string, RegExp | undefined>>();

/** The pack's pattern of a field's values that are said alone (wording.values.<field>.alone), compiled once. */
function aloneOf(domain: Dialog["domain"], field: string): RegExp | undefined {
  let known = alonePatterns.get(domain);
  if (!known) alonePatterns.set(domain, (known = new Map()));
  if (!known.has(field)) {
    const values = domain.wording?.values;
    const src = values && Object.hasOwn(values, field) ? values[field]?.alone : undefined;
    known.set(field, src === undefined ? undefined : new RegExp(src, "i"));
  }
  return known.get(field);
}

/**
 * A call's arguments, said as booking details ("for 2 people and at 19:00"), without the one named
 * by `skip`; `service`: whose booking values say what each is. `asked`: said by the user asking
 * for it, a party, day or time in one of the ways people say them ("for two of us", "रात 8 बजे").
 */
export function detailsText(d: Dialog, args: Record<string, unknown>, skip: string | undefined, service?: ServiceInfo, asked = false): string {
  const parts = Object.entries(args)
    .filter(([k]) => k !== skip)
    .map(([k, v]) => describeArg(d.domain, k, v, d.lang, (name) => sayableName(d.domain, name), service, asked ? d.rng : undefined));
  return listJoin(parts, andWord(d));
}

/**
 * Said with a call that changes something, naming what it changes: the item being set up, the
 * reference being cancelled or changed. No first-person verb in Hindi or Hinglish ("we" forms),
 * so nothing here depends on the assistant's gender.
 */
export function actionAck(d: Dialog, kind: "create" | "cancel" | "modify", what: string): string {
  const banks: Record<typeof kind, Record<Dialog["lang"], string[]>> = {
    create: {
      en: ["[Okay|Right|Sure] — [setting up|arranging|sorting out] {what} [now|for you|right away].", "{what} — [putting it through|making it happen|setting it up] [now|for you].", "[Great,|Lovely,|Perfect,] [let me set up|I'll arrange|I'm confirming] {what}[ now|]."],
      hi: ["[ठीक है|अच्छा|जी], {what} [अभी तय करते हैं|पक्का करते हैं|दर्ज करते हैं]।", "{what} — [एक पल, तय हो रहा है|अभी करते हैं|बस हो ही गया समझिए]।", "[बढ़िया|चलिए], {what} [के लिए जगह पक्की करते हैं|दर्ज कर रहे हैं]।"],
      mixed: ["[Ok|Theek hai|Ji], {what} [abhi set karte hain|confirm karte hain|darj karte hain].", "{what} — [ek sec, ho raha hai|abhi karte hain|bas ho hi gaya samjho].", "[Badhiya|Chalo], {what} [ke liye jagah pakki karte hain|darj kar rahe hain]."],
    },
    cancel: {
      en: ["[Okay|Right|Understood] — [cancelling|calling off] {what} [now|for you].", "{what}: [cancelling it now|calling it off now|on it, cancelling]."],
      hi: ["[ठीक है|अच्छा|समझ सकते हैं], {what} [रद्द करते हैं|कैंसल कर रहे हैं|हटा रहे हैं]।", "{what} — [अभी रद्द हो रहा है|कैंसल कर देते हैं], [एक पल|बस अभी]।"],
      mixed: ["[Ok|Theek hai|Samajh sakte hain], {what} [cancel karte hain|cancel kar rahe hain|hata rahe hain].", "{what} — [abhi cancel ho raha hai|cancel kar dete hain], [ek sec|bas abhi]."],
    },
    modify: {
      en: ["[Okay|Right|Sure] — [updating|changing] {what} [now|for you].", "{what}: [making the change now|updating it now|on it]."],
      hi: ["[ठीक है|अच्छा|जी], {what} [बदल रहे हैं|अपडेट करते हैं|नए हिसाब से कर रहे हैं]।", "{what} — [बदलाव हो रहा है|अभी बदलते हैं], [एक पल|बस अभी]।"],
      mixed: ["[Ok|Theek hai|Ji], {what} [update kar rahe hain|change karte hain|naye hisaab se kar rahe hain].", "{what} — [change ho raha hai|abhi badalte hain], [ek sec|bas abhi]."],
    },
  };
  return capFirst(sayLocal(banks[kind][d.lang], d.rng, { what }));
}

/** The user takes the hand-off to a person the assistant offered. */
export function handoffYes(d: Dialog): string {
  const bank: Record<Dialog["lang"], string[]> = {
    en: [
      "[yes|yeah|sure|ok|alright|right], [please put me through|connect me, please|hand me over then|pass me on|put me in touch|transfer me][, thanks|, thank you|, cheers| then|]",
      "[that'd be great|sounds good|perfect|good|fair enough|that works], [I'll talk to them|let's do that|put me through|I'll wait for them|I'll explain it to them]",
      "[please do|go on then|yes, do|ok, go ahead], [I'd rather speak to someone|a person is what I need|I want someone to look at it properly|that's what I was hoping for][ about this| on this|]",
      "[fine by me|works for me|ok then|that's fine] — [who will I be talking to?|will they have the details?|thanks for explaining|how long is the wait?|will they see this chat?]",
      "[yes please|please|yes], [the sooner the better|I'd appreciate that|I'll hold|I've got time now]",
    ],
    hi: [
      "[हाँ|जी हाँ|ठीक है|जी|बिल्कुल], [जोड़ दीजिए|उनसे बात करवा दीजिए|आगे भेज दीजिए|उनसे मिलवा दीजिए|बात करा दीजिए][, धन्यवाद|, शुक्रिया|, जल्दी|]",
      "[बढ़िया|अच्छा|ठीक|सही], [उन्हीं से बात कर लेते हैं|किसी व्यक्ति से ही बात ठीक रहेगी|वही ठीक रहेगा|यही चाहिए था]",
      "[ठीक है|अच्छा|चलिए|हाँ, ठीक] — [क्या उन्हें पूरी बात पता होगी?|कितनी देर लगेगी?|वे यह चैट देख पाएँगे?|सब दोबारा तो नहीं बताना पड़ेगा?|वे कब तक जुड़ेंगे?]",
      "[ठीक है|हाँ], [इंतज़ार कर {m:लूँगा|f:लूँगी}|मैं लाइन पर {m:रुका|f:रुकी} हूँ] — [जल्दी जोड़िए|उन्हें सब बता दीजिएगा]",
      "[यही ठीक रहेगा|यही बेहतर है], [किसी जानकार से बात हो जाए तो|कोई इंसान देख ले तो] [तसल्ली रहेगी|अच्छा रहेगा]",
    ],
    mixed: [
      "[Haan|Ji haan|Theek hai|Ji|Bilkul|Ok], [connect kar do|unse baat karwa do|aage bhej do|unse milwa do|baat kara do][, thanks|, shukriya|, jaldi|]",
      "[Badhiya|Accha|Theek|Sahi], [unhi se baat kar lete hain|kisi insaan se hi baat theek rahegi|wahi theek rahega|yahi chahiye tha]",
      "[Theek hai|Accha|Chalo|Haan, theek] — [kya unhe poori baat pata hogi?|kitni der lagegi?|wo ye chat dekh payenge?|sab dobara toh nahi batana padega?|wo kab tak join karenge?]",
      "[Theek hai|Haan], [wait kar {m:lunga|f:lungi}|main line pe {m:ruka|f:ruki} hoon] — [jaldi connect karo|unhe sab bata dena]",
      "[Yahi theek rahega|Yahi better hai], [kisi expert se baat ho jaye toh|koi insaan dekh le toh] [tasalli rahegi|accha rahega]",
    ],
  };
  // The user's own first-person forms ("I'll wait") agree with the persona: the voice's slots carry its gender.
  return capFirst(d.lang === "en" ? sayLocal(bank.en, d.rng) : sayBank(bank[d.lang], d.rng, d.voice.slots));
}

/** The user's thanks at the end, naming what it got. */
export function thanksFor(d: Dialog, name: string): string {
  const bank: Record<Dialog["lang"], string[]> = {
    en: [
      "[thanks for the help with|cheers for sorting out|thank you for your help with|much obliged for the help with|thanks for looking into] {name}[!|.| — really helpful.| — bye for now.]",
      "[great|perfect|lovely|brilliant|excellent|good stuff], {name} [it is|sounds right|works for me|will do nicely|is just right] — [thanks|thank you|cheers|many thanks|ta][!|.]",
      "[that's|ok, that's|right, that's|so that's] {name} [sorted|settled|done|taken care of] then, [thanks a lot|many thanks|thank you|cheers][!|.]",
      "[glad we got|happy to have] {name} [sorted|figured out|out of the way][, thanks|, thank you so much|]. [bye|take care|have a good day|]",
    ],
    hi: ["{name} के लिए [धन्यवाद|शुक्रिया|बहुत शुक्रिया|आपका आभार][!|।]", "[बढ़िया|ठीक है|वाह|बहुत अच्छा], {name} [तय रहा|पक्का|हो गया|सुलझ गया] — [धन्यवाद|शुक्रिया|बहुत धन्यवाद][!|।]", "{name} [का काम हो गया|वाली बात हो गई|का काम पूरा हुआ], [शुक्रिया|धन्यवाद][, नमस्ते|, फिर मिलेंगे|]", "[चलिए|अच्छा], {name} [की चिंता ख़त्म|का मामला निपट गया] — [आपका बहुत-बहुत धन्यवाद|दिल से शुक्रिया][!|।]"],
    mixed: ["{name} ke liye [thanks|shukriya|thank you|bahut thanks][!|.]", "[Badhiya|Theek hai|Wah|Mast], {name} [final|pakka|ho gaya|sort ho gaya] — [thanks|shukriya|thank you][!|.]", "{name} [ka kaam ho gaya|wali baat ho gayi|ka kaam poora hua], [shukriya|thanks][, bye|, milte hain|]", "[Chalo|Accha], {name} [ki tension khatam|ka mamla nipat gaya] — [bahut bahut thanks|dil se shukriya][!|.]"],
  };
  return capFirst(sayLocal(bank[d.lang], d.rng, { name }));
}

/** Said after the assistant's goodbye, naming what the dialogue was about. */
export function farewellAbout(d: Dialog, name: string): string {
  const bank: Record<Dialog["lang"], string[]> = {
    en: [
      "[Good luck with|All the best with|Hope all goes well with|Best of luck with] {name}[!|.]",
      "[Hope|I hope] {name} [works out well|turns out great|does the job|is just what you need] for you[!|.]",
      "[If you need anything more on|Should you need more on|For anything else about] {name}, [I'm here|just ask|you know where I am][!|.]",
      "[Glad|Great that] we [settled on|landed on|got to] {name}[!|.]",
      "{name} it is, then[!|.]",
    ],
    hi: [
      "{name} के लिए [शुभकामनाएँ|ढेर सारी शुभकामनाएँ|मेरी शुभकामनाएँ]!",
      "[उम्मीद है|आशा है] {name} [के साथ सब बढ़िया रहेगा|में अब कोई दिक्कत नहीं आएगी|से आपका काम बन जाएगा]!",
      "{name} के साथ सब [अच्छा|बढ़िया|ठीक] रहे[!|।]",
      "तो {name} तय रहा[!|।]",
    ],
    mixed: [
      "{name} ke liye [all the best|best of luck|shubhkamnayein]!",
      "[Umeed hai|Hope] {name} [ke saath sab badhiya rahega|mein ab koi problem nahi aayegi|se aapka kaam ban jayega]!",
      "{name} ke saath sab [accha|badhiya|smooth] rahe[!|.]",
      "Toh {name} final raha[!|.]",
    ],
  };
  return sayLocal(bank[d.lang], d.rng, { name });
}

/** "(12 matches in all.)" after a list that shows fewer. */
export function moreText(d: Dialog, total: number): string {
  if (d.lang === "hi") return sayLocal(["(कुल {n} मिले)", "(कुल मिलाकर {n} [नतीजे|विकल्प] हैं)", "— [सब मिलाकर|कुल] {n}।", ""], d.rng, { n: String(total) });
  if (d.lang === "mixed") return sayLocal(["(total {n} mile)", "(kul {n} [results|options] hain)", "— [sab milake|total] {n}.", ""], d.rng, { n: String(total) });
  return sayLocal(["({n} matches in all.)", "(There are {n} in total.)", "— {n} came up overall.", "", "[I have|There are] {n} [altogether|in all], [these are the top ones|showing the best few].", "({n} [fit|match] [overall|in total][, these first|].)"], d.rng, { n: String(total) });
}

/** "Book the best one for me — for 2 people, at 19:00." */
export function bookOutright(d: Dialog, details: string): string {
  if (d.lang === "hi") return sayLocal([`[सबसे अच्छा विकल्प|जो सबसे ठीक हो, वही] [बुक कर दीजिए|पक्का कर दीजिए]${details ? ` — ${details}` : ""}।`], d.rng);
  if (d.lang === "mixed") return `Best wala book kar do${details ? ` — ${details}` : ""}.`;
  return sayLocal([`[Please book|Go ahead and book|Book] the best match[ for me|]${details ? ` — ${details}` : ""}.`], d.rng);
}

/** A request joined to the one before it in a single message ("Also, …"). */
export function alsoText(d: Dialog, said: string): string {
  const also = d.lang === "en" ? "Also, " : d.lang === "hi" ? "और, " : "Aur, ";
  return also + said.charAt(0).toLowerCase() + said.slice(1);
}

/** A service's name as the subject of a booking ("Taxi"). */
export function serviceName(d: Dialog, task: Task): string {
  return d.lang === "en" ? capFirst(task.service.name) : task.service.name;
}

/** Small talk's callback when no item is named. */
export function yourRequest(d: Dialog): string {
  return d.lang === "en" ? "your request" : d.lang === "hi" ? "आपकी रिक्वेस्ट" : "aapki request";
}

export function capFirst(s: string): string {
  return s.charAt(0).toUpperCase() + s.slice(1);
}

/** A service on a host as the user names it ("nginx on web-01"). */
export function hostText(d: Dialog, host: string, service: string | undefined): string {
  return service ? (d.lang === "en" ? `${service} on ${host}` : `${host} (${service})`) : host;
}

/** The user's question about a topic no tool looks up ("how does X work?"). */
export function topicQuestion(d: Dialog, topic: string): string {
  const en = ["[how does {topic} work|can you explain how {topic} works]?", "[what's the deal with|quick question about] {topic}?", "[I'm trying to understand|explain] {topic}[, please|]"];
  const hi = ["{topic} [कैसे काम करता है|समझा दीजिए]?", "[एक सवाल था|ज़रा बताइए]: {topic} [क्या है|कैसे चलता है]?"];
  const mixed = ["{topic} [kaise kaam karta hai|samjha do]?", "[Ek question tha|Zara batao]: {topic} [kya hai|kaise chalta hai]?"];
  return sayLocal(d.lang === "en" ? en : d.lang === "hi" ? hi : mixed, d.rng, { topic });
}

/**
 * The user's question about a row it names (a command, a concept): the scenario category's own
 * clause when it has one ("find out what {thing} does before I run it"), else a plain question.
 */
export function askAbout(d: Dialog, topic: string, ask: string | undefined, first: boolean): string {
  if (d.lang === "hi") return sayLocal(["{topic} के बारे में समझा दीजिए?", "{topic} [क्या होता है|किस काम आता है], [थोड़ा समझाइए?|ज़रा बताइए?]"], d.rng, { topic });
  if (d.lang === "mixed") return sayLocal(["{topic} ke baare mein samjha do?", "{topic} kya hota hai, thoda explain karo?"], d.rng, { topic });
  const hello = first ? "[Hi! |Hey! |]" : "";
  if (ask && d.rng.chance(0.6)) {
    const clause = ask.replaceAll("{thing}", "{topic}").replaceAll("{thingNoun}", "{topic}");
    return sayLocal([`${hello}[I'd like to|I want to] ${clause}.`, `${hello}[Can|Could] you help me ${clause}?`], d.rng, { topic });
  }
  return sayLocal([`${hello}[Can|Could] you explain {topic}[ to me|]?`, `${hello}[What should I know about|What's the short version on] {topic}?`, `${hello}I'm trying to understand {topic}[ — can you help|]?`], d.rng, { topic });
}

/**
 * The assistant's answer from the row it read: an opener, then the row's answer fields as the
 * data writes them (not re-spaced or re-punctuated, so the facts in them stay word for word).
 */
export function answerText(d: Dialog, parts: readonly string[]): string {
  const open = d.lang === "en" ? sayLocal(["[Sure|Good question|Happy to explain|Of course]!", "[Here's the short version|In short]:", "[Right|Okay|Sure thing], [here's how it works|here's the gist|this is the gist]:", "[From my notes|According to my notes|Here's what my notes say]:"], d.rng) : d.lang === "hi" ? sayLocal(["[ज़रूर|बिल्कुल|अच्छा सवाल]!", "[संक्षेप में|सीधे शब्दों में]:"], d.rng) : sayLocal(["[Bilkul|Zaroor|Accha sawaal]!", "[Short mein|Seedhe shabdon mein]:"], d.rng);
  const offer = d.lang === "en" ? sayLocal(["[Anything else you'd like explained?|Does that help?|Want me to go into more detail?|]", "[Shall I give you an example?|Want an example?|Should I go deeper on any part?]", "[Hope that clears it up.|Hope that helps.|Let me know if any of that is unclear.|]"], d.rng) : "";
  return [open, ...parts, offer].filter((x) => x !== "").join(" ");
}

/** The assistant found nothing on the topic the user asked about. */
export function nothingOn(d: Dialog, topic: string): string {
  if (d.lang === "hi") return sayLocal(["{topic} के बारे में [मेरे पास कुछ नहीं है|अभी कोई जानकारी नहीं मिली]।"], d.rng, { topic });
  if (d.lang === "mixed") return sayLocal(["{topic} ke baare mein [mere paas kuch nahi hai|abhi koi info nahi mili]."], d.rng, { topic });
  return sayLocal(["[Sorry|Hmm], I [don't have anything|have nothing] on {topic}[ in my notes|]."], d.rng, { topic });
}

/** The user, told there is nothing on its topic, asks the assistant to look once more. */
export function lookAgain(d: Dialog, topic: string): string {
  if (d.lang === "hi") return sayLocal(["[एक बार फिर देखिए?|पक्का? दोबारा देखिए ना।] {topic} तो [आम चीज़ है|सब जानते हैं]।"], d.rng, { topic });
  if (d.lang === "mixed") return sayLocal(["[Ek baar phir check karo?|Pakka? Dobara dekho na.] {topic} toh [common hai|sabko pata hai]."], d.rng, { topic });
  return sayLocal(["[Really?|Hm, are you sure?] [Could you|Can you] [check|look] again? {topic} [is pretty common|should be in there]."], d.rng, { topic });
}

/** The assistant's answer from knowledge about a topic: the pack's `explain` lines (ops' explainer is ops' own), else the neutral ones. */
export function topicAnswer(d: Dialog, topic: string): string {
  return d.voice.assistant("explain", { topic });
}

/**
 * The assistant's read-back of a command before it runs it, said as an order as a change is
 * ("run `uptime` on web-01", as "cancel AP7LZ2M9U9"): the read-back lines put it after their own
 * words, and "Here's what I'll do: I'll run …" said "I'll" twice.
 */
export function commandReadBack(d: Dialog, cmd: string, host: string): string {
  return d.lang === "en" ? `run \`${cmd}\` on ${host}` : `\`${cmd}\` → ${host}`;
}

/** The assistant after the user said no to the read-back. */
export function nothingRun(d: Dialog, target: string): string {
  return d.lang === "en" ? sayLocal(["[Okay|Understood|No problem] — [nothing was run|I haven't run anything]; {target} [stays as it is|is unchanged]."], d.rng, { target }) : d.lang === "hi" ? `ठीक है — कुछ नहीं चलाया; ${target} जैसा था वैसा है।` : `Theek hai — kuch nahi chalaya; ${target} waisa hi hai.`;
}

/** What the assistant will do when the service stays down. */
export function passToTeam(d: Dialog): string {
  // The assistant's own first-person forms agree with its persona's gender (the pack's wording.assistant_gender).
  const g = { [GENDER_SLOT]: d.voice.wording.assistantGender };
  if (d.lang === "hi") return sayBank(["मैं यह टीम को [भेज {m:रहा|f:रही} हूँ|सौंप {m:रहा|f:रही} हूँ]।", "यह बात टीम तक [पहुँचा {m:रहा|f:रही} हूँ|पहुँचा देते हैं], ताकि [छूट न जाए|कोई देख ले]।"], d.rng, g);
  if (d.lang === "mixed") return sayBank(["Main ye team ko [bhej {m:raha|f:rahi} hoon|forward kar {m:raha|f:rahi} hoon].", "Ye team tak [pahuncha {m:deta|f:deti} hoon|pahuncha dete hain], taaki [miss na ho|koi dekh le]."], d.rng, g);
  return sayBank(["I'll pass this to the team so it doesn't get lost.", "[I'm flagging this|I'll note this] for the team[ so someone follows up| so it gets looked at].", "[Passing this on|Sending this over] to the team[ now|] so [nothing slips|it's on record]."], d.rng, g);
}

/**
 * The assistant asks which booking (the user did not give its reference). A hint at its form is
 * the data's own: the create tool's id_prefix ("it starts with H"), never a guess ("with a letter").
 */
export function askRef(d: Dialog, prefix: string | undefined): string {
  const p = prefix ?? "";
  const hi = ["[ज़रूर|बिल्कुल|हाँ जी|जी, हो जाएगा] — [बुकिंग का रेफ़रेंस बताइए?|रेफ़रेंस नंबर क्या है?|किस बुकिंग की बात है? रेफ़रेंस बताइए।|रेफ़रेंस नंबर लिख दीजिए, बाकी हम देख लेंगे।]", p ? "[पहले|बस] [रेफ़रेंस नंबर|बुकिंग का नंबर] [चाहिए|बता दीजिए] — [वह {p} से शुरू होता है|कन्फ़र्मेशन में लिखा होगा]।" : "[पहले|बस] [रेफ़रेंस नंबर|बुकिंग का नंबर] [चाहिए|बता दीजिए] — कन्फ़र्मेशन में लिखा होगा।"];
  const mixed = ["[Sure|Bilkul|Haan ji|Ji, ho jayega] — [booking reference batao?|reference number kya hai?|kaunsi booking hai? Reference batao.|reference number likh do, baaki hum dekh lenge.]", p ? "[Pehle|Bas] [reference number|booking ka number] [chahiye|bata do] — [wo {p} se shuru hota hai|confirmation mein likha hoga]." : "[Pehle|Bas] [reference number|booking ka number] [chahiye|bata do] — confirmation mein likha hoga."];
  const en = ["[Sure|Can do|No problem] — what's the booking reference?", p ? "[Happy to|Of course]. Which booking is it? The reference starts with {p}." : "[Happy to|Of course]. Which booking is it? The reference is in the confirmation.", "[Okay|Right], [could you give me|I'll need] the booking reference[, please|]?"];
  return sayLocal(d.lang === "en" ? en : d.lang === "hi" ? hi : mixed, d.rng, { p });
}

/** The user gives the reference. */
export function giveRef(d: Dialog, ref: string): string {
  return d.lang === "en" ? sayLocal(["[it's|sure,|] {ref}", "{ref}[, I think|]"], d.rng, { ref }) : `${ref}`;
}

/** The user's last question before the goodbye, and the assistant's answer: can they come back to this chat. */
export function comeBack(d: Dialog): { ask: string; answer: string } {
  if (d.lang === "en") {
    const ask = sayLocal(["[One more thing|Oh, and one more question|Also]: [can I come back to this chat later|if I need this again, can I just ask here]?"], d.rng);
    return { ask, answer: sayLocal(["[Of course|Yes, any time] — [start a chat whenever you like|just message me again] and [tell me what you need|say what you're after]; I'll look everything up fresh."], d.rng) };
  }
  // The user's first-person form agrees with the persona (the voice's slots carry its gender); the answer has none.
  if (d.lang === "hi") {
    const ask = sayBank(["[एक बात और|आख़िरी सवाल|अच्छा, एक चीज़]: [क्या मैं बाद में फिर यहाँ पूछ {m:सकता|f:सकती} हूँ?|ज़रूरत पड़े तो यहीं दोबारा लिख दूँ?]"], d.rng, d.voice.slots);
    return { ask, answer: sayLocal(["[ज़रूर|बिल्कुल] — [जब चाहें फिर लिखिए|कभी भी नई चैट शुरू कीजिए], [सब दोबारा देखा जाएगा|हर बार ताज़ा जानकारी मिलेगी]।"], d.rng) };
  }
  const ask = sayBank(["[Ek aur baat|Last question|Accha, ek cheez]: [kya main baad mein yahan phir pooch {m:sakta|f:sakti} hoon?|zaroorat pade toh yahin dobara likh doon?]"], d.rng, d.voice.slots);
  return { ask, answer: sayLocal(["[Bilkul|Zaroor] — [jab chaho phir likho|kabhi bhi nayi chat start karo], [sab dobara check hoga|har baar fresh info milegi]."], d.rng) };
}

/** The user's goodbye when one request could not be done but others were (or it saw what it wanted): thanks for those, the rest later. */
export function thanksForTheRest(d: Dialog): string {
  if (d.lang === "hi") return sayLocal(["[ठीक है|कोई बात नहीं|चलिए], [बाकी सब के लिए|बाकी काम के लिए|जो हो सका उसके लिए] [धन्यवाद|शुक्रिया] — [यह वाला|वह हिस्सा] [बाद में देख लेंगे|फिर कभी करेंगे|ख़ुद सँभाल लेंगे]।"], d.rng);
  if (d.lang === "mixed") return sayLocal(["[Theek hai|Koi baat nahi|Chalo], [baaki sab ke liye|baaki kaam ke liye|jo ho saka uske liye] [thanks|shukriya] — [ye wala|wo part] [baad mein dekh lenge|phir kabhi karenge|khud sambhal lenge]."], d.rng);
  return sayLocal(["[Okay|Fair enough|No worries|That's fine|Ah well], [thanks for the rest|thanks for what you could do|thanks for your help anyway|thanks for the other bits|cheers for everything else] — I'll [sort that part out|come back for that one|deal with that bit|chase that up] [later|another time|myself|next week]."], d.rng);
}

/** The user asks about two items at once: their status, or whether they are in stock. */
export function bothAsk(d: Dialog, act: "status" | "availability", a: string, b: string): string {
  if (act === "status") {
    if (d.lang === "hi") return sayLocal(["{a} और {b} [का स्टेटस बताइए|दोनों ठीक हैं|का हाल क्या है]?", "[ज़रा|एक साथ] {a} और {b} [देख लीजिए|चेक कीजिए]"], d.rng, { a, b });
    if (d.lang === "mixed") return sayLocal(["{a} aur {b} ka status check karo?", "{a} aur {b} dono theek hain?"], d.rng, { a, b });
    return sayLocal(["[How are|Can you check|Could you look at] {a} and {b}[ doing| for me|]?", "[What's the status of|Check|Give me a read on|Quick look at] {a} and {b}[, please| together|].", "[Are {a} and {b} both ok|Is anything wrong with {a} or {b}][ at the moment| today|]?"], d.rng, { a, b });
  }
  // "स्टॉक में है" is the retail pack's own phrase: the neutral question asks whether they can be had.
  if (d.lang === "hi") return sayLocal(["{a} और {b} [उपलब्ध हैं|मिल जाएँगे]?"], d.rng, { a, b });
  if (d.lang === "mixed") return sayLocal(["{a} aur {b} [abhi milenge|mil jayenge]?", "{a} aur {b} dono available hain?"], d.rng, { a, b });
  return sayLocal(["[Are|Are both] {a} and {b} in stock?", "[Can you check stock on|Is there stock of] {a} and {b}?"], d.rng, { a, b });
}
