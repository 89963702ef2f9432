import { hasWord } from "./words.js";
import { canonical } from "./canonical.js";
import type { DialogueExecutor } from "./executor.js";
import { slotName } from "./goal.js";
import { catalogIndex } from "./mentions.js";
import { checkArguments } from "./schema-check.js";
import type { ToolInfo } from "./tool-info.js";
import { isObj, type CallLike, type Domain, type Obj } from "./types.js";

/** MultiWOZ slot names that differ from the travel tools' argument names. */
const SLOT_ALIASES: Record<string, string[]> = {
  leaveat: ["leave_after", "leave_at"],
  arriveby: ["arrive_by"],
  bookday: ["day"],
  bookpeople: ["people", "passengers"],
  booktime: ["time"],
  bookstay: ["stay"],
};
const BOOKED = /\b(booked|booking (?:is|was) (?:successful|confirmed|complete)|reference (?:number|code|is)|confirmation (?:number|code))\b/i;
const FAREWELL = /\b(bye|goodbye|have a (?:great|nice|good|lovely|wonderful) (?:day|night|time|trip|stay|evening|meal)|you'?re welcome|glad (?:i|to) (?:could )?help)\b/i;
const SEARCHY = new Set(["search", "recommend", "filter", "compare", "inform", "offer"]);

export interface Inferred {
  /** Index of the assistant message the calls answer (they go right before it). */
  before: number;
  calls: CallLike[];
}

/**
 * The calls an assistant should have made where it answered without one: from the dialogue
 * state on the user message (imported MultiWOZ/SGD: active intent + slot values), or else
 * from the user's words matched against the values of the search tool's filter fields.
 * Only calls whose arguments are valid for the tool are proposed.
 */
export function inferCalls(messages: Obj[], domain: Domain, executor: DialogueExecutor): Inferred[] {
  const out: Inferred[] = [];
  let lastUser = -1;
  let calledSinceUser = false;
  const lastKey = new Map<string, string>();
  const userTexts: string[] = [];
  let seen = "";
  messages.forEach((m, i) => {
    if (m.role === "tool" && typeof m.content === "string" && m.ok !== false) seen += ` ${m.content.toLowerCase()}`;
    if (m.role === "user") {
      lastUser = i;
      calledSinceUser = false;
      if (typeof m.content === "string") userTexts.push(m.content);
      return;
    }
    if (m.role !== "assistant") return;
    if (Array.isArray(m.tool_calls) && m.tool_calls.length > 0) {
      calledSinceUser = true;
      return;
    }
    if (calledSinceUser || lastUser < 0 || typeof m.content !== "string" || !m.content.trim()) return;
    const user = messages[lastUser]!;
    const calls = isObj(user.state) ? fromState(user.state, m.content, domain, executor) : fromText(userTexts, m, domain, executor, seen);
    const fresh = calls.filter((c) => {
      const key = `${c.name}\u0000${canonical(c.arguments)}`;
      const svc = c.name;
      if (lastKey.get(svc) === key) return false;
      lastKey.set(svc, key);
      return true;
    });
    if (fresh.length > 0) out.push({ before: i, calls: fresh });
  });
  return out;
}

function fromState(state: Obj, reply: string, domain: Domain, executor: DialogueExecutor): CallLike[] {
  const calls: CallLike[] = [];
  for (const [service, s] of Object.entries(state)) {
    if (!isObj(s) || typeof s.active_intent !== "string" || s.active_intent === "NONE") continue;
    const slots = isObj(s.slot_values) ? s.slot_values : {};
    const svc = domain.services.find((x) => x.name === service);
    const findTool = executor.info(`find_${service}`) ?? executor.info(s.active_intent) ?? searchToolOf(executor, svc?.table);
    // A booking when the user asked to book, or when the service can only be booked (a taxi), and the reply confirms it.
    const wantsBooking = /^book/.test(s.active_intent) || !findTool || findTool.writes;
    const booking = wantsBooking && BOOKED.test(reply) && svc?.booking ? executor.info(svc.booking.create) : undefined;
    if (booking) {
      const call = bookingCall(booking, service, slots, domain, reply);
      if (call) {
        calls.push(call);
        continue;
      }
    }
    // A closing line needs no data, even when the state changed on that turn.
    if (FAREWELL.test(reply) && catalogIndex(domain).find(reply).length === 0) continue;
    const find = findTool;
    if (!find || find.writes) continue;
    const args = argsFromSlots(find, service, slots, true);
    // No constraint yet means nothing to look up, unless the tool takes none (find_police).
    if ((Object.keys(args).length === 0 && Object.keys(find.properties).length > 0) || checkArguments(find.parameters, args)) continue;
    calls.push({ name: find.name, arguments: args });
  }
  return calls;
}

function bookingCall(tool: ToolInfo, service: string, slots: Obj, domain: Domain, reply: string): CallLike | undefined {
  const args = argsFromSlots(tool, service, slots, false);
  const ref = tool.idArgs[0];
  if (ref) {
    const key = domain.keyOf(ref.table);
    const name = first(slots[`${service}-name`] ?? slots.name);
    // The venue: the state's name slot, else the one the reply names ("I have you at Jinling Noodle Bar").
    const row =
      typeof name === "string"
        ? domain.table(ref.table).find((r) => typeof r.name === "string" && r.name.toLowerCase() === name.toLowerCase())
        : undefined;
    const named = row ? undefined : catalogIndex(domain).find(reply).find((m) => m.entry.table === ref.table);
    if (row) args[ref.arg] = String(row[key]);
    else if (named) args[ref.arg] = named.entry.id;
  }
  delete args.name;
  return checkArguments(tool.parameters, args) ? undefined : { name: tool.name, arguments: args };
}

/** Slot values as the tool's arguments: same name, an alias, or the argument filtering on that field. */
function argsFromSlots(tool: ToolInfo, service: string, slots: Obj, search: boolean): Obj {
  const args: Obj = {};
  for (const [slot, values] of Object.entries(slots)) {
    const value = first(values);
    if (value === undefined || value === "dontcare" || value === "") continue;
    const name = slotName(service, slot).toLowerCase();
    if (search && name.startsWith("book")) continue;
    const candidates = [name, ...(SLOT_ALIASES[name] ?? []), ...tool.filters.filter((f) => f.field.toLowerCase() === name).map((f) => f.arg)];
    const arg = candidates.find((a) => a in tool.properties);
    if (!arg) continue;
    args[arg] = coerce(value, tool.properties[arg]);
  }
  return args;
}

function fromText(userTexts: string[], reply: Obj, domain: Domain, executor: DialogueExecutor, seen: string): CallLike[] {
  const labels = isObj(reply.labels) ? reply.labels : {};
  const mentioned = catalogIndex(domain).find(String(reply.content)).map((m) => m.entry);
  // Items an earlier result already showed need no new call (the user picking one of them).
  if (mentioned.length > 0 && mentioned.every((e) => e.phrases.some((p) => seen.includes(p)))) return [];
  const namesItems = mentioned.length > 0;
  if (!namesItems && !(typeof labels.intent === "string" && SEARCHY.has(labels.intent))) return [];
  const primary = domain.services.find((s) => s.table)?.table;
  const tool = searchToolOf(executor, primary);
  if (!tool) return [];
  const args: Obj = {};
  const table = domain.table(tool.table!);
  for (const text of userTexts) {
    const lower = text.toLowerCase();
    for (const f of tool.filters) {
      if (f.op === "text") continue;
      const prop = tool.properties[f.arg];
      const type = isObj(prop) ? prop.type : undefined;
      if (type === "number" || type === "integer") {
        const m = /\b(?:under|below|less than|max(?:imum)?|up to|at most|within)\s*[$£€]?\s?(\d+(?:\.\d+)?)/i.exec(text);
        if (m && (f.op === "lte" || f.op === "lt")) args[f.arg] = Number(m[1]);
        continue;
      }
      const value = valuesOf(table, f.field).find((v) => hasWord(lower, v.toLowerCase()));
      if (value !== undefined) args[f.arg] = type === "array" ? [value] : value;
    }
  }
  const named = catalogIndex(domain).find(String(reply.content)).map((m) => m.entry).filter((e) => e.table === tool.table);
  const search = Object.keys(args).length > 0 && !checkArguments(tool.parameters, args) ? { name: tool.name, arguments: args } : undefined;
  // When the reply names items the search would not show, the call that shows them is a lookup of each.
  const shows = search && named.every((e) => executor.run(search, []).content.includes(JSON.stringify(e.id)));
  if (search && (named.length === 0 || shows)) return [search];
  const get = executor.tools().find((t) => t.table === tool.table && (t.run as Obj | undefined)?.op === "get" && t.idArgs.length === 1);
  if (!get || named.length === 0) return search ? [search] : [];
  return named.slice(0, 3).map((e) => ({ name: get.name, arguments: { [get.idArgs[0]!.arg]: e.id } }));
}

const valueCache = new WeakMap<readonly Obj[], Map<string, string[]>>();
function valuesOf(rows: readonly Obj[], field: string): string[] {
  let byField = valueCache.get(rows);
  if (!byField) valueCache.set(rows, (byField = new Map()));
  let values = byField.get(field);
  if (!values) {
    const set = new Set<string>();
    for (const r of rows) for (const v of Array.isArray(r[field]) ? (r[field] as unknown[]) : [r[field]]) if (typeof v === "string" && v.length >= 3) set.add(v);
    values = [...set].sort((a, b) => b.length - a.length);
    byField.set(field, values);
  }
  return values;
}

function searchToolOf(executor: DialogueExecutor, table: string | undefined): ToolInfo | undefined {
  if (!table) return undefined;
  const tools = executor.tools().filter((t) => t.table === table && !t.writes && t.idArgs.length === 0 && t.filters.length > 0);
  return tools.find((t) => (t.run as Obj | undefined)?.op === "filter") ?? tools[0];
}

function first(v: unknown): unknown {
  return Array.isArray(v) ? v[0] : v;
}

function coerce(value: unknown, prop: unknown): unknown {
  const type = isObj(prop) ? prop.type : undefined;
  if ((type === "integer" || type === "number") && typeof value === "string" && value.trim() !== "" && Number.isFinite(Number(value))) return Number(value);
  return value;
}
