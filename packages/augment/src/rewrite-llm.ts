import type { ChatMessage, Llm } from "@chatmill/llm";
import type { Persona } from "@chatmill/schema";
import { holds, type Detail } from "./personal-details.js";

type Obj = Record<string, unknown>;

/** The LLM role whose settings (model, temperature, …) the rewriting uses. */
export const REWRITE_ROLE = "augment";

/**
 * --engine openai: each user and assistant turn of the offline draft rewritten by the model,
 * given the persona, so the wording is a model's and not a template's. The model sees only
 * the draft — already anonymised, never the source text — and the persona. A rewrite is kept
 * when it still holds every value the draft carries (numbers, references, names of things:
 * the words the calls and results depend on) and none of the source's personal details;
 * otherwise the draft stays, and `kept_draft` counts it.
 */
export async function rewriteTurns(messages: Obj[], persona: Persona, details: readonly Detail[], llm: Llm, recordId: string): Promise<{ rewritten: number; kept_draft: number }> {
  let rewritten = 0;
  let keptDraft = 0;
  for (const m of messages) {
    if ((m.role !== "user" && m.role !== "assistant") || typeof m.content !== "string" || !m.content.trim() || m.name === "context_provider") continue;
    const draft = m.content;
    const prompt: ChatMessage[] = [
      { role: "system", content: systemPrompt(m.role, persona) },
      { role: "user", content: draft },
    ];
    const answer = (await llm.chat(REWRITE_ROLE, { messages: prompt }, { recordId })).content.trim();
    if (answer && mustKeep(draft).every((v) => answer.toLowerCase().includes(v.toLowerCase())) && !details.some((d) => holds(answer, d))) {
      m.content = answer;
      rewritten++;
    } else keptDraft++;
  }
  return { rewritten, kept_draft: keptDraft };
}

function systemPrompt(role: string, p: Persona): string {
  const who = [p.description, `style: ${p.style}`, p.formality ? `formality: ${p.formality}` : "", p.verbosity ? `verbosity: ${p.verbosity}` : ""].filter(Boolean).join("; ");
  return role === "user"
    ? `Rewrite the customer's message below as this person would write it in a chat, in English: ${who}. Keep its meaning and every value in it (numbers, times, days, places, names, references) exactly as written. Answer with the message only.`
    : `Rewrite the assistant's message below for a customer who writes like this: ${who}. Match the customer's register and energy. Keep its meaning and every value in it (numbers, times, names, references) exactly as written. Answer with the message only.`;
}

/** The values a rewrite must keep: tokens with a digit, and quoted or capitalised names mid-sentence. */
export function mustKeep(text: string): string[] {
  const values = new Set<string>();
  for (const m of text.matchAll(/[\p{L}\p{N}:.@-]*\d[\p{L}\p{N}:.@-]*/gu)) values.add(m[0].replace(/[.:-]+$/, ""));
  for (const m of text.matchAll(/(?<=[\p{L},] )\p{Lu}[\p{L}'-]+/gu)) values.add(m[0]);
  return [...values].filter((v) => v.length > 0);
}
