import { UsageError } from "@chatmill/kit";

/** A dotted field path such as meta.mix_source. */
export function parseTagPath(field: string): string[] {
  const parts = field.split(".");
  if (parts.some((p) => p === "")) throw new UsageError(`--tag '${field}' is not a field path; write e.g. meta.mix_source or mix_source`);
  return parts;
}

/** Whether the record can take the tag: every parent on the path is an object or absent. */
export function canTag(value: Record<string, unknown>, path: string[]): boolean {
  let cur: unknown = value;
  for (let i = 0; i < path.length - 1; i++) {
    const next = (cur as Record<string, unknown>)[path[i]!];
    if (next === undefined) return true;
    if (next === null || typeof next !== "object" || Array.isArray(next)) return false;
    cur = next;
  }
  return true;
}

/** A copy of the record with the tag set; the record itself and its other fields are left as they are. */
export function withTag(value: Record<string, unknown>, path: string[], label: string): Record<string, unknown> {
  const [head, ...more] = path;
  if (more.length === 0) return { ...value, [head!]: label };
  const child = value[head!];
  const base = child && typeof child === "object" && !Array.isArray(child) ? (child as Record<string, unknown>) : {};
  return { ...value, [head!]: withTag(base, more, label) };
}
