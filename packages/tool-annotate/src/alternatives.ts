import { hasWord } from "./words.js";
import type { Rng } from "@chatmill/kit";
import { sameCall, sameResultText } from "./canonical.js";
import type { DialogueExecutor } from "./executor.js";
import { idLike } from "./mentions.js";
import { pyRepr } from "./python-repr.js";
import type { ToolInfo } from "./tool-info.js";
import { isObj, type CallLike, type Domain, type Obj } from "./types.js";

/** The defects tool-annotate builds, each a wrong-but-plausible version of the chosen call. */
export const DEFECTS = [
  "wrong_tool",
  "wrong_args",
  "missing_arg",
  "hallucinated_id",
  "ignored_context",
  "unnecessary_call",
  "action_key_instead_of_tool",
  "tool_none",
  "plan_as_python_dict",
  "wrong_count",
] as const;
export type Defect = (typeof DEFECTS)[number];

/** A proposed alternative before it is executed: a call, or text that is not a parsable call, or both (wrong_count). */
export interface Proposal {
  defect: string;
  call?: CallLike;
  text?: string;
  detail: string;
  /** "llm" when an LLM proposed it (--engine openai). */
  source?: string;
}

export interface AltContext {
  call: CallLike;
  info: ToolInfo | undefined;
  executor: DialogueExecutor;
  domain: Domain | undefined;
  /** Earlier chosen calls that ran ok and whose result the context holds, most recent last. */
  earlier: CallLike[];
  /** The state-changing calls before this one (what the executor replays). */
  before?: CallLike[];
  /** Objects of the earlier results (where ids an alternative may use come from). */
  context?: Obj[];
  /** What the dialogue has shown so far (user words, earlier results, goal values). */
  known?: { has(v: string | number): boolean };
  /** The chosen call's result on the same state. */
  result?: { ok: boolean; content: string };
  /** Earlier user messages (before the latest one). */
  earlierUser: string[];
  /** The user message the call answers. */
  lastUser: string;
  /** Rows the chosen call's result lists (undefined when not a list). */
  rows: Obj[] | undefined;
  /** The total the chosen result reports beside its list, if any. */
  total?: number;
  /** The reply after the chosen call. */
  reply: string | null;
  /** The chosen call repeats an earlier one whose result the context holds (its progress is 0). */
  repeat?: boolean;
  rng: Rng;
}

type Generator = (c: AltContext) => Proposal | undefined;

const GENERATORS: Record<Defect, Generator> = {
  wrong_tool: wrongTool,
  wrong_args: wrongArgs,
  missing_arg: missingArg,
  hallucinated_id: hallucinatedId,
  ignored_context: ignoredContext,
  unnecessary_call: unnecessaryCall,
  action_key_instead_of_tool: (c) => ({
    defect: "action_key_instead_of_tool",
    text: JSON.stringify({ action: c.call.name, action_input: c.call.arguments }),
    detail: `names the tool under "action" instead of calling ${c.call.name}`,
  }),
  tool_none: toolNone,
  plan_as_python_dict: (c) => ({
    defect: "plan_as_python_dict",
    text: `Here's my plan:\n${pyRepr({ step: 1, tool: c.call.name, args: c.call.arguments })}`,
    detail: "prints the plan as a Python dict instead of calling the tool",
  }),
  wrong_count: wrongCount,
};

/**
 * Up to `k` alternatives of distinct defects, in an order drawn from the call's own random
 * stream. Each differs from the chosen call (by its call or by its text).
 */
export function proposeAlternatives(c: AltContext, k: number, only?: readonly string[]): Proposal[] {
  const names = c.rng.shuffle([...DEFECTS].filter((d) => !only || only.includes(d)));
  const out: Proposal[] = [];
  for (const name of names) {
    if (out.length >= k) break;
    const p = GENERATORS[name](c);
    if (!p) continue;
    if (p.call && !p.text && sameCall(p.call, c.call)) continue;
    out.push(p);
  }
  return out;
}

/** One defect's proposal for the call (recovery.ts builds retries after a failure from them). */
export function proposeDefect(name: Defect, c: AltContext): Proposal | undefined {
  return GENERATORS[name](c);
}

function wrongTool(c: AltContext): Proposal | undefined {
  // Only a tool the model was offered: a call to one it never saw is not a mistake it could make.
  const others = c.executor.offered().filter((t) => t.name !== c.call.name && t.name !== "none" && !equivalent(t, c.info));
  const same = others.filter((t) => c.info?.table !== undefined && t.table === c.info.table);
  const order = [...c.rng.shuffle(same), ...c.rng.shuffle(others.filter((t) => !same.includes(t)))];
  for (const t of order) {
    const args = fillArgs(t, c);
    if (!args) continue;
    const call = { name: t.name, arguments: args };
    // Another tool that gives the chosen call's own result is an equivalent, not a defect.
    if (sameOutcome(c, call)) continue;
    return { defect: "wrong_tool", call, detail: `calls ${t.name} instead of ${c.call.name}` };
  }
  return undefined;
}

/** Two tools the pack declares alike: the same operation on the same table (find_bus and find_train on trains). */
function equivalent(t: ToolInfo, chosen: ToolInfo | undefined): boolean {
  const a = t.run as Obj | undefined;
  const b = chosen?.run as Obj | undefined;
  if (!a || !b || a.op !== b.op || a.table !== b.table) return false;
  return JSON.stringify(a.filters ?? null) === JSON.stringify(b.filters ?? null) || a.op === "create" || a.op === "modify" || a.op === "cancel";
}

/**
 * Arguments for another tool from the chosen call's arguments and the ids the dialogue showed
 * before the call (not the chosen result's: a call cannot name what only its own result shows);
 * undefined when a required one has no value.
 */
function fillArgs(t: ToolInfo, c: AltContext): Obj | undefined {
  const args: Obj = {};
  for (const p of Object.keys(t.properties)) if (p in c.call.arguments) args[p] = c.call.arguments[p];
  for (const id of t.idArgs) {
    if (id.arg in args) continue;
    const known = idsFrom(c, id.table);
    if (known.length === 0) continue;
    args[id.arg] = id.many ? known.slice(0, 2) : known[0];
    if (id.many && known.length < 2) delete args[id.arg];
  }
  if (t.required.some((r) => !(r in args))) return undefined;
  return args;
}

/** Ids of the table the call or the dialogue so far names: the call's own id arguments first, then the latest results'. */
function idsFrom(c: AltContext, table: string): string[] {
  const out: string[] = [];
  const key = c.domain ? safeKey(c.domain, table) : "id";
  for (const v of Object.values(c.call.arguments)) for (const x of Array.isArray(v) ? v : [v]) if (typeof x === "string" && idLike(x)) out.push(x);
  const rows = c.context ?? (c.known ? [] : c.rows ?? []);
  const exists = c.domain ? keysOf(c.domain, table, key) : undefined;
  for (let i = rows.length - 1; i >= 0 && out.length < 6; i--) {
    const r = rows[i]!;
    if ((typeof r[key] === "string" || typeof r[key] === "number") && (!exists || exists.has(String(r[key])))) out.push(String(r[key]));
  }
  return [...new Set(out)];
}

const keyCache = new WeakMap<object, Map<string, Set<string>>>();

/** The keys of a table's rows (cached per domain). */
function keysOf(domain: Domain, table: string, key: string): Set<string> | undefined {
  let byTable = keyCache.get(domain);
  if (!byTable) keyCache.set(domain, (byTable = new Map()));
  let keys = byTable.get(table);
  if (!keys) {
    try {
      keys = new Set(domain.table(table).map((r) => String(r[key])));
    } catch {
      return undefined;
    }
    byTable.set(table, keys);
  }
  return keys;
}

function safeKey(domain: Domain, table: string): string {
  try {
    return domain.keyOf(table);
  } catch {
    return "id";
  }
}

function wrongArgs(c: AltContext): Proposal | undefined {
  const keys = c.rng.shuffle(Object.keys(c.call.arguments));
  for (const k of keys) {
    const v = c.call.arguments[k];
    const alt = otherValue(k, v, c);
    if (alt === undefined || JSON.stringify(alt) === JSON.stringify(v)) continue;
    return {
      defect: "wrong_args",
      call: { name: c.call.name, arguments: { ...c.call.arguments, [k]: alt } },
      detail: `${k}: ${JSON.stringify(v)} → ${JSON.stringify(alt)}`,
    };
  }
  return undefined;
}

/** A plausible other value of the same kind: another enum value, another value of the field in the database, another real id. */
function otherValue(arg: string, v: unknown, c: AltContext): unknown {
  const prop = isObj(c.info?.properties[arg]) ? (c.info!.properties[arg] as Obj) : {};
  if (Array.isArray(prop.enum)) {
    const choices = prop.enum.filter((e) => JSON.stringify(e) !== JSON.stringify(v));
    return choices.length ? c.rng.pick(choices) : undefined;
  }
  if (typeof v === "boolean") return !v;
  if (typeof v === "number") {
    const min = typeof prop.minimum === "number" ? prop.minimum : -Infinity;
    const max = typeof prop.maximum === "number" ? prop.maximum : Infinity;
    const options = Number.isInteger(v) ? [v + 1, v + 2, v - 1, v * 2, Math.round(v / 2)] : [v * 2, v / 2, v + 10];
    const fit = options.filter((x) => x !== v && x >= min && x <= max);
    return fit.length ? c.rng.pick(fit) : undefined;
  }
  const id = c.info?.idArgs.find((a) => a.arg === arg);
  if (id && c.domain) {
    const key = safeKey(c.domain, id.table);
    const rows = c.domain.table(id.table);
    const current = new Set((Array.isArray(v) ? v : [v]).map(String));
    const pool = rows.map((r) => String(r[key])).filter((x) => !current.has(x));
    if (pool.length === 0) return undefined;
    if (Array.isArray(v)) return v.length ? [...v.slice(0, -1), c.rng.pick(pool)] : undefined;
    return c.rng.pick(pool);
  }
  const values = fieldValues(arg, c);
  if (typeof v === "string") {
    const pool = values.filter((x) => x.toLowerCase() !== v.toLowerCase());
    if (pool.length) return c.rng.pick(pool);
    return undefined;
  }
  if (Array.isArray(v) && v.length && v.every((x) => typeof x === "string")) {
    const pool = values.filter((x) => !(v as string[]).some((y) => y.toLowerCase() === x.toLowerCase()));
    return pool.length ? [...v.slice(0, -1), c.rng.pick(pool)] : undefined;
  }
  return undefined;
}

/** Distinct string values of the database field an argument filters on (a pool of plausible values). */
function fieldValues(arg: string, c: AltContext): string[] {
  const f = c.info?.filters.find((x) => x.arg === arg);
  if (!f || !c.domain || !c.info?.run || typeof (c.info.run as Obj).table !== "string") return [];
  const table = (c.info.run as Obj).table as string;
  const seen = new Set<string>();
  for (const r of c.domain.table(table)) {
    const v = r[f.op === "text" ? f.field : f.field];
    for (const x of Array.isArray(v) ? v : [v]) if (typeof x === "string" && x && x !== "?") seen.add(x);
    if (seen.size >= 200) break;
  }
  return [...seen].sort();
}

function missingArg(c: AltContext): Proposal | undefined {
  const present = Object.keys(c.call.arguments);
  if (present.length === 0) return undefined;
  const required = present.filter((k) => c.info?.required.includes(k));
  const order = [...c.rng.shuffle(required), ...c.rng.shuffle(present.filter((k) => !required.includes(k)))];
  for (const k of order) {
    const { [k]: _dropped, ...rest } = c.call.arguments;
    const call = { name: c.call.name, arguments: rest };
    // Leaving out an optional value nobody asked for (a free-text reason) that changes nothing is no defect.
    if (!required.includes(k) && !stated(c, c.call.arguments[k]) && sameOutcome(c, call)) continue;
    return { defect: "missing_arg", call, detail: `leaves out ${required.includes(k) ? "the required " : ""}${k}` };
  }
  return undefined;
}

/** The dialogue stated the value (the user said it, a result showed it). */
function stated(c: AltContext, v: unknown): boolean {
  if (!c.known) return true;
  return (Array.isArray(v) ? v : [v]).some((x) => (typeof x === "string" || typeof x === "number") && c.known!.has(x));
}

/** The call gives the chosen call's own result on the same state. */
function sameOutcome(c: AltContext, call: CallLike): boolean {
  if (!c.result || !c.before) return false;
  const r = c.executor.run(call, c.before);
  return r.ok && c.result.ok && sameResultText(r.content, c.result.content);
}

function hallucinatedId(c: AltContext): Proposal | undefined {
  const idArgs = c.info?.idArgs.filter((a) => a.arg in c.call.arguments) ?? [];
  // A tool no pack declares ids for (an imported dialogue's): arguments named like ids (README: Which domain).
  const candidates = idArgs.length
    ? idArgs.map((a) => a.arg)
    : Object.keys(c.call.arguments).filter((k) => /(^|_)id$/.test(k) && typeof c.call.arguments[k] === "string");
  if (candidates.length === 0) return undefined;
  const arg = c.rng.pick(candidates);
  const table = idArgs.find((a) => a.arg === arg)?.table;
  const existing = new Set<string>();
  if (table && c.domain) {
    const key = safeKey(c.domain, table);
    for (const r of c.domain.table(table)) existing.add(String(r[key]).toLowerCase());
    // Ids of rows this dialogue created (bookings) count as existing too.
    for (const r of c.earlier) for (const v of Object.values(r.arguments)) if (typeof v === "string") existing.add(v.toLowerCase());
  }
  const v = c.call.arguments[arg];
  const fake = (one: string): string => {
    for (let i = 0; i < 50; i++) {
      const candidate = mutateId(one, c.rng);
      if (!existing.has(candidate.toLowerCase()) && candidate !== one) return candidate;
    }
    return `${one}-X${c.rng.int(100, 999)}`;
  };
  const alt = Array.isArray(v) && v.length ? [...v.slice(0, -1), fake(String(v[v.length - 1]))] : typeof v === "string" || typeof v === "number" ? fake(String(v)) : undefined;
  if (alt === undefined) return undefined;
  return { defect: "hallucinated_id", call: { name: c.call.name, arguments: { ...c.call.arguments, [arg]: alt } }, detail: `${arg}: ${JSON.stringify(alt)} names nothing in the database` };
}

/** Same shape as the id, other digits: MH01 → MH57, web-01 → web-07, 12 → 87. */
function mutateId(id: string, rng: Rng): string {
  const m = /^(.*?)(\d+)(\D*)$/.exec(id);
  if (!m) return `${id}${rng.int(2, 99)}`;
  const digits = m[2]!;
  let n = rng.int(0, 10 ** digits.length - 1);
  if (String(n) === digits) n = (n + 1) % 10 ** digits.length;
  return `${m[1]}${String(n).padStart(digits.length, "0")}${m[3]}`;
}

/**
 * Stale context: the call forgets a value the user gave in an earlier turn (not repeated in the
 * latest) and asks for another one of the same kind — another enum value, another value of the
 * field in the database, another real id — that the user never said: what a model that answers
 * only the latest message fills in. Its result goes against what the user said (the agents of
 * another role, another host's disk), so the reply written for the right result is not grounded
 * in it. A value with no other of its kind (free text) is dropped instead, which is only
 * possible for an optional argument (dropping a required one is missing_arg).
 */
function ignoredContext(c: AltContext): Proposal | undefined {
  // A repeat already ignores what the user said since (progress 0): dropping one more value is no worse.
  if (c.repeat) return undefined;
  const last = c.lastUser.toLowerCase();
  const earlier = c.earlierUser.map((t) => t.toLowerCase());
  const said = (w: string) => earlier.some((t) => mentions(t, w)) || mentions(last, w);
  const fromEarlier = Object.entries(c.call.arguments).filter(([, v]) => {
    const words = (Array.isArray(v) ? v : [v]).filter((x) => typeof x === "string" || typeof x === "number").map((x) => String(x).toLowerCase());
    return words.length > 0 && words.some((w) => earlier.some((t) => mentions(t, w)) && !mentions(last, w));
  });
  if (fromEarlier.length === 0) return undefined;
  for (const [k, v] of c.rng.shuffle(fromEarlier)) {
    const alt = otherValue(k, v, c);
    const words = (Array.isArray(alt) ? alt : [alt]).filter((x) => typeof x === "string" || typeof x === "number").map((x) => String(x).toLowerCase());
    if (alt === undefined || JSON.stringify(alt) === JSON.stringify(v) || words.some(said)) continue;
    return {
      defect: "ignored_context",
      call: { name: c.call.name, arguments: { ...c.call.arguments, [k]: alt } },
      detail: `stale_context: forgets ${k}=${JSON.stringify(v)}, which the user said earlier, and asks for ${JSON.stringify(alt)}`,
    };
  }
  const optional = fromEarlier.filter(([k]) => !c.info?.required.includes(k));
  if (optional.length === 0) return undefined;
  const [k, v] = c.rng.pick(optional);
  const { [k]: _dropped, ...rest } = c.call.arguments;
  return {
    defect: "ignored_context",
    call: { name: c.call.name, arguments: rest },
    detail: `stale_context: drops ${k}=${JSON.stringify(v)}, which the user said earlier`,
  };
}

function mentions(text: string, word: string): boolean {
  if (word.length < 2) return false;
  return hasWord(text, word);
}

function unnecessaryCall(c: AltContext): Proposal | undefined {
  for (let i = c.earlier.length - 1; i >= 0; i--) {
    const e = c.earlier[i]!;
    if (c.executor.writes(e.name) || sameCall(e, c.call)) continue;
    return { defect: "unnecessary_call", call: { name: e.name, arguments: e.arguments }, detail: `repeats the earlier ${e.name} call instead of what the user asked now` };
  }
  return undefined;
}

function toolNone(c: AltContext): Proposal | undefined {
  if (c.call.name === "none") return undefined;
  const offered = c.executor.info("none");
  if (!offered) {
    // Where the domain has no "none" tool, the seed-004 failure is text: a JSON plan
    // naming tool "none" that the executor cannot run (it breaks execution).
    return {
      defect: "tool_none",
      text: JSON.stringify({ tool: "none", args: {} }),
      detail: `emits tool "none", which is not a tool, when ${c.call.name} was needed`,
    };
  }
  return {
    defect: "tool_none",
    call: { name: "none", arguments: "reason" in offered.properties ? { reason: "no tool needed" } : {} },
    detail: `answers with tool "none" when ${c.call.name} was needed`,
  };
}

function wrongCount(c: AltContext): Proposal | undefined {
  const n = c.rows?.length;
  if (n === undefined || n === 0) return undefined;
  // The defect is in the reply: with no reply to compare, the pair's two sides would not differ.
  const reply = c.reply?.trim();
  if (!reply) return undefined;
  const options = [n + 1, n + 2, n + 3, n - 1].filter((x) => x > 0 && x !== n && x !== c.total);
  const m = c.rng.pick(options);
  const noun = m === 1 ? "option" : "options";
  const text = `I found ${m} ${noun} for you. ${reply}`;
  return { defect: "wrong_count", call: { name: c.call.name, arguments: c.call.arguments }, text, detail: `says ${m} where the result lists ${n}` };
}
