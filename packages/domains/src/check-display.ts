import { FIELD_PARTS, FORMAT_PARTS, type DisplayParts, type DomainPack } from "@chatmill/schema";
import { fieldOf } from "./match.js";
import type { BaseTable } from "./tables.js";

type Fail = (path: string, detail: string) => never;
type Row = Record<string, unknown>;

/**
 * `offline.display`: every field a display names is a field of its table's rows, and a format's
 * parts are the ones it says (a review's score, a host's state, an option's label), each naming a
 * field the rows have — a list's entries' fields on the entries, in the data or joined by a
 * tool's include, and a members list's normal state one its entries are in. The engine reads only
 * these, never a field by its name.
 */
/** Text with a sentence in it: some words, then a full stop, question or exclamation mark. */
const sentenceOf = (v: unknown): boolean => typeof v === "string" && /\S+(\s+\S+){3,}[.!?](\s|$)/u.test(v);
const amount = (v: unknown): boolean => (typeof v === "number" && Number.isFinite(v)) || (typeof v === "string" && /^\d+(\.\d+)?$/.test(v.trim()));

export function checkDisplay(pack: DomainPack, tables: ReadonlyMap<string, BaseTable>, needTable: (name: string, path: string) => void, fail: Fail): void {
  for (const [table, d] of Object.entries(pack.offline?.display ?? {})) {
    const at = `offline.display.${table}`;
    needTable(table, at);
    const rows = tables.get(table)?.rows ?? [];
    const fields: Array<[string, string | undefined]> = [["title", d.title], ["id", d.id], ["price", d.price], ["image", d.image], ["prose", d.prose], ...(d.details ?? []).map((f, j) => [`details[${j}]`, f] as [string, string]), ...(d.unsaid ?? []).map((f, j) => [`unsaid[${j}]`, f] as [string, string]), ...partFields(d.parts)];
    for (const [k, f] of fields) {
      if (f !== undefined && rows.length > 0 && !rows.some((r) => fieldOf(r, f) !== undefined)) fail(`${at}.${k}`, `no row of table '${table}' has a field '${f}'`);
    }
    checkFormat(d.format, d.parts, at, fail);
    for (const k of ["usage", "members"] as const) {
      const list = d.parts?.[k];
      if (!list) continue;
      const entries = listEntries(pack, tables, table, rows, list.list);
      if (entries === undefined) fail(`${at}.parts.${k}.list`, `no row of table '${table}' has a list '${list.list}' and no tool's include on '${table}' joins one as '${list.list}'`);
      const inner: Array<[string, string]> = k === "usage" ? [["name", list.name], ["percent", (list as NonNullable<DisplayParts["usage"]>).percent]] : [["name", list.name], ["state", (list as NonNullable<DisplayParts["members"]>).state]];
      for (const [p, f] of inner) {
        if (entries!.rows.length > 0 && !entries!.rows.some((r) => fieldOf(r, f) !== undefined)) fail(`${at}.parts.${k}.${p}`, `no entry of '${list.list}' (${entries!.from}) has a field '${f}'`);
        if (entries!.project && !entries!.project.includes(f)) fail(`${at}.parts.${k}.${p}`, `the include that joins '${list.list}' does not return '${f}': add it to its project`);
      }
      // The normal state is one an entry is in (the engine compares it as written): a state no entry holds would make every entry stand out.
      if (k === "members" && entries!.rows.length > 0) {
        const m = list as NonNullable<DisplayParts["members"]>;
        const states = [...new Set(entries!.rows.flatMap((r) => (fieldOf(r, m.state) === undefined ? [] : [String(fieldOf(r, m.state))])))];
        if (!states.includes(m.normal)) {
          fail(`${at}.parts.members.normal`, `no entry of '${list.list}' (${entries!.from}) is in state '${m.normal}' (its '${m.state}' holds ${states.slice(0, 8).map((x) => `'${x}'`).join(", ")}): normal is the state of an entry that is as it should be, written as the data writes it`);
        }
      }
      if (k === "usage" && entries!.rows.length > 0 && !entries!.rows.some((r) => amount(fieldOf(r, (list as NonNullable<DisplayParts["usage"]>).percent)))) {
        fail(`${at}.parts.usage.percent`, `no entry of '${list.list}' holds a number in '${(list as NonNullable<DisplayParts["usage"]>).percent}': it is said as a percentage and compared with high`);
      }
    }
    // Parts said as numbers (a metric, a percentage, a quantity) hold numbers; an in-stock flag holds yes/no.
    const numbered: Array<[string, string | undefined]> = [...(d.parts?.metrics ?? []).map((m, j) => [`parts.metrics[${j}].field`, m.field] as [string, string]), ["parts.quantity", d.parts?.quantity]];
    for (const [p, f] of numbered) {
      if (f !== undefined && rows.length > 0 && !rows.some((r) => amount(fieldOf(r, f)))) fail(`${at}.${p}`, `'${f}' holds no number in table '${table}': this part is said and compared as a number`);
    }
    const flag = (v: unknown) => typeof v === "boolean" || (typeof v === "string" && /^(yes|no|true|false)$/i.test(v));
    if (d.parts?.available !== undefined && rows.length > 0 && !rows.some((r) => flag(fieldOf(r, d.parts!.available!)))) {
      fail(`${at}.parts.available`, `'${d.parts.available}' holds no yes/no in table '${table}': available is an in-stock flag (true/false)`);
    }
    // The prose field is quoted a sentence at a time: it must hold sentences, not a code or a list.
    if (d.prose !== undefined && rows.length > 0 && !rows.some((r) => sentenceOf(fieldOf(r, d.prose!)))) {
      fail(`${at}.prose`, `'${d.prose}' holds no sentence in table '${table}' (text of a few words ending in a full stop, e.g. "Soft cotton that keeps its shape."): display.prose names a field of prose a details answer quotes`);
    }
    // The price field is said as money ("under £60"): it must hold amounts, not text like "cheap".
    if (d.price !== undefined && rows.length > 0 && !rows.some((r) => amount(fieldOf(r, d.price!)))) {
      fail(`${at}.price`, `'${d.price}' holds no amount in table '${table}' (a number, e.g. 49.99): display.price names the field of a row's price, said with the currency; leave a price band like "cheap" to details`);
    }
  }
}

/** The parts that name a field of the table's own rows, with their paths under the display. */
function partFields(parts: DisplayParts | undefined): Array<[string, string]> {
  if (!parts) return [];
  const out: Array<[string, string]> = [];
  for (const k of FIELD_PARTS) if (parts[k] !== undefined) out.push([`parts.${k}`, parts[k]!]);
  parts.where?.forEach((f, j) => out.push([`parts.where[${j}]`, f]));
  parts.metrics?.forEach((m, j) => out.push([`parts.metrics[${j}].field`, m.field]));
  return out;
}

/** A format says its rows from its own parts: the ones it needs are named, and no other format's. */
function checkFormat(format: string | undefined, parts: DisplayParts | undefined, at: string, fail: Fail): void {
  const spec = format !== undefined && format in FORMAT_PARTS ? FORMAT_PARTS[format as keyof typeof FORMAT_PARTS] : undefined;
  const named = Object.keys(parts ?? {}).filter((k) => parts![k as keyof DisplayParts] !== undefined) as Array<keyof DisplayParts>;
  if (!spec) {
    if (named.length > 0) fail(`${at}.parts`, `parts are for format ${Object.keys(FORMAT_PARTS).map((f) => `'${f}'`).join(", ")}; give the format`);
    return;
  }
  if (parts === undefined) fail(`${at}.parts`, `format '${format}' says each row from its parts: name the field of its ${spec.needs.join(" and its ")} ("parts": {${spec.needs.map((k) => `"${k}": "…"`).join(", ")}})`);
  for (const k of spec.needs) if (parts![k] === undefined) fail(`${at}.parts.${k}`, `format '${format}' needs its ${k}: name the field that holds it`);
  for (const k of named) if (!spec.may.includes(k)) fail(`${at}.parts.${k}`, `'${k}' is not a part of format '${format}' (its parts: ${spec.may.join(", ")})`);
}

/**
 * The entries of a row's list `list`: in the data (a field of the rows holding objects), else
 * joined by a tool over `table` whose include returns them `as` it (the included table's rows,
 * and the fields its project returns). Undefined when neither has it.
 */
function listEntries(pack: DomainPack, tables: ReadonlyMap<string, BaseTable>, table: string, rows: readonly Row[], list: string): { rows: Row[]; from: string; project?: string[] } | undefined {
  const nested = rows.flatMap((r) => (Array.isArray(r[list]) ? (r[list] as unknown[]).filter((e): e is Row => !!e && typeof e === "object") : []));
  if (rows.some((r) => Array.isArray(r[list]))) return { rows: nested, from: `in the rows of '${table}'` };
  for (const tool of pack.tools) {
    const run = tool.run as { table?: string; include?: Array<{ table: string; as: string; project?: string[] }> };
    const inc = run.table === table ? run.include?.find((i) => i.as === list) : undefined;
    if (inc) return { rows: [...(tables.get(inc.table)?.rows ?? [])] as Row[], from: `table '${inc.table}', joined by '${tool.function.name}'`, ...(inc.project ? { project: inc.project } : {}) };
  }
  return undefined;
}
