import type { ToolResult } from "../contract.js";
import type { AssistantAct } from "../phrases/assistant-banks.js";
import { rowsOf } from "./rows.js";

/**
 * What is wrong with a tool result, read from what the assistant sees — its content — and never
 * from how it came about (a result's `injected` mark is for the record, not for the policy): an
 * error the backend may clear on a retry, an empty list, or a list the backend says it cut short.
 * An injected empty and a real one look the same, so they get the same reaction.
 */
export type VisibleProblem = "error" | "empty" | "partial";

/** `rowsAt`: where the called tool's result holds its rows (@chatmill/domains' resultRowsOf). */
export function visibleProblem(res: ToolResult, rowsAt?: string): VisibleProblem | undefined {
  if (!res.ok) return /timeout|server|unavailable|rate/i.test(res.error?.type ?? "") ? "error" : undefined;
  const data = res.data as { warning?: unknown } | null;
  if (data && typeof data === "object" && !Array.isArray(data) && typeof data.warning === "string" && /partial/i.test(data.warning)) return "partial";
  // A list with no rows ([] or {results: [], total: 0}); a get's row or a write's result is never empty.
  return data !== null && typeof data === "object" && rowsOf(data, rowsAt).length === 0 ? "empty" : undefined;
}

/** The retry phrase that names what the assistant saw go wrong. */
export function retryAct(res: ToolResult, rowsAt?: string): AssistantAct {
  const p = visibleProblem(res, rowsAt);
  if (p === "empty") return "retry_empty";
  if (p === "partial") return "retry_partial";
  return /timeout/i.test(res.error?.type ?? "") ? "retry_timeout" : "retry_error";
}
