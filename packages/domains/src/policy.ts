import type { DomainTool, PolicySpec } from "@chatmill/schema";
import type { CallContext, Row, TranscriptMessage } from "./contract.js";
import type { LoadedDomain } from "./domain.js";
import { findRow } from "./ops/rows.js";
import type { Run, ToolError } from "./ops/types.js";
import type { State } from "./state.js";
import { keyString } from "./tables.js";

const CONTEXT_NAME = "context_provider";

type CommandRule = Extract<Run, { op: "command" }>["commands"][number];
const patterns = new WeakMap<CommandRule, RegExp>();
const patternOf = (rule: CommandRule): RegExp => {
  let re = patterns.get(rule);
  if (!re) patterns.set(rule, (re = new RegExp(rule.pattern)));
  return re;
};

/** The command rule a command call would run: the first whose pattern matches, as the runtime picks it. */
function commandWrites(run: Extract<Run, { op: "command" }>, args: Record<string, unknown>): boolean {
  const command = String(args[run.command_arg] ?? "").trim().replace(/\s+/g, " ");
  const rule = run.commands.find((r) => patternOf(r).test(command));
  return (rule?.effects?.length ?? 0) > 0;
}

/**
 * Whether this call of a tool would change data: an act's call does, a command only when the
 * rule it matches has effects (`systemctl status` reads; `systemctl restart` writes).
 */
export function callWrites(tool: DomainTool, args: Record<string, unknown>): boolean {
  if (tool.run.op === "command") return commandWrites(tool.run, args);
  return tool.role === "act";
}

/** Whether the pack's policy asks for the user's yes before this call. */
export function needsConfirmation(domain: LoadedDomain, name: string, args: Record<string, unknown>): boolean {
  const confirm = domain.pack.policy?.confirm;
  const tool = domain.toolSpecs.get(name);
  return !!confirm && !!tool && confirm.tools.includes(name) && callWrites(tool, args);
}

function parseArgs(a: unknown): Record<string, unknown> {
  if (typeof a === "string") {
    try {
      const v = JSON.parse(a) as unknown;
      return v && typeof v === "object" && !Array.isArray(v) ? (v as Record<string, unknown>) : {};
    } catch {
      return {};
    }
  }
  return a && typeof a === "object" && !Array.isArray(a) ? (a as Record<string, unknown>) : {};
}

function isAsk(m: TranscriptMessage | undefined): boolean {
  return !!m && m.role === "assistant" && typeof m.content === "string" && m.content.trim() !== "" && !(m.tool_calls && m.tool_calls.length > 0);
}

/**
 * Whether the transcript holds the user's yes for one more write, judged only from what
 * happened: the last user message carries the consent intent and answers an assistant
 * message that asked (text, no call), and no write that needed a yes has succeeded since.
 * One yes covers one write; retries of a failed write stay covered.
 */
export function hasConsent(domain: LoadedDomain, transcript: readonly TranscriptMessage[]): boolean {
  const intent = domain.pack.policy?.confirm?.consent_intent ?? "confirm";
  const calls = new Map<string, { name: string; arguments?: unknown }>();
  let i = transcript.length - 1;
  for (; i >= 0; i--) {
    const m = transcript[i]!;
    if (m.role === "user") break;
    if (m.role === "assistant") for (const c of m.tool_calls ?? []) if (c.id) calls.set(c.id, c);
  }
  if (i < 0) return false;
  for (let j = i + 1; j < transcript.length; j++) {
    const m = transcript[j]!;
    if (m.role !== "tool" || m.ok === false || !m.tool_call_id) continue;
    const call = calls.get(m.tool_call_id);
    if (call && needsConfirmation(domain, call.name, parseArgs(call.arguments))) return false;
  }
  if (transcript[i]!.labels?.intent !== intent) return false;
  let k = i - 1;
  while (k >= 0 && transcript[k]!.name === CONTEXT_NAME) k--;
  return isAsk(transcript[k]);
}

/** A policy breach found in a finished transcript. */
export interface PolicyViolation {
  /** Index of the tool message whose call broke the rule. */
  index: number;
  tool: string;
  rule: "confirmation" | "identity";
  detail: string;
}

/**
 * Judges a finished transcript against the pack's policy, from the transcript alone: every
 * write that needed a yes succeeded only after one, and no user-scoped tool succeeded before
 * an identity tool had. A runtime that enforces the policy never produces a violation.
 */
export function policyViolations(domain: LoadedDomain, transcript: readonly TranscriptMessage[]): PolicyViolation[] {
  const policy = domain.pack.policy;
  if (!policy) return [];
  const out: PolicyViolation[] = [];
  const scoped = new Set(policy.identity?.scoped.map((s) => s.tool) ?? []);
  const identity = new Set(policy.identity?.tools ?? []);
  const calls = new Map<string, { name: string; arguments?: unknown; at: number }>();
  let identified = false;
  transcript.forEach((m, index) => {
    if (m.role === "assistant") for (const c of m.tool_calls ?? []) if (c.id) calls.set(c.id, { ...c, at: index });
    if (m.role !== "tool" || m.ok === false || !m.tool_call_id) return;
    const call = calls.get(m.tool_call_id);
    if (!call) return;
    if (identity.has(call.name)) identified = identified || identifies(domain, parseJson(m.content)) !== undefined;
    if (scoped.has(call.name) && !identified) out.push({ index, tool: call.name, rule: "identity", detail: `'${call.name}' succeeded before an identity tool (${[...identity].join(", ")}) had` });
    if (needsConfirmation(domain, call.name, parseArgs(call.arguments)) && !hasConsent(domain, transcript.slice(0, index))) {
      out.push({ index, tool: call.name, rule: "confirmation", detail: `'${call.name}' changed data without the user's yes to an assistant's question just before` });
    }
  });
  return out;
}

function parseJson(text: unknown): unknown {
  if (typeof text !== "string") return text;
  try {
    return JSON.parse(text) as unknown;
  } catch {
    return undefined;
  }
}

/**
 * The subject an identity tool's result names: the key of the one row of the identity table it
 * holds, or the key itself when the tool's result is a bare value (`{"result": "sara_doe_496"}`,
 * as a transact run returns a user id).
 */
export function identifies(domain: LoadedDomain, data: unknown): unknown {
  const id = domain.pack.policy?.identity;
  if (!id || !data || typeof data !== "object") return undefined;
  const key = domain.keyOf(id.table);
  const d = data as Record<string, unknown>;
  const keys = Object.keys(d);
  if (keys.length === 1 && keys[0] === "result" && (typeof d.result === "string" || typeof d.result === "number")) return d.result;
  const rows: unknown[] = Array.isArray(data) ? data : Array.isArray(d.results) ? d.results : [d];
  if (rows.length !== 1) return undefined;
  const row = rows[0] as Record<string, unknown> | null;
  const k = row && typeof row === "object" ? row[key] : undefined;
  return k === undefined || k === null ? undefined : k;
}

/**
 * The error types of a policy's refusals (SessionPolicy.before): the caller acted before the
 * policy allowed it (no identified customer, not the subject's row, no consent yet). Unlike a
 * refusal by the data's state, each is the caller's mistake (tool-annotate grades it so).
 */
export const POLICY_REFUSALS: ReadonlySet<string> = new Set(["identity_required", "not_owner", "confirmation_required"]);

/**
 * One session's policy state: who has been identified. Checks a call before it runs (identity,
 * ownership, consent) and narrows a scoped listing to the subject's rows. Never throws for a
 * pack that loaded: a refusal is a ToolError with the pack's own message.
 */
export class SessionPolicy {
  private readonly spec: PolicySpec | undefined;
  private readonly scoped: Map<string, string | undefined>;

  constructor(
    private readonly domain: LoadedDomain,
    /** The identified subject's key, once an identity tool has succeeded. */
    public subject: unknown = undefined,
  ) {
    this.spec = domain.pack.policy;
    this.scoped = new Map(this.spec?.identity?.scoped.map((s) => [s.tool, s.owner]) ?? []);
  }

  /** A refusal for this call, or undefined when the policy lets it run. */
  before(name: string, tool: DomainTool, args: Record<string, unknown>, state: State, context: CallContext | undefined): ToolError | undefined {
    const spec = this.spec;
    if (!spec) return undefined;
    // An identity rule that is not enforced is the assistant's to follow (and policyViolations' to judge); the tools run.
    if (spec.identity && spec.identity.enforced !== false && this.scoped.has(name)) {
      // The loader requires both messages of an enforced rule (check-policy.ts).
      if (this.subject === undefined) return { type: "identity_required", message: spec.identity.refusal! };
      const owner = this.scoped.get(name);
      if (owner !== undefined && !this.owns(tool.run, owner, args, state)) return { type: "not_owner", message: spec.identity.not_owner ?? spec.identity.refusal! };
    }
    // Without a transcript (a replay of a recorded call) there is nothing to judge consent from.
    if (spec.confirm && context?.transcript && needsConfirmation(this.domain, name, args) && !hasConsent(this.domain, context.transcript)) {
      return { type: "confirmation_required", message: spec.confirm.refusal };
    }
    return undefined;
  }

  /** The run as the subject may use it: a scoped listing with an owner lists only the subject's rows. */
  narrow(name: string, run: Run): Run {
    const owner = this.scoped.get(name);
    if (owner === undefined || this.subject === undefined) return run;
    if (run.op !== "search" && run.op !== "filter" && run.op !== "list") return run;
    return { ...run, where: [...(run.where ?? []), { field: owner, op: "eq", value: this.subject }] };
  }

  /** After a successful call: an identity tool's result names the subject. */
  after(name: string, data: unknown): void {
    if (!this.spec?.identity?.tools.includes(name)) return;
    const subject = identifies(this.domain, data);
    if (subject !== undefined) this.subject = subject;
  }

  /** Whether the row a call addresses belongs to the subject; a row that does not exist is left to the op (not_found). */
  private owns(run: Run, owner: string, args: Record<string, unknown>, state: State): boolean {
    let row: Row | undefined;
    switch (run.op) {
      case "get": {
        const view = state.view(run.table);
        row = findRow(view.rows(), (k) => view.get(k), view.key, args[run.key_arg], run.by);
        break;
      }
      case "modify":
      case "cancel":
      case "command":
        row = state.view(run.table).get(keyString(args[run.key_arg]));
        break;
      case "create": {
        if (!run.ref) return true;
        const view = state.view(run.ref.table);
        row = findRow(view.rows(), (k) => view.get(k), view.key, args[run.ref.arg], run.ref.field);
        break;
      }
      default:
        return true;
    }
    return !row || keyString(row[owner]) === keyString(this.subject);
  }
}
