import type { Outcome, Scenario } from "@chatmill/schema";
import type { Domain, Row, Session } from "../contract.js";
import { cancelMark, valueMeets } from "@chatmill/domains";
import { agrees, meets, rowIndex } from "./rows.js";
import type { Trace } from "./offline/transcript.js";

type Check = { name: string; passed: boolean; detail?: string };

/**
 * tau-bench-like end-state check: the goal's constraints against what the user accepted, and
 * each expected fact against the session's final database state. Reward is the share passed.
 */
export function checkOutcome(scenario: Scenario, domain: Domain, session: Session, trace: Trace): Outcome {
  const checks: Check[] = [];
  const goal = scenario.goal;
  const accepted = trace.accepted;

  const bookedBy = new Map<string | undefined, Row[]>();
  for (const c of goal.constraints) {
    const table = c.table ?? domain.services.find((s) => s.name === c.service)?.table;
    const candidates = accepted.filter((a) => !table || a.table === table);
    let booked = bookedBy.get(c.service);
    if (!booked) bookedBy.set(c.service, (booked = bookedRows(session, domain, c.service)));
    const passed = candidates.some((a) => meets(a.row, c)) || booked.some((r) => meets(r, c));
    checks.push({ name: `constraint ${c.field} ${c.op} ${JSON.stringify(c.value)}`, passed, ...(passed ? {} : { detail: candidates.length ? "the accepted item does not meet it" : "no item was accepted" }) });
  }

  for (const e of goal.end_state) {
    const service = domain.services.find((s) => s.name === e.service);
    let passed = false;
    let detail: string | undefined;
    switch (e.type) {
      case "booking_created":
      case "booking_modified":
      case "booking_cancelled": {
        const ref = trace.refs.get(e);
        const written = bookingTable(domain, service, e.type);
        const row = ref && written ? session.rows(written).find((r) => String(r[domain.keyOf(written)]) === ref) : undefined;
        if (!row) {
          detail = "no such booking in the final state";
          break;
        }
        // Cancelled means the state the service's cancel tool declares (its status field and value), not a word in it.
        const cancelled = cancelState(domain, service);
        const isCancelled = cancelled !== undefined && valueMeets(row[cancelled.field], { op: "eq", value: cancelled.value });
        if (e.type === "booking_cancelled") passed = isCancelled;
        else passed = !isCancelled && agrees(row, withoutVenueKey(e.match, domain, service));
        if (e.type === "booking_created" && passed) passed = session.writes.some((w) => w.op === "insert" && w.key === ref);
        if (e.type === "booking_modified" && passed) passed = session.writes.some((w) => w.op === "update" && w.key === ref);
        if (!passed) detail = `booking ${ref} does not show it`;
        break;
      }
      case "item_recommended": {
        const table = e.table ?? service?.table;
        passed = accepted.some((a) => (!table || a.table === table) && agrees(a.row, e.match));
        if (!passed) detail = "the user accepted no matching item";
        break;
      }
      case "info_provided": {
        const table = e.table ?? service?.table;
        passed = !trace.gaveUp && !trace.escalated && [...trace.infoShown].some((k) => !table || k.startsWith(`${table}\u0000`) || k.startsWith("topic\u0000"));
        if (!passed) detail = "nothing the user asked about was shown";
        break;
      }
      case "escalated":
        passed = trace.escalated;
        break;
      default:
        detail = `unknown expectation '${e.type}'`;
    }
    checks.push({ name: `${e.type}${e.service ? ` (${e.service})` : ""}`, passed, ...(detail ? { detail } : {}) });
  }

  const passedCount = checks.filter((c) => c.passed).length;
  const goalMet = checks.length > 0 ? passedCount === checks.length : !trace.gaveUp && !trace.escalated;
  const resolution = trace.escalated ? "escalated" : goalMet && !trace.gaveUp ? "resolved" : "failed";
  const reward = checks.length > 0 ? round(passedCount / checks.length) : goalMet ? 1 : 0;
  const reason = trace.escalated
    ? "the user asked for a person and the assistant escalated"
    : trace.gaveUp
      ? "the user gave up before the goal was reached"
      : goalMet
        ? "every constraint and expected end state holds"
        : "some checks failed";
  return { resolution, goal_met: goalMet && resolution === "resolved", reward: resolution === "resolved" ? reward : Math.min(reward, 0.99), checks, reason };
}

function round(x: number): number {
  return Math.round(x * 1000) / 1000;
}

/** The table a booking tool writes, from the service's create/modify/cancel tool. */
export function bookingTable(domain: Domain, service: { booking?: { create: string; cancel?: string; modify?: string } } | undefined, type: string): string | undefined {
  const b = service?.booking;
  if (!b) return undefined;
  const name = type === "booking_cancelled" ? b.cancel ?? b.create : type === "booking_modified" ? b.modify ?? b.create : b.create;
  const tool = domain.pack.tools.find((t) => t.function.name === name);
  return (tool?.run as { table?: string } | undefined)?.table;
}

/** The field and value the service's cancel tool sets (its run's status_field and value, defaults status/cancelled). */
export function cancelState(domain: Domain, service: { booking?: { cancel?: string } } | undefined): { field: string; value: string } | undefined {
  const name = service?.booking?.cancel;
  const run = name ? domain.pack.tools.find((t) => t.function.name === name)?.run : undefined;
  if (run?.op !== "cancel") return undefined;
  return cancelMark(run);
}

/** The expectation's venue key names the venue, not the booking: leave it out of the row comparison. */
function withoutVenueKey(match: Record<string, unknown> | undefined, domain: Domain, service: { table?: string } | undefined): Record<string, unknown> | undefined {
  if (!match || !service?.table) return match;
  const key = domain.keyOf(service.table);
  const { [key]: _venue, ...rest } = match;
  return rest;
}

function bookedRows(session: Session, domain: Domain, serviceName: string | undefined): Row[] {
  const service = domain.services.find((s) => s.name === serviceName);
  const table = bookingTable(domain, service, "booking_created");
  if (!table || !service?.table) return [];
  const index = rowIndex(domain, service.table);
  const venueField = refField(domain, service.booking?.create);
  const out: Row[] = [];
  for (const w of session.writes) {
    if (w.table !== table || w.op !== "insert" || !w.row) continue;
    // The venue behind the booking, so "a cheap hotel in the north" is checked on the hotel:
    // the field the create tool fills from its `ref` argument.
    const ref = venueField ? w.row[venueField] : undefined;
    const venue = index.get(String(ref));
    if (venue) out.push(venue);
  }
  return out;
}

/** The field of a created row that holds the referenced venue's key: the `set` field filled from `ref.arg`. */
function refField(domain: Domain, create: string | undefined): string | undefined {
  const run = create ? domain.pack.tools.find((t) => t.function.name === create)?.run : undefined;
  if (run?.op !== "create" || !run.ref) return undefined;
  const arg = run.ref.arg;
  return Object.entries(run.set).find(([, src]) => "arg" in src && src.arg === arg)?.[0];
}
