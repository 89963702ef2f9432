import { createSession, loadDomain } from "@chatmill/domains";
import { rowsOf } from "../engine/rows.js";

// For tests (unit and spawn): the offline and LLM engines are held to the same bars.
type Msg = Record<string, any>;

/** Re-runs every recorded call on a fresh session that has the dialogue's earlier writes; returns mismatches. */
export function replayMismatches(domainName: string, d: Msg): string[] {
  const session = createSession(loadDomain(domainName));
  for (const call of d.meta.setup ?? []) session.call(call);
  const calls = new Map<string, Msg>();
  const bad: string[] = [];
  const messages = d.messages as Msg[];
  for (const [i, m] of messages.entries()) {
    if (m.role === "assistant" && m.tool_calls) for (const c of m.tool_calls) calls.set(c.id, c);
    if (m.role !== "tool") continue;
    // Injected failures never reach the database (timeouts and 503s come before the op; empty/partial only cut a read).
    if (m.injected) continue;
    const c = calls.get(m.tool_call_id)!;
    // With the transcript up to this result, as the engines call: consent is judged from it.
    const again = session.call({ name: c.name, arguments: c.arguments }, { transcript: messages.slice(0, i) as Array<Msg & { role: string }> });
    if (again.content !== m.content) bad.push(`${d.id}: ${c.name} ${JSON.stringify(c.arguments)}`);
  }
  return bad;
}

/** Items an assistant names in its grounding that no earlier tool result of the dialogue showed. */
export function ungrounded(d: Msg): string[] {
  const seen = new Set<string>();
  const bad: string[] = [];
  const ids = (v: unknown, out: Set<string>) => {
    for (const row of rowsOf(v)) for (const k of ["id", "item_id", "sku", "hostname"]) if (row[k] !== undefined) out.add(String(row[k]));
  };
  for (const m of d.messages as Msg[]) {
    if (m.role === "tool" && m.ok) {
      try {
        ids(JSON.parse(m.content), seen);
      } catch {
        /* not JSON: nothing to ground on */
      }
    }
    if (m.role === "assistant") for (const g of m.grounding ?? []) if (!seen.has(String(g.item_id))) bad.push(`${d.id}: ${g.item_id}`);
  }
  return bad;
}

