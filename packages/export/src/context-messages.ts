/** The name dialogue-sim --context-role gives a message that carries the app's context (seed 002). */
export const CONTEXT_NAME = "context_provider";

/**
 * Context messages (any role, named context_provider) folded into the system message.
 * In a dialogue the role says what the simulated assistant saw; in a training row an
 * assistant-role context message would be a turn the model learns to write, and it breaks
 * the human/gpt alternation LLaMA-Factory demands. Every target takes a system message, so
 * the context goes there: appended to the system prompt, or as the system message when the
 * dialogue has none. Returns the input array itself when there is nothing to fold.
 */
export function foldContext(messages: Array<Record<string, unknown>>): Array<Record<string, unknown>> {
  if (!messages.some((m) => m.name === CONTEXT_NAME && m.role !== "tool")) return messages;
  const context: string[] = [];
  const rest: Array<Record<string, unknown>> = [];
  for (const m of messages) {
    if (m.name === CONTEXT_NAME && m.role !== "tool") {
      if (typeof m.content === "string" && m.content.trim()) context.push(m.content.trim());
    } else rest.push(m);
  }
  if (context.length === 0) return rest;
  const text = context.join("\n\n");
  const first = rest[0];
  if (first?.role === "system" && typeof first.content === "string") {
    return [{ ...first, content: first.content.trim() ? `${first.content}\n\n${text}` : text }, ...rest.slice(1)];
  }
  return [{ role: "system", content: text }, ...rest];
}
