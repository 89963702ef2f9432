import { z } from "zod";
import { Alternative, Grade, Grounding } from "./annotation.js";
import { Resolution, ToolDefinition, Usage, id } from "./common.js";
import { Scenario } from "./scenario.js";

export const Labels = z.looseObject({
  intent: z.string().optional(),
  emotion: z.string().optional(),
  variation: z.string().optional().describe("hesitation, correction, clarification, failure_recovery, small_talk, …"),
});

export const ToolCall = z.looseObject({
  id: z.string().min(1),
  name: z.string().min(1),
  arguments: z.record(z.string(), z.unknown()).describe("a JSON object, not a string"),
  inferred: z.boolean().optional().describe("added by tool-annotate, not present in the source dialogue"),
  grade: Grade.optional(),
  alternatives: z.array(Alternative).optional(),
  swapped: z.looseObject({ from_defect: z.string(), reason: z.string() }).optional().describe("set when tool-annotate promoted a better alternative over a call that failed by its own fault"),
});

const GradedToolCall = ToolCall.extend({ grade: Grade, alternatives: z.array(Alternative) });

export const SystemMessage = z.looseObject({
  role: z.literal("system"),
  content: z.string(),
  name: z.string().optional(),
});

/** A picture the user shares with a message: its link (a URL or a media path), and the row it shows when it came from a catalog. */
export const SharedImage = z.looseObject({
  url: z.string().min(1),
  item_id: z.string().optional(),
  table: z.string().optional(),
});

export const UserMessage = z.looseObject({
  role: z.literal("user"),
  content: z.string().describe("the text; a message that shares a picture also says its link, so a text-only export keeps it"),
  name: z.string().optional(),
  images: z.array(SharedImage).min(1).optional().describe("pictures the user shares with this message"),
  labels: Labels.optional(),
});

const assistantMessage = <C extends z.ZodType>(call: C) =>
  z.looseObject({
    role: z.literal("assistant"),
    content: z.string().nullable().optional(),
    name: z.string().optional().describe("e.g. context_provider, for context given on its own message"),
    tool_calls: z.array(call).min(1).optional(),
    labels: Labels.optional(),
    grounding: z.array(Grounding).optional(),
    recovery: z
      .looseObject({
        after: z.string().describe("id of the call whose failed result this message reacts to"),
        failure: z.string().describe("the error type, or the injected fault (empty, partial)"),
        grade: Grade.optional().describe("the grade of this message's text, when it reacted with text and no call"),
        alternatives: z.array(Alternative),
      })
      .optional()
      .describe("set by tool-annotate on a message that reacts to a failed result: bad reactions to it, executed or judged, for recovery pairs"),
  });
export const AssistantMessage = assistantMessage(ToolCall);

export const ToolMessage = z.looseObject({
  role: z.literal("tool"),
  tool_call_id: z.string().min(1),
  name: z.string().min(1),
  content: z.string().describe("the tool's real result, as the model sees it (JSON text)"),
  ok: z.boolean(),
  error: z.looseObject({ type: z.string(), message: z.string() }).optional(),
  inferred: z.boolean().optional(),
});

export const Outcome = z.looseObject({
  resolution: Resolution,
  goal_met: z.boolean(),
  reward: z.number().min(0).max(1),
  checks: z.array(z.looseObject({ name: z.string(), passed: z.boolean(), detail: z.string().optional() })).optional(),
  reason: z.string().optional(),
});

export const Meta = z.looseObject({
  engine: z.string().min(1),
  tool: z.string().min(1),
  version: z.string().min(1),
  seed: z.number().int().optional(),
  models: z.record(z.string(), z.string()).optional(),
  usage: Usage.optional(),
});

const dialogue = <M extends z.ZodType>(assistant: M) =>
  z.looseObject({
    id,
    scenario: Scenario.optional(),
    domain: z.string().optional(),
    tools: z.array(ToolDefinition),
    messages: z.array(z.discriminatedUnion("role", [SystemMessage, UserMessage, assistant as unknown as typeof AssistantMessage, ToolMessage])).min(1),
    outcome: Outcome.optional(),
    meta: Meta.optional(),
  });

export const Message = z.discriminatedUnion("role", [SystemMessage, UserMessage, AssistantMessage, ToolMessage]);
export const Dialogue = dialogue(AssistantMessage);
/** A dialogue after tool-annotate: every tool call carries a grade and its alternatives. */
export const AnnotatedDialogue = dialogue(assistantMessage(GradedToolCall));

export type Labels = z.infer<typeof Labels>;
export type SharedImage = z.infer<typeof SharedImage>;
export type ToolCall = z.infer<typeof ToolCall>;
export type Message = z.infer<typeof Message>;
export type Dialogue = z.infer<typeof Dialogue>;
export type Outcome = z.infer<typeof Outcome>;
export type Meta = z.infer<typeof Meta>;
