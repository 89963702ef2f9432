/**
 * The parts of a Dialogue record (packages/schema/src/dialogue.ts) the exporters read.
 * Kept as plain types, and checked by hand in read-dialogue.ts, because the exporters
 * must keep up with a bare parse-and-stringify loop: a full zod parse per record costs
 * more than the export itself. Unknown fields are allowed everywhere.
 */
export interface Grade {
  schema_valid: boolean;
  executed: boolean;
  ok: boolean;
  grounded: boolean | null;
  progress: number;
  success_rate: number;
  /** false: the recorded call failed by an injected fault, but succeeds when re-run (the environment's failure). */
  recorded_ok?: boolean;
  /** true: the call ran and the host or service did not answer (timeout, server error, unreachable). */
  environment_failure?: boolean | null;
  /** true: the data refused a well-formed call whose arguments the dialogue gave (tool-annotate's grade): a right call. */
  refused?: boolean | null;
  [k: string]: unknown;
}

export interface Alternative {
  defect: string;
  call?: { name: string; arguments: Record<string, unknown> };
  text?: string;
  result: string | null;
  ok: boolean;
  error?: { type: string; message: string };
  grade: Grade;
  [k: string]: unknown;
}

export interface ToolCall {
  id: string;
  name: string;
  arguments: Record<string, unknown>;
  grade?: Grade;
  alternatives?: Alternative[];
  [k: string]: unknown;
}

export interface Labels {
  intent?: string;
  emotion?: string;
  variation?: string;
  [k: string]: unknown;
}

export interface SystemMessage {
  role: "system";
  content: string;
  /** "context_provider": the app's context (seed 002), whatever role the dialogue gave it (read-dialogue.ts). */
  name?: string;
}
export interface UserMessage {
  role: "user";
  content: string;
  labels?: Labels;
}
export interface AssistantMessage {
  role: "assistant";
  content?: string | null;
  tool_calls?: ToolCall[];
  labels?: Labels;
  /** tool-annotate's bad reactions to the failed result this message answers (recovery pairs). */
  recovery?: { after: string; failure: string; grade?: Grade; alternatives: Alternative[] };
}
export interface ToolMessage {
  role: "tool";
  tool_call_id: string;
  name: string;
  content: string;
  ok: boolean;
  error?: { type: string; message: string };
  /** Set by dialogue-sim on a failure it injected (timeout, server_error, …): the environment failed, not the call. */
  injected?: string;
}
export type Message = SystemMessage | UserMessage | AssistantMessage | ToolMessage;

export interface ToolDefinition {
  type: "function";
  function: { name: string; description?: string; parameters: Record<string, unknown>; [k: string]: unknown };
  [k: string]: unknown;
}

export interface Outcome {
  resolution: "resolved" | "failed" | "escalated";
  goal_met: boolean;
  reward: number;
  [k: string]: unknown;
}

export interface Dialogue {
  id: string;
  tools: ToolDefinition[];
  messages: Message[];
  outcome?: Outcome;
  domain?: string;
  scenario?: { domain?: string; goal?: unknown; constraints?: unknown; [k: string]: unknown };
  meta?: Record<string, unknown>;
  [k: string]: unknown;
}
