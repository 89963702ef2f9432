// The defects that change one argument's value: another plausible value of its kind
// (wrong_args), the value left out (missing_arg), or a value the user gave earlier forgotten
// (ignored_context).
import type { AltContext, Proposal } from "./alt-context.js";
import { sameOutcome, stated } from "./alt-context.js";
import { safeKey } from "./defect-ids.js";
import { isObj, type Obj } from "./types.js";
import { hasWord } from "./words.js";

export function wrongArgs(c: AltContext): Proposal | undefined {
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

export function missingArg(c: AltContext): Proposal | undefined {
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

/**
 * Stale context: the call forgets a value the user gave in an earlier turn (not repeated in the
 * latest) and asks for another one of the same kind — another enum value, another value of the
 * field in the database, another real id — that the user never said: what a model that answers
 * only the latest message fills in. Its result goes against what the user said (the agents of
 * another role, another host's disk), so the reply written for the right result is not grounded
 * in it. A value with no other of its kind (free text) is dropped instead, which is only
 * possible for an optional argument (dropping a required one is missing_arg).
 */
export function ignoredContext(c: AltContext): Proposal | undefined {
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
