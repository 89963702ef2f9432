import { catalogIndex } from "./mentions.js";
import { toolInfos } from "./tool-info.js";
import { isObj, type Domain, type Obj } from "./types.js";

const vocabCache = new WeakMap<object, Set<string>>();

/**
 * The domain's words a user can state as a request: enum values of the tools' arguments and
 * the values of the fields their filters test (colors, categories, areas, cuisines…).
 */
export function vocabulary(domain: Domain): Set<string> {
  let v = vocabCache.get(domain);
  if (v) return v;
  v = new Set();
  const add = (x: unknown): void => {
    for (const s of Array.isArray(x) ? x : [x]) if (typeof s === "string" && s.length >= 3 && s.length <= 40 && !/^\d+$/.test(s)) v!.add(s.toLowerCase());
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

/** The domain terms and catalog records the user's message states. */
export function requestTerms(domain: Domain, text: string): { words: string[]; ids: Array<{ id: string; name?: string }> } {
  const vocab = vocabulary(domain);
  const toks = text.toLowerCase().split(/[^a-z0-9&'-]+/).filter(Boolean);
  const words = new Set<string>();
  for (let i = 0; i < toks.length; i++) {
    for (let n = 4; n >= 1; n--) {
      const gram = toks.slice(i, i + n).join(" ");
      if (vocab.has(gram)) {
        words.add(gram);
        break;
      }
    }
  }
  const ids = catalogIndex(domain).find(text).map((m) => ({ id: m.entry.id, ...(m.entry.name ? { name: m.entry.name } : {}) }));
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
  for (const w of terms.words) {
    if (values.some((v) => v === w || v.includes(w) || (w.endsWith("s") && v.includes(w.slice(0, -1))))) carried += 1;
    else notes.push(`leaves out "${w}", which the user just asked for`);
  }
  for (const e of terms.ids) {
    const name = e.name?.toLowerCase();
    if (values.some((v) => v === e.id.toLowerCase() || (name !== undefined && v.includes(name)))) carried += 1;
    else notes.push(`leaves out ${e.name ?? e.id}, which the user just named`);
  }
  return carried / total;
}
