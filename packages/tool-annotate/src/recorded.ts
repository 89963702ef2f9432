import { listOf, parseJson } from "./executor.js";
import { isObj, type CallLike, type Obj, type ToolResult } from "./types.js";

// What a dialogue recorded, read as the annotator needs it: its setup calls, a call's
// arguments, the reply after a result, the result a tool message holds.

/**
 * The calls that set the database up before the dialogue began (dialogue-sim records them in
 * meta.setup: the booking a "cancel my booking" scenario starts from). They are the start of
 * the state every call of the dialogue is re-run on.
 */
export function setupCalls(dialogue: Obj): Array<CallLike & { created?: string }> {
  const meta = isObj(dialogue.meta) ? dialogue.meta : undefined;
  const setup = meta && Array.isArray(meta.setup) ? meta.setup : [];
  // `created`: the key a live backend gave the row the call made (what the dialogue calls it).
  return setup.filter((c): c is Obj => isObj(c) && typeof c.name === "string").map((c) => ({ name: String(c.name), arguments: argsOf(c.arguments), ...(typeof c.created === "string" ? { created: c.created } : {}) }));
}

/**
 * The assistant text that answers after the result: the next assistant content after the tool
 * results, before the next user message. The call's own content is said before the result (a
 * preamble: "Let me check"), so it is the reply only when no later text answers (an import that
 * put the response on the calling message).
 */
export function replyAfter(messages: Obj[], i: number): string | null {
  for (let j = i + 1; j < messages.length; j++) {
    const m = messages[j]!;
    if (m.role === "user") break;
    if (m.role === "assistant" && typeof m.content === "string" && m.content.trim()) return m.content;
  }
  if (typeof messages[i]!.content === "string" && (messages[i]!.content as string).trim()) return messages[i]!.content as string;
  return null;
}

export function argsOf(v: unknown): Obj {
  if (isObj(v)) return v;
  if (typeof v === "string") {
    const p = parseJson(v);
    if (isObj(p)) return p;
  }
  return {};
}

export function injectedOf(toolMsg: Obj): { injected?: string } {
  const e = isObj(toolMsg.error) ? toolMsg.error : undefined;
  const inj = e && typeof e.injected === "string" ? e.injected : undefined;
  return inj ? { injected: inj } : {};
}

export function recordedResult(toolMsg: Obj): ToolResult {
  const content = typeof toolMsg.content === "string" ? toolMsg.content : JSON.stringify(toolMsg.content ?? null);
  return { ok: toolMsg.ok !== false, content, data: parseJson(content) };
}

export function totalOf(result: ToolResult): { total?: number } {
  const data = result.data !== undefined ? result.data : parseJson(result.content);
  return isObj(data) && typeof data.total === "number" ? { total: data.total } : {};
}

export function listRows(result: ToolResult, rowsAt: string | undefined): Obj[] | undefined {
  return listOf(result.data !== undefined ? result.data : parseJson(result.content), rowsAt);
}
