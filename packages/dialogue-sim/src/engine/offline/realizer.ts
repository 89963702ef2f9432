// The realizer: sentences from acts and slots. What the user and the assistant say is decided
// elsewhere (user-agent.ts, assistant-policy.ts); the words for it are built here, from the
// voice (the persona's style and the phrase banks), the pack's nouns and the describers.
// Results shown to the user (lists, details, status) are worded in realize-results.ts.
import type { Rng } from "@chatmill/kit";
import type { Constraint } from "../../contract.js";
import { describeConstraint } from "../../phrases/describe.js";
import { expand, listJoin, say as sayBank, tidy, withArticle } from "../../phrases/grammar.js";
import { describeArg } from "../arg-words.js";
import type { Dialog, Task } from "./context.js";

/** A bank written where it is used; values go in as slots, so the templates stay few and cached. */
export function sayLocal(bank: string[], rng: Rng, slots: Record<string, string> = {}): string {
  return sayBank(bank, rng, slots);
}

/** "and" in the dialogue's language. */
function and(d: Dialog): string {
  return d.lang === "hi" ? "और" : d.lang === "mixed" ? "aur" : "and";
}

/** What the user asks for, said as a noun phrase ("a table somewhere", "some tees"). */
export function thing(d: Dialog, task: Task): string {
  return tidy(expand(thingTemplate(d, task), d.rng));
}

function thingTemplate(d: Dialog, task: Task): string {
  const own = d.domain.offline.nouns?.[task.service.name];
  if (own && own.length > 0) return d.rng.pick(own);
  const item = d.domain.offline.item_noun;
  const cat = task.constraints.find((c) => c.field === "category" || c.field === "type" || c.field === "food");
  const en: Record<string, string> = {
    restaurant: "[a restaurant|somewhere to eat|a place for dinner|a table somewhere]",
    hotel: "[a hotel|a place to stay|a room|somewhere to stay]",
    train: "[a train|train tickets|a train ticket]",
    bus: "[a bus|a coach]",
    attraction: "[something to see|an attraction|something to do]",
    taxi: "[a taxi|a cab]",
    hospital: "[a hospital department|a doctor's appointment]",
    flight: "[a flight|plane tickets]",
    police: "the police station",
    monitoring: "[a look at the servers|a status check]",
    troubleshooting: "[help with a server|someone to look at a box]",
    maintenance: "[some maintenance done|a service fixed]",
  };
  const hi: Record<string, string> = { restaurant: "रेस्टोरेंट", hotel: "होटल", train: "ट्रेन", attraction: "घूमने की जगह", taxi: "टैक्सी", hospital: "अस्पताल का विभाग", flight: "फ़्लाइट", bus: "बस" };
  const mixed: Record<string, string> = { restaurant: "[restaurant|khane ki jagah]", hotel: "[hotel|rehne ki jagah]", train: "train ticket", attraction: "[ghoomne ki jagah|koi attraction]", taxi: "[taxi|cab]", hospital: "hospital appointment", flight: "flight", bus: "bus" };
  // A catalog (a pack that names its items) is asked for by the item's category ("some tees").
  if (cat && item && task.service.table) {
    const v = String(cat.value).toLowerCase();
    return d.lang === "hi" ? `${v}` : d.lang === "mixed" ? `[kuch|koi] ${v}` : `[some|a few|] ${v}`;
  }
  const bank = d.lang === "hi" ? hi : d.lang === "mixed" ? mixed : en;
  if (bank[task.service.name]) return bank[task.service.name]!;
  if (item) return d.lang === "en" ? `[${item.map((w) => withArticle(w)).join("|")}]` : item[0]!;
  return d.lang === "hi" ? "कुछ" : d.lang === "mixed" ? "kuch" : "something";
}

/** The constraints, said as the user's wishes ("red and under $50"). */
export function wants(d: Dialog, cs: readonly Constraint[]): string {
  const parts = cs.map((c) => describeConstraint(c, d.lang, d.rng, d.currency, d.voice.valueTemplate)).filter(Boolean);
  return listJoin(parts, and(d));
}

/** One constraint, said on its own (an added wish, a corrected value). */
export function wish(d: Dialog, c: Constraint, rng: Rng = d.rng): string {
  return describeConstraint(c, d.lang, rng, d.currency, d.voice.valueTemplate);
}

/** A call's arguments, said as booking details ("for 2 people and at 19:00"), without the one named by `skip`. */
export function detailsText(d: Dialog, args: Record<string, unknown>, skip: string | undefined): string {
  const parts = Object.entries(args)
    .filter(([k]) => k !== skip)
    .map(([k, v]) => describeArg(k, v, d.lang));
  return listJoin(parts, and(d));
}

/** "(12 matches in all.)" after a list that shows fewer. */
export function moreText(d: Dialog, total: number): string {
  if (d.lang === "hi") return `(कुल ${total} मिले)`;
  if (d.lang === "mixed") return `(total ${total} mile)`;
  return d.rng.pick([`(${total} matches in all.)`, `(There are ${total} in total.)`, `— ${total} came up overall.`, ""]);
}

/** "Book the best one for me — for 2 people, at 19:00." */
export function bookOutright(d: Dialog, details: string): string {
  if (d.lang === "hi") return `सबसे अच्छा विकल्प बुक कर दीजिए${details ? ` — ${details}` : ""}।`;
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
  return d.lang === "en" ? sayLocal(en, d.rng, { topic }) : d.lang === "hi" ? `${topic} कैसे काम करता है?` : `${topic} kaise kaam karta hai?`;
}

/** The assistant's answer from knowledge about a topic. */
export function topicAnswer(d: Dialog, topic: string): string {
  return d.lang === "en"
    ? sayLocal(["[Good question|Sure]! In short: {topic} [comes down to|is mostly about] knowing what state things are in and changing one thing at a time. [Pro tip: check before you change anything.|Pro tip: keep a note of what you ran.] [Want me to show you on a real box?|Want an example?]"], d.rng, { topic })
    : d.lang === "hi" ? `अच्छा सवाल! संक्षेप में: ${topic} में पहले स्थिति देखिए, फिर एक बार में एक बदलाव कीजिए।` : `Accha question! Short mein: ${topic} mein pehle state check karo, phir ek time pe ek change karo.`;
}

/** The assistant's read-back of a command before it runs it. */
export function commandReadBack(d: Dialog, cmd: string, host: string): string {
  return d.lang === "en" ? `I'll run \`${cmd}\` on ${host}` : `\`${cmd}\` → ${host}`;
}

/** The assistant after the user said no to the read-back. */
export function nothingRun(d: Dialog, target: string): string {
  return d.lang === "en" ? sayLocal(["[Okay|Understood|No problem] — [nothing was run|I haven't run anything]; {target} [stays as it is|is unchanged]."], d.rng, { target }) : d.lang === "hi" ? `ठीक है — कुछ नहीं चलाया; ${target} जैसा था वैसा है।` : `Theek hai — kuch nahi chalaya; ${target} waisa hi hai.`;
}

/** What the assistant will do when the service stays down. */
export function passToTeam(d: Dialog): string {
  return d.lang === "en" ? "I'll pass this to the team so it doesn't get lost." : d.lang === "hi" ? "मैं यह टीम को भेज रहा हूँ।" : "Main ye team ko bhej raha hoon.";
}

/** The assistant asks which booking (the user did not give its reference). */
export function askRef(d: Dialog): string {
  return d.lang === "en" ? sayLocal(["[Sure|Can do] — what's the booking reference?", "[Happy to|Of course]. Which booking is it? The reference starts with a letter."], d.rng) : d.lang === "hi" ? "ज़रूर — बुकिंग का रेफ़रेंस बताइए?" : "Sure — booking reference batao?";
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
  if (d.lang === "hi") return { ask: "एक बात और: क्या मैं बाद में फिर यहाँ पूछ सकता हूँ?", answer: "ज़रूर — जब चाहें फिर लिखिए, मैं सब दोबारा देख लूँगा।" };
  return { ask: "Ek aur baat: kya main baad mein yahan phir pooch sakta hoon?", answer: "Bilkul — jab chaho phir likho, main sab dobara check kar lunga." };
}

/** The user's goodbye when one request could not be done but others were (or it saw what it wanted): thanks for those, the rest later. */
export function thanksForTheRest(d: Dialog): string {
  if (d.lang === "hi") return "ठीक है, बाकी सब के लिए धन्यवाद — यह वाला बाद में देख लेंगे।";
  if (d.lang === "mixed") return sayLocal(["[Theek hai|Koi baat nahi], baaki sab ke liye [thanks|shukriya] — ye wala baad mein dekh lenge."], d.rng);
  return sayLocal(["[Okay|Fair enough|No worries], [thanks for the rest|thanks for what you could do|thanks for your help anyway] — I'll [sort that part out|come back for that one] [later|another time]."], d.rng);
}

/** The user's words with a photo it shares; the link is said too, so a text-only export keeps it. */
export function photoText(d: Dialog, url: string): string {
  if (d.lang === "hi") return `यह फ़ोटो देखिए: ${url}`;
  if (d.lang === "mixed") return sayLocal(["[Ye photo dekho|Is photo jaisa kuch chahiye]: {url}"], d.rng, { url });
  return sayLocal(["[Here's a photo|Something like this one|This is the look I mean]: {url}", "[Like in this picture|Going by this photo]: {url}"], d.rng, { url });
}

/** The user asks for things like an item it was shown. */
export function likeThisText(d: Dialog, item: string): string {
  if (d.lang === "hi") return `${item} जैसा कुछ और दिखाइए?`;
  if (d.lang === "mixed") return sayLocal(["{item} jaisa kuch aur dikhao?", "[Kuch|Koi] {item} jaisa [hai|milega]?"], d.rng, { item });
  return sayLocal(["[Anything|Do you have anything] [similar to|like] {item}?", "[Could you show me|Show me] [a few|some] [alternatives to|things like] {item}?"], d.rng, { item });
}

/** Nothing came back like the item. */
export function nothingLike(d: Dialog, item: string): string {
  if (d.lang === "hi") return `${item} जैसा और कुछ नहीं मिला।`;
  if (d.lang === "mixed") return `${item} jaisa aur kuch nahi mila.`;
  return sayLocal(["[I couldn't find|There's nothing] [else|more] quite like {item}[ right now|]."], d.rng, { item });
}

/** The assistant, as it looks for things like an item. */
export function likeAck(d: Dialog, item: string): string {
  if (d.lang === "hi") return `${item} जैसे विकल्प देख रहा हूँ।`;
  if (d.lang === "mixed") return `${item} jaise options dekh raha hoon.`;
  return sayLocal(["[Looking for|Finding|Pulling up] [options|a few] like {item}[ now|].", "[Sure|On it] — [checking|searching] for [things|options] similar to {item}."], d.rng, { item });
}

/** The user asks about two items at once: their status, or whether they are in stock. */
export function bothAsk(d: Dialog, act: "status" | "availability", a: string, b: string): string {
  if (act === "status") {
    if (d.lang === "hi") return `${a} और ${b} का स्टेटस बताइए?`;
    if (d.lang === "mixed") return sayLocal(["{a} aur {b} ka status check karo?", "{a} aur {b} dono theek hain?"], d.rng, { a, b });
    return sayLocal(["[How are|Can you check] {a} and {b}[ doing|]?", "[What's the status of|Check] {a} and {b}[, please|]."], d.rng, { a, b });
  }
  if (d.lang === "hi") return `${a} और ${b} स्टॉक में हैं?`;
  if (d.lang === "mixed") return sayLocal(["{a} aur {b} stock mein hain?", "{a} aur {b} dono available hain?"], d.rng, { a, b });
  return sayLocal(["[Are|Are both] {a} and {b} in stock?", "[Can you check stock on|Is there stock of] {a} and {b}?"], d.rng, { a, b });
}
