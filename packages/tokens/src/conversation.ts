/**
 * Chat messages as chat templates read them, from whatever shape a row holds them in.
 * Every exported format carries the same conversation; this turns each one back into
 * `{role, content, tool_calls: [{type, function: {name, arguments}}]}` messages and a
 * JSON-schema tool list, which is what `tokenizer.apply_chat_template` is given.
 */
import type { ContextMemo } from "./context-messages.js";

export type Obj = Record<string, unknown>;

export interface ChatMsg {
  role: string;
  content: string;
  tool_calls?: Array<{ type: "function"; function: { name: string; arguments: unknown } }>;
  tool_call_id?: string;
  name?: string;
}

export interface Conversation {
  messages: ChatMsg[];
  tools?: Obj[] | undefined;
}

export const isObj = (v: unknown): v is Obj => !!v && typeof v === "object" && !Array.isArray(v);

/** A JSON text that holds an object or a list is read as such (datasets-safe rows keep them as text). */
export function parsedJson(v: unknown): unknown {
  if (typeof v !== "string") return v;
  const t = v.trimStart();
  if (!t.startsWith("{") && !t.startsWith("[")) return v;
  try {
    return JSON.parse(v);
  } catch {
    return v;
  }
}

/** A message content as text. */
export function text(v: unknown): string {
  if (typeof v === "string") return v;
  if (v == null) return "";
  // Content parts ([{type: "text", text}]) are joined; anything else is counted as its JSON.
  if (Array.isArray(v)) return v.map((p) => (isObj(p) && typeof p.text === "string" ? p.text : typeof p === "string" ? p : JSON.stringify(p))).join("");
  return JSON.stringify(v);
}

/** One call in any of the shapes chatmill writes: OpenAI/TRL `{function}`, Dialogue `{name, arguments}`, MUSe `{tool, args}`. */
export function chatCall(c: unknown): { type: "function"; function: { name: string; arguments: unknown } } | undefined {
  if (!isObj(c)) return undefined;
  const f = isObj(c.function) ? c.function : c;
  const name = f.name ?? f.tool;
  if (typeof name !== "string") return undefined;
  const args = parsedJson(f.arguments ?? f.args ?? {});
  return { type: "function", function: { name, arguments: args } };
}

/** A role-based message (OpenAI, TRL, Dialogue, axolotl). */
export function chatMessage(m: unknown): ChatMsg | undefined {
  if (!isObj(m) || typeof m.role !== "string") return undefined;
  const out: ChatMsg = { role: m.role, content: text(m.content) };
  const calls = Array.isArray(m.tool_calls) ? m.tool_calls.map(chatCall).filter((c) => c !== undefined) : [];
  if (calls.length > 0) out.tool_calls = calls;
  if (typeof m.tool_call_id === "string") out.tool_call_id = m.tool_call_id;
  if (typeof m.name === "string") out.name = m.name;
  return out;
}

/**
 * Messages already converted, by the object they were converted from. The rows of one dialogue
 * share their message objects (a per-turn row repeats the ones before it), so each is converted
 * once; and the converted object stays the same, so counts can be remembered by it (CountScope).
 * Only for objects nothing changes afterwards: the exporters make one per dialogue.
 */
export class MessageMemo {
  /** A Map, not a WeakMap: a memo lives for one dialogue, and weak entries cost every garbage collection while it lives. */
  readonly byObject = new Map<object, ChatMsg | null>();
  /**
   * The last list converted (a copy), its conversion per element and the converter: the next
   * row's list mostly starts with the same objects, taken over without a lookup each.
   */
  last: { raw: unknown[]; converted: Array<ChatMsg | undefined>; convert: (m: unknown) => ChatMsg | undefined } | undefined;
  /** The last MUSe context or text state read (contextMessages): the next row's mostly extends it. */
  context: ContextMemo | undefined;
}

/**
 * Whether two objects hold the same values (===) in every field a converter reads, so they
 * convert to equal messages: a row maker's copies of a message that add a field the template
 * does not render (to-sft's weight 0 and weight 1 copies of an assistant message), found in
 * the same place of the last list and this one, get the same converted message, whose turn a
 * CountScope counts once (and the rows' shared prefix goes on past them).
 */
const SAME_READS = new Map<(m: unknown) => ChatMsg | undefined, (a: Obj, b: Obj) => boolean>([
  [chatMessage, (a, b) => a.tool_calls === b.tool_calls && a.content === b.content && a.role === b.role && a.tool_call_id === b.tool_call_id && a.name === b.name],
  [sharegptMessage, (a, b) => a.value === b.value && a.from === b.from],
]);

function memoized(m: unknown, memo: MessageMemo | undefined, convert: (m: unknown) => ChatMsg | undefined): ChatMsg | undefined {
  if (!memo || !isObj(m)) return convert(m);
  const hit = memo.byObject.get(m);
  if (hit !== undefined) return hit ?? undefined;
  const out = convert(m);
  memo.byObject.set(m, out ?? null);
  return out;
}

/** The messages of a list (or of one message), each converted once per memo. */
function converted(ms: unknown, memo: MessageMemo | undefined, convert: (m: unknown) => ChatMsg | undefined): ChatMsg[] {
  const raw = Array.isArray(ms) ? ms : ms === undefined ? [] : [ms];
  const out: ChatMsg[] = [];
  if (!memo) {
    for (const m of raw) {
      const c = convert(m);
      if (c) out.push(c);
    }
    return out;
  }
  const last = memo.last?.convert === convert ? memo.last : undefined;
  let i = 0;
  // A one-message list (a DPO side) leaves the last list as it is for the next row's prompt.
  const keep = raw.length > 1;
  if (last) {
    // The same objects as the last list's, in the same places (or copies of them, see SAME_READS): the same conversions.
    const same = SAME_READS.get(convert);
    const stop = Math.min(raw.length, last.raw.length);
    for (; i < stop; i++) {
      if (raw[i] !== last.raw[i]) {
        const a = raw[i];
        const b = last.raw[i];
        if (!same || !isObj(a) || !isObj(b) || !same(a, b)) break;
        memo.byObject.set(raw[i] as object, last.converted[i] ?? null);
        if (keep) last.raw[i] = raw[i];
      }
      const c = last.converted[i];
      if (c) out.push(c);
    }
  }
  // The last list's copy is the memo's own: cut to the shared prefix and extended in place (a copy,
  // not raw itself: a maker may push to the same array and yield it again).
  const next = !keep ? undefined : last && i > 0 ? last : { raw: [] as unknown[], converted: [] as Array<ChatMsg | undefined>, convert };
  if (next) {
    next.raw.length = i;
    next.converted.length = i;
  }
  for (; i < raw.length; i++) {
    const c = memoized(raw[i], memo, convert);
    if (next) {
      next.raw.push(raw[i]);
      next.converted.push(c);
    }
    if (c) out.push(c);
  }
  if (next) memo.last = next;
  return out;
}

export const chatMessages = (ms: unknown, memo?: MessageMemo): ChatMsg[] => converted(ms, memo, chatMessage);

const SHAREGPT_ROLES: Record<string, string> = { system: "system", human: "user", user: "user", gpt: "assistant", assistant: "assistant", observation: "tool", tool: "tool", function_response: "tool" };

/** LLaMA-Factory / Hermes `{from, value}` turns; `function_call` values become tool calls. */
export function sharegptMessages(turns: unknown, memo?: MessageMemo): ChatMsg[] {
  return converted(turns, memo, sharegptMessage);
}

function sharegptMessage(t: unknown): ChatMsg | undefined {
  if (!isObj(t) || typeof t.from !== "string") return undefined;
  const value = text(t.value);
  if (t.from === "function_call") {
    const v = parsedJson(value);
    const calls = (Array.isArray(v) ? v : [v]).map(chatCall).filter((c) => c !== undefined);
    return calls.length > 0 ? { role: "assistant", content: "", tool_calls: calls } : { role: "assistant", content: value };
  }
  return { role: SHAREGPT_ROLES[t.from] ?? t.from, content: value };
}

/**
 * A MUSe-style reply `{tool_calls: [{tool, args}], response}` (or a bare call, or a list of calls) as assistant messages.
 * With a memo, role-based messages are converted once per object (a DPO side shared by several pairs).
 */
export function replyMessages(v: unknown, memo?: MessageMemo): ChatMsg[] {
  if (typeof v === "string") return [{ role: "assistant", content: v }];
  if (Array.isArray(v)) {
    if (v.some((m) => isObj(m) && typeof m.role === "string")) return chatMessages(v, memo);
    const calls = v.map(chatCall).filter((c) => c !== undefined);
    return calls.length > 0 ? [{ role: "assistant", content: "", tool_calls: calls }] : [];
  }
  if (!isObj(v)) return [];
  if (typeof v.role === "string") return chatMessages(v, memo);
  const calls = (Array.isArray(v.tool_calls) ? v.tool_calls : v.tool !== undefined || v.name !== undefined ? [v] : []).map(chatCall).filter((c) => c !== undefined);
  const out: ChatMsg[] = [];
  if (calls.length > 0) out.push({ role: "assistant", content: "", tool_calls: calls });
  const response = typeof v.response === "string" ? v.response : typeof v.content === "string" ? v.content : "";
  if (response) out.push({ role: "assistant", content: response });
  return out;
}

/**
 * For templates that take one call per assistant message (Llama 3.1 raises on more): parallel
 * calls become consecutive assistant messages, each followed by its results, as TRL rows are written.
 */
export function oneCallPerMessage(ms: ChatMsg[]): ChatMsg[] {
  if (!ms.some((m) => (m.tool_calls?.length ?? 0) > 1)) return ms;
  const out: ChatMsg[] = [];
  for (let i = 0; i < ms.length; i++) {
    const m = ms[i]!;
    if ((m.tool_calls?.length ?? 0) <= 1) {
      out.push(m);
      continue;
    }
    const results: ChatMsg[] = [];
    while (ms[i + 1]?.role === "tool") results.push(ms[++i]!);
    m.tool_calls!.forEach((c, k) => {
      out.push({ role: "assistant", content: k === 0 ? m.content : "", tool_calls: [c] });
      if (results[k]) out.push(results[k]!);
    });
    out.push(...results.slice(m.tool_calls!.length));
  }
  return out;
}
