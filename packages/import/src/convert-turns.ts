import { isObj, jsonObject, kindOf, shapeError, type Obj } from "./shape.js";
import { readTools, type FunctionTool } from "./tools.js";

/** What a converter makes of one source record, before ids, source and meta are added. */
export interface Converted {
  messages: Obj[];
  tools: FunctionTool[];
  /** Top-level fields of the source that are carried over untouched. */
  rest: Obj;
  /** The source's own id, when it has one. */
  sourceId?: string;
}

type Role = "system" | "user" | "assistant" | "call" | "tool";

const ROLES: Record<string, Role> = {
  system: "system",
  user: "user", human: "user", customer: "user", client: "user", usr: "user",
  assistant: "assistant", gpt: "assistant", bot: "assistant", model: "assistant", ai: "assistant",
  chatgpt: "assistant", bing: "assistant", agent: "assistant",
  function_call: "call", tool_call: "call",
  observation: "tool", tool: "tool", function: "tool", ipython: "tool", tool_response: "tool",
};

const SPEAKER_KEYS = ["role", "from", "speaker", "author"] as const;
const CONTENT_KEYS = ["content", "value", "text", "message", "utterance"] as const;
/** Keys a list of turns may sit under, in the order they are looked for. */
export const TURN_LIST_KEYS = ["messages", "conversations", "conversation", "dialogue", "dialog", "turns", "chat"] as const;

/**
 * ShareGPT / glaive rows, OpenAI chat logs and plain chat exports: a list of turns,
 * each with a speaker and text, maybe tool calls and tool results.
 */
export function convertTurns(value: unknown): Converted {
  let turns: unknown[];
  let listKey = "";
  let rest: Obj = {};
  if (Array.isArray(value)) turns = value;
  else if (isObj(value)) {
    const key = TURN_LIST_KEYS.find((k) => Array.isArray(value[k]));
    if (!key) {
      throw shapeError(`/${TURN_LIST_KEYS[0]}`, `no list of turns: expected one of ${TURN_LIST_KEYS.map((k) => `'${k}'`).join(", ")} to be an array of {role, content} turns`);
    }
    listKey = `/${key}`;
    turns = value[key] as unknown[];
    const { [key]: _turns, tools: _tools, system: _system, id: _id, ...others } = value;
    rest = others;
  } else throw shapeError("", `expected an object or an array of turns, got ${kindOf(value)}`);
  if (turns.length === 0) throw shapeError(listKey, "the conversation has no turns");

  const src = isObj(value) ? value : {};
  const tools = readTools(src.tools, "/tools");
  const messages: Obj[] = [];
  if (typeof src.system === "string" && src.system !== "") messages.push({ role: "system", content: src.system });
  else if (src.system !== undefined && src.system !== "" && src.system !== null) throw shapeError("/system", `system must be a string, got ${kindOf(src.system)}`);

  const calls = new CallBook();
  turns.forEach((turn, i) => messages.push(...convertTurn(turn, `${listKey}/${i}`, calls)));
  const sourceId = typeof src.id === "string" || typeof src.id === "number" ? String(src.id) : undefined;
  return { messages, tools, rest, ...(sourceId !== undefined ? { sourceId } : {}) };
}

/** Tool-call ids in order of appearance, so results find the call they answer. */
class CallBook {
  private n = 0;
  private readonly pending: Array<{ id: string; name: string }> = [];
  private readonly names = new Map<string, string>();

  newId(): string {
    this.n += 1;
    return `call_${this.n}`;
  }
  add(id: string, name: string): void {
    this.pending.push({ id, name });
    this.names.set(id, name);
  }
  nameOf(id: string): string | undefined {
    return this.names.get(id);
  }
  answer(id?: string): { id: string; name: string } | undefined {
    const at = id === undefined ? 0 : this.pending.findIndex((c) => c.id === id);
    if (at < 0) return undefined;
    return this.pending.splice(at, 1)[0];
  }
}

function convertTurn(turn: unknown, path: string, calls: CallBook): Obj[] {
  if (!isObj(turn)) throw shapeError(path, `a turn must be an object, got ${kindOf(turn)}`);
  const speakerKey = SPEAKER_KEYS.find((k) => turn[k] !== undefined);
  if (!speakerKey) throw shapeError(`${path}/role`, `the turn has no speaker: expected one of ${SPEAKER_KEYS.map((k) => `'${k}'`).join(", ")}`);
  let speaker = turn[speakerKey];
  if (isObj(speaker) && typeof speaker.role === "string") speaker = speaker.role; // ChatGPT exports: author: {role}
  if (typeof speaker !== "string") throw shapeError(`${path}/${speakerKey}`, `the speaker must be a string, got ${kindOf(speaker)}`);
  const role = ROLES[speaker.toLowerCase()];
  if (!role) {
    throw shapeError(`${path}/${speakerKey}`, `unknown speaker '${speaker}'; expected user/human, assistant/gpt, system, tool/observation or function_call`);
  }
  const contentKey = CONTENT_KEYS.find((k) => turn[k] !== undefined);
  const content = contentKey === undefined ? undefined : readContent(turn[contentKey], `${path}/${contentKey}`);
  const extra: Obj = {};
  for (const [k, v] of Object.entries(turn)) {
    if (k !== speakerKey && k !== contentKey && k !== "tool_calls" && k !== "function_call" && k !== "tool_call_id" && k !== "name") extra[k] = v;
  }
  const contentPath = `${path}/${contentKey ?? CONTENT_KEYS[0]}`;

  switch (role) {
    case "system":
    case "user":
      if (typeof content !== "string") throw shapeError(contentPath, `a ${role} turn needs text content, got ${kindOf(content)}`);
      return [{ role, content, ...(typeof turn.name === "string" ? { name: turn.name } : {}), ...extra }];
    case "assistant": {
      const toolCalls = readToolCalls(turn, path, calls);
      if (toolCalls.length === 0 && typeof content !== "string") {
        throw shapeError(contentPath, `an assistant turn needs text content or tool_calls, got ${kindOf(content)}`);
      }
      return [{
        role: "assistant",
        content: typeof content === "string" ? content : null,
        ...(toolCalls.length > 0 ? { tool_calls: toolCalls } : {}),
        ...extra,
      }];
    }
    case "call": {
      // ShareGPT function_call: the value is {"name", "arguments"} (or a list of them) as JSON text.
      let parsed: unknown = content;
      if (typeof content === "string") {
        try {
          parsed = JSON.parse(content);
        } catch (err) {
          throw shapeError(contentPath, `function_call value is not valid JSON: ${(err as Error).message}`);
        }
      }
      const list = Array.isArray(parsed) ? parsed : [parsed];
      const toolCalls = list.map((c, j) => callFrom(c, Array.isArray(parsed) ? `${contentPath}[${j}]` : contentPath, calls));
      if (toolCalls.length === 0) throw shapeError(contentPath, "function_call holds no call");
      return [{ role: "assistant", content: null, tool_calls: toolCalls, ...extra }];
    }
    case "tool": {
      const text = typeof content === "string" ? content : content === undefined ? undefined : JSON.stringify(content);
      if (text === undefined) throw shapeError(contentPath, "a tool result needs content");
      const wanted = typeof turn.tool_call_id === "string" ? turn.tool_call_id : undefined;
      const call = calls.answer(wanted);
      const name = typeof turn.name === "string" ? turn.name : call?.name ?? (wanted ? calls.nameOf(wanted) : undefined);
      if (!call && !wanted) throw shapeError(path, "a tool result (observation) with no tool call before it to answer");
      if (!name) throw shapeError(`${path}/name`, "cannot tell which tool this result is from: give the tool message a 'name' or a 'tool_call_id' of an earlier call");
      const failed = turn.error !== undefined || turn.ok === false;
      return [{ ...extra, role: "tool", tool_call_id: wanted ?? call!.id, name, content: text, ok: !failed }];
    }
  }
}

function readContent(v: unknown, path: string): unknown {
  if (!Array.isArray(v)) return v;
  // OpenAI content parts: keep the text; other parts (images, audio) have no place in a text dataset.
  const texts: string[] = [];
  v.forEach((part, i) => {
    if (typeof part === "string") texts.push(part);
    else if (isObj(part) && (part.type === "text" || part.type === "input_text" || part.type === "output_text") && typeof part.text === "string") texts.push(part.text);
    else throw shapeError(`${path}/${i}`, `only text content parts can be imported, got ${isObj(part) ? `type '${String(part.type)}'` : kindOf(part)}`);
  });
  return texts.join("\n");
}

function readToolCalls(turn: Obj, path: string, calls: CallBook): Obj[] {
  const out: Obj[] = [];
  if (turn.tool_calls !== undefined && turn.tool_calls !== null) {
    if (!Array.isArray(turn.tool_calls)) throw shapeError(`${path}/tool_calls`, `tool_calls must be an array, got ${kindOf(turn.tool_calls)}`);
    turn.tool_calls.forEach((c, j) => out.push(callFrom(c, `${path}/tool_calls/${j}`, calls)));
  }
  if (turn.function_call !== undefined && turn.function_call !== null) out.push(callFrom(turn.function_call, `${path}/function_call`, calls));
  return out;
}

/** One call in OpenAI form {id, type, function: {name, arguments}} or flat {id?, name, arguments}. */
function callFrom(c: unknown, path: string, calls: CallBook): Obj {
  if (!isObj(c)) throw shapeError(path, `a tool call must be an object, got ${kindOf(c)}`);
  const fn = isObj(c.function) ? c.function : c;
  const fnPath = isObj(c.function) ? `${path}/function` : path;
  const name = fn.name;
  if (typeof name !== "string" || name === "") throw shapeError(`${fnPath}/name`, `a tool call needs a name, got ${kindOf(name)}`);
  const args = fn.arguments === undefined ? (fn.parameters ?? {}) : fn.arguments;
  const parsed = jsonObject(args, `${fnPath}/arguments`, "the call's 'arguments'");
  const id = typeof c.id === "string" && c.id !== "" ? c.id : calls.newId();
  calls.add(id, name);
  const { id: _i, type: _t, function: _f, name: _n, arguments: _a, parameters: _p, ...extra } = c;
  return { ...extra, id, name, arguments: parsed };
}
