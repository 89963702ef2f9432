// Reading a source dialogue's skeleton: its calls, their arguments and results, and what its
// questions name. What augment keeps of a source is read here; the new turns are worded elsewhere.
import { words } from "./tool-words.js";

export type Obj = Record<string, unknown>;
export const isObj = (v: unknown): v is Obj => !!v && typeof v === "object" && !Array.isArray(v);
export const text = (v: unknown): string => (typeof v === "string" ? v : "");

export interface SourceCall {
  /** The call as the source wrote it (its other fields, e.g. inferred, are kept). */
  raw: Obj;
  id: string;
  name: string;
  args: Obj;
  result?: Obj;
}

/** Fields of a source message that describe the source (grades, inferred states) and not the new turn. */
export function stripSourceFields(m: Obj): Obj {
  const { grade: _g, alternatives: _a, state: _s, grounding: _gr, recovery: _r, swapped: _sw, ...rest } = m;
  return rest;
}

export function setupOf(d: Obj): Array<{ name: string; arguments: Obj }> {
  const meta = isObj(d.meta) ? d.meta : {};
  return (Array.isArray(meta.setup) ? meta.setup : []).filter((c): c is { name: string; arguments: Obj } => isObj(c) && typeof c.name === "string" && isObj(c.arguments));
}

export function argsOf(c: Obj): Obj {
  let a: unknown = c.arguments ?? (isObj(c.function) ? c.function.arguments : undefined);
  if (typeof a === "string") {
    try {
      a = JSON.parse(a);
    } catch {
      return {};
    }
  }
  return isObj(a) ? a : {};
}

/** An argument value as a user would have typed it (strings of 2+ characters, numbers). */
export function valueText(v: unknown): string | undefined {
  if (typeof v === "number" && Number.isFinite(v)) return String(v);
  if (typeof v === "string" && v.trim().length >= 2) return v.trim().toLowerCase();
  return undefined;
}

export function parse(s: string): unknown {
  try {
    return JSON.parse(s);
  } catch {
    return undefined;
  }
}

export function countOf(data: unknown, rows: Obj[]): number {
  if (isObj(data)) for (const k of ["count", "total"]) if (typeof data[k] === "number") return data[k] as number;
  return rows.length;
}

/**
 * What people call a field or parameter, to find it in the source's text: with a pack, its
 * declared name (wording.names) or the words its own text says (sayableName), else none, so a key
 * nobody says is never asked about; without one (an imported dialogue, no pack) its name's words,
 * an id excepted (a result's `id`; a parameter ending in id).
 */
export type CalledBy = (key: string) => string | undefined;
const fieldWords: CalledBy = (k) => (k === "id" ? undefined : words(k));
const parameterWords: CalledBy = (k) => {
  const w = words(k);
  return /(^|\s)id$/.test(w) ? undefined : w;
};

/** The result fields a user's question names ("what's the phone number?" → phone; "the opening hours" → openhours, by the pack's name for it). */
export function attributesAsked(src: string, rows: Obj[], called: CalledBy = fieldWords): string[] {
  const lower = src.toLowerCase();
  const keys = new Set(rows.flatMap((r) => Object.keys(r)));
  return [...keys].filter((k) => called(k)?.toLowerCase().split(" ").every((w) => w.length > 2 && lower.includes(w)) === true);
}

/** The parameters of the dialogue's tools a question names ("a price range" names pricerange). */
export function parametersNamed(question: string, tools: unknown, called: CalledBy = parameterWords): string[] {
  const q = question.toLowerCase();
  const squeezed = q.replace(/[^\p{L}\p{N}]+/gu, "");
  const names = new Set<string>();
  for (const t of Array.isArray(tools) ? tools : []) {
    const params = isObj(t) && isObj(t.function) && isObj(t.function.parameters) && isObj(t.function.parameters.properties) ? Object.keys(t.function.parameters.properties) : [];
    for (const p of params) {
      const w = called(p)?.toLowerCase();
      if (w === undefined || w.length < 4) continue;
      if (q.includes(w) || squeezed.includes(w.replace(/\s+/g, ""))) names.add(p);
    }
  }
  return [...names].slice(0, 2);
}
