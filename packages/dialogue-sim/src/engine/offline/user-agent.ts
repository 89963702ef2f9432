// The simulated user: what it asks for and decides, from the scenario's goal and task (its own
// knowledge) and from what it has seen in the transcript. Never from the session's hidden state,
// never from the resolution drawn for the scenario.
import type { SharedImage, TaskAction } from "@chatmill/schema";
import { createSession, isClockPattern } from "@chatmill/domains";
import type { Constraint, Row, ServiceInfo } from "../../contract.js";
import { displayOf, type Shown } from "../present.js";
import { meets, rowIndex, toolRows } from "../rows.js";
import { argValue, requiredFields, type ToolInfo } from "../tools.js";
import { namesValue, reasonClause } from "./reason.js";
import { thingSlots } from "./thing-words.js";
import type { Dialog, Kind, Task } from "./context.js";

/**
 * How the user means to end: asking for a person when the task is one the policy reserves to
 * one; otherwise pursuing the task, and ending by what the assistant shows (thanks when it is
 * done, giving up when it cannot be done). Never the resolution drawn for the scenario.
 */
export function ending(d: Dialog): "resolved" | "escalated" {
  return d.checked?.expected === "escalated" ? "escalated" : "resolved";
}

/** What the user says a person should handle (the task's reason, else its goal). */
export function reservedReason(d: Dialog): string {
  return d.checked?.instructions?.reason ?? d.scenario.goal.text;
}

/**
 * What a request is about, as a value its clause of the reason names (a goal value, or the
 * name of the row the scenario was grounded in): what a Hindi or Hinglish speaker names when
 * it says the request in its own words (askFor), since the reason itself is written in English.
 */
export function requestItem(d: Dialog, clause: string): string | undefined {
  const text = clause.toLowerCase();
  for (const c of d.scenario.goal.constraints) {
    const values = Array.isArray(c.value) ? c.value : [c.value];
    const hit = values.find((v) => (typeof v === "string" || typeof v === "number") && namesValue(text, v));
    if (hit !== undefined) return String(hit);
  }
  const targets = (d.scenario.goal as { targets?: Array<{ table: string; id: string }> }).targets ?? [];
  for (const t of targets) {
    const row = rowIndex(d.domain, t.table).get(String(t.id));
    const field = d.domain.titleOf(t.table);
    const title = row && field ? row[field] : undefined;
    if (typeof title === "string" && namesValue(text, title)) return title;
  }
  return undefined;
}

/** How the pack has a Hindi or Hinglish user say its scenario category's request (categories.<c>.said), if it does. */
export function ownAsk(d: Dialog): readonly string[] | undefined {
  if (d.lang === "en" || !d.scenario.category) return undefined;
  return d.domain.category(d.scenario.category)?.said?.[d.lang];
}

/** The task's expected call of this tool, whose arguments are what the user asked for. */
function goldCall(d: Dialog, tool: string): TaskAction | undefined {
  return d.checked?.evaluation.actions.find((a) => a.name === tool);
}

/** The user's requests: one per expected end state, with that service's constraints. */
export function tasks(d: Dialog): Task[] {
  const goal = d.scenario.goal;
  const out: Task[] = [];
  const services = d.scenario.services;
  const expectations = goal.end_state.filter((e) => e.type !== "escalated");
  const list = expectations.length > 0 ? expectations : [undefined];
  list.forEach((e, i) => {
    const name = e?.service ?? services[i] ?? services[0]!;
    const service = d.domain.services.find((s) => s.name === name) ?? d.domain.services[0]!;
    const kind: Kind = !e
      ? "find"
      : e.type === "booking_created"
        ? "book"
        : e.type === "booking_cancelled"
          ? "cancel"
          : e.type === "booking_modified"
            ? "modify"
            : e.type === "item_recommended"
              ? "find"
              : "info";
    const constraints = goal.constraints.filter((c) => (c.service ? c.service === service.name : services.length === 1 || i === 0));
    const table = e?.table ?? service.table;
    out.push({ service, kind, ...(e ? { expectation: e } : {}), constraints, ...(table ? { table } : {}) });
  });
  return out;
}

/** Fields the best search tool of the task's table requires. */
export function mustSay(d: Dialog, task: Task): string[] {
  const tool = d.tools.find(["search", "filter", "list"], task.table).find((t) => t.table === task.table);
  return tool ? requiredFields(tool) : [];
}

/**
 * The constraints the user will state: the goal's, plus what the search tool requires and the
 * goal leaves open, taken from the real row the scenario was grounded in (goal.targets).
 */
export function agenda(d: Dialog, task: Task): Constraint[] {
  const out = [...task.constraints];
  const missing = mustSay(d, task).filter((f) => !out.some((c) => c.field === f));
  if (missing.length === 0 || !task.table) return out;
  const targets = (d.scenario.goal as { targets?: Array<{ service: string; table: string; id: string }> }).targets;
  const t = targets?.find((x) => x.table === task.table && x.service === task.service.name) ?? targets?.find((x) => x.table === task.table);
  const row = t ? rowIndex(d.domain, task.table).get(String(t.id)) : d.domain.table(task.table).find((r) => out.every((c) => meets(r, c)));
  if (!row) return out;
  for (const f of missing) if (row[f] !== undefined && row[f] !== "?") out.push({ field: f, op: "eq", value: row[f], service: task.service.name, table: task.table });
  return out;
}

/** A believable wrong value for a correction: another value of the same field in the table. */
function wrongValue(d: Dialog, table: string, c: Constraint): Constraint | undefined {
  if (c.op !== "eq" && c.op !== "contains") return undefined;
  if (typeof c.value !== "string") return undefined;
  const rows = d.domain.table(table);
  for (let i = 0; i < 8; i++) {
    const row = rows[d.rng.int(0, rows.length - 1)];
    const v = row?.[c.field];
    const cand = Array.isArray(v) ? v[0] : v;
    if (typeof cand === "string" && cand.toLowerCase() !== c.value.toLowerCase() && cand.length < 30 && !/^(\?|yes|no|true|false|free)$/i.test(cand)) return { ...c, value: cand };
  }
  return undefined;
}

/** How the user will reveal a search task: in what order, how much at first, and whether one value starts out wrong. */
export interface RevealPlan {
  pending: Constraint[];
  revealed: Constraint[];
  thing: string;
  /** {thing} with its grammatical gender, as the user's lines are filled (thingSlots). */
  thingSlots: ReturnType<typeof thingSlots>;
  /** A correction: the user first says a wrong value, then fixes it after seeing results. */
  wrong: { bad: Constraint; good: Constraint } | undefined;
  vague: boolean;
  openCount: number;
  hedge: boolean;
  /** The first request said as the reason puts it (its clause), when no value the user knows names it. */
  states?: string;
}

export function revealPlan(d: Dialog, task: Task, index: number): RevealPlan {
  const r = d.rng.fork(`task:${index}`);
  const pending = r.shuffle(agenda(d, task));
  // What the search tool cannot run without is said first (a train needs from and to).
  const must = new Set(mustSay(d, task));
  pending.sort((a, b) => Number(must.has(b.field)) - Number(must.has(a.field)));
  const correction = r.chance(0.22);
  const style = d.voice.style;
  // A first request after opening small talk names what it wants: two vague messages in a row would not say why the user came.
  let vague = pending.length > 0 && r.chance(style === "senior_engineer" || style === "executive" ? 0.1 : 0.3) && !(index === 0 && d.t.userTurns > 0);
  const wanted = style === "senior_engineer" || style === "executive" ? 3 : r.int(1, 2);
  let openCount = Math.min(pending.length, Math.max(wanted, pending.filter((c) => must.has(c.field)).length));
  const hedge = r.chance(style === "learner" || style === "casual" ? 0.25 : 0.1);
  // The first request says why the user came: a value of its goal that its reason names for this request is among the first said (and said right).
  const clause = reasonClause(reservedReason(d), index, tasks(d).length);
  const named = (c: Constraint): boolean => clause !== undefined && task.constraints.includes(c) && namesValue(clause, c.value);
  if (!pending.slice(0, openCount).some(named)) {
    const at = pending.findIndex(named);
    if (at >= 0) {
      pending.unshift(...pending.splice(at, 1));
      openCount += 1;
    }
  }
  // Values that do not name the request (a "yes" for free parking, a two-letter code) would not say why the user came:
  // its first request is then said as its reason puts it, with everything it knows, said right.
  const states = index === 0 && !pending.some(named) ? clause : undefined;
  if (states !== undefined) {
    vague = false;
    openCount = pending.length;
  }
  const namedAtOpening = pending.slice(0, openCount).filter(named).length;
  let wrong: { bad: Constraint; good: Constraint } | undefined;
  if (correction && pending.length > 0 && states === undefined) {
    // Never in place of the only value that says why the user came: then only another value of the
    // first request can be the slip (none when it has no other), not one said later.
    const spared = pending.findIndex((c, i) => i < openCount && named(c) && namedAtOpening === 1);
    const last = spared >= 0 ? openCount - 1 : pending.length - 1;
    for (let i = 0; i <= last && !wrong; i++) {
      if (i === spared) continue;
      const bad = wrongValue(d, task.table!, pending[i]!);
      if (bad) {
        wrong = { bad, good: pending[i]! };
        pending[i] = bad;
      }
    }
  }
  const said = thingSlots(d, task);
  return { pending, revealed: [], thing: said.thing, thingSlots: said, wrong, vague, openCount, hedge, ...(states !== undefined ? { states } : {}) };
}

/** The user takes the first option shown that meets everything it asked for, and nothing else. */
export function choose(task: Task, shown: Shown[]): Shown | undefined {
  return shown.find((s) => task.constraints.every((c) => meets(s.row, c)));
}

/** The user's yes to a read-back: it names exactly what the user asked for. */
export function agrees(readBack: string, expected: string[]): boolean {
  return expected.every((e) => readBack.includes(e));
}

/** The changes the user asks for on a booking (a modify task's values the change tool takes). */
export function bookingChanges(task: Task, tool: ToolInfo): Record<string, unknown> {
  const changes: Record<string, unknown> = {};
  if (task.kind === "modify") for (const [k, v] of Object.entries(task.expectation?.match ?? {})) if (tool.properties[k]) changes[k] = argValue(tool.properties[k], v);
  return changes;
}

/** What the user asks to book: the task's call when it has one, else the goal's values, with the row it picked as the reference. */
export function bookingArgs(d: Dialog, tool: ToolInfo, service: ServiceInfo, match: Record<string, unknown>, item: Shown | undefined): Record<string, unknown> {
  const args: Record<string, unknown> = {};
  const venueKey = service.table ? d.domain.keyOf(service.table) : undefined;
  // What the user asked for (the task's call), with the row it picked as the reference.
  const gold = goldCall(d, tool.name);
  if (gold) {
    for (const [k, v] of Object.entries(gold.arguments)) if (k !== tool.ref?.arg || !item) args[k] = v;
    if (tool.ref && item) args[tool.ref.arg] = argValue(tool.properties[tool.ref.arg], item.key);
    return args;
  }
  if (tool.ref) {
    const v = item?.key ?? (venueKey ? match[venueKey] : undefined) ?? match[tool.ref.arg];
    if (v !== undefined) args[tool.ref.arg] = argValue(tool.properties[tool.ref.arg], v);
  }
  for (const [k, v] of Object.entries(match)) {
    if (k === venueKey || args[k] !== undefined) continue;
    if (tool.properties[k]) args[k] = argValue(tool.properties[k], v);
  }
  for (const req of tool.required) {
    if (args[req] !== undefined) continue;
    const v = fillArg(d, req, tool.properties[req]);
    if (v !== undefined) args[req] = v;
  }
  return args;
}

/**
 * A value for a required booking argument the goal does not fix, from what the tool's own
 * schema says the argument is (never from its name): one of its enum, a time of day
 * (`format: "time"` or an HH:MM pattern) or a date (`format: "date"`) at the scenario's time,
 * a count within its bounds. Anything else the user would have to make up: left out, and the
 * tool's own error says it is missing.
 */
function fillArg(d: Dialog, name: string, schema: Record<string, unknown> | undefined): unknown {
  const r = d.rng.fork(`arg:${name}`);
  if (Array.isArray(schema?.enum) && schema.enum.length > 0) return r.pick(schema.enum);
  const at = d.scenario.time.at;
  let v: unknown;
  if (schema?.format === "date") v = at.slice(0, 10);
  else if (schema?.format === "time" || (typeof schema?.pattern === "string" && isClockPattern(schema.pattern))) v = /T(\d\d:\d\d)/.exec(at)?.[1] ?? "18:00";
  else if (schema?.type === "integer" || schema?.type === "number") {
    const lo = Math.max(1, typeof schema.minimum === "number" ? Math.ceil(schema.minimum) : 1);
    v = r.int(lo, Math.max(lo, Math.min(4, typeof schema.maximum === "number" ? Math.floor(schema.maximum) : 4)));
  }
  if (v === undefined) return undefined;
  return argValue(schema, v);
}

/** How the user asks for this request, as the pack declares it for the scenario's category: from a photo, from an item shown, or plainly. */
export function reference(d: Dialog): "image" | "item" | undefined {
  return d.scenario.category ? d.domain.category(d.scenario.category)?.reference : undefined;
}

/**
 * The item the user has in mind for a request from a reference (its photo, or the item it wants
 * things like): the first its wishes lead to in the catalog as the pack ships it (the row its
 * task takes: what it shows and what it wants agree), else the row the scenario was grounded in.
 */
export function referenceRow(d: Dialog, task: Task, nearest = false): Row | undefined {
  if (!task.table) return undefined;
  const table = task.table;
  const wishes = agenda(d, task);
  const row = firstFound(d, table, wishes) ?? (nearest ? nearestRow(d, table, wishes) : undefined);
  if (row) return row;
  const targets = (d.scenario.goal as { targets?: Array<{ service: string; table: string; id: string }> }).targets;
  const t = targets?.find((x) => x.table === table && x.service === task.service.name) ?? targets?.find((x) => x.table === table);
  return t ? rowIndex(d.domain, table).get(String(t.id)) : undefined;
}

/**
 * The photo the user shares: the picture of the item it has in mind (referenceRow), by the
 * table's declared image field (display.image); a table that declares none has no photo to share.
 */
export function photo(d: Dialog, task: Task): SharedImage | undefined {
  if (!task.table) return undefined;
  const table = task.table;
  const row = referenceRow(d, task);
  const field = displayOf(d.domain, table).image;
  const url = field ? row?.[field] : undefined;
  return row && typeof url === "string" && url ? { url, item_id: String(row[d.domain.keyOf(table)]), table } : undefined;
}

/**
 * The catalog row that meets most of the wishes, the first in the catalog's order among equals
 * (none when it meets none): what a user whose wishes no row meets all of has that comes closest.
 */
function nearestRow(d: Dialog, table: string, wishes: Constraint[]): Row | undefined {
  let best: Row | undefined;
  let most = 0;
  for (const row of rowIndex(d.domain, table).values()) {
    const n = wishes.filter((c) => meets(row, c)).length;
    if (n > most) [best, most] = [row, n];
  }
  return best;
}

/** The first row the pack's search for these wishes returns that meets them all, on a fresh copy of the catalog (not the dialogue's session). */
function firstFound(d: Dialog, table: string, wishes: Constraint[]): Row | undefined {
  const plan = d.tools.searchFor(table, wishes);
  if (!plan) return undefined;
  const res = createSession(d.domain, { failureRate: 0, rng: d.rng.fork("photo") }).call({ name: plan.tool.name, arguments: plan.args });
  if (!res.ok) return undefined;
  const index = rowIndex(d.domain, table);
  const key = d.domain.keyOf(table);
  for (const seen of toolRows(d.domain, plan.tool.name, res.data)) {
    const row = seen[key] === undefined ? seen : index.get(String(seen[key])) ?? seen;
    if (wishes.every((c) => meets(row, c))) return row;
  }
  return undefined;
}
