import { valueMeets } from "@chatmill/domains";
import { escapeRe } from "./words.js";
import type { ToolInfo } from "./tool-info.js";
import { isObj, type Obj } from "./types.js";

/** A checkable condition the user wants (from the scenario's goal, or an imported dialogue's state). */
export interface Want {
  field: string;
  op: string;
  value?: unknown;
  service?: string;
  table?: string;
}

export interface Expect {
  type: string;
  service?: string;
  table?: string;
  match?: Obj;
}

/** What the goal asks of the dialogue at one point. */
export interface GoalView {
  wants: Want[];
  expects: Expect[];
  /** Service name → its table and booking tools (roles: booking tool → create, modify or cancel). */
  services: Map<string, { table?: string; tools: string[]; roles?: Record<string, string> }>;
  /** The services the scenario is about (absent for imported dialogues). */
  needs?: string[];
  /** The tools of the scenario task's expected actions (its gold actions), by name (absent without a task). */
  actions?: string[];
}

/**
 * How far a call moves the dialogue toward its goal, in [0, 1] (0 when it did not run ok):
 * the mean of (a) coverage — the share of the goal's constraints on the tool's table that the
 * arguments carry (of those the tool has an argument for) and (b) consistency — how well the
 * rows the result lists meet those constraints (0 for an empty list). A call with no
 * constraint on its table scores 1 when its result shows something, 0.5 when empty. A
 * state-changing call scores by the goal's end-state expectations for its service: 1 when its
 * arguments agree with the expectation, 0.5 when they contradict it, 1 when the goal says
 * nothing. A repeat of an earlier successful call (same name and arguments, no change of
 * state between) scores 0: its result is already in the context.
 */
export function progressOf(
  call: { name: string; arguments: Obj },
  info: ToolInfo | undefined,
  ok: boolean,
  rows: Obj[] | undefined,
  goal: GoalView,
  repeat: boolean,
  notes: string[],
  known?: Known,
  /** The share of the user's latest request the call carries (request.ts), when it states any. */
  fit?: number,
): number {
  if (!ok) return 0;
  if (repeat) {
    notes.push("repeats an earlier call whose result is already in the context");
    return 0;
  }
  if ((info?.run as Obj | undefined)?.op === "static") {
    // A fixed answer the task expects (the hand-off of a request only a person can do) is the step it asks for.
    if (goal.actions?.includes(call.name)) {
      notes.push("a fixed answer the task's expected actions make (its gold actions call this tool)");
      return 1;
    }
    // A direct answer is what a goal whose services hold no data asks for (ops' "learning").
    if (goal.needs && goal.needs.every((n) => noData(goal, n))) {
      notes.push("a direct answer, and the goal's services need no data");
      return 1;
    }
    notes.push("a fixed answer that reads nothing from the database");
    return 0;
  }
  if (goal.needs && info && !goal.needs.some((n) => serves(info, goal, n))) {
    notes.push(`serves none of the goal's services (${goal.needs.join(", ")})`);
    return 0;
  }
  const sourced = known ? provenance(call.arguments, known, notes) : undefined;
  const base = info?.writes ? writeProgress(call, info, goal, notes) : readProgress(call, info, rows, goal, notes);
  const parts = [base, sourced, fit].filter((x): x is number => x !== undefined);
  return round(parts.reduce((a, b) => a + b, 0) / parts.length);
}

/**
 * The share of the call's argument values the dialogue gave it: words the user said, values
 * an earlier result showed, values of the goal. A value from nowhere (another id, another
 * budget) is a guess. Undefined when no argument can be checked (booleans, no arguments).
 */
export function provenance(args: Obj, known: Known, notes: string[]): number | undefined {
  const values = Object.entries(args).flatMap(([k, v]) => (Array.isArray(v) ? v.map((x) => [k, x] as const) : [[k, v] as const]));
  const checkable = values.filter(([, v]) => (typeof v === "string" && v.trim().length >= 1) || typeof v === "number");
  if (checkable.length === 0) return undefined;
  const from = checkable.filter(([, v]) => known.has(v as string | number));
  for (const [k, v] of checkable) if (!from.some(([k2, v2]) => k2 === k && v2 === v)) notes.push(`${k}=${JSON.stringify(v)} comes from nowhere in the dialogue`);
  return from.length / checkable.length;
}

const NUMBER_WORDS: Record<string, number> = { one: 1, two: 2, three: 3, four: 4, five: 5, six: 6, seven: 7, eight: 8, nine: 9, ten: 10 };

/** Values the dialogue has shown up to a point. */
export class Known {
  private readonly values = new Set<string>();
  private text = "";

  addText(text: string): void {
    // "for two" gives 2 as surely as "for 2" does.
    const lower = text.toLowerCase().replace(/\b(one|two|three|four|five|six|seven|eight|nine|ten)\b/g, (w) => `${w} ${NUMBER_WORDS[w]}`);
    this.text += ` ${lower}`;
  }

  addValues(objects: Obj[]): void {
    for (const o of objects) for (const v of Object.values(o)) for (const x of Array.isArray(v) ? v : [v]) if (typeof x === "string" || typeof x === "number") this.values.add(String(x).toLowerCase());
  }

  addValue(v: unknown): void {
    for (const x of Array.isArray(v) ? v : [v]) if (typeof x === "string" || typeof x === "number") this.values.add(String(x).toLowerCase());
  }

  has(v: string | number): boolean {
    const s = String(v).toLowerCase().trim();
    if (this.values.has(s)) return true;
    if (typeof v === "number") return new RegExp(`(^|[^0-9.])${s.replace(".", "\\.")}([^0-9]|$)`).test(this.text);
    // "tee" said, "tees" passed (and back): the same word.
    if (s.length >= 4 && s.endsWith("s") && (this.values.has(s.slice(0, -1)) || this.text.includes(s.slice(0, -1)))) return true;
    if (s.length === 1) return /[a-z0-9]/.test(s) && new RegExp(`(^|[^a-z0-9])${s}([^a-z0-9]|$)`).test(this.text);
    return s.length >= 2 && this.text.includes(s);
  }
}

function readProgress(call: { name: string; arguments: Obj }, info: ToolInfo | undefined, rows: Obj[] | undefined, goal: GoalView, notes: string[]): number {
  const rel = goal.wants.filter((w) => relevant(w, info, goal));
  if (rel.length === 0 && goal.wants.length > 0 && info?.table !== undefined && !goal.wants.some((w) => w.table === undefined && w.service === undefined)) {
    notes.push(`reads ${info.table}, which the goal asks nothing about`);
    return 0;
  }
  if (rel.length === 0) return rows === undefined || rows.length > 0 ? 1 : 0.5;
  const parts: number[] = [];
  const carriable = rel.filter((w) => argFor(w, info, call.arguments) !== undefined || canCarry(w, info));
  if (carriable.length > 0) {
    const carried = carriable.filter((w) => carries(w, info, call.arguments));
    parts.push(carried.length / carriable.length);
    for (const w of carriable) if (!carried.includes(w)) notes.push(`does not pass the user's ${w.field} ${w.op} ${JSON.stringify(w.value)}`);
  }
  // Rows of another table than the constraints' (reviews of an item) are not checked against them.
  const ownRows = (info?.run as Obj | undefined)?.table === info?.table;
  if (rows !== undefined && !ownRows) parts.push(rows.length > 0 ? 1 : 0.5);
  else if (rows !== undefined) {
    if (rows.length === 0) {
      parts.push(0);
      notes.push("the result lists nothing");
    } else {
      const scores = rows.map((r) => {
        const checked = rel.filter((w) => fieldValue(r, w.field) !== undefined);
        return checked.length === 0 ? 1 : checked.filter((w) => valueMeets(fieldValue(r, w.field), w)).length / checked.length;
      });
      parts.push(scores.reduce((a, b) => a + b, 0) / scores.length);
    }
  }
  return parts.length === 0 ? 1 : round(parts.reduce((a, b) => a + b, 0) / parts.length);
}

/** A service with no table and no booking tools: answered from knowledge, not data. */
function noData(goal: GoalView, name: string): boolean {
  const s = goal.services.get(name);
  return Boolean(s && s.table === undefined && s.tools.length === 0);
}

/** The tables a tool reads or changes, from its run spec. */
function tablesOf(info: ToolInfo): Set<string> {
  const out = new Set<string>();
  const run = info.run as Obj | undefined;
  const add = (t: unknown) => {
    if (typeof t === "string") out.add(t);
  };
  add(info.table);
  add(run?.table);
  add(run?.item_table);
  if (isObj(run?.ref)) add(run.ref.table);
  for (const i of Array.isArray(run?.include) ? run.include : []) if (isObj(i)) add(i.table);
  for (const c of Array.isArray(run?.commands) ? run.commands : []) for (const e of isObj(c) && Array.isArray(c.effects) ? c.effects : []) if (isObj(e)) add(e.table);
  return out;
}

/** The tool serves the service: it reads or changes the service's table, or it is one of its booking tools. */
function serves(info: ToolInfo, goal: GoalView, name: string): boolean {
  const s = goal.services.get(name);
  if (!s) return true;
  if (s.tools.includes(info.name)) return true;
  return s.table !== undefined && tablesOf(info).has(s.table);
}

const EXPECTED_ROLE: Record<string, string> = { booking_created: "create", booking_modified: "modify", booking_cancelled: "cancel" };

function writeProgress(call: { name: string; arguments: Obj }, info: ToolInfo, goal: GoalView, notes: string[]): number {
  const mine = goal.expects.filter((e) => {
    const svc = e.service ? goal.services.get(e.service) : undefined;
    return svc ? svc.tools.includes(call.name) : e.table !== undefined && e.table === info.table;
  });
  if (mine.length === 0) return 1;
  // The change the goal expects (a booking modified) is not the one the call makes (it cancels).
  const role = (e: Expect) => (e.service ? goal.services.get(e.service)?.roles?.[call.name] : undefined) ?? String((info.run as Obj | undefined)?.op ?? "");
  const typed = mine.filter((e) => EXPECTED_ROLE[e.type] !== undefined);
  if (typed.length > 0 && !typed.some((e) => EXPECTED_ROLE[e.type] === role(e))) {
    notes.push(`${role(typed[0]!)}s where the goal expects ${typed.map((e) => e.type.replace("_", " ")).join(", ")}`);
    return 0.5;
  }
  const agrees = mine.some((e) => Object.entries(e.match ?? {}).every(([k, v]) => !(k in call.arguments) || valueMeets(call.arguments[k], { op: "eq", value: v })));
  if (!agrees) notes.push("its arguments contradict the booking the goal expects");
  return agrees ? 1 : 0.5;
}

function relevant(w: Want, info: ToolInfo | undefined, goal: GoalView): boolean {
  const table = w.table ?? (w.service ? goal.services.get(w.service)?.table : undefined);
  if (table === undefined) return info?.table !== undefined || (info?.filters.length ?? 0) > 0;
  return info?.table === table;
}

function canCarry(w: Want, info: ToolInfo | undefined): boolean {
  if (!info) return false;
  // A free-text argument (a search query) can carry any constraint.
  return info.filters.some((f) => sameField(f.field, w.field) || f.op === "text") || w.field in info.properties;
}

function argFor(w: Want, info: ToolInfo | undefined, args: Obj): unknown {
  if (w.field in args) return args[w.field];
  for (const f of info?.filters ?? []) if (sameField(f.field, w.field) && f.arg in args) return args[f.arg];
  return undefined;
}

/** The arguments carry the constraint: an argument on its field holds a value that meets it. */
function carries(w: Want, info: ToolInfo | undefined, args: Obj): boolean {
  const candidates: unknown[] = [];
  if (w.field in args) candidates.push(args[w.field]);
  for (const f of info?.filters ?? []) if ((sameField(f.field, w.field) || f.op === "text") && f.arg in args) candidates.push(args[f.arg]);
  return candidates.some((v) => argMeets(v, w));
}

function argMeets(v: unknown, w: Want): boolean {
  if (w.op === "exists") return v !== undefined;
  const nums = (Array.isArray(v) ? v : [v]).filter((x): x is number => typeof x === "number");
  if ((w.op === "lte" || w.op === "lt") && typeof w.value === "number" && nums.length > 0) return Math.max(...nums) <= w.value;
  if ((w.op === "gte" || w.op === "gt") && typeof w.value === "number" && nums.length > 0) return Math.min(...nums) >= w.value;
  const wanted = (Array.isArray(w.value) ? w.value : [w.value]).map((x) => String(x).toLowerCase());
  const given = (Array.isArray(v) ? v : [v]).map((x) => String(x).toLowerCase());
  return given.some((g) => wanted.some((x) => g === x || (x.length >= 3 && new RegExp(`\\b${escapeRe(x)}\\b`).test(g))));
}

function fieldValue(row: Obj, field: string): unknown {
  if (field in row) return row[field];
  const lower = field.toLowerCase();
  for (const [k, v] of Object.entries(row)) if (k.toLowerCase() === lower || k.toLowerCase() === `${lower}s` || `${k.toLowerCase()}s` === lower) return v;
  let cur: unknown = row;
  for (const part of field.split(".")) cur = isObj(cur) ? cur[part] : undefined;
  return cur;
}

function sameField(a: string, b: string): boolean {
  const x = a.toLowerCase();
  const y = b.toLowerCase();
  return x === y || x === `${y}s` || `${x}s` === y;
}

export const round = (x: number): number => Math.round(x * 1000) / 1000;
