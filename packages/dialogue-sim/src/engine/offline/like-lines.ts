// The lines of "something like this": a photo the user shares, items like one it was shown, and
// the assistant's answers when it finds the item, looks for similar ones, or finds nothing like it.
import { GENDER_SLOT, say as sayBank } from "../../phrases/grammar.js";
import type { Dialog } from "./context.js";
import { sayLocal } from "./realizer.js";

/** The user's words with a photo it shares; the link is said too, so a text-only export keeps it. */
export function photoText(d: Dialog, url: string): string {
  if (d.lang === "hi") return sayLocal(["[यह फ़ोटो देखिए|इस तस्वीर जैसा कुछ चाहिए|बिल्कुल ऐसा ही चाहिए]: {url}"], d.rng, { url });
  if (d.lang === "mixed") return sayLocal(["[Ye photo dekho|Is photo jaisa kuch chahiye|Bilkul aisa hi chahiye|Ye wali pic dekho]: {url}"], d.rng, { url });
  return sayLocal(["[Here's a photo|Something like this one|This is the look I mean|Here's what I have in mind|I took this picture|Found this one online]: {url}", "[Like in this picture|Going by this photo|Roughly like this|Similar to this snap]: {url}"], d.rng, { url });
}

/** The user asks for things like an item it was shown. */
export function likeThisText(d: Dialog, item: string): string {
  if (d.lang === "hi") return sayLocal(["{item} जैसा कुछ और दिखाइए?", "[कुछ|कोई] {item} [जैसा|से मिलता-जुलता] [है|मिलेगा]?"], d.rng, { item });
  if (d.lang === "mixed") return sayLocal(["{item} jaisa kuch aur dikhao?", "[Kuch|Koi] {item} jaisa [hai|milega]?"], d.rng, { item });
  return sayLocal(["[Anything|Do you have anything] [similar to|like] {item}?", "[Could you show me|Show me] [a few|some] [alternatives to|things like] {item}?"], d.rng, { item });
}

/** Nothing came back like the item. */
export function nothingLike(d: Dialog, item: string): string {
  if (d.lang === "hi") return sayLocal(["{item} जैसा [और कुछ|दूसरा कुछ] [नहीं मिला|अभी नहीं है]।"], d.rng, { item });
  if (d.lang === "mixed") return sayLocal(["{item} jaisa [aur kuch|doosra kuch] [nahi mila|abhi nahi hai]."], d.rng, { item });
  return sayLocal(["[I couldn't find|There's nothing] [else|more] quite like {item}[ right now|]."], d.rng, { item });
}

/** The assistant, as it looks for things like an item. */
export function likeAck(d: Dialog, item: string): string {
  const g = { item, [GENDER_SLOT]: d.voice.wording.assistantGender };
  if (d.lang === "hi") return sayBank(["{item} जैसे [विकल्प|कुछ और] देख {m:रहा|f:रही} हूँ।", "{item} [से मिलते-जुलते|जैसे] [विकल्प|आइटम] [खोजते हैं|ढूँढते हैं]।"], d.rng, g);
  if (d.lang === "mixed") return sayBank(["{item} jaise options dekh {m:raha|f:rahi} hoon.", "{item} se [milte-julte|similar] options [dhoondhte hain|search karte hain]."], d.rng, g);
  return sayBank(["[Looking for|Finding|Pulling up] [options|a few] like {item}[ now|].", "[Sure|On it] — [checking|searching] for [things|options] similar to {item}."], d.rng, g);
}

/**
 * The user names the item it has and asks for things like it: after nothing was shown to point
 * at, or (`opening`) in the message that asks for everything at once.
 */
export function ownLikeText(d: Dialog, item: string, opening = false): string {
  if (d.lang === "hi") return sayLocal(["मेरे पास {item} है — [उसके जैसा कुछ दिखाइए?|उसके जैसा कुछ मिलेगा?|उससे मिलता-जुलता कुछ है?]"], d.rng, { item });
  if (d.lang === "mixed") return sayLocal(["Mere paas {item} hai — [uske jaisa kuch dikhao|uske jaisa kuch milega]?"], d.rng, { item });
  if (opening) return sayLocal(["[Something|Anything] [similar to|like] {item}, [ideally|if you can] — [that's the one I have|I already have that one]."], d.rng, { item });
  return sayLocal(["[Then|OK, then] [anything|is there anything] [similar to|like] {item}? [That's the one I have|I already have that one]."], d.rng, { item });
}

/** The search by the name the user said did not show the item. */
export function notFoundText(d: Dialog, item: string): string {
  if (d.lang === "hi") return sayLocal(["{item} [नहीं मिला|कहीं नहीं दिखा]।"], d.rng, { item });
  if (d.lang === "mixed") return sayLocal(["{item} [nahi mila|kahin nahi dikha]."], d.rng, { item });
  return sayLocal(["[I couldn't find|I can't find|There's no sign of] {item} [in the catalog|right now]."], d.rng, { item });
}

/** The assistant has found the item the user named, and looks for things like it. */
export function foundLikeText(d: Dialog, item: string): string {
  // The assistant's own first-person forms agree with its gender (the pack's wording.assistant_gender).
  const g = { item, [GENDER_SLOT]: d.voice.wording.assistantGender };
  if (d.lang === "hi") return sayBank(["{item} मिल गया — इसके जैसे विकल्प [देख {m:रहा|f:रही} हूँ|ढूँढ {m:रहा|f:रही} हूँ]।"], d.rng, g);
  if (d.lang === "mixed") return sayBank(["{item} mil gaya — iske jaise options [dekh {m:raha|f:rahi} hoon|dhoondh {m:raha|f:rahi} hoon]."], d.rng, g);
  return sayLocal(["[Found it|There it is] — {item}. [Let me see what's similar|Checking for similar ones now]."], d.rng, { item });
}
