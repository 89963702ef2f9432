import { z } from "zod";

/** Every record keeps fields it does not know, so users' own fields pass through. */
export const id = z.string().min(1).describe("stable id of the record; randomness and dedup key on it");

/** A name a pack gives something (a tool, table, field, argument): never empty. */
export const name = z.string().min(1);

export const Resolution = z.enum(["resolved", "failed", "escalated"]);

export const Budget = z.looseObject({
  min: z.number().min(0).optional(),
  max: z.number().min(0),
  currency: z.string().min(1).describe("ISO 4217 code, e.g. USD, INR, EUR"),
});

/** A tool definition in OpenAI function form, as offered to a model. */
export const ToolDefinition = z.looseObject({
  type: z.literal("function"),
  function: z.looseObject({
    name: z.string().regex(/^[a-zA-Z0-9_-]{1,64}$/, "tool names are 1-64 of [a-zA-Z0-9_-]"),
    description: z.string().optional(),
    parameters: z.record(z.string(), z.unknown()).describe("JSON Schema of the arguments"),
  }),
});

export const Usage = z.looseObject({
  prompt_tokens: z.number().int().min(0),
  completion_tokens: z.number().int().min(0),
  requests: z.number().int().min(0).optional(),
  retries: z.number().int().min(0).optional(),
  cost: z.number().min(0).optional(),
  by_role: z.record(z.string(), z.record(z.string(), z.number())).optional(),
});
