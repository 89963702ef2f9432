// The defects and helpers that deal in a table's ids: which ids the dialogue has shown, and an id
// of the same shape that names nothing (hallucinated_id).
import type { Rng } from "@chatmill/kit";
import type { AltContext, Proposal } from "./alt-context.js";
import { idLike } from "./mentions.js";
import type { Domain } from "./types.js";

/** Ids of the table the call or the dialogue so far names: the call's own id arguments first, then the latest results'. */
export function idsFrom(c: AltContext, table: string): string[] {
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

export function safeKey(domain: Domain, table: string): string {
  try {
    return domain.keyOf(table);
  } catch {
    return "id";
  }
}

export function hallucinatedId(c: AltContext): Proposal | undefined {
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
