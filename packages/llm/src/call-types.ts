import type { RecordUsage, TokenUsage } from "./accounting.js";
import type { ChatMessage, ToolCall } from "./messages.js";

// What callers of the Llm client pass and get back.

export interface ChatRequest {
  messages: ChatMessage[];
  /** Per-call sampling over the role's settings. */
  temperature?: number;
  top_p?: number;
  max_tokens?: number;
  /** Extra body parameters for this call. */
  params?: Record<string, unknown>;
}

export interface CallOptions {
  /** The record the call is for: its usage is kept for the record's meta, and its seed derives from it. */
  recordId?: string;
  /** Set false to take the answer as it is (no repair prompts for empty, cut-off or refused answers). */
  repair?: boolean;
}

export interface ChatAnswer {
  content: string;
  toolCalls: ToolCall[];
  finishReason: string;
  refusal?: string;
  model: string;
  usage: TokenUsage;
}

export interface JsonOptions extends CallOptions {
  /** Name of the schema in response_format (letters, digits, _ and -). */
  name?: string;
  /** Send this JSON Schema instead of the one made from the zod schema. */
  jsonSchema?: Record<string, unknown>;
}

export interface ToolOptions extends CallOptions {
  /** "auto" (default), "required", "none", or a tool name to force. */
  toolChoice?: "auto" | "required" | "none" | string;
}

export interface CreateLlmOptions {
  env?: Record<string, string | undefined>;
  /** Engine when neither --engine nor --config names one (llm-map: openai). */
  defaultEngine?: "offline" | "openai";
  /** Roles the tool will use, checked up front so a missing model is a usage error. */
  roles?: string[];
  /** Handle SIGINT/SIGTERM by finishing the requests in flight into the cache (default true with --cache). */
  signals?: boolean;
}

export interface LlmMeta {
  engine: "openai";
  models: string[];
  usage: Omit<RecordUsage, "models">;
}
