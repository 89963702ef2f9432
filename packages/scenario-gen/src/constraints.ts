import { meetsConstraint, type Row } from "@chatmill/domains";
import type { Rng } from "@chatmill/kit";
import type { Constraint } from "./types.js";

/** How many search fields a user states: mostly two, sometimes one or three. */
const CONSTRAINT_COUNT: Record<string, number> = { 1: 30, 2: 45, 3: 25 };

/** A value a user could state as a constraint: short text, a number, a flag or a list of short texts. */
export function usable(value: unknown): boolean {
  if (typeof value === "string") return value.trim() !== "" && value !== "?" && value.length <= 60;
  if (typeof value === "number") return Number.isFinite(value);
  if (typeof value === "boolean") return value; // people ask for "eco-friendly", not for "not eco-friendly"
  if (Array.isArray(value)) return value.some((v) => typeof v === "string" && v.trim() !== "" && v.length <= 40);
  return false;
}

/**
 * A real row of the table to ground the goal in: among a few random draws, the first
 * that is bookable and has at least one stateable search field, so a resolved scenario is
 * achievable against the pack's database. `bookable`: what the pack's own create tool demands
 * of the row it books (bookableRow); no field is read as a status by its name.
 */
export function pickRow(rows: readonly Row[], searchFields: readonly string[], rng: Rng, bookable: (row: Row) => boolean = () => true): Row | undefined {
  if (rows.length === 0) return undefined;
  let fallback: Row | undefined;
  for (let i = 0; i < 16; i++) {
    const row = rng.pick(rows);
    const stateable = searchFields.some((f) => usable(row[f]));
    if (stateable && bookable(row)) return row;
    if (stateable && !fallback) fallback = row;
  }
  return fallback ?? rng.pick(rows);
}

/**
 * 1–3 of the row's search fields as constraints the row satisfies (`nameField`: what the row is
 * called, see nameFieldOf; `moneyField`: the table's declared price field, display.price, whose
 * amount becomes a cap — a field is never taken for money by its name).
 */
export function constraintsFrom(row: Row, searchFields: readonly string[], rng: Rng, where: { service: string; table: string }, nameField?: string, moneyField?: string): Constraint[] {
  let fields = rng.shuffle(searchFields.filter((f) => usable(row[f])));
  // A user names a place ("book pizza hut") or describes it ("cheap Italian in the centre"), rarely both.
  if (fields.length > 1 && fields[0] === nameField) fields = fields.slice(0, 1);
  else fields = fields.filter((f) => f !== nameField || fields.length === 1);
  const k = Math.min(fields.length, Number(rng.weighted(CONSTRAINT_COUNT)));
  const out: Constraint[] = [];
  for (const field of fields.slice(0, k)) {
    const v = row[field];
    if (Array.isArray(v)) {
      const items = v.filter((x): x is string => typeof x === "string" && x.trim() !== "" && x.length <= 40);
      out.push({ field, op: "contains", value: rng.pick(items), ...where });
    } else if (field === moneyField && numeric(v) !== undefined) {
      out.push({ field, op: "lte", value: ceilNice(numeric(v)! * (1 + rng.next() * 0.3)), ...where });
    } else {
      out.push({ field, op: "eq", value: v, ...where });
    }
  }
  return out;
}

export function numeric(v: unknown): number | undefined {
  if (typeof v === "number" && Number.isFinite(v)) return v;
  if (typeof v === "string" && /^\d+(\.\d+)?$/.test(v.trim())) return Number(v);
  return undefined;
}

/** Rounds up to an amount a person would name: 23.6 → 25, 52 → 55, 1240 → 1300. */
export function ceilNice(x: number): number {
  if (x <= 10) return Math.ceil(x);
  const step = x < 100 ? 5 : 10 ** (Math.floor(Math.log10(x)) - 1);
  return Math.ceil(x / step) * step;
}

/**
 * Constraints no row of the table meets together, for a task the data refuses: one field set to
 * a value another row really has (so each part is believable), checked against every row.
 * Undefined when a few draws find no such combination.
 */
export function impossibleConstraints(rows: readonly Row[], constraints: readonly Constraint[], searchFields: readonly string[], rng: Rng, where: { service: string; table: string }, nameField?: string, moneyField?: string): Constraint[] | undefined {
  const fields = searchFields.filter((f) => f !== nameField && f !== moneyField);
  if (fields.length === 0 || rows.length === 0) return undefined;
  const stateable = (v: unknown): boolean => usable(v) && typeof v !== "boolean" && !Array.isArray(v);
  const kept = constraints.filter((c) => c.field !== nameField);
  for (let i = 0; i < 24; i++) {
    const field = rng.pick(fields);
    const v = rng.pick(rows)[field];
    if (!stateable(v)) continue;
    let base = kept.filter((c) => c.field !== field);
    if (base.length === 0) {
      // A named place's request becomes a description: another field's real value beside this one.
      const other = rng.pick(fields);
      const w = rng.pick(rows)[other];
      if (other === field || !stateable(w)) continue;
      base = [{ field: other, op: "eq", value: w, ...where }];
    }
    const next: Constraint[] = [...base, { field, op: "eq", value: v, ...where }];
    if (next.length >= 2 && !rows.some((r) => next.every((c) => meetsConstraint(r, c)))) return next;
  }
  return undefined;
}
