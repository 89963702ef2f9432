import { RecordError } from "@chatmill/kit";

/** A field of the source record that is missing or has a shape import cannot read. */
export function shapeError(path: string, message: string): RecordError {
  return new RecordError(message, "unknown_shape", path);
}

export type Obj = Record<string, unknown>;

export function isObj(v: unknown): v is Obj {
  return v !== null && typeof v === "object" && !Array.isArray(v);
}

/** Describes a value's type for error messages: "a string", "null", "an array". */
export function kindOf(v: unknown): string {
  if (v === null) return "null";
  if (Array.isArray(v)) return "an array";
  if (typeof v === "object") return "an object";
  return `a ${typeof v}`;
}

/** Parses a JSON-encoded object (tool arguments, function_call values); objects pass as they are. */
export function jsonObject(v: unknown, path: string, what: string): Obj {
  if (isObj(v)) return v;
  if (typeof v === "string") {
    if (v.trim() === "") return {};
    let parsed: unknown;
    try {
      parsed = JSON.parse(v);
    } catch (err) {
      throw shapeError(path, `${what} is not valid JSON: ${(err as Error).message}`);
    }
    if (isObj(parsed)) return parsed;
    throw shapeError(path, `${what} must be a JSON object, got ${kindOf(parsed)}`);
  }
  throw shapeError(path, `${what} must be a JSON object or a JSON string of one, got ${kindOf(v)}`);
}
