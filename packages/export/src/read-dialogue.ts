import type { Dialogue } from "./types.js";
import { normalizeContext } from "./context-messages.js";

/** Why an input record is not a Dialogue the exporters can use, with the JSON path. */
export interface InputIssue {
  path: string;
  message: string;
}

export type ReadResult = { dialogue: Dialogue; decodedArguments: number } | { issue: InputIssue };

const isObject = (v: unknown): v is Record<string, unknown> => typeof v === "object" && v !== null && !Array.isArray(v);

/**
 * Checks the fields the exporters rely on (roles, tool call ids, results that answer
 * a call) and returns the record typed as a Dialogue. Tool call arguments given as a
 * JSON string (as other pipelines and the OpenAI API store them) are decoded once
 * here, so no exporter can double-encode them; `decodedArguments` counts them.
 */
export function readDialogue(value: unknown): ReadResult {
  if (!isObject(value)) return bad("", "a Dialogue record must be a JSON object");
  if (typeof value.id !== "string" || value.id === "") return bad("/id", "missing id (a non-empty string)");
  const tools = value.tools ?? [];
  if (!Array.isArray(tools)) return bad("/tools", "tools must be an array of {type: \"function\", function: {name, parameters}}");
  for (let i = 0; i < tools.length; i++) {
    const t = tools[i] as unknown;
    if (!isObject(t) || !isObject(t.function) || typeof t.function.name !== "string") {
      return bad(`/tools/${i}`, "a tool definition needs {type: \"function\", function: {name, parameters}}");
    }
  }
  const messages = value.messages;
  if (!Array.isArray(messages) || messages.length === 0) return bad("/messages", "messages must be a non-empty array (is this a Dialogue record? run dialogue-sim first)");
  let decoded = 0;
  const open = new Set<string>();
  for (let i = 0; i < messages.length; i++) {
    const m = messages[i] as unknown;
    const at = `/messages/${i}`;
    if (!isObject(m)) return bad(at, "a message must be an object");
    switch (m.role) {
      case "system":
      case "user":
        if (typeof m.content !== "string") return bad(`${at}/content`, `a ${m.role} message needs string content`);
        break;
      case "assistant": {
        if (m.content !== undefined && m.content !== null && typeof m.content !== "string") return bad(`${at}/content`, "assistant content must be a string or null");
        const calls = m.tool_calls;
        if (calls === undefined || calls === null) {
          if (typeof m.content !== "string") return bad(at, "an assistant message needs content or tool_calls");
          break;
        }
        if (!Array.isArray(calls) || calls.length === 0) return bad(`${at}/tool_calls`, "tool_calls must be a non-empty array when present");
        for (let j = 0; j < calls.length; j++) {
          const c = calls[j] as unknown;
          const cat = `${at}/tool_calls/${j}`;
          if (!isObject(c) || typeof c.id !== "string" || c.id === "" || typeof c.name !== "string" || c.name === "") {
            return bad(cat, "a tool call needs {id, name, arguments}");
          }
          if (typeof c.arguments === "string") {
            let parsed: unknown;
            try {
              parsed = JSON.parse(c.arguments);
            } catch {
              return bad(`${cat}/arguments`, "arguments is a string that is not JSON; it must be a JSON object");
            }
            if (!isObject(parsed)) return bad(`${cat}/arguments`, "arguments must be a JSON object");
            c.arguments = parsed;
            decoded += 1;
          } else if (!isObject(c.arguments)) return bad(`${cat}/arguments`, "arguments must be a JSON object");
          if (open.has(c.id)) return bad(`${cat}/id`, `tool call id '${c.id}' is used twice`);
          open.add(c.id);
        }
        break;
      }
      case "tool":
        if (typeof m.tool_call_id !== "string") return bad(`${at}/tool_call_id`, "a tool message needs tool_call_id");
        if (!open.has(m.tool_call_id)) return bad(`${at}/tool_call_id`, `no earlier tool call has id '${m.tool_call_id}'`);
        open.delete(m.tool_call_id);
        if (typeof m.content !== "string") return bad(`${at}/content`, "a tool message's content must be the result as text (JSON text)");
        if (typeof m.ok !== "boolean") return bad(`${at}/ok`, "a tool message needs ok: true|false");
        if (typeof m.name !== "string") return bad(`${at}/name`, "a tool message needs the tool's name");
        break;
      default:
        return bad(`${at}/role`, `unknown role '${String(m.role)}' (system, user, assistant or tool)`);
    }
  }
  if (value.outcome !== undefined) {
    const o = value.outcome;
    if (!isObject(o) || typeof o.reward !== "number" || !(o.reward >= 0 && o.reward <= 1)) return bad("/outcome/reward", "outcome.reward must be a number in [0, 1]");
  }
  const merged = mergeAssistantRuns(normalizeContext(messages as Array<Record<string, unknown>>));
  const dialogue = (merged === messages ? value : { ...value, messages: merged }) as unknown as Dialogue;
  return { dialogue, decodedArguments: decoded };
}

/**
 * One assistant turn is one message. A simulator (or a chat log) may write an
 * assistant's words and its next move as two messages in a row ("Got it, let me
 * re-check." then a tool call); every target format wants them as one — LLaMA-Factory
 * drops a row with two gpt turns in a row, OpenAI wants a DPO input to end with the
 * message being answered. So a text-only assistant message is merged into the
 * assistant message that follows it: the texts joined, the later one's calls and labels.
 */
export function mergeAssistantRuns(messages: Array<Record<string, unknown>>): Array<Record<string, unknown>> {
  const runs = messages.some((m, i) => m.role === "assistant" && !m.tool_calls && messages[i + 1]?.role === "assistant");
  if (!runs) return messages;
  const out: Array<Record<string, unknown>> = [];
  let carried: string[] = [];
  for (let i = 0; i < messages.length; i++) {
    const m = messages[i]!;
    const text = typeof m.content === "string" && m.content.trim() !== "" ? [m.content] : [];
    if (m.role === "assistant" && !m.tool_calls && messages[i + 1]?.role === "assistant") {
      carried = [...carried, ...text];
      continue;
    }
    if (carried.length > 0) {
      const texts = [...carried, ...text];
      out.push({ ...m, content: texts.join(" ") });
      carried = [];
    } else out.push(m);
  }
  return out;
}

function bad(path: string, message: string): ReadResult {
  return { issue: { path, message } };
}
