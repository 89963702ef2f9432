import { arr, isObj, str, type Obj } from "./record-shapes.js";

/**
 * Persona adaptation of one dialogue (seed 000/004: "reply style follows the user's style and
 * energy"), from the record's text alone, so it works on imported dialogues too.
 *
 * A *pair* is a user message with text and the assistant's reply to it: the text of every
 * assistant message after it, up to the next user message, joined (an acknowledgement said
 * with a call and the answer after the result are one reply). Each side of a pair gets three
 * style signals, each a level:
 * - **formality** in [0, 1] = (F + 1) / (F + C + 2), F formal markers ("please", "kindly",
 *   "would you", "thank you", "certainly", "regards", "sir", …), C casual markers ("hey",
 *   "yo", "gonna", "yeah", "cool", "lol", "thx", "cheers", "no worries", …, an emoji, a text
 *   that starts in lower case); 0.5 when there is neither;
 * - **energy** in [0, 1] = min(1, E / sentences), E the exclamation marks, emoji and
 *   all-capital words of 2+ letters ("HELP");
 * - **length**: the verbosity class, terse 0 / moderate 1 / verbose 2, by words — a user
 *   message under 8 words is terse and one of 25 or more verbose; an assistant reply under
 *   15 words is terse and one of 50 or more verbose (replies carry results, so their scale is
 *   longer).
 * Per pair and signal, agreement = 1 − |user − assistant| (length: the class difference / 2).
 * Per dialogue, each signal's agreement is its mean over the pairs, and `value` the mean of
 * the three; null when the dialogue has no pair. 1 is a reply in the user's register, energy
 * and length every time; a stiff formal reply to "yo!! cheap hotel pls 😀" scores low.
 * The markers are English; in other languages formality stays at 0.5 on both sides, so only
 * energy and length tell.
 */
export interface Adaptation {
  pairs: number;
  formality: number | null;
  energy: number | null;
  length: number | null;
  value: number | null;
}

export interface StyleSignals {
  formality: number;
  energy: number;
  words: number;
}

const FORMAL = /\b(?:please|kindly|would you|could you|may i|i would like|i'd like to|thank you|certainly|regards|dear|sir|madam|appreciate|shall|pleased to|assist you|my pleasure)\b/gi;
const CASUAL = /\b(?:hey|hiya|yo|gonna|wanna|gotta|yeah|yep|yup|nope|cool|awesome|lol|thx|cheers|gotcha|sure thing|no worries|no prob|btw|pls|plz|nah|dude|mate|yay|ooh|oops|super|tbh|kinda)\b/gi;
const EMOJI = /\p{Extended_Pictographic}/gu;
const WORD = /[\p{L}\p{M}\p{N}']+/gu;
const CAPS_WORD = /\b\p{Lu}{2,}\b/gu;

export function styleSignals(text: string): StyleSignals {
  const emoji = (text.match(EMOJI) ?? []).length;
  const formal = (text.match(FORMAL) ?? []).length;
  const startsLower = /^\s*\p{Ll}/u.test(text);
  const casual = (text.match(CASUAL) ?? []).length + emoji + (startsLower ? 1 : 0);
  const words = (text.match(WORD) ?? []).length;
  const sentences = Math.max(1, (text.match(/[.!?。।]+(?:\s|$)/gu) ?? []).length);
  const energyMarks = (text.match(/!/g) ?? []).length + emoji + (text.match(CAPS_WORD) ?? []).length;
  return { formality: (formal + 1) / (formal + casual + 2), energy: Math.min(1, energyMarks / sentences), words };
}

/** Verbosity class of a text: 0 terse, 1 moderate, 2 verbose, on the speaker's own scale. */
export function lengthClass(words: number, role: "user" | "assistant"): number {
  const [terse, verbose] = role === "user" ? [8, 25] : [15, 50];
  return words < terse ? 0 : words < verbose ? 1 : 2;
}

export function personaAdaptation(dialogue: Obj): Adaptation {
  const pairs: Array<{ user: string; reply: string[] }> = [];
  for (const m of arr(dialogue.messages)) {
    if (!isObj(m)) continue;
    const text = str(m.content)?.trim();
    if (!text) continue;
    if (m.role === "user") pairs.push({ user: text, reply: [] });
    else if (m.role === "assistant" && pairs.length > 0) pairs[pairs.length - 1]!.reply.push(text);
  }
  const answered = pairs.filter((p) => p.reply.length > 0);
  if (answered.length === 0) return { pairs: 0, formality: null, energy: null, length: null, value: null };
  let formality = 0;
  let energy = 0;
  let length = 0;
  for (const p of answered) {
    const u = styleSignals(p.user);
    const a = styleSignals(p.reply.join(" "));
    formality += 1 - Math.abs(u.formality - a.formality);
    energy += 1 - Math.abs(u.energy - a.energy);
    length += 1 - Math.abs(lengthClass(u.words, "user") - lengthClass(a.words, "assistant")) / 2;
  }
  const n = answered.length;
  const f = round(formality / n);
  const e = round(energy / n);
  const l = round(length / n);
  return { pairs: n, formality: f, energy: e, length: l, value: round((f + e + l) / 3) };
}

function round(x: number): number {
  return Math.round(x * 1000) / 1000;
}
