import type { Call, Domain, Session, SessionOptions, ToolResult } from "@chatmill/domains";

export type Obj = Record<string, unknown>;
export type { Call, Domain, Session, ToolResult };

/** Opens a fresh session on a domain's initial state (the domains package's createSession). */
export type OpenSession = (domain: Domain, opts?: SessionOptions) => Session;

/** A tool call as tool-annotate handles it: arguments always an object. */
export interface CallLike {
  id?: string;
  name: string;
  arguments: Obj;
}

export interface Grade {
  schema_valid: boolean;
  executed: boolean;
  ok: boolean;
  /** false when the dialogue's own result of this call failed (e.g. an injected timeout) though the re-run succeeds. */
  recorded_ok?: boolean;
  grounded: boolean | null;
  /** G of the formula: 0 when an item, amount or count the reply states is unsupported, else the share of its other numbers and catalog values a result supports; at most 0.5 when the reply uses nothing this result shows, 0.5 when no reply follows. */
  support: number;
  /** true when the call failed through the environment (timeout, server error, unreachable host): K = 0.5. */
  environment_failure?: boolean;
  /**
   * true when the data refused a well-formed call whose arguments all came from the dialogue (the
   * record is already cancelled, the slot is full, a pack's require check failed): the call was the
   * right one to make and the refusal is what happened, so exporters train it (K stays 0: it did not succeed).
   */
  refused?: boolean;
  progress: number;
  success_rate: number;
  notes?: string[];
}

export interface Alternative {
  defect: string;
  call?: { name: string; arguments: Obj };
  text?: string;
  detail?: string;
  result: string | null;
  ok: boolean;
  error?: { type: string; message: string };
  grade: Grade;
}

export const isObj = (v: unknown): v is Obj => typeof v === "object" && v !== null && !Array.isArray(v);
