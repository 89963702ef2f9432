import { z } from "zod";
import { Budget, id } from "./common.js";

export const PersonaSource = z.looseObject({
  dataset: z.string().min(1),
  index: z.number().int().min(0).optional(),
  cluster: z.string().optional(),
  summary: z.string().optional(),
});

export const HistoryEntry = z.looseObject({
  kind: z.string().optional().describe("purchase, booking, incident, …"),
  name: z.string().min(1),
  item_id: z.string().optional(),
  service: z.string().optional(),
  date: z.string().optional(),
  price: z.number().optional(),
});

export const Persona = z.looseObject({
  id,
  name: z.string().optional(),
  domain: z.string().optional(),
  age: z.number().int().min(0).max(120).optional(),
  age_range: z.string().optional(),
  gender: z.string().optional(),
  location: z
    .looseObject({
      city: z.string().min(1),
      country: z.string().optional(),
      region: z.string().optional(),
      currency: z.string().optional(),
      timezone: z.string().optional(),
    })
    .optional(),
  occupation: z.string().optional(),
  income_level: z.string().optional(),
  traits: z.array(z.string()).optional(),
  style: z.string().min(1).describe("casual, senior_engineer, stressed, learner, executive, or the domain's own"),
  formality: z.enum(["casual", "neutral", "formal"]).optional(),
  verbosity: z.enum(["terse", "moderate", "verbose"]).optional(),
  language: z.string().min(1).describe("en, hi, mixed (Hinglish), or another language code"),
  preferences: z.record(z.string(), z.unknown()).optional().describe("the domain's preferences: styles, colors, brands, sizes, …"),
  budget: Budget.optional(),
  history: z.array(HistoryEntry).optional(),
  description: z.string().optional(),
  source: PersonaSource.optional(),
});
export type Persona = z.infer<typeof Persona>;
