import type { BookingValue } from "@chatmill/schema";
import type { LiveBackend } from "./live/backend.js";
/**
 * The contract between the domain packs and the tools that use them
 * (persona-sample, scenario-gen, dialogue-sim, tool-annotate, to-rl).
 * Implemented in this package; the other packages code against these types only.
 */
import type { CategorySpec, CategoryTask, DomainPack, OfflineSpec, ToolRole, Wording } from "@chatmill/schema";
import type { Rng } from "@chatmill/kit";

export type Row = Readonly<Record<string, unknown>>;

export interface ServiceInfo {
  name: string;
  description?: string;
  /** The table of this service's venues/items, when it has one. */
  table?: string;
  /** Scenario categories valid when this service is the primary one. */
  categories: string[];
  /** Fields of `table` a user can state as constraints (e.g. area, pricerange, food; color, size). */
  searchFields: string[];
  /** How a booking/order of this service is made, when it can be booked. */
  booking?: {
    /** The tool that creates it, and those that modify and cancel it. */
    create: string;
    modify?: string;
    cancel?: string;
    /** Argument names the user must give (e.g. day, time, people) beside the venue id. */
    fields: string[];
    /** What each field's value is, as the pack declares it (pack.json `booking.values`). */
    values?: Record<string, BookingValue>;
    /** What a person books, said before the place ("a table at "), as the pack words it. */
    booked?: string[];
  };
  /** An information service: fields of `table` whose values, in the row asked about, the assistant must tell. */
  facts?: string[];
  /** With `facts`: the fields its answer is worded from, in order (the facts when the pack gives none). */
  says?: string[];
}

/** Value pools for persona preferences, drawn from the domain's real data. */
export interface PreferencePool {
  /** Persona preference key, e.g. "colors", "brands", "sizes", "areas", "cuisines". */
  key: string;
  values: string[];
  /** How many to pick: [min, max]. */
  pick: [number, number];
}

export interface Domain {
  readonly name: string;
  readonly pack: DomainPack;
  readonly services: ServiceInfo[];
  readonly generalCategories: string[];
  readonly intents: string[];
  /** Tool definitions in OpenAI function form (without the `run` spec), as offered to a model. */
  readonly tools: Array<{ type: "function"; function: { name: string; description?: string; parameters: Record<string, unknown> } }>;
  /** Rows of a table of the pack's initial database (read-only). */
  table(name: string): readonly Row[];
  /** The key field of a table (e.g. "id"). */
  keyOf(table: string): string;
  /** The field that says what a row of the table is called (its declared display title), if declared. */
  titleOf(table: string): string | undefined;
  /** Persona preference pools and the domain's own communication styles. */
  readonly persona: { preferences: PreferencePool[]; styles: string[]; budget?: { currency: string; byIncome: Record<string, [number, number]> } };
  /** What the offline engine needs to speak the domain (display, nouns, system prompt…): the pack's typed `offline` section. */
  readonly offline: OfflineSpec;
  /** The pack's own phrases for the offline engine, merged over its neutral ones (the pack's `wording` section); undefined: neutral only. */
  readonly wording?: Wording | undefined;
  /** A category's declaration (its task, label, commands), or undefined for a category the pack does not list. */
  category(name: string): CategorySpec | undefined;
  /** What a category asks the assistant to do (create, modify, cancel, info, issue), as the pack declares it. */
  taskOf(category: string): CategoryTask | undefined;
  /** What a person calls a category: its declared label, else what its task is ("a change", "a question"); never its name (a key). */
  labelOf(category: string): string;
  /** A tool's declared role (lookup, search, act, handoff, think, none), or undefined for an unknown tool. */
  roleOf(tool: string): ToolRole | undefined;
  /** The tools declared with this role, in pack order. */
  toolsWithRole(role: ToolRole): string[];
  /** The assistant's system prompt in both engines: offline.system_prompt, then the pack's policy text (policy.file). */
  readonly systemPrompt: string | undefined;
  /** The policy text alone (policy.file), if the pack has one. */
  readonly policyText?: string | undefined;
  /** The one hand-off tool the engines may use: policy.handoff.tool, else the only tool declared role handoff. */
  readonly handoffTool: string | undefined;
  /** Whether the pack's policy asks for the user's yes before this call (a write of a tool in policy.confirm). */
  needsConfirmation(tool: string, args: Record<string, unknown>): boolean;
}

/** A tool call as it appears in a Dialogue: arguments are a JSON object. */
export interface Call {
  id?: string;
  name: string;
  arguments: Record<string, unknown>;
}

export interface ToolResult {
  ok: boolean;
  /** The result exactly as the model sees it: JSON text. */
  content: string;
  /** Parsed result, for the engine to read item names, ids, prices, images. */
  data: unknown;
  /** Set when ok is false: bad_arguments, unknown_tool, not_found, timeout, server_error, … */
  error?: { type: string; message: string };
  /** Set when the failure was injected (timeout, server_error, empty, partial), not real. */
  injected?: "timeout" | "server_error" | "empty" | "partial";
}

/**
 * One dialogue's view of the database: starts from the pack's initial state and records
 * its own writes (copy on write), so bookings never leak between dialogues.
 */
export interface Session {
  readonly domain: Domain;
  /**
   * Runs a tool: arguments are checked against its JSON Schema first, then the pack's policy
   * (identity, ownership; consent when `context` carries the conversation so far); never throws.
   */
  call(call: Call, context?: CallContext): ToolResult;
  /** Rows of a table as this session sees them (initial rows plus its own writes). */
  rows(table: string): readonly Row[];
  /** A compact, deterministic digest of this session's writes (for RL states and end-state checks). */
  digest(): string;
  /** This session's writes so far, replayable on a fresh session. */
  readonly writes: ReadonlyArray<{ table: string; op: "insert" | "update" | "delete"; key: string; row?: Row }>;
}

export interface SessionOptions {
  /** Start identified as this subject (a replay of a dialogue whose identity call is not replayed). */
  subject?: unknown;
  /** Probability that a call's result is replaced by an injected failure. */
  failureRate?: number;
  /** The dialogue's random stream (failure injection draws from it). */
  rng?: Rng;
  /** Where http and mcp tools send their calls: live, recorded, or replayed from a cassette (default: none: a session without one never calls a backend). */
  backend?: LiveBackend;
}

/**
 * The part of a transcript the policy and the checker read: what was said, by whom, with which
 * labels, and which calls ran with what result. Dialogue messages (from @chatmill/schema) fit it.
 */
export interface TranscriptMessage {
  role: string;
  content?: unknown;
  name?: string;
  tool_calls?: ReadonlyArray<{ id?: string; name: string; arguments?: unknown }> | null;
  tool_call_id?: string;
  ok?: boolean;
  /** On a tool message: the failure dialogue-sim injected (the checker does not re-run a call the backend never saw). */
  injected?: unknown;
  labels?: { intent?: string } | null;
}

/** What a call may carry besides its name and arguments: the conversation so far, for the confirmation rule. */
export interface CallContext {
  /** The dialogue up to and including the assistant message that makes this call. */
  transcript?: readonly TranscriptMessage[];
  /**
   * Made off-stage, before the conversation (a task's setup): no failure is injected, since the
   * world the dialogue starts in is not subject to the flaky backend (a live backend's own
   * errors still come back). The draw is still made, so the dialogue's random stream is the same.
   */
  offstage?: boolean;
}
