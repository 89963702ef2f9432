import { z } from "zod";
import { Resolution, id } from "./common.js";
import { Persona } from "./persona.js";
import { Task } from "./task.js";

export const ConstraintOp = z.enum(["eq", "ne", "lt", "lte", "gt", "gte", "in", "contains", "exists"]);

/** One checkable condition of the goal, e.g. {field: "price", op: "lte", value: 50}. */
export const Constraint = z.looseObject({
  field: z.string().min(1),
  op: ConstraintOp,
  value: z.unknown().optional(),
  service: z.string().optional(),
  table: z.string().optional(),
});

/** A fact the final state must show, e.g. a booking that exists, an item recommended. */
export const Expectation = z.looseObject({
  type: z.string().min(1).describe("booking_created, booking_cancelled, booking_modified, item_recommended, info_provided, escalated, …"),
  service: z.string().optional(),
  table: z.string().optional(),
  match: z.record(z.string(), z.unknown()).optional(),
});

export const Goal = z.looseObject({
  text: z.string().min(1),
  constraints: z.array(Constraint),
  end_state: z.array(Expectation),
});

export const Scenario = z.looseObject({
  id,
  persona: Persona,
  domain: z.string().min(1),
  services: z.array(z.string().min(1)).min(1),
  category: z.string().min(1),
  intent: z.string().optional(),
  goal: Goal,
  task: Task.optional().describe("the checkable task: instructions for the user, and how the outcome is judged"),
  region: z.string().min(1),
  time: z.looseObject({
    slot: z.string().min(1),
    at: z.string().min(1).describe("the moment inside the slot, e.g. 2026-03-14T19:30"),
  }),
  emotions: z.looseObject({ user: z.string().min(1), assistant: z.string().min(1) }),
  resolution: Resolution,
  turns: z.looseObject({ min: z.number().int().min(1), max: z.number().int().min(1) }),
  narrative: z.string().optional(),
});
export type Scenario = z.infer<typeof Scenario>;
