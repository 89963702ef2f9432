import { text, type ChatMsg } from "./conversation.js";

/** `User: …`, `Assistant: …`, `Tool search_items: …` (seed 000's RL states), `Context: …`. */
const LINE_ROLE = /^(User|Assistant|System|Tool|Context)(?: [\w.-]+)?: ?/;
const ROLES = { User: "user", Assistant: "assistant", System: "system", Tool: "tool", Context: "user" } as const;

/**
 * The last context read in a scope: its lines (a list's entries; for a text, `text` and the
 * number of its lines), its messages, the line each message starts at and, for a text, the
 * character it starts at.
 */
export interface ContextMemo {
  lines: string[] | undefined;
  text: string | undefined;
  lineCount: number;
  messages: ChatMsg[];
  starts: number[];
  offsets: number[];
}

/**
 * A MUSe context: `User: …` / `Assistant: …` lines (a list, or one text); a line without a
 * speaker continues the message before it.
 *
 * With a memo (CountScope's), a context that starts with the lines of the last one read (a
 * dialogue's rows repeat the conversation so far) keeps that one's messages — the same objects,
 * whose turns the scope has counted — up to the last that is followed by another message in
 * the shared lines, and reads only the lines from there (the message after may have gained
 * lines). The messages are those a full read gives: each kept one ends where the next starts,
 * at a speaker line both contexts share. The list is the memo's: do not change it.
 */
export function contextMessages(ctx: unknown, memo?: { context: ContextMemo | undefined }): ChatMsg[] {
  const last = memo?.context;
  let lines: string[] | undefined;
  let shared = 0;
  if (Array.isArray(ctx)) {
    lines = ctx.map(text);
    if (last?.lines) {
      const stop = Math.min(lines.length, last.lines.length);
      while (shared < stop && lines[shared] === last.lines[shared]) shared++;
    }
  } else if (typeof ctx === "string") {
    // A text: shared when it is the last text, or that text followed by a line break (every line of
    // it shared). Compared with === (a memcmp; startsWith goes character by character, ten times slower).
    const lt = last?.text;
    if (lt !== undefined && (ctx.length === lt.length ? ctx === lt : ctx.length > lt.length && ctx.charCodeAt(lt.length) === 10 && ctx.slice(0, lt.length) === lt)) shared = last!.lineCount;
  } else return [];
  // The messages that end before a speaker line both share.
  let keep = 0;
  if (last && shared > 0) while (keep + 1 < last.messages.length && last.starts[keep + 1]! < shared) keep++;
  const from = keep > 0 ? last!.starts[keep]! : 0;
  const messages = keep > 0 ? last!.messages.slice(0, keep) : [];
  const starts = keep > 0 ? last!.starts.slice(0, keep) : [];
  const offsets = keep > 0 && typeof ctx === "string" ? last!.offsets.slice(0, keep) : [];
  let todo: string[];
  let offset = 0;
  if (lines) todo = from > 0 ? lines.slice(from) : lines;
  else {
    offset = from > 0 ? last!.offsets[keep]! : 0;
    todo = (offset > 0 ? (ctx as string).slice(offset) : (ctx as string)).split("\n");
  }
  for (let k = 0; k < todo.length; k++) {
    const line = todo[k]!;
    const m = LINE_ROLE.exec(line);
    const role = m ? ROLES[m[1] as keyof typeof ROLES] : undefined;
    const body = m ? line.slice(m[0].length) : line;
    const prev = messages[messages.length - 1];
    // A line without a speaker continues the message before it (a multi-line message). The first
    // line read here starts a message: in the last read it did (a kept message is never changed).
    if (!role && prev && k > 0) prev.content += "\n" + body;
    else {
      messages.push({ role: role ?? "user", content: body });
      starts.push(from + k);
      offsets.push(offset);
    }
    offset += line.length + 1;
  }
  if (memo) memo.context = { lines, text: lines ? undefined : (ctx as string), lineCount: from + todo.length, messages, starts, offsets };
  return messages;
}
