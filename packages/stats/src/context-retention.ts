import { arr, isObj, str, type Obj } from "./record-shapes.js";

/**
 * Context retention of one dialogue (seed 004: "does the model remember what was said in
 * earlier turns?"), from the record alone:
 * - A *fact* is an argument value of an assistant tool call that the user had said in an
 *   earlier message (the value's text, case-folded, appears in a user message before the
 *   call; strings of 3+ characters and numbers).
 * - At each later call of the same tool, a fact is *kept* when the call passes the same
 *   value for that argument; *updated* (not counted) when the user said the new value after
 *   the fact was set — they changed their mind; *dropped* otherwise.
 * - A *re-ask* is an assistant question (a text with "?") after a fact was set that names
 *   the fact's argument (every word of its name, e.g. "check in date" for check_in_date)
 *   without its value — asking again for what the user already said ("Shall I book it for
 *   2026-06-08?" repeats the value: a confirmation, not a re-ask).
 * retention = kept / (kept + dropped + re-asks); null when nothing could be forgotten
 * (no later call of a tool that used a fact, and no question after one).
 */
export interface Retention {
  kept: number;
  dropped: number;
  reasked: number;
  value: number | null;
}

interface Fact {
  tool: string;
  arg: string;
  value: string;
  /** Index of the message whose call set it. */
  at: number;
}

export function contextRetention(dialogue: Obj): Retention {
  const messages = arr(dialogue.messages).filter(isObj);
  const userTexts: Array<{ at: number; text: string }> = [];
  const facts: Fact[] = [];
  let kept = 0;
  let dropped = 0;
  let reasked = 0;
  const saidBetween = (value: string, from: number, to: number) => userTexts.some((u) => u.at > from && u.at < to && u.text.includes(value));
  messages.forEach((m, at) => {
    const content = str(m.content) ?? "";
    if (m.role === "user") {
      userTexts.push({ at, text: content.toLowerCase() });
      return;
    }
    if (m.role !== "assistant") return;
    if (content.includes("?")) {
      const words = wordsOf(content);
      const lower = content.toLowerCase();
      const asked = new Set<string>();
      for (const f of facts) {
        const key = `${f.tool}\u0000${f.arg}`;
        if (asked.has(key) || lower.includes(f.value)) continue;
        const name = nameWords(f.arg);
        if (name.length > 0 && name.every((w) => words.has(w))) {
          asked.add(key);
          reasked += 1;
        }
      }
    }
    for (const call of arr(m.tool_calls).filter(isObj)) {
      const tool = str(call.name) ?? (isObj(call.function) ? str(call.function.name) : undefined);
      const args = argsOf(call);
      if (!tool || !args) continue;
      // Earlier facts of this tool: kept, updated by the user, or dropped.
      for (const f of facts) {
        if (f.tool !== tool || f.at === at) continue;
        const now = valueText(args[f.arg]);
        if (now === f.value) kept += 1;
        else if (now !== undefined && saidBetween(now, f.at, at)) continue;
        else dropped += 1;
      }
      for (const f of [...facts]) if (f.tool === tool && f.at !== at) facts.splice(facts.indexOf(f), 1);
      for (const [arg, v] of Object.entries(args)) {
        const value = valueText(v);
        if (value !== undefined && userTexts.some((u) => u.text.includes(value))) facts.push({ tool, arg, value, at });
      }
    }
  });
  const opportunities = kept + dropped + reasked;
  return { kept, dropped, reasked, value: opportunities === 0 ? null : kept / opportunities };
}

/** An argument value as the user would have written it, or undefined when it cannot be a fact. */
function valueText(v: unknown): string | undefined {
  if (typeof v === "number" && Number.isFinite(v)) return String(v);
  if (typeof v === "string" && v.trim().length >= 3) return v.trim().toLowerCase();
  return undefined;
}

function argsOf(call: Obj): Obj | undefined {
  let args: unknown = call.arguments ?? (isObj(call.function) ? call.function.arguments : undefined);
  if (typeof args === "string") {
    try {
      args = JSON.parse(args);
    } catch {
      return undefined;
    }
  }
  return isObj(args) ? args : undefined;
}

const WORD = /[\p{L}\p{M}\p{N}']+/gu;

function wordsOf(text: string): Set<string> {
  return new Set(text.toLowerCase().match(WORD) ?? []);
}

/** The words of an argument's name: check_in_date and checkInDate → check, in, date. */
function nameWords(name: string): string[] {
  return name
    .replace(/([a-z])([A-Z])/g, "$1 $2")
    .toLowerCase()
    .split(/[^\p{L}\p{N}]+/u)
    .filter((w) => w.length > 0);
}
