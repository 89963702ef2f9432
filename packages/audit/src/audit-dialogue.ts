import { judge, replayCalls, transcriptOf, type CallMismatch, type Domain, type LiveBackend, type Judgement, type ReplayedCalls, type StateDifference, type Transcript, type TranscriptMessage } from "@chatmill/domains";
import { Task } from "@chatmill/schema";

/** One dialogue re-judged: what its calls give when run again, and the outcome its task gives. */
export interface AuditReport {
  /** The dialogue's id, as it is. */
  id: unknown;
  domain: string;
  calls: number;
  /** Calls run again whose results were compared with the recorded ones. */
  compared: number;
  /** Recorded results the tools do not give when the calls run again (first 5; `mismatched` counts all). */
  mismatches: CallMismatch[];
  mismatched: number;
  /** Calls not run: an injected timeout or server error (the backend never saw them) or no recorded result. */
  failed_in_transit: number;
  unanswered: number;
  /** The outcome the checker computes from the scenario's task, when the dialogue has one. */
  judged?: { reward: number; state_match: boolean; differences: StateDifference[]; unsaid: string[]; task_errors: string[] };
  /** The outcome the dialogue carries. */
  recorded?: { goal_met: boolean; reward: number };
  /** No mismatch, and the recorded outcome (if any) equals the judged one (if any). */
  agrees: boolean;
  /** What disagrees, in words. */
  issues: string[];
}

const SHOWN = 5;

/**
 * Re-judges one dialogue from its messages and its scenario's task alone. Judged outcome and
 * recorded outcome agree when `goal_met` is true exactly when the judged reward is 1.
 */
export function auditDialogue(d: Record<string, unknown>, domain: Domain, domainName: string, backend?: LiveBackend): AuditReport {
  return auditInDetail(d, domain, domainName, backend).report;
}

/** The audit with what it computed on the way: the re-run calls and the judgement (measures read them, so nothing runs twice). */
export interface AuditDetail {
  report: AuditReport;
  transcript: Transcript;
  replayed: ReplayedCalls;
  task?: Task;
  judgement?: Judgement;
}

/**
 * With a backend (audit --backend), a live pack's calls re-run on it, so each tool message is
 * compared with what the backend answers (from a cassette: what it answered when recorded);
 * the judgement still re-runs them over the pack's tables, as dialogue-sim judged them, so the
 * recorded and judged outcomes are comparable.
 */
export function auditInDetail(d: Record<string, unknown>, domain: Domain, domainName: string, backend?: LiveBackend): AuditDetail {
  const messages = (Array.isArray(d.messages) ? d.messages : []) as TranscriptMessage[];
  const transcript = transcriptOf(messages, setupOf(d));
  const replayed = replayCalls(domain, transcript.calls, transcript.setup, transcript.messages, backend ? { backend } : {});
  const issues: string[] = [];
  if (replayed.setupErrors.length > 0) issues.push(`the dialogue's starting state cannot be rebuilt: setup call ${replayed.setupErrors[0]!.index} (${replayed.setupErrors[0]!.name}): ${replayed.setupErrors[0]!.error}`);
  if (replayed.mismatches.length > 0) {
    const first = replayed.mismatches[0]!;
    issues.push(`${replayed.mismatches.length} tool result(s) differ from a re-run, first call ${first.index} (${first.name})`);
  }
  const report: AuditReport = {
    id: d.id,
    domain: domainName,
    calls: transcript.calls.length,
    compared: replayed.compared,
    mismatches: replayed.mismatches.slice(0, SHOWN),
    mismatched: replayed.mismatches.length,
    failed_in_transit: replayed.failedInTransit,
    unanswered: replayed.unanswered,
    agrees: true,
    issues,
  };
  const outcome = d.outcome as { goal_met?: unknown; reward?: unknown } | undefined;
  if (outcome && typeof outcome.goal_met === "boolean" && typeof outcome.reward === "number") report.recorded = { goal_met: outcome.goal_met, reward: outcome.reward };
  const detail: AuditDetail = { report, transcript, replayed };
  const scenario = d.scenario as { task?: unknown } | undefined;
  if (scenario?.task !== undefined) {
    const task = Task.safeParse(scenario.task);
    if (!task.success) issues.push(`scenario.task is not a task: ${task.error.issues[0]?.message ?? "invalid"} at /scenario/task/${task.error.issues[0]?.path.join("/") ?? ""}`);
    else {
      const j = backend ? judge(domain, task.data.evaluation, transcript) : judge(domain, task.data.evaluation, transcript, replayed);
      detail.task = task.data;
      detail.judgement = j;
      report.judged = {
        reward: j.reward,
        state_match: j.state.match,
        differences: j.state.differences.slice(0, SHOWN),
        unsaid: j.communicate.filter((c) => !c.said).map((c) => c.info),
        task_errors: j.goldErrors.map((g) => `action ${g.index} (${g.name}): ${g.error}`),
      };
      if (j.goldErrors.length > 0) issues.push(`the task does not validate: ${report.judged.task_errors[0]}`);
      if (report.recorded && report.recorded.goal_met !== (j.reward === 1)) {
        issues.push(`recorded goal_met ${report.recorded.goal_met}, judged reward ${j.reward}${j.state.match ? "" : ` (${j.state.differences.length} row(s) differ from the expected end state)`}${report.judged.unsaid.length ? ` (not said: ${report.judged.unsaid.join("; ")})` : ""}`);
      }
    }
  }
  report.agrees = issues.length === 0;
  return detail;
}

/** The calls that built the dialogue's starting state: `meta.setup` as dialogue-sim records it. */
function setupOf(d: Record<string, unknown>): Array<{ name: string; arguments: Record<string, unknown> }> {
  const meta = d.meta as { setup?: unknown } | undefined;
  if (!Array.isArray(meta?.setup)) return [];
  return meta.setup.filter((c): c is { name: string; arguments: Record<string, unknown> } => !!c && typeof c === "object" && typeof (c as { name?: unknown }).name === "string" && !!(c as { arguments?: unknown }).arguments && typeof (c as { arguments?: unknown }).arguments === "object");
}
