import { POLICY_REFUSALS } from "@chatmill/domains";
import { judgeGrounded, type Evidence } from "./grounded.js";
import type { EntryIndex } from "./mentions.js";
import { progressOf, provenance, round, type GoalView, type Known } from "./progress.js";
import { requestFit } from "./request.js";
import { checkArguments } from "./schema-check.js";
import type { ToolInfo } from "./tool-info.js";
import { ENVIRONMENT_FAULTS, listOf, NOT_EXECUTED, objectsIn, parseJson } from "./executor.js";
import type { CallLike, Grade, Obj, ToolResult } from "./types.js";

/** Weights of the success_rate formula (README: "How a call is graded"). */
export const WEIGHTS = { schema_valid: 0.15, executed: 0.15, ok: 0.25, grounded: 0.2, progress: 0.25 } as const;

export const FORMULA =
  "success_rate = 0.15·schema_valid + 0.15·executed + 0.25·K + 0.20·G + 0.25·progress, K = 1 ok, 0.5 failed through the environment (timeout, server error, unreachable host), 0 otherwise; G = 0 when an item, amount or count the reply states is unsupported, else the share of its other numbers and catalog values a result supports, at most 0.5 when the reply uses nothing this result shows, 0.5 when no reply follows";

export interface GradeInput {
  /** The call graded; undefined for output that is not a parsable call (format defects). */
  call?: CallLike;
  info?: ToolInfo;
  /** Its result on the state at that point; undefined when it could not be run. */
  result?: ToolResult;
  /** For a call the dialogue recorded: whether its recorded result was ok (an injected failure is not). */
  recorded?: { ok: boolean; error?: { type: string; message: string }; injected?: string; content?: string };
  /** The assistant text that follows the result (null when none follows). */
  reply: string | null;
  /** Objects of the earlier results in the dialogue (what the reply may also refer to). */
  context: Obj[];
  goal: GoalView;
  /** The call repeats an earlier successful call with no change of state between. */
  repeat: boolean;
  index: EntryIndex;
  extra?: EntryIndex;
  /** What the user's latest message asks for (domain terms and named items). */
  request?: { words: string[]; ids: Array<{ id: string; name?: string }> };
  /** Earlier results as lower-case text. */
  contextText?: string;
  /** What the dialogue has shown so far (user words, earlier results, goal values): where arguments may come from. */
  known?: Known;
  /** The domain's catalog values, checked in the reply like items and numbers. */
  values?: Map<string, Set<string>>;
}

/**
 * Grades one tool call from checks a program ran: its arguments against the tool's JSON
 * Schema, its execution on the recorded state, the reply against its result, and its
 * progress toward the goal. Never random: the same input gives the same grade.
 */
export function gradeCall(input: GradeInput): Grade {
  const notes: string[] = [];
  let schemaValid = false;
  if (input.call && input.info) {
    const bad = checkArguments(input.info.parameters, input.call.arguments);
    schemaValid = bad === null;
    if (bad) notes.push(`arguments: ${bad}`);
  } else if (input.call) notes.push(`no tool named '${input.call.name}' is offered`);
  else notes.push("not a parsable tool call");
  const r = input.result;
  const executed = Boolean(r && !(r.error && NOT_EXECUTED.has(r.error.type)));
  // ok is the re-run's: an injected failure (timeout, server error) is the environment's, not
  // the call's, so the call is graded on the re-run; the recorded failure stays in the dialogue.
  const ok = Boolean(executed && r?.ok);
  if (r && !r.ok && r.error) notes.push(`${r.error.type}: ${r.error.message}`);
  // A right call the environment did not answer (the host is unreachable, the service timed out)
  // is not a wrong call: half the ok weight, and its progress is what its arguments carry.
  const environment = Boolean(executed && r && !r.ok && r.error && ENVIRONMENT_FAULTS.has(r.error.type));
  if (environment) notes.push("failed through the environment, not its arguments: graded on what the call asks");
  const refused = schemaValid && executed && !ok && !environment && isRefusal(r?.error?.type) && input.call !== undefined && input.known !== undefined && allGiven(input.call.arguments, input.known);
  if (refused) notes.push("refused by the data's state, with arguments the dialogue gave: the data's answer to a right call, not the assistant's mistake");
  const recordedFailed = Boolean(input.recorded && !input.recorded.ok);
  if (recordedFailed && ok) {
    const why = input.recorded!.injected ? `injected ${input.recorded!.injected}` : input.recorded!.error ? input.recorded!.error.type : "failed";
    notes.push(`the recorded result failed (${why}); graded on the re-run, which succeeds`);
  }
  const data = r ? (r.data !== undefined ? r.data : parseJson(r.content)) : undefined;
  const total = data && typeof data === "object" && typeof (data as Obj).total === "number" ? ((data as Obj).total as number) : undefined;
  const fixed = (input.info?.run as Obj | undefined)?.op === "static";
  const evidence: Evidence | null = r ? { ok, rows: listOf(data, input.info?.rowsAt), objects: objectsIn(data), ...(r.ok ? { text: r.content.toLowerCase() } : {}), ...(total !== undefined ? { total } : {}), ...(fixed ? { fixed } : {}) } : null;
  // What the call itself names (the agent it ran on, the item it checked) the reply may name too.
  const named = input.call ? Object.entries(input.call.arguments).flatMap(([k, v]) => (Array.isArray(v) ? v : [v]).filter((x) => typeof x === "string").map((x) => ({ [k]: x }) as Obj)) : [];
  // The reply answers the result the assistant saw: the recorded one when the dialogue has it
  // (an injected partial list, a timeout), else the re-run.
  const seen = input.recorded?.content !== undefined ? { ...seenEvidence(input.recorded.content, input.recorded.ok, input.info?.rowsAt), ...(fixed ? { fixed } : {}) } : evidence;
  const g = judgeGrounded(
    input.reply,
    seen,
    { context: input.context, text: input.contextText ?? "", named, ...(input.values ? { values: input.values } : {}), ...(input.known ? { saidNumber: (n: number) => input.known!.has(n), said: (x: string) => input.known!.has(x) } : {}) },
    input.index,
    input.extra,
  );
  notes.push(...g.notes.map((n) => `reply ${n}`));
  const progress = input.call && executed ? progressOf(input.call, input.info, ok || environment, ok ? evidence?.rows : undefined, input.goal, input.repeat, notes, input.known, input.request ? requestFit(input.call.arguments, input.request, notes) : undefined) : 0;
  // A supported reply that uses nothing this result shows (it answers another result, or none)
  // checks nothing against it: as when no reply follows.
  if (g.grounded !== null && g.drawn === false) notes.push("reply uses nothing this result shows");
  const support = g.support ?? (g.grounded ? 1 : 0);
  const G = g.grounded === null ? 0.5 : g.drawn === false ? Math.min(0.5, support) : support;
  const success =
    WEIGHTS.schema_valid * +schemaValid + WEIGHTS.executed * +executed + WEIGHTS.ok * (ok ? 1 : environment ? 0.5 : 0) + WEIGHTS.grounded * G + WEIGHTS.progress * progress;
  notes.push(FORMULA);
  return {
    schema_valid: schemaValid,
    executed,
    ok,
    ...(recordedFailed ? { recorded_ok: false } : {}),
    grounded: g.grounded,
    support: round(G),
    ...(environment ? { environment_failure: true } : {}),
    ...(refused ? { refused: true } : {}),
    progress: round(progress),
    success_rate: round(success),
    notes,
  };
}

/**
 * Errors that are not the data refusing a right call: the record was not found (a wrong id or
 * table is the caller's), the engine failed, nothing was sent, or the pack's policy refused a call
 * made before it allowed it (POLICY_REFUSALS: no identified customer, no consent — the caller's
 * mistake). Every other error of an executed, schema-valid call is the data refusing it: a state
 * the record is in (already cancelled, delivered), no space left, a pack's own require check.
 */
const NOT_REFUSALS = new Set(["not_found", "internal_error", "read_only", ...POLICY_REFUSALS]);
const isRefusal = (type: string | undefined) => type !== undefined && !NOT_REFUSALS.has(type);

/** Every checkable argument value came from the dialogue (provenance 1), or none can be checked. */
function allGiven(args: Obj, known: Known): boolean {
  const share = provenance(args, known, []);
  return share === undefined || share === 1;
}

function seenEvidence(content: string, ok: boolean, rowsAt: string | undefined): Evidence {
  const data = parseJson(content);
  const total = data && typeof data === "object" && typeof (data as Obj).total === "number" ? ((data as Obj).total as number) : undefined;
  return { ok, rows: listOf(data, rowsAt), objects: ok ? objectsIn(data) : [], ...(ok ? { text: content.toLowerCase() } : {}), ...(total !== undefined ? { total } : {}) };
}

