import { meetsConstraint, type Domain, type LiveBackend, type TranscriptMessage } from "@chatmill/domains";
import type { Scenario } from "@chatmill/schema";
import { auditInDetail, type AuditReport } from "../audit-dialogue.js";
import { reasonStated, reasonValues } from "./reason-stated.js";
import { rowsShownToUser, type ShownRow } from "./shown-rows.js";
import { userEnding, type LabelledMessage } from "./user-ending.js";

type Constraint = Scenario["goal"]["constraints"][number];

/**
 * What issue #17's bars ask of one dialogue. Measures that need the scenario's task are
 * undefined without one; the rest read the scenario's goal and the messages.
 */
export interface DialogueMeasures {
  id: unknown;
  domain: string;
  category: string;
  /** The task's class by construction (`task.expected`, else the scenario's resolution): resolved, failed or escalated. */
  resolution: string;
  hasTask: boolean;
  /** (a) The audit's verdict (calls re-run, outcome re-judged) agrees with the dialogue's own outcome. */
  auditAgrees?: boolean;
  /** (b) The end state is the one the expected actions reach and every fact to communicate was said (whatever the reward basis). */
  reachedGold?: boolean;
  /**
   * (c) Rows the dialogue's re-run calls wrote whose final value is not the one the task's
   * expected actions leave them in: a write the gold does not make (a refused write never
   * lands, so a write the pack's policy forbids is one of these when it got through).
   */
  unexpectedWrites?: number;
  /** (d) Before the user's last message, the rows shown to it met every constraint of its goal. */
  satisfyingShown: boolean;
  /** (d) …and the user then ended unhappy: asked for a human (unless its task expects the hand-off) or gave up (userEnding). */
  unhappyAfterSatisfying: boolean;
  /** (e) The user's first two messages carry the task's intent or a value its reason names; undefined when there is nothing to check against. */
  reasonStated?: boolean;
  /** The audit report these were read from. */
  audit: AuditReport;
}

export function measureDialogue(d: Record<string, unknown>, domain: Domain, domainName: string, backend?: LiveBackend): DialogueMeasures {
  const detail = auditInDetail(d, domain, domainName, backend);
  const scenario = (d.scenario ?? {}) as { category?: string; resolution?: string; intent?: string; goal?: { constraints?: Constraint[] } };
  const messages = (Array.isArray(d.messages) ? d.messages : []) as Array<TranscriptMessage & LabelledMessage>;
  const constraints = scenario.goal?.constraints ?? [];
  const outcome = d.outcome as { resolution?: string } | undefined;
  const ending = userEnding(messages, outcome?.resolution);
  const satisfying = ending !== undefined && satisfiesEvery(constraints, rowsShownToUser(messages, domain).filter((r) => r.shownAt < ending.at), domain);
  const out: DialogueMeasures = {
    id: d.id,
    domain: domainName,
    category: scenario.category ?? "(none)",
    // The task's own class when it states one (tau tasks and scenario-gen's set `expected`), else the scenario's drawn resolution.
    resolution: String((detail.task as { expected?: unknown } | undefined)?.expected ?? scenario.resolution ?? "(none)"),
    hasTask: detail.task !== undefined,
    satisfyingShown: satisfying,
    // Asking for the person a task reserved to one expects (its expected ending is the hand-off) is not unhappiness.
    unhappyAfterSatisfying: satisfying && ending!.ending !== "content" && !(ending!.ending === "human" && (detail.task as { expected?: unknown } | undefined)?.expected === "escalated"),
    audit: detail.report,
  };
  const stated = reasonStated(messages, scenario.intent, reasonValues(detail.task, constraints));
  if (stated !== undefined) out.reasonStated = stated;
  const j = detail.judgement;
  if (j) {
    out.auditAgrees = detail.report.agrees;
    out.reachedGold = j.state.match && j.communicate.every((c) => c.said);
    const written = new Set(detail.replayed.session.writes.map((w) => `${w.table}\u0000${w.key}`));
    out.unexpectedWrites = j.state.differences.filter((x) => written.has(`${x.table}\u0000${x.key}`)).length;
  }
  return out;
}

/**
 * Whether shown rows meet every constraint, judged by the one matcher (meetsConstraint). A
 * constraint scoped to a table (its own, or its service's) needs a shown row of that table
 * meeting every constraint of that table and every unscoped one; a goal without constraints
 * asks for no row, so it is never satisfied by one.
 */
export function satisfiesEvery(constraints: ReadonlyArray<Constraint>, shown: ReadonlyArray<ShownRow>, domain: Domain): boolean {
  if (constraints.length === 0) return false;
  const tableOf = (c: Constraint): string | undefined => c.table ?? domain.services.find((s) => s.name === c.service)?.table;
  const unscoped = constraints.filter((c) => tableOf(c) === undefined);
  const tables = [...new Set(constraints.map(tableOf).filter((t): t is string => t !== undefined))];
  const meetsAll = (r: ShownRow, list: ReadonlyArray<Constraint>) => list.every((c) => meetsConstraint(r.row, c));
  if (tables.length === 0) return shown.some((r) => meetsAll(r, unscoped));
  return tables.every((t) => shown.some((r) => r.table === t && meetsAll(r, [...constraints.filter((c) => tableOf(c) === t), ...unscoped])));
}
