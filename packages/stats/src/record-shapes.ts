/** Loose views of chatmill records: stats reads what is there and never rejects a shape. */
export type Obj = Record<string, unknown>;

export const isObj = (v: unknown): v is Obj => !!v && typeof v === "object" && !Array.isArray(v);
export const str = (v: unknown): string | undefined => (typeof v === "string" && v.length > 0 ? v : undefined);
export const num = (v: unknown): number | undefined => (typeof v === "number" && Number.isFinite(v) ? v : undefined);
export const arr = (v: unknown): unknown[] => (Array.isArray(v) ? v : []);

export type Kind = "dialogue" | "scenario" | "persona" | "other";

/** The same rules as @chatmill/schema's detectRecordType, for the three kinds stats reads. */
export function kindOf(v: Obj): Kind {
  if (Array.isArray(v.messages)) return "dialogue";
  if ("goal" in v && "persona" in v) return "scenario";
  if ("style" in v || "language" in v) return "persona";
  return "other";
}
