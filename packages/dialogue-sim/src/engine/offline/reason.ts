// The user's reason for contacting (the task's instructions.reason, else the goal's text), as the
// user agent uses it to open: the values it names and its clause for each request. The first
// request says why the user came — a value its reason names, or the request as its reason puts it.
import { requestClauses } from "../reserved-request.js";

/** A value shorter than this (a bare digit, a two-letter code like "ci") is in too many requests to say which one this is. */
const WORD = 3;

/** Whether the reason names this constraint value as a word or a name ("centre", "kings lynn", "19:30"). */
export function namesValue(reason: string, value: unknown): boolean {
  if (Array.isArray(value)) return value.some((v) => namesValue(reason, v));
  if (typeof value !== "string" && typeof value !== "number") return false;
  const v = String(value).trim().toLowerCase();
  return v.length >= WORD && reason.toLowerCase().includes(v);
}

/**
 * The reason's clause for the user's index-th request: scenario-gen writes one clause per
 * request, in the goal's order. Undefined when the clauses do not line up with the requests
 * (a reason written by hand), except the first, which is the primary request.
 */
export function reasonClause(reason: string, index: number, requests: number): string | undefined {
  const clauses = requestClauses(reason);
  if (clauses.length === requests) return clauses[index];
  return index === 0 ? clauses[0] : undefined;
}
