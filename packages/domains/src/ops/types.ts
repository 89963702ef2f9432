import type { DomainTool } from "@chatmill/schema";
import type { LoadedDomain } from "../domain.js";
import type { State } from "../state.js";

export type Run = DomainTool["run"];
export type RunOf<Op extends Run["op"]> = Extract<Run, { op: Op }>;

export interface ToolError {
  type: string;
  message: string;
  [extra: string]: unknown;
}

export type OpResult =
  | {
      ok: true;
      data: Record<string, unknown>;
      /** The field holding the result list, when the op returns one (failure injection empties or cuts it). */
      list?: string;
    }
  | { ok: false; error: ToolError };

export interface OpContext {
  domain: LoadedDomain;
  state: State;
  tool: string;
  args: Record<string, unknown>;
}

export const fail = (type: string, message: string, extra: Record<string, unknown> = {}): OpResult => ({
  ok: false,
  error: { type, message, ...extra },
});

export const present = (v: unknown): boolean => v !== undefined && v !== null && !(typeof v === "string" && v.trim() === "");
