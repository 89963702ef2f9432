import { TURN_LIST_KEYS } from "./convert-turns.js";
import { isObj } from "./shape.js";

export const FORMATS = ["multiwoz", "sgd", "sharegpt", "glaive", "openai", "chat"] as const;
export type Format = (typeof FORMATS)[number];

/** Which format one record is in, from its fields; undefined when nothing fits. */
export function detectFormat(value: unknown): Format | undefined {
  if (Array.isArray(value)) return "chat";
  if (!isObj(value)) return undefined;
  if (Array.isArray(value.turns) && "dialogue_id" in value) {
    for (const t of value.turns) {
      if (!isObj(t)) continue;
      if ("turn_id" in t) return "multiwoz";
      // MultiWOZ slot names carry their service ("restaurant-food"); SGD's do not.
      for (const f of Array.isArray(t.frames) ? t.frames : []) {
        if (!isObj(f) || !isObj(f.state) || !isObj(f.state.slot_values)) continue;
        const keys = Object.keys(f.state.slot_values);
        if (keys.length > 0) return keys.some((k) => k.startsWith(`${String(f.service)}-`)) ? "multiwoz" : "sgd";
      }
    }
    return "sgd";
  }
  if (typeof value.chat === "string" && (value.system === undefined || typeof value.system === "string")) return "glaive";
  if (Array.isArray(value.conversations)) {
    const glaive = typeof value.tools === "string" || value.conversations.some((t) => isObj(t) && (t.from === "function_call" || t.from === "observation"));
    return glaive ? "glaive" : "sharegpt";
  }
  if (Array.isArray(value.messages)) {
    const tooly = value.tools !== undefined || value.messages.some((m) => isObj(m) && (m.tool_calls !== undefined || m.role === "tool" || m.function_call !== undefined));
    return tooly ? "openai" : "chat";
  }
  if (TURN_LIST_KEYS.some((k) => Array.isArray(value[k]))) return "chat";
  return undefined;
}

/** What each format's records look like, for the error when a record does not fit. */
export const FORMAT_SHAPES: Record<Format, string> = {
  multiwoz: "{dialogue_id, services, turns: [{turn_id, speaker: USER|SYSTEM, utterance, frames}]}",
  sgd: "{dialogue_id, services, turns: [{speaker: USER|SYSTEM, utterance, frames}]}",
  sharegpt: "{conversations: [{from, value}], system?, tools?}",
  glaive: "{conversations: [{from: human|gpt|function_call|observation, value}], tools: \"[...]\"} or glaive's own {system: \"SYSTEM: ...\", chat: \"USER: ... ASSISTANT: ...\"}",
  openai: "{messages: [{role, content, tool_calls?}], tools?}",
  chat: "{messages|conversation|conversations: [{role|speaker|from, content|text|value}]} or [{role, content}, ...]",
};

export interface DatasetInfo {
  dataset: string;
  license?: string;
  /** Prefix of the record id. */
  prefix: string;
}

/** What a format's records are by default: where they come from and under which license. */
export const DATASETS: Record<Format, DatasetInfo> = {
  multiwoz: { dataset: "multiwoz22", license: "MIT", prefix: "multiwoz" },
  sgd: { dataset: "sgd", license: "CC-BY-SA-4.0", prefix: "sgd" },
  glaive: { dataset: "glaive-function-calling-v2", license: "Apache-2.0", prefix: "glaive" },
  sharegpt: { dataset: "sharegpt", prefix: "sharegpt" },
  openai: { dataset: "openai-chat", prefix: "openai" },
  chat: { dataset: "chat-export", prefix: "chat" },
};
