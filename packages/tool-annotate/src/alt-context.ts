import type { Rng } from "@chatmill/kit";
import { sameResultText } from "./canonical.js";
import type { DialogueExecutor } from "./executor.js";
import type { ToolInfo } from "./tool-info.js";
import type { CallLike, Domain, Obj } from "./types.js";

/** A proposed alternative before it is executed: a call, or text that is not a parsable call, or both (wrong_count). */
export interface Proposal {
  defect: string;
  call?: CallLike;
  text?: string;
  detail: string;
  /** "llm" when an LLM proposed it (--engine openai). */
  source?: string;
}

export interface AltContext {
  call: CallLike;
  info: ToolInfo | undefined;
  executor: DialogueExecutor;
  domain: Domain | undefined;
  /** Earlier chosen calls that ran ok and whose result the context holds, most recent last. */
  earlier: CallLike[];
  /** The state-changing calls before this one (what the executor replays). */
  before?: CallLike[];
  /** Objects of the earlier results (where ids an alternative may use come from). */
  context?: Obj[];
  /** What the dialogue has shown so far (user words, earlier results, goal values). */
  known?: { has(v: string | number): boolean };
  /** The chosen call's result on the same state. */
  result?: { ok: boolean; content: string };
  /** Earlier user messages (before the latest one). */
  earlierUser: string[];
  /** The user message the call answers. */
  lastUser: string;
  /** Rows the chosen call's result lists (undefined when not a list). */
  rows: Obj[] | undefined;
  /** The total the chosen result reports beside its list, if any. */
  total?: number;
  /** The reply after the chosen call. */
  reply: string | null;
  /** The chosen call repeats an earlier one whose result the context holds (its progress is 0). */
  repeat?: boolean;
  rng: Rng;
}

/** The dialogue stated the value (the user said it, a result showed it). */
export function stated(c: AltContext, v: unknown): boolean {
  if (!c.known) return true;
  return (Array.isArray(v) ? v : [v]).some((x) => (typeof x === "string" || typeof x === "number") && c.known!.has(x));
}

/** The call gives the chosen call's own result on the same state. */
export function sameOutcome(c: AltContext, call: CallLike): boolean {
  if (!c.result || !c.before) return false;
  const r = c.executor.run(call, c.before);
  return r.ok && c.result.ok && sameResultText(r.content, c.result.content);
}
