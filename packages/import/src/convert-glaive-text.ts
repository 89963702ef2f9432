import type { Converted } from "./convert-turns.js";
import { isObj, kindOf, shapeError, type Obj } from "./shape.js";
import { readTools } from "./tools.js";

const SPEAKERS = /(?:^|\n)\s*(USER|ASSISTANT|FUNCTION RESPONSE):[ \t]?/g;
const END = /\s*<\|endoftext\|>\s*$/;

/**
 * glaive-function-calling-v2 as glaive publishes it: `system` holds the prompt and the
 * function definitions as JSON objects one after another, `chat` the conversation as
 * text ("USER: … ASSISTANT: <functioncall> {"name": …, "arguments": '{…}'} <|endoftext|>
 * FUNCTION RESPONSE: …"). The arguments sit in single quotes, so they are cut out, not parsed.
 */
export function convertGlaiveText(value: unknown): Converted {
  if (!isObj(value)) throw shapeError("", `expected an object, got ${kindOf(value)}`);
  const { system, chat, id, ...rest } = value;
  if (typeof chat !== "string") throw shapeError("/chat", `glaive text rows need 'chat' as a string, got ${kindOf(chat)}`);
  if (system !== undefined && typeof system !== "string") throw shapeError("/system", `'system' must be a string, got ${kindOf(system)}`);
  const { prompt, functions } = splitSystem(system ?? "");
  const tools = readTools(functions, "/system");
  const messages: Obj[] = prompt ? [{ role: "system", content: prompt }] : [];

  const parts = [...chat.matchAll(SPEAKERS)];
  if (parts.length === 0) throw shapeError("/chat", "no 'USER:' / 'ASSISTANT:' turns in the chat text");
  let calls = 0;
  const pending: Array<{ id: string; name: string }> = [];
  parts.forEach((m, i) => {
    const start = m.index + m[0].length;
    const end = i + 1 < parts.length ? parts[i + 1]!.index : chat.length;
    const text = chat.slice(start, end).replace(END, "").trim();
    const speaker = m[1];
    if (speaker === "USER") messages.push({ role: "user", content: text });
    else if (speaker === "FUNCTION RESPONSE") {
      const call = pending.shift();
      if (!call) throw shapeError("/chat", `turn ${i + 1}: a FUNCTION RESPONSE with no <functioncall> before it`);
      messages.push({ role: "tool", tool_call_id: call.id, name: call.name, content: text, ok: true });
    } else {
      const at = text.indexOf("<functioncall>");
      if (at < 0) {
        messages.push({ role: "assistant", content: text });
        return;
      }
      const before = text.slice(0, at).trim();
      const { name, args } = readCall(text.slice(at + "<functioncall>".length).trim(), i + 1);
      calls += 1;
      const callId = `call_${calls}`;
      pending.push({ id: callId, name });
      messages.push({ role: "assistant", content: before === "" ? null : before, tool_calls: [{ id: callId, name, arguments: args }] });
    }
  });
  return { messages, tools, rest, ...(typeof id === "string" || typeof id === "number" ? { sourceId: String(id) } : {}) };
}

/** The prompt before the function list, and the functions (JSON objects written one after another). */
function splitSystem(system: string): { prompt: string; functions: Obj[] } {
  const text = system.replace(/^\s*SYSTEM:\s*/, "");
  const brace = text.indexOf("{");
  if (brace < 0) return { prompt: text.trim(), functions: [] };
  const prompt = text.slice(0, brace).replace(/\s*-\s*$/, "").trim();
  const functions: Obj[] = [];
  let depth = 0;
  let inString = false;
  let start = -1;
  for (let i = brace; i < text.length; i++) {
    const c = text[i];
    if (inString) {
      if (c === "\\") i += 1;
      else if (c === '"') inString = false;
      continue;
    }
    if (c === '"') inString = true;
    else if (c === "{") {
      if (depth === 0) start = i;
      depth += 1;
    } else if (c === "}") {
      depth -= 1;
      if (depth === 0) {
        let fn: unknown;
        try {
          fn = JSON.parse(text.slice(start, i + 1));
        } catch (err) {
          throw shapeError("/system", `function definition ${functions.length + 1} is not valid JSON: ${(err as Error).message}`);
        }
        if (!isObj(fn)) throw shapeError("/system", `function definition ${functions.length + 1} is not an object`);
        functions.push(fn);
      }
    }
  }
  if (depth !== 0) throw shapeError("/system", "a function definition in the system prompt is not closed");
  return { prompt, functions };
}

/** `{"name": "f", "arguments": '{"a": 1}'}` (glaive's quoting), or plain JSON. */
function readCall(text: string, turn: number): { name: string; args: Obj } {
  const quoted = /^\{\s*"name"\s*:\s*"([^"]+)"\s*,\s*"arguments"\s*:\s*'([\s\S]*)'\s*\}$/.exec(text);
  let name: unknown;
  let args: unknown;
  try {
    if (quoted) {
      name = quoted[1];
      args = JSON.parse(quoted[2]!);
    } else {
      const call = JSON.parse(text) as Obj;
      name = call.name;
      args = typeof call.arguments === "string" ? JSON.parse(call.arguments) : (call.arguments ?? {});
    }
  } catch (err) {
    throw shapeError("/chat", `turn ${turn}: the <functioncall> is not {"name", "arguments"} JSON: ${(err as Error).message}`);
  }
  if (typeof name !== "string" || name === "") throw shapeError("/chat", `turn ${turn}: the <functioncall> has no name`);
  if (!isObj(args)) throw shapeError("/chat", `turn ${turn}: the <functioncall> arguments must be a JSON object, got ${kindOf(args)}`);
  return { name, args };
}
