import { arr, isObj, str, type Obj } from "./record-shapes.js";

/**
 * Whether a tool call is well-formed for the tools the dialogue offered: a known
 * tool name, arguments as a JSON object, required arguments present, no argument the
 * schema forbids, argument types and enums as declared, and (after tool-annotate)
 * a grade that says schema_valid. Returns the first problem, or undefined.
 */
export function toolCallProblem(call: Obj, tools: Map<string, Obj>): string | undefined {
  const name = str(call.name) ?? (isObj(call.function) ? str(call.function.name) : undefined);
  if (!name) return "missing_name";
  let args: unknown = call.arguments ?? (isObj(call.function) ? call.function.arguments : undefined);
  if (typeof args === "string") {
    try {
      args = JSON.parse(args);
    } catch {
      return "arguments_not_json";
    }
  }
  if (!isObj(args)) return "arguments_not_object";
  if (tools.size > 0) {
    const params = tools.get(name);
    if (!params) return "unknown_tool";
    const props = isObj(params.properties) ? params.properties : {};
    for (const r of arr(params.required)) if (typeof r === "string" && !(r in args)) return "missing_required";
    if (params.additionalProperties === false) for (const k of Object.keys(args)) if (!(k in props)) return "unexpected_argument";
    for (const [k, v] of Object.entries(args)) {
      const p = props[k];
      if (!isObj(p)) continue;
      if (Array.isArray(p.enum) && !p.enum.some((e) => e === v)) return "not_in_enum";
      const t = p.type;
      if (typeof t === "string" && !typeOk(t, v)) return "wrong_type";
    }
  }
  if (isObj(call.grade) && call.grade.schema_valid === false) return "graded_invalid";
  return undefined;
}

function typeOk(t: string, v: unknown): boolean {
  switch (t) {
    case "string": return typeof v === "string";
    case "number": return typeof v === "number";
    case "integer": return Number.isInteger(v);
    case "boolean": return typeof v === "boolean";
    case "array": return Array.isArray(v);
    case "object": return isObj(v);
    case "null": return v === null;
    default: return true;
  }
}

/** name → parameters schema of the tools a dialogue offered (OpenAI function form). */
export function offeredTools(dialogue: Obj): Map<string, Obj> {
  const out = new Map<string, Obj>();
  for (const t of arr(dialogue.tools)) {
    if (!isObj(t)) continue;
    const fn = isObj(t.function) ? t.function : t;
    const name = str(fn.name);
    if (name) out.set(name, isObj(fn.parameters) ? fn.parameters : {});
  }
  return out;
}
