/** A rule of a target format that a row breaks: the rule's name, where, and what to do. */
export interface RuleIssue {
  rule: string;
  path: string;
  message: string;
}

export type RowCheck = (row: unknown) => RuleIssue | undefined;

export const TOOL_NAME = /^[a-zA-Z0-9_-]{1,64}$/;

export const isObject = (v: unknown): v is Record<string, unknown> => typeof v === "object" && v !== null && !Array.isArray(v);

export function issue(rule: string, path: string, message: string): RuleIssue {
  return { rule, path, message };
}

/** Keys of `o` not in `allowed`, for "unknown field" rules. */
export function unknownKey(o: Record<string, unknown>, allowed: ReadonlySet<string>): string | undefined {
  for (const k in o) if (!allowed.has(k)) return k;
  return undefined;
}

export function parsesAsObject(text: string): boolean {
  try {
    return isObject(JSON.parse(text));
  } catch {
    return false;
  }
}
