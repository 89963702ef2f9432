import { Ajv, type ValidateFunction } from "ajv";
import type { Obj } from "./types.js";

const ajv = new Ajv({ strict: false, allErrors: false, logger: false });
// Keyed by the schema's text: every imported dialogue carries its own copy of the same tools,
// and compiling is the slow part. Bounded, so a stream of ever-new tools keeps memory flat.
const compiled = new Map<string, ValidateFunction | Error>();
const MAX = 2000;

/** Checks arguments against a tool's JSON Schema; returns null when valid, else what is wrong. */
export function checkArguments(parameters: Obj, args: unknown): string | null {
  const key = JSON.stringify(parameters);
  let fn = compiled.get(key);
  if (!fn) {
    try {
      fn = ajv.compile(parameters);
    } catch (err) {
      fn = err as Error;
    }
    if (compiled.size >= MAX) compiled.clear();
    compiled.set(key, fn);
  }
  if (fn instanceof Error) return `the tool's parameters are not a usable JSON Schema: ${fn.message}`;
  if (fn(args)) return null;
  const e = fn.errors?.[0];
  return e ? `${e.instancePath || "arguments"} ${e.message ?? "is invalid"}` : "arguments do not match the tool's schema";
}
