import { z } from "zod";
import { Resolution } from "./common.js";

/**
 * What a scenario asks, as tau-bench and tau2 write their tasks: the user's side (why they
 * contact, what they know, what they do not, what they decide at branch points) and how the
 * outcome is judged (the actions that reach the goal from a fresh state, the facts the
 * assistant must say). A label is computed from these and the transcript, never set by a
 * simulator.
 */
export const TaskAction = z.looseObject({
  name: z.string().min(1).describe("the tool"),
  arguments: z.record(z.string(), z.unknown()).describe("a JSON object, as in a tool call"),
});

export const TaskInstructions = z.looseObject({
  reason: z.string().min(1).describe("why the user contacts the assistant, in the user's terms"),
  known: z.record(z.string(), z.union([z.string(), z.number(), z.boolean()])).optional().describe("facts the user knows and gives when asked (ids, name, zip, …)"),
  unknown: z.array(z.string()).optional().describe("what the user does not know and must not invent"),
  decisions: z.array(z.string()).optional().describe("how the user decides at branch points"),
});

export const RewardBasis = z.enum(["state", "communicate"]);

export const TaskEvaluation = z.looseObject({
  actions: z.array(TaskAction).describe("replayed in order on a fresh state: the end state the dialogue must reach"),
  communicate: z.array(z.string().min(1)).optional().describe("facts the assistant must say (case-insensitive, commas ignored)"),
  basis: z.array(RewardBasis).min(1).optional().describe('what the reward requires; default ["state"], plus "communicate" when communicate is not empty'),
});

export const Task = z.looseObject({
  instructions: TaskInstructions.optional(),
  evaluation: TaskEvaluation,
  setup: z.array(TaskAction).optional().describe("calls that build the world the task starts in (the booking a \"cancel my booking\" user already has): run before the conversation, and before the actions when they are replayed"),
  expected: Resolution.optional().describe("the ending the data and the policy allow: resolved (the actions reach the goal), failed (the request cannot be met: the actions change nothing), escalated (the policy reserves it to a person: the actions are the hand-off)"),
});

export type TaskAction = z.infer<typeof TaskAction>;
export type TaskInstructions = z.infer<typeof TaskInstructions>;
export type RewardBasis = z.infer<typeof RewardBasis>;
export type TaskEvaluation = z.infer<typeof TaskEvaluation>;
export type Task = z.infer<typeof Task>;
