import { BoundedMap } from "./bounded-map.js";
import { jsonEqual } from "./json-equal.js";
import type { ToolDefinition } from "./types.js";

/** How the `tools` column is written for chat-template (TRL) rows. */
export type ToolsAs = "text" | "list";

/**
 * A description for a parameter the pack left without one, derived from its schema only:
 * the allowed values ("One of: men, women, unisex."), else its name in words with its type
 * and bounds ("Max price (number, at least 0)."). The Hermes-2-Pro template renders
 * `param_fields.description | trim` for every parameter: Python's jinja renders a missing one
 * as "", @huggingface/jinja raises (`Cannot apply filter "trim" to type: UndefinedValue`), so
 * a row whose parameters lack one renders in one engine and not the other.
 */
export function derivedDescription(name: string, schema: Record<string, unknown>): string {
  if (Array.isArray(schema.enum) && schema.enum.length > 0) return `One of: ${schema.enum.map((v) => (typeof v === "string" ? v : JSON.stringify(v))).join(", ")}.`;
  const words = name.replace(/[_-]+/g, " ").replace(/([a-z])([A-Z])/g, "$1 $2").trim().toLowerCase();
  const parts: string[] = [];
  if (typeof schema.type === "string") parts.push(schema.type === "array" && typeof (schema.items as { type?: unknown } | undefined)?.type === "string" ? `list of ${(schema.items as { type: string }).type}` : schema.type);
  if (typeof schema.minimum === "number") parts.push(`at least ${schema.minimum}`);
  if (typeof schema.maximum === "number") parts.push(`at most ${schema.maximum}`);
  const head = words.charAt(0).toUpperCase() + words.slice(1);
  return parts.length > 0 ? `${head} (${parts.join(", ")}).` : `${head}.`;
}

/** The tool list with a description on every top-level parameter; the same objects when none is missing. */
export function describeParameters(tools: readonly ToolDefinition[]): ToolDefinition[] {
  let changed = false;
  const out = tools.map((t) => {
    const params = t.function.parameters as { properties?: Record<string, Record<string, unknown>> } | undefined;
    const props = params?.properties;
    if (!props || typeof props !== "object") return t;
    const missing = Object.entries(props).filter(([, p]) => p && typeof p === "object" && typeof p.description !== "string");
    if (missing.length === 0) return t;
    changed = true;
    const described: Record<string, Record<string, unknown>> = {};
    for (const [k, p] of Object.entries(props)) described[k] = p && typeof p === "object" && typeof p.description !== "string" ? { ...p, description: derivedDescription(k, p) } : p;
    return { ...t, function: { ...t.function, parameters: { ...params, properties: described } } };
  });
  return changed ? out : (tools as ToolDefinition[]);
}

interface Entry {
  source: readonly ToolDefinition[];
  list: ToolDefinition[];
  text: string;
}
/** By the tool list object (the rows and pairs of one dialogue ask with the same one). */
const byList = new WeakMap<object, Entry>();
/**
 * By the tools' names, the entries whose lists are equal as JSON: a dataset offers a handful
 * of tool lists, and comparing a dialogue's list with a known one costs less than writing it.
 */
const byNames = new BoundedMap<string, Entry[]>(64);

/**
 * The `tools` value of a chat-template row: every parameter described (see derivedDescription),
 * as a JSON string (`text`: TRL's trainers `json.loads` a string tools column, and a string
 * survives `datasets`' Arrow schema merge under every version; a list is kept as JSON by
 * datasets >= 4.7, while older versions union the parameters of every tool of the file into one
 * struct, null-filled) or as the list itself (`list`); null when the
 * dialogue offers no tools (Llama 3.1 renders its tool preamble even for []). The same list
 * gives the same string object, so the serialiser and the checkers find it by its cached hash.
 */
export function templateTools(tools: readonly ToolDefinition[] | undefined, as: ToolsAs): ToolDefinition[] | string | null {
  if (!tools || tools.length === 0) return null;
  let hit = byList.get(tools);
  if (!hit) {
    const key = tools.map((t) => t.function.name).join("\u0000");
    const known = byNames.get(key) ?? [];
    hit = known.find((e) => jsonEqual(e.source, tools));
    if (!hit) {
      const list = describeParameters(tools);
      hit = { source: tools, list, text: JSON.stringify(list) };
      // A few variants per set of names (descriptions that differ between dialogues); the oldest go first.
      byNames.set(key, [...known.slice(-7), hit]);
    }
    byList.set(tools, hit);
  }
  return as === "text" ? hit.text : hit.list;
}

/** A tools column value as the list a template receives (what TRL does with a string: json.loads). */
export function toolsForTemplate(tools: unknown): unknown[] | null {
  if (typeof tools === "string") {
    const parsed = parsedTools.get(tools);
    if (parsed) return parsed;
    const list = JSON.parse(tools) as unknown[];
    parsedTools.set(tools, list);
    return list;
  }
  return Array.isArray(tools) ? tools : null;
}
const parsedTools = new BoundedMap<string, unknown[]>(64);
