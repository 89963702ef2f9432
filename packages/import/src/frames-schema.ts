import { readFileSync } from "node:fs";
import { UsageError } from "@chatmill/kit";
import { isObj, type Obj } from "./shape.js";
import type { FunctionTool } from "./tools.js";

/** Tool definitions by service, read from an SGD / MultiWOZ 2.2 `schema.json`. */
export type ServiceTools = Map<string, FunctionTool[]>;

/**
 * Each intent of each service becomes one tool: its slots become string parameters
 * (with the slot's description, and an enum for categorical slots), required slots
 * are required, optional slots keep their default. MultiWOZ prefixes slot names with
 * the service ("restaurant-food"); the prefix is dropped in parameter names.
 */
export function toolsFromSchema(schema: unknown, file = "schema"): ServiceTools {
  if (!Array.isArray(schema)) throw new UsageError(`${file} is not an SGD/MultiWOZ schema: expected a JSON array of services`);
  const out: ServiceTools = new Map();
  for (const svc of schema) {
    if (!isObj(svc) || typeof svc.service_name !== "string" || !Array.isArray(svc.intents)) {
      throw new UsageError(`${file}: every service needs service_name and intents (see the SGD schema format)`);
    }
    const service = svc.service_name;
    const slots = new Map<string, Obj>();
    for (const s of Array.isArray(svc.slots) ? svc.slots : []) if (isObj(s) && typeof s.name === "string") slots.set(s.name, s);
    const tools: FunctionTool[] = [];
    for (const intent of svc.intents) {
      if (!isObj(intent) || typeof intent.name !== "string") continue;
      const required = (Array.isArray(intent.required_slots) ? intent.required_slots : []).filter((s): s is string => typeof s === "string");
      const optional = isObj(intent.optional_slots) ? intent.optional_slots : {};
      const properties: Obj = {};
      for (const slot of [...required, ...Object.keys(optional)]) {
        const def = slots.get(slot);
        const values = Array.isArray(def?.possible_values) ? def.possible_values : [];
        const dflt = optional[slot];
        properties[paramName(service, slot)] = {
          type: "string",
          ...(typeof def?.description === "string" ? { description: def.description } : {}),
          ...(def?.is_categorical === true && values.length > 0 ? { enum: values } : {}),
          ...(typeof dflt === "string" && dflt !== "dontcare" ? { default: dflt } : {}),
        };
      }
      tools.push({
        type: "function",
        function: {
          name: intent.name,
          ...(typeof intent.description === "string" ? { description: intent.description } : {}),
          parameters: { type: "object", properties, required: required.map((s) => paramName(service, s)) },
        },
      });
    }
    out.set(service, tools);
  }
  return out;
}

export function paramName(service: string, slot: string): string {
  return slot.startsWith(`${service}-`) ? slot.slice(service.length + 1) : slot;
}

export function readSchemaFile(path: string): ServiceTools {
  let text: string;
  try {
    text = readFileSync(path, "utf8");
  } catch (err) {
    throw new UsageError(`cannot read --schema '${path}': ${(err as NodeJS.ErrnoException).code ?? (err as Error).message}`);
  }
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch (err) {
    throw new UsageError(`--schema '${path}' is not valid JSON: ${(err as Error).message}`);
  }
  return toolsFromSchema(json, path);
}
