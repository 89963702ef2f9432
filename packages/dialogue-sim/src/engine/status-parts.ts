// What a row's state is made of, read from the parts its table's display declares (format
// status): its state, where it is, its numbers, a list filled to a percentage, a list of members
// in states — and what of it stands out. No field is read by its name.
import type { Rng } from "@chatmill/kit";
import type { DisplayParts, Said } from "@chatmill/schema";
import type { Domain, Row } from "../contract.js";
import type { Lang } from "../phrases/describe.js";
import { expand } from "../phrases/grammar.js";
import { unsaidFields } from "./present.js";
import { nameFieldOf } from "./rows.js";
import { factSaying, type FactSaying } from "@chatmill/domains";

/** How a row's state is said: its table's status parts (none: the row is said by its facts), and the fields its facts leave out. */
export interface StatusHow {
  parts?: DisplayParts | undefined;
  skip: readonly string[];
  /** The table's declared title (display.<table>.title): what the row is called. */
  title?: string | undefined;
  /** How the pack lets its fields be said (FactSaying): how a row without status parts has its facts said. */
  say?: FactSaying | undefined;
}

/** How rows of `table` are said when asked how they are: from its display's status parts when it declares format status. */
export function statusHow(domain: Domain, table: string | undefined, row: Row): StatusHow {
  const disp = table ? domain.offline.display?.[table] : undefined;
  // The facts leave out what the row is called (said first) and what the pack never says.
  const title = table ? domain.titleOf(table) : undefined;
  const skip = [...new Set([...unsaidFields(domain, table, row), ...[nameFieldOf(row, title)].filter((f): f is string => f !== undefined)])];
  const say = factSaying(domain);
  return disp?.format === "status" ? { parts: disp.parts ?? {}, skip, title, say } : { skip, title, say };
}

/** Words the pack gives in a language (Hindi and Hinglish default to the English). */
export function saidIn(s: Said, lang: Lang): string {
  return (lang === "hi" ? s.hi : lang === "mixed" ? s.mixed : undefined) ?? s.en;
}

/** A part's value in the row (undefined when the part is not declared). */
/** A row's value of a declared part; a null (not known: an unreachable host's uptime) is no value, and is not said. */
export function partOf(row: Row, f: string | undefined): unknown {
  return f === undefined ? undefined : (row[f] ?? undefined);
}

/** Where the row is (its declared `where` fields), the values it has. */
export function whereOf(row: Row, p: DisplayParts): string[] {
  return (p.where ?? []).map((f) => row[f]).filter((v) => v !== undefined && v !== "").map(String);
}

/** The row's numbers, each said with its words ("CPU at 71%"), in the declared order. */
export function metricsSaid(row: Row, p: DisplayParts, lang: Lang, rng: Rng): string[] {
  return (p.metrics ?? []).filter((m) => row[m.field] !== undefined).map((m) => expand(saidIn(m.say, lang), rng, { value: String(row[m.field]) }));
}

/** One entry of the usage list: its name and percentage as written. */
export interface Used {
  name: string;
  pct: string;
}

/** The row's usage list with a name and a percentage, the fullest first: that is the one an operator would worry about. */
export function usageByPercent(row: Row, p: DisplayParts): Used[] {
  const u = p.usage;
  if (!u) return [];
  const entries = (Array.isArray(row[u.list]) ? (row[u.list] as Row[]) : []).filter((d) => d[u.name] !== undefined && d[u.percent] !== undefined);
  return entries.sort((a, b) => Number(b[u.percent]) - Number(a[u.percent])).map((d) => ({ name: String(d[u.name]), pct: String(d[u.percent]) }));
}

/** The row's members grouped by state, as `name` lists, what is not in the normal state first. */
export function membersByState(row: Row, p: DisplayParts): Array<[string, string[]]> {
  const m = p.members;
  if (!m) return [];
  const byState = new Map<string, string[]>();
  for (const s of Array.isArray(row[m.list]) ? (row[m.list] as Row[]) : []) {
    const state = String(s[m.state] ?? "unknown");
    byState.set(state, [...(byState.get(state) ?? []), `\`${String(s[m.name])}\``]);
  }
  return [...byState.entries()].sort(([a], [b]) => Number(a === m.normal) - Number(b === m.normal));
}

/**
 * What an engineer would say of a host when asked how it is: its state line, then only what
 * stands out — numbers when one is at or over its `high`, the usage list when its fullest entry
 * is, members when one is not in the normal state — and, when nothing does, at most one of the
 * rest (drawn; none when `extra` is false). `sentences` is the full list, in its order: state, numbers, usage, members (each
 * only when the row has it). `fullest`: the fullest entry said alone, when the language has a way.
 */
export function gistOf(row: Row, p: DisplayParts, sentences: string[], rng: Rng, fullest?: (top: Used) => string, extra = true): string[] {
  if (partOf(row, p.state) === undefined || sentences.length <= 1) return sentences;
  const kinds: Array<"load" | "usage" | "members"> = [];
  if ((p.metrics ?? []).some((m) => row[m.field] !== undefined)) kinds.push("load");
  const used = usageByPercent(row, p);
  if (used.length) kinds.push("usage");
  const byState = membersByState(row, p);
  if (byState.length) kinds.push("members");
  const high = (v: unknown, at: number | undefined) => at !== undefined && Number(v ?? 0) >= at;
  const stands = {
    load: (p.metrics ?? []).some((m) => high(row[m.field], m.high)),
    usage: high(used[0]?.pct, p.usage?.high),
    members: byState.some(([st]) => st !== p.members?.normal),
  };
  const keep = kinds.map((k) => stands[k]);
  // Nothing stands out: one of the rest now and then — not when the row was reported already (`extra` false).
  if (extra && !keep.some(Boolean) && rng.chance(0.7)) keep[rng.int(0, kinds.length - 1)] = true;
  return [
    sentences[0]!,
    ...sentences.slice(1).flatMap((text, i) => {
      if (!keep[i]) return [];
      const kind = kinds[i];
      // What stands out is said alone: the filling entry, not every one; the members not in the normal state, not the rest.
      if (kind === "members" && stands.members) return [text.split("; ").filter((_part, j) => byState[j]![0] !== p.members?.normal).join("; ")];
      if (kind === "usage" && stands.usage && fullest) return [fullest(used[0]!)];
      return [text];
    }),
  ];
}

export function capFirst(s: string): string {
  return s.startsWith("`") ? s : s.charAt(0).toUpperCase() + s.slice(1);
}
