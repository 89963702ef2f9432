// Small talk: at the opening, or midway once the assistant has shown something (--chit-chat
// plans where; without the flag the engine's own mix draws it).
import { say as sayBank } from "../../phrases/grammar.js";
import { MIDWAY, OPENING } from "../../phrases/small-talk.js";
import { MORE_MIDWAY, MORE_OPENING } from "../../phrases/variety-banks.js";
import type { Dialog } from "./context.js";
import { capFirst, yourRequest } from "./realizer.js";

/** Of the dialogues --chit-chat gives small talk, the share drawn to have it midway. */
export const MIDWAY_SHARE = 0.3;

/** One small-talk exchange: the user's line and the assistant's reply, back to `topic` (or the request). */
export function smallTalk(d: Dialog, first: boolean, topic?: string): void {
  const pair = d.rng.pick(first ? [...OPENING[d.lang], ...MORE_OPENING[d.lang]] : [...MIDWAY[d.lang], ...MORE_MIDWAY[d.lang]]);
  const back = topic ?? yourRequest(d);
  d.t.userSay(d.voice.casing(sayBank(pair.user, d.rng, d.voice.slots)), "chit_chat", "small_talk");
  d.t.assistantSay(capFirst(sayBank(pair.assistant, d.rng, { ...d.voice.slots, topic: back })), "chit_chat", "small_talk");
}

/** Small talk at the opening: a 25% draw without --chit-chat; with it, the plan drawn from the flag. */
export function openingChitChat(d: Dialog): void {
  // The flags draw from streams of their own: without them, every draw is as it was.
  if (d.flow.chitChat === undefined) {
    const r = d.rng.fork("flow");
    if (r.chance(0.25)) smallTalk(d, true);
  } else {
    const cc = d.rng.fork("chit-chat");
    d.chitChat = cc.chance(d.flow.chitChat) ? (cc.chance(MIDWAY_SHARE) ? "midway" : "opening") : "none";
    if (d.chitChat === "opening") {
      smallTalk(d, true);
      d.chitChat = "said";
    }
  }
}

/** Midway small talk: today's 12% chance without --chit-chat, the drawn plan with it. */
export function midwayChitChat(d: Dialog, room: boolean, topic?: string): void {
  // The draw is made with the flag too, so the rest of the dialogue draws what it would have drawn.
  const drawn = d.rng.chance(0.12);
  if (d.chitChat === undefined) {
    if (drawn && room) smallTalk(d, false, topic);
  } else if (d.chitChat === "midway" && room) {
    smallTalk(d, false, topic);
    d.chitChat = "said";
  }
}

/** Small talk drawn for midway in a dialogue that never reached a point for it: said at the opening instead. */
export function openingAfterAll(d: Dialog): void {
  if (d.chitChat !== "midway") return;
  const messages = d.t.messages;
  const at = messages[0]?.role === "system" ? 1 : 0;
  const tail = messages.splice(at);
  const emotion = d.t.emotion;
  d.t.emotion = d.scenario.emotions.user;
  smallTalk(d, true);
  d.t.emotion = emotion;
  messages.push(...tail);
  d.chitChat = "said";
}
