/** A message as the measures read it: a Dialogue message, labels and grounding included. */
export interface LabelledMessage {
  role: string;
  content?: unknown;
  name?: string;
  labels?: { intent?: string } | null;
}

/** Intents of a last message that takes what the assistant did: the user leaves content. */
const CONTENT_INTENTS = new Set(["thanks", "confirm"]);

/**
 * How the user ended, from the last user message's intent and the dialogue's outcome, never from
 * its words: `human` when that message asks for a person (intent `escalate`); `gave_up` when
 * the outcome is not `resolved` and that message does not thank or confirm (the offline engine
 * labels a give-up `farewell`, an LLM user may `complain`); otherwise `content`. Undefined when
 * the dialogue has no user message.
 */
export function userEnding(messages: ReadonlyArray<LabelledMessage>, resolution: string | undefined): { ending: "human" | "gave_up" | "content"; at: number } | undefined {
  let at = -1;
  messages.forEach((m, i) => {
    if (m.role === "user") at = i;
  });
  if (at < 0) return undefined;
  const intent = messages[at]!.labels?.intent;
  if (intent === "escalate") return { ending: "human", at };
  if (resolution !== undefined && resolution !== "resolved" && !(intent !== undefined && CONTENT_INTENTS.has(intent))) return { ending: "gave_up", at };
  return { ending: "content", at };
}
