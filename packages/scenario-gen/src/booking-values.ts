import type { Domain, Row, ServiceInfo } from "@chatmill/domains";
import type { Rng } from "@chatmill/kit";
import type { BookingValue } from "@chatmill/schema";
import { isClockPattern } from "@chatmill/domains";

/** What a booking field's value can be drawn from. */
export interface BookingContext {
  rng: Rng;
  /** The booking's date (YYYY-MM-DD), on or after the scenario's date. */
  date: string;
  personaName?: string;
  /** The venue/item row the booking is for, when the service has a table. */
  row?: Row;
  /** Names of the other places in this scenario (taxi from the hotel to the restaurant). */
  places: string[];
  /** Other real places a change can move a place field to (a new pick-up point). */
  otherPlaces?: string[];
}

const PEOPLE_WEIGHTS: Record<string, number> = { 1: 15, 2: 35, 3: 15, 4: 20, 5: 6, 6: 5, 7: 2, 8: 2 };
const WEEKDAYS = ["sunday", "monday", "tuesday", "wednesday", "thursday", "friday", "saturday"];

// Calendar arithmetic on day numbers (H. Hinnant's civil-from-days), without Date objects.
function dayNumber(date: string): number {
  let y = Number(date.slice(0, 4));
  const m = Number(date.slice(5, 7));
  const d = Number(date.slice(8, 10));
  y -= m <= 2 ? 1 : 0;
  const era = Math.floor(y / 400);
  const yoe = y - era * 400;
  const doy = Math.floor((153 * (m + (m > 2 ? -3 : 9)) + 2) / 5) + d - 1;
  const doe = yoe * 365 + Math.floor(yoe / 4) - Math.floor(yoe / 100) + doy;
  return era * 146097 + doe - 719468;
}

function dateOf(z: number): string {
  z += 719468;
  const era = Math.floor(z / 146097);
  const doe = z - era * 146097;
  const yoe = Math.floor((doe - Math.floor(doe / 1460) + Math.floor(doe / 36524) - Math.floor(doe / 146096)) / 365);
  const doy = doe - (365 * yoe + Math.floor(yoe / 4) - Math.floor(yoe / 100));
  const mp = Math.floor((5 * doy + 2) / 153);
  const d = doy - Math.floor((153 * mp + 2) / 5) + 1;
  const m = mp + (mp < 10 ? 3 : -9);
  const y = yoe + era * 400 + (m <= 2 ? 1 : 0);
  return `${String(y).padStart(4, "0")}-${String(m).padStart(2, "0")}-${String(d).padStart(2, "0")}`;
}

export function weekday(date: string): string {
  return WEEKDAYS[(((dayNumber(date) + 4) % 7) + 7) % 7]!;
}

export function addDays(date: string, days: number): string {
  return dateOf(dayNumber(date) + days);
}

/** Days from `from` to `to` (YYYY-MM-DD). */
export function daysBetween(from: string, to: string): number {
  return dayNumber(to) - dayNumber(from);
}

/** The JSON Schema of a tool argument, from the pack's tool definitions. */
export function argSchema(domain: Domain, tool: string | undefined, field: string): Record<string, unknown> | undefined {
  if (!tool) return undefined;
  const def = domain.tools.find((t) => t.function.name === tool);
  const props = def?.function.parameters.properties as Record<string, Record<string, unknown>> | undefined;
  return props?.[field];
}

/**
 * A value for one booking field, as the pack declares it (`booking.values`: a weekday, a time
 * of day, a party size, …) and typed as the create tool's JSON Schema asks (enum, integer,
 * string). A field with no declaration takes one from that schema (an enum value, a date, an
 * HH:MM time, a number within its bounds) or the booked row's field of the same name.
 * Undefined when nothing sensible can be said, and the field is then left out of the expected end state.
 */
export function bookingValue(field: string, service: ServiceInfo, domain: Domain, ctx: BookingContext): unknown {
  const schema = argSchema(domain, service.booking?.create, field);
  const declared = service.booking?.values?.[field];
  let value = declared ? declaredValue(declared, ctx) : schemaValue(schema, ctx);
  if (value === undefined && ctx.row && ctx.row[field] !== undefined && ctx.row[field] !== "?") value = ctx.row[field];
  if (Array.isArray(schema?.enum) && schema.enum.length > 0 && !schema.enum.includes(value)) value = ctx.rng.pick(schema.enum);
  return typed(value, schema);
}

/** Whether a modification may change this field: a guest's own name is not something a booking change is about. */
export function changeable(field: string, service: ServiceInfo): boolean {
  return service.booking?.values?.[field]?.kind !== "guest_name";
}

function declaredValue(v: BookingValue, ctx: BookingContext): unknown {
  switch (v.kind) {
    case "weekday":
      return weekday(ctx.date);
    case "date":
      return ctx.date;
    case "time":
      return clock(ctx.rng, v.hours);
    case "party":
      return Number(ctx.rng.weighted(PEOPLE_WEIGHTS));
    case "count":
      return ctx.rng.int(v.between[0], v.between[1]);
    case "guest_name":
      return ctx.personaName;
    case "place":
      return v.end === "from" ? ctx.places[0] : (ctx.places[1] ?? ctx.places[0]);
  }
}

/** A value from the create tool's schema alone: a date, a time of day, a number within its bounds (an enum is picked by the caller). */
function schemaValue(schema: Record<string, unknown> | undefined, ctx: BookingContext): unknown {
  if (!schema) return undefined;
  if (schema.format === "date") return ctx.date;
  if (schema.format === "time" || (typeof schema.pattern === "string" && isClockPattern(schema.pattern))) return clock(ctx.rng, [6, 22]);
  if (schema.type === "integer" || schema.type === "number") {
    const lo = Math.max(1, typeof schema.minimum === "number" ? Math.ceil(schema.minimum) : 1);
    return ctx.rng.int(lo, Math.max(lo, Math.min(lo + 4, typeof schema.maximum === "number" ? Math.floor(schema.maximum) : lo + 4)));
  }
  return undefined;
}

/** A different value for a field a modification changes. */
export function changedValue(field: string, old: unknown, service: ServiceInfo, domain: Domain, ctx: BookingContext): unknown {
  for (let i = 0; i < 6; i++) {
    const v = bookingValue(field, service, domain, { ...ctx, rng: ctx.rng.fork(`change:${i}`), date: addDays(ctx.date, i + 1) });
    if (v !== undefined && JSON.stringify(v) !== JSON.stringify(old)) return v;
  }
  // A place field takes its value from the scenario's places: a change moves one of them to another real place.
  // Never to a place the booking already names (a pick-up moved to its own drop-off).
  for (const alt of (ctx.otherPlaces ?? []).filter((p) => !ctx.places.includes(p))) {
    for (const at of [0, 1]) {
      const places = ctx.places.slice();
      places[at] = alt;
      const v = bookingValue(field, service, domain, { ...ctx, places });
      if (v !== undefined && JSON.stringify(v) !== JSON.stringify(old)) return v;
    }
  }
  return undefined;
}

function clock(rng: Rng, [from, to]: [number, number]): string {
  const h = rng.int(from, to);
  const m = rng.pick([0, 0, 15, 30, 30, 45]);
  return `${String(h).padStart(2, "0")}:${String(m).padStart(2, "0")}`;
}

function typed(value: unknown, schema: Record<string, unknown> | undefined): unknown {
  if (value === undefined || !schema) return value;
  const type = schema.type;
  if ((type === "integer" || type === "number") && typeof value === "string" && /^-?\d+(\.\d+)?$/.test(value)) return Number(value);
  if (type === "string" && typeof value === "number") return String(value);
  return value;
}
