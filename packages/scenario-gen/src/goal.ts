import { meetsConstraint, nameFieldOf, nameOf, sayableName, type Domain, type FieldCondition, type Row, type ServiceInfo } from "@chatmill/domains";
import type { Rng } from "@chatmill/kit";
import type { Persona, Scenario } from "@chatmill/schema";
import type { Constraint, Expectation } from "./types.js";
import { addDays, bookingValue, changeable, changedValue, type BookingContext } from "./booking-values.js";
import { categoryKind, type CategoryKind } from "./categories.js";
import { constraintsFrom, impossibleConstraints, pickRow, usable } from "./constraints.js";
import { article, describeBooking, describeThing, display } from "./phrases.js";
import { clauseFor, fieldSaying, goalText, moneyOf, nounsOf, tableNouns } from "./goal-words.js";

/** What the user wants from one service of the scenario. */
export interface ServicePlan {
  service: string;
  kind: CategoryKind;
  table?: string;
  key?: string;
  row?: Row;
  constraints: Constraint[];
  /** Booking fields and values (create), or the new values (modify). */
  booking?: Record<string, unknown>;
  /** For modify/cancel/issue: the booking that exists before the dialogue. */
  existing?: Record<string, unknown>;
  /** The existing booking was cancelled before the dialogue: a change to it is refused (a failed task). */
  closed?: boolean;
  /** Words for the thing: "a cheap Italian restaurant in the centre". */
  thing: string;
  /** The clause in the infinitive: "book a table at … for 4 people on Saturday at 19:30". */
  clause: string;
}

export type GoalData = Scenario["goal"] & {
  constraints: Constraint[];
  end_state: Expectation[];
  /** The real rows the constraints were taken from: one way to reach the goal. */
  targets: Array<{ service: string; table: string; id: string }>;
  /** Bookings that exist before the dialogue starts (to modify, cancel or complain about); `closed` ones were cancelled before it. */
  setup?: Array<{ type: "booking"; service: string; table?: string; match: Record<string, unknown>; closed?: boolean }>;
};

export interface PlanInput {
  domain: Domain;
  persona: Persona;
  services: string[];
  category: string;
  /** The scenario's date (YYYY-MM-DD). */
  date: string;
  rng: Rng;
  currency: string;
  /**
   * The ending the task is built for: "failed" makes the primary request one the data refuses
   * (constraints no row meets together, or a change to a booking cancelled before the dialogue).
   */
  ending?: "resolved" | "failed" | "escalated";
}

/** Plans each service (rows, constraints, booking values), then writes the goal as words and as data. */
export function buildGoal(input: PlanInput): { data: GoalData; plans: ServicePlan[] } {
  const { domain, services, category, rng } = input;
  const plans: ServicePlan[] = [];
  const places: string[] = [];
  services.forEach((name, i) => {
    const info = domain.services.find((s) => s.name === name)!;
    const primaryKind = categoryKind(domain, category);
    // Other services are what the trip also needs: book them when they can be booked.
    const kind: CategoryKind = i === 0 ? primaryKind : info.booking ? "create" : "info";
    plans.push(planService(info, kind, i === 0 ? category : undefined, input, rng.fork(`service:${i}`), places, i === 0 && input.ending === "failed"));
  });

  const constraints = plans.flatMap((p) => p.constraints);
  // A catalog domain (one that recommends) ends a "find" in a recommendation; a travel one in an answer.
  const recommends = domain.intents.includes("recommend");
  const end_state: Expectation[] = plans.map((p) => expectation(p, category, recommends));
  const setup = plans.filter((p) => p.existing).map((p) => ({ type: "booking" as const, service: p.service, ...(p.table ? { table: p.table } : {}), match: p.existing!, ...(p.closed ? { closed: true } : {}) }));
  const targets = plans.filter((p) => p.row && p.table && p.key).map((p) => ({ service: p.service, table: p.table!, id: String(p.row![p.key!]) }));
  const data: GoalData = { text: goalText(plans, rng.fork("text")), constraints, end_state, targets, ...(setup.length > 0 ? { setup } : {}) };
  return { data, plans };
}

/**
 * What the service's create tool demands of the row it books (its run's `ref.where`: a flight
 * still on sale, a hotel that takes bookings): a scenario is grounded in a row the pack itself
 * would book, whatever its status field is called. No create tool, or none that says: any row.
 */
export function bookableRow(domain: Domain, info: ServiceInfo): (row: Row) => boolean {
  // A test double may carry no pack: then no tool demands anything.
  const create = info.booking?.create !== undefined ? domain.pack?.tools?.find((t) => t.function.name === info.booking!.create) : undefined;
  const ref = (create?.run as { ref?: { table?: string; where?: FieldCondition[] } } | undefined)?.ref;
  const where = ref && (ref.table === undefined || ref.table === info.table) ? (ref.where ?? []) : [];
  return (row) => where.every((c) => meetsConstraint(row, c));
}

function planService(info: ServiceInfo, kind: CategoryKind, category: string | undefined, input: PlanInput, rng: Rng, places: string[], infeasible = false): ServicePlan {
  const { domain, persona } = input;
  const plan: ServicePlan = { service: info.name, kind, constraints: [], thing: "", clause: "" };
  const refers = kind === "modify" || kind === "cancel" || kind === "issue";
  let named = false;
  if (info.table) {
    const row = pickRow(rowsAbout(domain, info.table, category), info.searchFields, rng, bookableRow(domain, info));
    if (row) {
      plan.table = info.table;
      plan.key = domain.keyOf(info.table);
      plan.row = row;
      const where = { service: info.name, table: info.table };
      const nameField = nameFieldOf(row, domain.titleOf(info.table));
      const moneyField = domain.offline.display?.[info.table]?.price;
      if (refers) {
        // The user refers to a place they already booked or bought: by its name, or by what identifies it.
        plan.constraints = nameField
          ? [{ field: nameField, op: "eq", value: row[nameField], ...where }]
          : info.searchFields.filter((f) => usable(row[f]) && !Array.isArray(row[f])).slice(0, 4).map((field) => ({ field, op: "eq" as const, value: row[field], ...where }));
        named = nameField !== undefined;
      } else {
        plan.constraints = constraintsFrom(row, info.searchFields, rng, where, nameField, moneyField);
        // A request nothing in the data meets: real values that no row has together.
        if (infeasible) plan.constraints = impossibleConstraints(domain.table(info.table), plan.constraints, info.searchFields, rng.fork("infeasible"), where, nameField, moneyField) ?? plan.constraints;
        named = plan.constraints.length === 1 && plan.constraints[0]!.field === nameField;
      }
      if (nameField) places.push(display(String(row[nameField])));
    }
  }
  const bctx: BookingContext = {
    rng: rng,
    date: addDays(input.date, rng.int(kind === "create" ? 0 : 1, 10)),
    places: info.table ? places.slice(-2) : withOtherPlaces(places.slice(-2), domain, info, rng),
    ...(persona.name ? { personaName: persona.name } : {}),
    ...(plan.row ? { row: plan.row } : {}),
  };
  const values: Record<string, unknown> = {};
  for (const field of info.booking?.fields ?? []) {
    const v = bookingValue(field, info, domain, bctx);
    if (v !== undefined) values[field] = v;
  }
  if (info.booking && kind === "create") plan.booking = values;
  if (info.booking && refers) {
    // A change the data refuses: the booking was cancelled before the conversation.
    if (infeasible && (kind === "modify" || kind === "cancel") && info.booking.cancel) plan.closed = true;
    plan.existing = { ...(plan.row && plan.key ? { [plan.key]: plan.row[plan.key] } : {}), ...values };
    if (kind === "modify") {
      // The fields the category's change is to (its declared `changes`: a new pick-up point), else any but the guest's own name.
      const declared = category ? domain.category(category)?.changes : undefined;
      const fields = Object.keys(values).filter((f) => (declared ? declared.includes(f) : changeable(f, info)));
      // The change is to one field, drawn; when that field has no other value to move to, to the next one that has.
      const first = fields.length > 0 ? fields.indexOf(rng.pick(fields)) : 0;
      const ctx: BookingContext = { ...bctx, otherPlaces: withOtherPlaces([], domain, info, rng.fork("other places")) };
      for (let i = 0; i < fields.length && !plan.booking; i++) {
        const field = fields[(first + i) % fields.length]!;
        const next = changedValue(field, values[field], info, domain, i === 0 ? ctx : { ...ctx, rng: ctx.rng.fork(`change-field:${i}`) });
        if (next !== undefined) plan.booking = { [field]: next };
      }
    }
  }
  const nouns = nounsOf(domain);
  if (info.table) {
    const nameField = plan.row ? nameFieldOf(plan.row, domain.titleOf(info.table)) : undefined;
    plan.thing = describeThing(info.name, plan.constraints, rng, { currency: input.currency, table: info.table, nouns, ...tableNouns(domain, info.table), ...moneyOf(domain, info.table), ...(nameField ? { nameField } : {}), say: fieldSaying(domain), definite: refers, named });
  } else if (info.booking) {
    const noun = rng.pick(nouns[info.name] ?? [sayableName(domain, info.name) ?? "booking"]);
    plan.thing = `${refers ? "the" : article(noun)} ${noun} ${describeBooking(values, fieldSaying(domain), info.booking.values)}`.trim();
  } else {
    // A service with neither venues nor bookings asks about what the pack's first service with a table holds: its words for one (the service's, else its table's display nouns).
    const holder = domain.services.find((s) => s.table);
    const noun = rng.pick((holder ? (nouns[holder.name] ?? tableNouns(domain, holder.table!).tableNouns) : undefined) ?? ["system"]);
    plan.thing = `the ${noun}s`;
  }
  plan.clause = clauseFor(plan, info, category, domain, named, rng);
  return plan;
}

/** The rows a category's requests are about: the table's rows that meet the category's declared `where` (all of them without one). */
function rowsAbout(domain: Domain, table: string, category: string | undefined): readonly Row[] {
  const rows = domain.table(table);
  const where = category ? domain.category(category)?.where : undefined;
  return where ? rows.filter((r) => where.every((w) => meetsConstraint(r, w))) : rows;
}

/**
 * A service with no venues of its own (a taxi) goes between places: the scenario's, or other
 * real ones, drawn from the tables its place fields declare (booking.values.<field>.among), each
 * said by its table's title.
 */
function withOtherPlaces(places: string[], domain: Domain, info: ServiceInfo, rng: Rng): string[] {
  const out = places.slice();
  const tables = [...new Set(Object.values(info.booking?.values ?? {}).flatMap((v) => (v.kind === "place" ? (v.among ?? []) : [])))];
  for (let i = 0; out.length < 2 && tables.length > 0 && i < 20; i++) {
    const table = rng.pick(tables);
    const called = nameOf(rng.pick(domain.table(table)), domain.titleOf(table));
    const name = called !== undefined ? display(called) : undefined;
    if (name && !out.includes(name)) out.push(name);
  }
  return out;
}

function expectation(plan: ServicePlan, category: string, recommends: boolean): Expectation {
  const where = { service: plan.service, ...(plan.table ? { table: plan.table } : {}) };
  switch (plan.kind) {
    case "create":
      if (plan.booking) return { type: "booking_created", ...where, match: plan.booking };
      return { type: recommends ? "item_recommended" : "info_provided", ...where };
    case "cancel":
      return plan.existing ? { type: "booking_cancelled", ...where, match: plan.existing } : { type: "info_provided", ...where, topic: category };
    case "modify":
      return plan.booking ? { type: "booking_modified", ...where, match: plan.booking } : { type: "info_provided", ...where, topic: category };
    case "issue":
      return { type: "info_provided", ...where, topic: category };
    default:
      return { type: "info_provided", ...where };
  }
}

