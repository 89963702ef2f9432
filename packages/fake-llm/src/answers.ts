import { sha256Hex } from "@chatmill/kit";

/** One OpenAI chat message as the fake reads it (loosely: servers see all sorts). */
export interface WireMessage {
  role: string;
  content?: unknown;
  name?: string;
  tool_calls?: Array<{ id?: string; type?: string; function?: { name?: string; arguments?: string } }>;
  tool_call_id?: string;
}

export interface WireTool {
  type?: string;
  function?: { name?: string; description?: string; parameters?: Record<string, unknown> };
}

export interface ChatBody {
  model?: string;
  messages?: WireMessage[];
  tools?: WireTool[];
  tool_choice?: unknown;
  response_format?: { type?: string; json_schema?: { name?: string; schema?: Record<string, unknown> } };
  max_tokens?: number;
  max_completion_tokens?: number;
  [key: string]: unknown;
}

export interface Answer {
  content: string | null;
  tool_calls?: Array<{ name: string; arguments: unknown }>;
  refusal?: string;
  finish_reason?: string;
}

/** The text of a message's content (string or content parts). */
export function textOf(content: unknown): string {
  if (typeof content === "string") return content;
  if (Array.isArray(content)) {
    return content.map((p) => (p && typeof p === "object" && typeof (p as { text?: unknown }).text === "string" ? (p as { text: string }).text : "")).join("");
  }
  return "";
}

/**
 * Makes an answer from the request alone, so the same request always gets the same
 * answer: JSON matching the requested schema, a tool call when tools are offered,
 * otherwise a short reply that quotes the last message.
 */
export function deriveAnswer(body: ChatBody): Answer {
  const messages = body.messages ?? [];
  const last = messages[messages.length - 1];
  const lastText = textOf(last?.content);
  const tag = sha256Hex(JSON.stringify(messages)).slice(0, 8);
  const format = body.response_format;
  if (format?.type === "json_schema" && format.json_schema?.schema) {
    return { content: JSON.stringify(sampleSchema(format.json_schema.schema, tag, 0)) };
  }
  if (format?.type === "json_object") return { content: JSON.stringify({ answer: `fake ${tag}: ${clip(lastText)}` }) };
  // A client that cannot use response_format puts the schema in the prompt between these tags.
  const promptSchema = findTagged(messages, "json_schema");
  if (promptSchema !== undefined) {
    try {
      const value = sampleSchema(JSON.parse(promptSchema) as Record<string, unknown>, tag, 0);
      return { content: `Here is the JSON:\n\`\`\`json\n${JSON.stringify(value, null, 2)}\n\`\`\`` };
    } catch {
      return { content: "I could not read the schema." };
    }
  }
  const tools = (body.tools ?? []).filter((t) => t.function?.name);
  if (tools.length > 0 && body.tool_choice !== "none" && last?.role !== "tool") {
    const tool = tools.find((t) => lastText.includes(t.function!.name!)) ?? tools[0]!;
    return { content: null, tool_calls: [{ name: tool.function!.name!, arguments: sampleSchema(tool.function!.parameters ?? {}, tag, 0) }] };
  }
  // Hermes-style prompting: the tools are listed in the system prompt inside <tools>.
  const hermesTools = findTagged(messages, "tools");
  if (hermesTools !== undefined && last?.role === "user" && !lastText.includes("<tool_response>")) {
    const listed = parseHermesTools(hermesTools);
    const tool = listed.find((t) => lastText.includes(t.name)) ?? listed[0];
    if (tool) {
      const call = { name: tool.name, arguments: sampleSchema(tool.parameters, tag, 0) };
      return { content: `<tool_call>\n${JSON.stringify(call)}\n</tool_call>` };
    }
  }
  if (last?.role === "tool") return { content: `Here is what I found: ${clip(lastText)}` };
  return { content: `fake reply ${tag} to: ${clip(lastText)}` };
}

function clip(text: string, max = 120): string {
  const flat = text.replace(/\s+/g, " ").trim();
  return flat.length > max ? `${flat.slice(0, max)}…` : flat;
}

function findTagged(messages: WireMessage[], tag: string): string | undefined {
  // The first non-empty block: instructions often name the empty tag pair ("inside <tools></tools>").
  const re = new RegExp(`<${tag}>([\\s\\S]*?)</${tag}>`, "g");
  for (const m of messages) {
    for (const hit of textOf(m.content).matchAll(re)) if (hit[1]!.trim()) return hit[1]!.trim();
  }
  return undefined;
}

function parseHermesTools(text: string): Array<{ name: string; parameters: Record<string, unknown> }> {
  const out: Array<{ name: string; parameters: Record<string, unknown> }> = [];
  for (const line of text.split("\n")) {
    try {
      const t = JSON.parse(line) as WireTool & { name?: string; parameters?: Record<string, unknown> };
      const fn = t.function ?? t;
      if (fn.name) out.push({ name: fn.name, parameters: fn.parameters ?? {} });
    } catch {
      // not a tool line
    }
  }
  return out;
}

/** A value that satisfies a (simple) JSON Schema: the first enum value, required fields filled. */
export function sampleSchema(schema: Record<string, unknown>, tag: string, depth: number): unknown {
  if (depth > 8) return null;
  if ("const" in schema) return schema.const;
  if (Array.isArray(schema.enum) && schema.enum.length > 0) return schema.enum[0];
  for (const key of ["anyOf", "oneOf", "allOf"]) {
    const options = schema[key];
    if (Array.isArray(options) && options.length > 0) return sampleSchema(options[0] as Record<string, unknown>, tag, depth + 1);
  }
  const type = Array.isArray(schema.type) ? (schema.type.find((t) => t !== "null") ?? schema.type[0]) : schema.type;
  switch (type) {
    case "object": {
      const props = (schema.properties ?? {}) as Record<string, Record<string, unknown>>;
      const out: Record<string, unknown> = {};
      for (const [k, v] of Object.entries(props)) out[k] = sampleSchema(v, `${tag}.${k}`, depth + 1);
      return out;
    }
    case "array": {
      const min = typeof schema.minItems === "number" ? schema.minItems : 1;
      const items = (schema.items ?? {}) as Record<string, unknown>;
      return Array.from({ length: Math.max(1, min) }, (_, i) => sampleSchema(items, `${tag}.${i}`, depth + 1));
    }
    case "integer":
      return typeof schema.minimum === "number" ? Math.ceil(schema.minimum) : 1;
    case "number":
      return typeof schema.minimum === "number" ? schema.minimum : 0.5;
    case "boolean":
      return true;
    case "null":
      return null;
    case "string": {
      const text = `fake ${tag}`;
      const min = typeof schema.minLength === "number" ? schema.minLength : 0;
      return text.length >= min ? text : text.padEnd(min, "x");
    }
    default:
      return `fake ${tag}`;
  }
}

/** Rough token count (4 characters a token), enough for accounting tests. */
export function countTokens(text: string): number {
  return Math.max(1, Math.ceil(text.length / 4));
}
