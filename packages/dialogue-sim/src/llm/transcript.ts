import { Dialogue } from "@chatmill/schema";
import { CONTEXT_NAME } from "../context.js";

/** A transcript that cannot be made valid: the record goes to the dead-letter file with this reason. */
export class TranscriptError extends Error {
  readonly kind = "invalid_transcript";
}

/**
 * A user simulator's message as a person would type it: models often prefix their role
 * ("Customer: …") or wrap the message in quotes. Returns "" when nothing is left.
 */
export function cleanUserText(text: string): string {
  let t = text.trim();
  t = t.replace(/^\**(?:user|customer|me|you)\**\s*:\s*\**\s*/i, "");
  const quoted = /^(["“'])([\s\S]*)(["”'])$/.exec(t);
  if (quoted && !quoted[2]!.includes(quoted[1]!)) t = quoted[2]!.trim();
  return t;
}

/**
 * The checks every LLM transcript passes before it is written. Returns what is wrong, or
 * undefined. The engine builds the message structure itself, so these catch what the models
 * can still break: empty turns, a conversation that never got going, an unanswered tool call.
 */
export function checkTranscript(d: Dialogue, maxUserTurns: number): string | undefined {
  const parsed = Dialogue.safeParse(d);
  if (!parsed.success) {
    const issue = parsed.error.issues[0]!;
    return `not a valid Dialogue at /${issue.path.join("/")}: ${issue.message}`;
  }
  const open = new Map<string, string>();
  let users = 0;
  let replies = 0;
  for (const [i, m] of d.messages.entries()) {
    if (m.role === "user") {
      if (open.size > 0) return `message ${i}: the user speaks before tool call ${[...open.keys()][0]} has its result`;
      if (!m.content.trim()) return `message ${i}: an empty user message`;
      users++;
    } else if (m.role === "assistant") {
      if (open.size > 0) return `message ${i}: the assistant speaks before tool call ${[...open.keys()][0]} has its result`;
      for (const c of m.tool_calls ?? []) open.set(c.id, c.name);
      const text = typeof m.content === "string" ? m.content.trim() : "";
      if (!m.tool_calls?.length && !text) return `message ${i}: an empty assistant message`;
      if (!m.tool_calls?.length && m.name !== CONTEXT_NAME) replies++;
    } else if (m.role === "tool") {
      const name = open.get(m.tool_call_id);
      if (name === undefined) return `message ${i}: a tool result for ${m.tool_call_id}, which no call made or which was already answered`;
      if (name !== m.name) return `message ${i}: the result of ${m.tool_call_id} names tool '${m.name}', the call '${name}'`;
      open.delete(m.tool_call_id);
    }
  }
  if (open.size > 0) return `tool call ${[...open.keys()][0]} has no result`;
  const invented = inventedReference(d);
  if (invented) return invented;
  if (users === 0 || replies === 0) return "the conversation has no user message or no assistant reply";
  if (users > maxUserTurns) return `the user spoke ${users} times, over the turn budget of ${maxUserTurns}`;
  const last = d.messages[d.messages.length - 1]!;
  if (last.role !== "assistant" || last.tool_calls?.length) return "the conversation does not end with an assistant reply";
  return undefined;
}

/** Booking references and ids: capitals and digits, four or more (TKUGY9BD9X, TR7075, MH12). */
const REFERENCE = /\b(?=[A-Z0-9-]*\d)(?=[A-Z0-9-]*[A-Z])[A-Z0-9][A-Z0-9-]{3,}\b/g;

/**
 * The assistant's first reference that nothing before it contains (no tool result, no user
 * message, no system or context text): a model inventing a booking number or an item id is
 * exactly the data a trainer must not learn from.
 */
export function inventedReference(d: Dialogue): string | undefined {
  let seen = "";
  for (const [i, m] of d.messages.entries()) {
    const text = typeof m.content === "string" ? m.content : "";
    if (m.role === "assistant" && m.name !== CONTEXT_NAME && text) {
      const lower = seen.toLowerCase();
      for (const ref of text.match(REFERENCE) ?? []) {
        if (!lower.includes(ref.toLowerCase())) return `message ${i}: the assistant names '${ref}', which no tool result or earlier message contains (an invented reference)`;
      }
    }
    seen += `\n${text}`;
  }
  return undefined;
}
