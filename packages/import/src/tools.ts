import { isObj, jsonObject, kindOf, shapeError, type Obj } from "./shape.js";

/** A tool definition in OpenAI function form, as the Dialogue schema wants it. */
export interface FunctionTool {
  type: "function";
  function: { name: string; description?: string; parameters: Obj; [k: string]: unknown };
}

const TOOL_NAME = /^[a-zA-Z0-9_-]{1,64}$/;

/**
 * Reads a tool list as sources write it: a JSON string (glaive / LLaMA-Factory),
 * an array of bare {name, description, parameters}, or OpenAI's {type, function}.
 */
export function readTools(v: unknown, path: string): FunctionTool[] {
  if (v === undefined || v === null || v === "") return [];
  let list = v;
  if (typeof v === "string") {
    try {
      list = JSON.parse(v);
    } catch (err) {
      throw shapeError(path, `tools is a string but not valid JSON: ${(err as Error).message}`);
    }
  }
  if (isObj(list)) list = [list];
  if (!Array.isArray(list)) throw shapeError(path, `tools must be a list of function definitions, got ${kindOf(list)}`);
  return list.map((t, i) => readTool(t, `${path}/${i}`));
}

function readTool(t: unknown, path: string): FunctionTool {
  if (!isObj(t)) throw shapeError(path, `a tool must be an object, got ${kindOf(t)}`);
  const fn = isObj(t.function) ? t.function : t;
  const fnPath = isObj(t.function) ? `${path}/function` : path;
  const { name, description, parameters, type: _type, ...rest } = fn;
  if (typeof name !== "string" || !TOOL_NAME.test(name)) {
    throw shapeError(`${fnPath}/name`, `a tool needs a name of 1-64 letters, digits, '_' or '-', got ${JSON.stringify(name)}`);
  }
  const params = parameters === undefined ? { type: "object", properties: {} } : jsonObject(parameters, `${fnPath}/parameters`, "the tool's 'parameters'");
  return {
    type: "function",
    function: {
      ...(isObj(t.function) ? rest : {}),
      name,
      ...(typeof description === "string" ? { description } : {}),
      parameters: params,
    },
  };
}
