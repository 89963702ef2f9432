import type { Message, Scenario } from "@chatmill/schema";

/**
 * Where the app's context (the moment, where the user is, who they are to the shop: past
 * orders, budget) goes in a dialogue:
 * - none: nowhere; the user says what matters in their own words (the default);
 * - inline: prepended to the user's first message, as the earlier generators did (seed 002, "before");
 * - assistant: its own assistant message named context_provider (seed 002, "after");
 * - system: its own system message named context_provider.
 */
export const CONTEXT_ROLES = ["none", "inline", "assistant", "system"] as const;
export type ContextRole = (typeof CONTEXT_ROLES)[number];

/** The name a context message carries, so exporters and graders can tell it from a reply. */
export const CONTEXT_NAME = "context_provider";

const WEEKDAY = ["Sunday", "Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday"];
const MONTH = ["January", "February", "March", "April", "May", "June", "July", "August", "September", "October", "November", "December"];

/** The context an app would know about this session, as one short paragraph of facts. */
export function contextText(scenario: Scenario): string {
  const parts: string[] = [];
  const at = scenario.time.at;
  const d = new Date(at.length <= 16 ? `${at}:00Z` : at);
  if (!Number.isNaN(d.getTime())) {
    const hhmm = /T(\d\d:\d\d)/.exec(at)?.[1];
    parts.push(`Local time: ${WEEKDAY[d.getUTCDay()]} ${d.getUTCDate()} ${MONTH[d.getUTCMonth()]} ${d.getUTCFullYear()}${hhmm ? `, ${hhmm}` : ""} (${scenario.time.slot}), in ${scenario.region}.`);
  }
  const p = scenario.persona;
  const who = [p.name, p.location ? [p.location.city, p.location.country].filter(Boolean).join(", ") : undefined].filter(Boolean).join(", from ");
  if (who) parts.push(`Customer: ${who}.`);
  if (p.budget) parts.push(`Budget: ${p.budget.min ?? 0}–${p.budget.max} ${p.budget.currency}.`);
  const history = (p.history ?? []).slice(-3).map((h) => `${h.name}${h.item_id ? ` (${h.item_id})` : ""}${h.date ? ` on ${h.date}` : ""}`);
  if (history.length) parts.push(`Recent ${p.history?.[0]?.kind === "booking" ? "bookings" : "orders"}: ${history.join("; ")}.`);
  return parts.join(" ");
}

/** The messages with the context placed as `role` says (a copy; the input is not changed). */
export function placeContext(messages: Message[], text: string, role: ContextRole): Message[] {
  if (role === "none" || !text) return messages;
  const firstUser = messages.findIndex((m) => m.role === "user");
  if (role === "inline") {
    if (firstUser < 0) return messages;
    const out = [...messages];
    const m = out[firstUser] as Extract<Message, { role: "user" }>;
    out[firstUser] = { ...m, content: `Context: ${text}\n\n${m.content}` };
    return out;
  }
  // Before the first user message (after the system prompt), where an app would put it.
  const at = firstUser < 0 ? messages.length : firstUser;
  const msg = { role, name: CONTEXT_NAME, content: `Context: ${text}` } as Message;
  return [...messages.slice(0, at), msg, ...messages.slice(at)];
}
