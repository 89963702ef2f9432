import type { Message } from "./types.js";

/** The name dialogue-sim --context-role gives a message that carries the app's context (seed 002). */
export const CONTEXT_NAME = "context_provider";

/** How a format keeps the app's context (documented per format in packages/export/README.md). */
export type ContextMode =
  /** a system message of its own, where it was in the dialogue */
  | "own"
  /** every context message appended to the system prompt (formats with one system message at the top) */
  | "fold"
  /** those before the first user message folded, later ones their own system message (chat templates: Llama 3.1 takes the first message after the system prompt as the user's) */
  | "lead";

export const isContext = (m: { role: string; name?: unknown }): boolean => m.name === CONTEXT_NAME && m.role !== "tool";

/**
 * Context messages (any role, named context_provider) as `{role: "system", name, content}`,
 * where they were. In a dialogue the role says what the simulated assistant saw; in a training
 * row an assistant-role context message would be a turn the model learns to write, and it
 * breaks the human/gpt alternation LLaMA-Factory demands. Each format then keeps it as a
 * message of its own or folds it into the system prompt (ContextMode). Empty ones are dropped.
 * Returns the input array itself when there is nothing to change.
 */
export function normalizeContext(messages: Array<Record<string, unknown>>): Array<Record<string, unknown>> {
  if (!messages.some((m) => m.name === CONTEXT_NAME && m.role !== "tool" && (m.role !== "system" || typeof m.content !== "string" || !m.content.trim()))) return messages;
  const out: Array<Record<string, unknown>> = [];
  for (const m of messages) {
    if (m.name !== CONTEXT_NAME || m.role === "tool") out.push(m);
    else if (typeof m.content === "string" && m.content.trim()) out.push({ role: "system", name: CONTEXT_NAME, content: m.content.trim() });
  }
  return out;
}

/** Indices of the context messages a mode folds into the system prompt. */
export function foldedContext(messages: readonly Message[], mode: ContextMode): number[] {
  if (mode === "own") return [];
  const out: number[] = [];
  for (let i = 0; i < messages.length; i++) {
    const m = messages[i]!;
    if (mode === "lead" && m.role === "user") break;
    if (isContext(m)) out.push(i);
  }
  return out;
}

/** The system prompt with the folded context texts after it (undefined when there is neither). */
export function systemWithContext(system: string | undefined, messages: readonly Message[], folded: readonly number[]): string | undefined {
  if (folded.length === 0) return system;
  const texts = folded.map((i) => messages[i]!.content as string);
  return system && system.trim() ? [system, ...texts].join("\n\n") : texts.join("\n\n");
}
