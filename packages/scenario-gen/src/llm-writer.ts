import { LlmError, type Llm } from "@chatmill/llm";
import { Scenario } from "@chatmill/schema";
import { z } from "zod";

/** What the writer role returns: the two texts the offline engine would otherwise compose. */
export const WrittenText = z.object({
  goal_text: z.string().min(10).max(600).describe("the user's goal as one or two imperative sentences"),
  narrative: z.string().min(20).max(900).describe("2-3 sentences in the persona's voice, with the time and the place"),
});

const SYSTEM = `You write scenarios for simulated customer-service conversations.
Given a user persona and a scenario whose facts are fixed, write:
- goal_text: the user's goal in one or two imperative sentences ("Book a table for 4 at …").
  Keep every fact of goal.constraints and goal.end_state (names, days, times, numbers, places); add none.
- narrative: 2 to 3 sentences in the first person, from the persona's point of view, that say
  where they are (the region) and when (the time), why they need this, and how they feel (the user emotion).
  Write in English, in the persona's own voice (style, formality), without naming the emotion as a label.
The draft texts show the facts; rewrite them so they read naturally. Answer with JSON only.`;

/**
 * --engine openai: the writer role rewrites the offline scenario's goal text and narrative.
 * Everything else (services, category, region, time, emotions, resolution, constraints, end
 * state) stays as the offline engine drew it from the data, so the goal remains checkable.
 * Throws LlmError when the model keeps answering badly (the caller fails the record).
 */
export async function writeWithLlm(llm: Llm, scenario: Scenario): Promise<Scenario> {
  const p = scenario.persona;
  const brief = {
    persona: {
      name: p.name, age: p.age, gender: p.gender, occupation: p.occupation, location: p.location?.city,
      traits: p.traits, style: p.style, formality: p.formality, verbosity: p.verbosity, description: p.description,
      budget: p.budget,
    },
    scenario: {
      services: scenario.services, category: scenario.category, region: scenario.region, time: scenario.time,
      user_emotion: scenario.emotions.user,
      goal: { constraints: scenario.goal.constraints, end_state: scenario.goal.end_state },
    },
    draft: { goal_text: scenario.goal.text, narrative: scenario.narrative },
  };
  const answer = await llm.json("writer", [
    { role: "system", content: SYSTEM },
    { role: "user", content: JSON.stringify(brief) },
  ], WrittenText, { recordId: scenario.id, name: "scenario_text" });
  const meta = llm.takeMeta(scenario.id);
  const out: Scenario = {
    ...scenario,
    goal: { ...scenario.goal, text: answer.goal_text.trim() },
    narrative: answer.narrative.trim(),
    ...(meta ? { meta: { llm: meta } } : {}),
  };
  // The record as a whole must still be a Scenario (it always is unless the texts broke it).
  return Scenario.parse(out);
}

/** A per-record LLM failure (kept asking, still a bad answer; retries used up), as kind and message. */
export function llmFailure(err: unknown): { kind: string; message: string } | undefined {
  return err instanceof LlmError ? { kind: err.kind, message: err.message } : undefined;
}
