/**
 * Whether a dialogue's (or input record's) tool calls carry tool-annotate's grades:
 * "graded", "ungraded" (to-dpo grades it on the way), or "no_calls".
 */
export function gradingOf(d: unknown): "graded" | "ungraded" | "no_calls" {
  const msgs = (d as { messages?: unknown } | null)?.messages;
  if (!Array.isArray(msgs)) return "no_calls";
  let calls = false;
  for (const m of msgs as Array<{ role?: unknown; tool_calls?: unknown } | null>) {
    if (m?.role !== "assistant" || !Array.isArray(m.tool_calls) || m.tool_calls.length === 0) continue;
    calls = true;
    for (const c of m.tool_calls as Array<{ grade?: unknown } | null>) if (c?.grade !== undefined) return "graded";
  }
  return calls ? "ungraded" : "no_calls";
}

/** A dialogue (or input record) with tool calls but no grade: to-dpo grades it on the way. */
export function needsGrading(d: unknown): boolean {
  return gradingOf(d) === "ungraded";
}
