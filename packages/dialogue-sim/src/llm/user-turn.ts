import { z } from "zod";
import type { Domain } from "../contract.js";

export const USER_STATUSES = ["continue", "goal_met", "give_up", "escalate"] as const;
export type UserStatus = (typeof USER_STATUSES)[number];

const VARIATIONS = ["none", "hesitation", "correction", "clarification", "small_talk", "change_of_mind"] as const;
const BASE_INTENTS = ["greeting", "search", "filter", "compare", "clarify", "chit_chat", "confirm", "complain", "escalate", "thanks", "farewell"];
const EMOTIONS = ["neutral", "happy", "excited", "curious", "confused", "impatient", "frustrated", "anxious", "angry", "disappointed", "relieved", "grateful", "satisfied"];

/**
 * The user simulator's answer as data: its message and the labels only it knows (what the
 * message does, how it feels, which human behaviour it shows), and whether it is done.
 * The first value of each list is the usual one (a fake server answers with it).
 */
export function userTurnSchema(domain: Domain, emotion: string) {
  const intents = unique([...domain.intents, ...BASE_INTENTS]);
  const emotions = unique([emotion, ...EMOTIONS]);
  return z.object({
    message: z.string().regex(/\S/, "the message is empty").max(2000).describe("what you type to the assistant next"),
    status: z.enum(USER_STATUSES).describe("continue; goal_met (satisfied, saying goodbye); give_up; escalate (asking for a human)"),
    intent: z.enum(intents as [string, ...string[]]).describe("what the message does"),
    emotion: z.enum(emotions as [string, ...string[]]).describe("how you feel now"),
    variation: z.enum(VARIATIONS).describe("none, or the human behaviour the message shows"),
  });
}

export type UserTurn = z.infer<ReturnType<typeof userTurnSchema>>;

function unique(list: string[]): string[] {
  return [...new Set(list)];
}
