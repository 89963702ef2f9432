import { catalogIndex, idLike } from "./mentions.js";
import { longestSpans } from "./words.js";
import { catalogTables, toolInfos } from "./tool-info.js";
import { isObj, type Domain, type Obj } from "./types.js";

const vocabCache = new WeakMap<object, Set<string>>();

/** Field values that are answers, not requests ("yes" to "shall I book?" asks for no parking). */
const GENERIC = new Set(["yes", "no", "any", "none", "true", "false", "unknown", "dontcare", "n/a", "not"]);

/**
 * The domain's words a user can state as a request: enum values of the tools' arguments and
 * the values of the fields their filters test (colors, categories, areas, cuisines…).
 */
export function vocabulary(domain: Domain): Set<string> {
  let v = vocabCache.get(domain);
  if (v) return v;
  v = new Set();
  const add = (x: unknown): void => {
    for (const s of Array.isArray(x) ? x : [x]) if (typeof s === "string" && s.length >= 3 && s.length <= 40 && !/^\d+$/.test(s) && !GENERIC.has(s.toLowerCase())) v!.add(s.toLowerCase());
  };
  for (const info of toolInfos(domain).values()) {
    for (const p of Object.values(info.properties)) if (isObj(p) && Array.isArray(p.enum)) add(p.enum);
    const table = (info.run as Obj | undefined)?.table;
    if (typeof table !== "string") continue;
    const rows = domain.table(table);
    for (const f of info.filters) {
      if (f.op === "text" || f.op === "contains") continue;
      for (const r of rows.slice(0, 5000)) add(r[f.field]);
    }
  }
  vocabCache.set(domain, v);
  return v;
}

const commandCache = new WeakMap<object, RegExp[]>();

/** The command patterns the pack's command tools accept (ops' run_command: uptime, df -h, …). */
function commandPatterns(domain: Domain): RegExp[] {
  let out = commandCache.get(domain);
  if (out) return out;
  out = [];
  for (const info of toolInfos(domain).values()) {
    const run = info.run as Obj | undefined;
    if (run?.op !== "command" || !Array.isArray(run.commands)) continue;
    for (const c of run.commands) {
      if (!isObj(c) || typeof c.pattern !== "string") continue;
      try {
        out.push(new RegExp(c.pattern));
      } catch {
        // a pattern this engine cannot read states nothing
      }
    }
  }
  commandCache.set(domain, out);
  return out;
}

/** The longest spans of the text (up to 4 words) that a command pattern accepts. */
function commandsIn(domain: Domain, text: string): string[] {
  const patterns = commandPatterns(domain);
  if (patterns.length === 0) return [];
  const toks = text.toLowerCase().split(/[\s`'"“”‘’,;?!()]+/).filter(Boolean);
  return longestSpans(toks, 4, (span) => patterns.some((p) => p.test(span))).map((m) => m.span);
}

/** The domain terms and catalog records the user's message states. */
export function requestTerms(domain: Domain, text: string): { words: string[]; ids: Array<{ id: string; name?: string }> } {
  const vocab = vocabulary(domain);
  const toks = text.toLowerCase().split(/[^a-z0-9&'-]+/).filter(Boolean);
  const words = new Set<string>(commandsIn(domain, text));
  for (let i = 0; i < toks.length; i++) {
    for (let n = 4; n >= 1; n--) {
      const gram = toks.slice(i, i + n).join(" ");
      if (vocab.has(gram)) {
        words.add(gram);
        break;
      }
    }
  }
  // One record per name: a service name (node_exporter) names a row on every agent that runs it.
  const ids: Array<{ id: string; name?: string }> = [];
  for (const m of catalogIndex(domain).find(text)) {
    if (m.entry.name && ids.some((e) => e.name?.toLowerCase() === m.entry.name!.toLowerCase())) continue;
    ids.push({ id: m.entry.id, ...(m.entry.name ? { name: m.entry.name } : {}) });
  }
  // A word inside a named item ("black" in "Marni Red & Black Suit") is part of the name, not a request of its own.
  const inNames = ids.map((e) => (e.name ?? "").toLowerCase());
  return { words: [...words].filter((w) => !inNames.some((n) => n.includes(w))), ids };
}

/**
 * The share of what the user's latest message asks for that the call carries: each domain term
 * it states appears in an argument, each item it names is an argument (by id or name).
 * Undefined when the message states nothing the domain knows.
 */
export function requestFit(args: Obj, terms: { words: string[]; ids: Array<{ id: string; name?: string }> }, notes: string[]): number | undefined {
  const total = terms.words.length + terms.ids.length;
  if (total === 0) return undefined;
  const values = Object.values(args).flatMap((v) => (Array.isArray(v) ? v : [v])).filter((v) => typeof v === "string" || typeof v === "number").map((v) => String(v).toLowerCase());
  let carried = 0;
  // An id (web-02) names one record; it does not carry a word of the request ("web").
  const words = values.filter((v): boolean => !idLike(v));
  for (const w of terms.words) {
    if (words.some((v) => v === w || v.includes(w) || (w.endsWith("s") && v.includes(w.slice(0, -1))))) carried += 1;
    else notes.push(`leaves out "${w}", which the user just asked for`);
  }
  for (const e of terms.ids) {
    const name = e.name?.toLowerCase();
    if (values.some((v) => v === e.id.toLowerCase() || (name !== undefined && v.includes(name)))) carried += 1;
    else notes.push(`leaves out ${e.name ?? e.id}, which the user just named`);
  }
  return carried / total;
}

const valueCache = new WeakMap<object, Map<string, Set<string>>>();

/**
 * The categorical values of the domain's catalog tables (colors, categories, climates, areas,
 * statuses: fields with at most 300 distinct short strings): what a reply states about a record.
 */
export function catalogValues(domain: Domain): Map<string, Set<string>> {
  let out = valueCache.get(domain);
  if (out) return out;
  out = new Map();
  for (const table of catalogTables(domain)) {
    const byField = new Map<string, Set<string>>();
    for (const row of domain.table(table).slice(0, 5000)) {
      for (const [k, v] of Object.entries(row)) {
        for (const x of Array.isArray(v) ? v : [v]) {
          if (typeof x !== "string") continue;
          const s = x.trim().toLowerCase();
          if (s.length < 3 || s.length > 30 || /^[\d\s.:-]+$/.test(s) || idLike(s) || GENERIC.has(s)) continue;
          const set = byField.get(k) ?? new Set<string>();
          if (set.size <= 300) set.add(s);
          byField.set(k, set);
        }
      }
    }
    for (const [field, set] of byField) {
      if (set.size > 300) continue;
      for (const v of set) {
        const fields = out.get(v) ?? new Set<string>();
        fields.add(`${table}.${field}`);
        out.set(v, fields);
      }
    }
  }
  valueCache.set(domain, out);
  return out;
}

/**
 * The catalog values a text states (longest first, up to 3 words). A value alone is ambiguous
 * (pattern "checked" in "I checked"; "solid" in "solid choice"), so only values that stand
 * within a few words of another value of the same field count ("in black, blue or red";
 * "all-weather, indoor and warm").
 */
export function valuesIn(values: Map<string, Set<string>>, text: string): string[] {
  // Memoised: a reply is checked once per alternative, twice per grade.
  let memo = valuesMemo.get(values);
  if (!memo) valuesMemo.set(values, (memo = new Map()));
  let hit = memo.get(text);
  if (!hit) {
    if (memo.size >= 2000) memo.clear();
    memo.set(text, (hit = scanValues(values, text)));
  }
  return hit;
}

const valuesMemo = new WeakMap<object, Map<string, string[]>>();

function scanValues(values: Map<string, Set<string>>, text: string): string[] {
  const toks = text.toLowerCase().split(/[^a-z0-9&'+-]+/).filter(Boolean);
  const found = longestSpans(toks, 3, (gram) => values.has(gram)).map((m) => ({ v: m.span, at: m.at }));
  const out = new Set<string>();
  const sameField = (a: string, b: string) => [...(values.get(a) ?? [])].some((x) => values.get(b)?.has(x));
  for (const f of found) if (found.some((g) => g !== f && g.v !== f.v && Math.abs(g.at - f.at) <= 4 && sameField(f.v, g.v))) out.add(f.v);
  return [...out];
}
