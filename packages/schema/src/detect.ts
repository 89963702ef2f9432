import type { RecordType } from "./json-schema.js";

/** Guesses a record's type from its shape; undefined when it cannot tell. */
export function detectRecordType(value: Record<string, unknown>): RecordType | undefined {
  if (Array.isArray(value.messages)) return "dialogue";
  if ("goal" in value && "persona" in value) return "scenario";
  if ("database" in value && "tools" in value) return "domain-pack";
  if ("grade" in value && "alternatives" in value) return "call-annotation";
  if ("style" in value || "language" in value) return "persona";
  return undefined;
}
