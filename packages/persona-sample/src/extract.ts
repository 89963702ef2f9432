import { LlmError, type Llm } from "@chatmill/llm";
import { z } from "zod";
import { CITY_NAMES, findCity } from "./data/cities.js";
import { ageRangeOf, citiesOf, type TextFacts } from "./heuristics.js";
import { INCOME_LEVELS } from "./data/demographics.js";
import { STYLE_NAMES } from "./data/styles.js";

/**
 * --engine openai with --from: the writer role reads a corpus persona's text into the
 * structured fields. Every field is nullable: null means "the text does not say", and the
 * sampler fills it as for a generated persona.
 */
export const ExtractedFacts = z.object({
  age: z.number().int().min(0).max(120).nullable(),
  gender: z.enum(["female", "male", "non_binary"]).nullable(),
  occupation: z.string().min(1).max(80).nullable(),
  city: z.string().nullable().describe(`one of: ${CITY_NAMES.join(", ")}; or null`),
  country: z.string().nullable(),
  income_level: z.enum(INCOME_LEVELS).nullable(),
  traits: z.array(z.string().min(1).max(40)).max(5),
  style: z.enum(STYLE_NAMES as [string, ...string[]]).nullable(),
});
export type ExtractedFacts = z.infer<typeof ExtractedFacts>;

const SYSTEM = `You read a short description of a person and fill in structured fields.
Use only what the text states or clearly implies; use null (or an empty list) for anything it does not say.
- age: a number only if the text gives or clearly implies one.
- occupation: a short job title in lower case ("sports journalist"), or null.
- city: only one of the listed cities if the text places the person there; country: the country if stated.
- income_level: low, lower_middle, middle, upper_middle or high, only if the text suggests it.
- traits: up to 3 personality traits the text shows, as short adjectives.
- style, how the person would write to an assistant: casual, senior_engineer (technical, terse),
  stressed, learner (curious, asks how things work), executive (wants summaries); null if unclear.
Answer with JSON only.`;

export async function extractFacts(llm: Llm, recordId: string, text: string): Promise<{ facts: ExtractedFacts; meta: unknown }> {
  const facts = await llm.json("writer", [
    { role: "system", content: SYSTEM },
    { role: "user", content: text },
  ], ExtractedFacts, { recordId, name: "persona_fields" });
  return { facts, meta: llm.takeMeta(recordId) };
}

export function llmFailure(err: unknown): { kind: string; message: string } | undefined {
  return err instanceof LlmError ? { kind: err.kind, message: err.message } : undefined;
}

/** The extracted fields in the form makePersona merges over the heuristics (only what is known). */
export function toTextFacts(x: ExtractedFacts): Partial<TextFacts> {
  const out: Partial<TextFacts> = {};
  if (x.age !== null && x.age >= 16) {
    out.age = x.age;
    out.ageRange = ageRangeOf(x.age);
  }
  if (x.gender !== null) out.gender = x.gender;
  if (x.occupation !== null) out.occupation = x.occupation.toLowerCase();
  const city = x.city !== null ? findCity(x.city) : undefined;
  const cities = city ? [city] : x.country !== null ? citiesOf(x.country) : undefined;
  if (cities && cities.length > 0) {
    out.cities = cities;
    out.indian = cities[0]!.country === "India";
  }
  if (x.income_level !== null) out.incomeLevel = x.income_level;
  if (x.traits.length > 0) out.traits = x.traits.map((t) => t.toLowerCase()).slice(0, 3);
  if (x.style !== null) out.style = x.style;
  return out;
}
