import { mkdtempSync, readdirSync, symlinkSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { builtinDomains, builtinPacks, createSession, loadDomain, loadPackFile, renamePack, type LoadedDomain, type Renames } from "@chatmill/domains";
import { Rng } from "@chatmill/kit";
import type { Scenario } from "@chatmill/schema";
import { describe, expect, it } from "vitest";
import { fieldRenamesOf } from "../../domains/fixtures/renamed-fields.mjs";
import { offlineDialogue } from "./engine/dialogue.js";
import { sampleScenarios } from "./testing/scenarios.js";

// The renaming test of issue #16: no behaviour may depend on what a tool, table, category or
// field is called. Every tool, table and category gets an opaque new name (a mechanical rename
// over the pack JSON; the data files are shared), and so do the fields below (their tables'
// rows are rewritten), the same scenarios run on both packs with the same seed, and the
// dialogues must be the same once the new names are mapped back in what is data (tool calls and
// results, the scenario's keys). What the user and the assistant say never holds a new name:
// a name is said only as the pack declares it (wording.names), so nothing said needs mapping.
// The fields renamed, and why not all yet: packages/domains/fixtures/renamed-fields.mjs.

const opts = { failureRate: 0.15, createSession, tool: "dialogue-sim", version: "test", seed: 1 };

function renamesOf(domainName: string): Renames {
  const pack = loadDomain(domainName).pack;
  const opaque = (prefix: string, names: string[]) => Object.fromEntries(names.map((n, i) => [n, `${prefix}${i}q`]));
  return {
    tools: opaque("zzTool", pack.tools.map((t) => t.function.name)),
    tables: opaque("zzTable", Object.keys(pack.database.tables)),
    categories: opaque("zzCat", Object.keys(pack.categories)),
    fields: fieldRenamesOf(domainName),
  };
}

/** old field name → new, over the given tables (renamesOf gives a field one new name in every table that renames it). */
function fieldMapOf(renames: Renames, tables: Iterable<string> = Object.keys(renames.fields ?? {})): Record<string, string> {
  return Object.assign({}, ...[...tables].map((t) => renames.fields?.[t] ?? {})) as Record<string, string>;
}

/** The scenario as the renamed pack's scenario-gen writes it: its constraints' fields, the fields its task knows and its bookings match, by its tables' renames. */
function withFields(s: Scenario, renames: Renames): Scenario {
  const tables = new Set(s.goal.constraints.flatMap((c) => (c.table ? [c.table] : [])));
  const map = fieldMapOf(renames, tables);
  const out = structuredClone(s);
  for (const c of out.goal.constraints) if (c.table && renames.fields?.[c.table]?.[c.field]) c.field = renames.fields[c.table]![c.field]!;
  const instructions = out.task?.instructions as { known?: Record<string, unknown> } | undefined;
  // Its keys are "<service> <field>" (a booking's reference too): the field is the last word.
  const knownKey = (k: string): string => k.replace(/(^| )([^ ]+)$/, (_m, sp: string, f: string) => sp + (map[f] ?? f));
  if (instructions?.known) instructions.known = Object.fromEntries(Object.entries(instructions.known).map(([k, v]) => [knownKey(k), v]));
  // What a booking must match names the booked row by its table's key field.
  const goal = out.goal as { end_state?: unknown[]; setup?: unknown[] };
  for (const e of [...(goal.end_state ?? []), ...(goal.setup ?? [])] as Array<{ match?: Record<string, unknown> }>) {
    if (e.match) e.match = Object.fromEntries(Object.entries(e.match).map(([k, v]) => [map[k] ?? k, v]));
  }
  return out;
}

/** Every string of a record with names mapped: whole values, and names inside data text (a tool result's JSON). */
function mapNames(value: unknown, map: Record<string, string>, re: RegExp | undefined, keys?: Set<string>): unknown {
  if (typeof value === "string") return map[value] ?? (re ? value.replace(re, (m) => map[m] ?? m) : value);
  if (Array.isArray(value)) return value.map((v) => mapNames(v, map, re, keys));
  if (value && typeof value === "object") {
    return Object.fromEntries(Object.entries(value).map(([k, v]) => [k, keys && !keys.has(k) && typeof v === "string" ? v : mapNames(v, map, re, keys)]));
  }
  return value;
}

/** A new name, in any case ("Zzfield14q" would be one said first in a sentence). */
const NEW_NAME = /zz(?:tool|table|cat|field)\d+q/i;

/** What the user and the assistant say in a dialogue: every message's text. */
function saidTexts(d: { messages: Array<{ role: string; content?: unknown }> }): string[] {
  return d.messages.flatMap((m) => ((m.role === "user" || m.role === "assistant") && typeof m.content === "string" ? [m.content] : []));
}

/** The dialogue's copy of its scenario with field names as keys (what its task knows, what a booking matches) under their old names. */
function knownBack(value: unknown, fields: Record<string, string>): unknown {
  const back = Object.fromEntries(Object.entries(fields).map(([from, to]) => [to, from]));
  if (Array.isArray(value)) return value.map((v) => knownBack(v, fields));
  if (!value || typeof value !== "object") return value;
  return Object.fromEntries(
    Object.entries(value).map(([k, v]) => [k, (k === "known" || k === "match") && v && typeof v === "object" ? Object.fromEntries(Object.entries(v).map(([f, x]) => [f.replace(/zzfield\d+q/g, (m) => back[m] ?? m), x])) : knownBack(v, fields)]),
  );
}

/** Tool results with their keys in order: a result's JSON lists keys sorted by name, and a renamed field sorts elsewhere. */
function sortedResults<T extends { messages: Array<{ role: string; content?: unknown }> }>(d: T): T {
  const sort = (v: unknown): unknown =>
    Array.isArray(v) ? v.map(sort) : v && typeof v === "object" ? Object.fromEntries(Object.keys(v).sort().map((k) => [k, sort((v as Record<string, unknown>)[k])])) : v;
  return { ...d, messages: d.messages.map((m) => (m.role === "tool" && typeof m.content === "string" ? { ...m, content: JSON.stringify(sort(JSON.parse(m.content))) } : m)) };
}

/** The pack renamed (`pack`: the original's pack.json, or a variant of it), its data and policy shared. */
function renamedDomain(original: LoadedDomain, renames: Renames, pack = original.pack): LoadedDomain {
  const dir = mkdtempSync(join(tmpdir(), `chatmill-renamed-${original.name}-`));
  // The data and the policy file are shared: every file of the pack but pack.json itself.
  for (const f of readdirSync(original.dir)) if (f !== "pack.json") symlinkSync(join(original.dir, f), join(dir, f));
  writeFileSync(join(dir, "pack.json"), JSON.stringify(renamePack(pack, renames, (t) => original.table(t))));
  return loadPackFile(join(dir, "pack.json"));
}

/** The scenario as the renamed pack's scenario-gen would write it: its tables, category, fields and task's tools renamed. */
function movedScenario(s: Scenario, renames: Renames): Scenario {
  const moved = mapNames(withFields(s, renames), { ...renames.tables, ...renames.categories }, undefined, new Set(["table", "category"])) as Scenario;
  if (moved.task) moved.task = mapNames(moved.task, renames.tools!, undefined, new Set(["name"])) as Scenario["task"];
  return moved;
}

describe.each([...builtinPacks])("renaming every tool, table and category (and fields) of %s", (domainName) => {
  it("gives the same dialogues apart from the names", () => {
    const original = loadDomain(domainName);
    const renames = renamesOf(domainName);
    const renamed = renamedDomain(original, renames);
    // The rename really happened: no old name is left in the pack's identifiers.
    expect(renamed.tools.map((t) => t.function.name).every((n) => n.startsWith("zzTool"))).toBe(true);
    expect([...renamed.tables.keys()].every((n) => n.startsWith("zzTable"))).toBe(true);
    const fields = fieldMapOf(renames);
    for (const [table, map] of Object.entries(renames.fields ?? {})) {
      const rows = renamed.table(renames.tables![table]!);
      for (const [from, to] of Object.entries(map)) expect(rows.some((r) => to in r) && !rows.some((r) => from in r), `${table}.${from}`).toBe(true);
    }

    const back: Record<string, string> = {};
    for (const m of [renames.tools!, renames.tables!, renames.categories!, fields]) for (const [from, to] of Object.entries(m)) back[to] = from;
    const newNames = /zz(?:Tool|Table|Cat|field)\d+q/g;

    let calls = 0;
    for (const s of sampleScenarios(domainName, 40, 5)) {
      const a = offlineDialogue(s, original, Rng.for(1, s.id, "dialogue"), opts).dialogue;
      const b = offlineDialogue(movedScenario(s, renames), renamed, Rng.for(1, s.id, "dialogue"), opts).dialogue;
      calls += a.messages.filter((m) => m.role === "tool").length;
      // Nothing said names a renamed thing: no new name in any line of the user or the assistant.
      for (const text of saidTexts(b)) expect(text, s.id).not.toMatch(NEW_NAME);
      expect(sortedResults(knownBack(mapNames(b, back, newNames), fields) as typeof b), s.id).toEqual(sortedResults(a));
    }
    // The dialogues did use the tools, so names had every chance to matter (the offline engine
    // makes no calls for the tau packs' tasks: there only what is said is compared).
    if ((builtinDomains as readonly string[]).includes(domainName)) expect(calls).toBeGreaterThan(40);
  });

  it("says no new name even when the pack words none of its fields (no wording.names, no wording.values): a name is not said for its shape", () => {
    const original = loadDomain(domainName);
    const renames = renamesOf(domainName);
    const renamed = renamedDomain(original, renames, { ...original.pack, wording: { ...original.pack.wording, names: {}, values: {} } });
    let said = 0;
    for (const s of sampleScenarios(domainName, 40, 5)) {
      const b = offlineDialogue(movedScenario(s, renames), renamed, Rng.for(1, s.id, "dialogue"), opts).dialogue;
      for (const text of saidTexts(b)) expect(text, s.id).not.toMatch(NEW_NAME);
      said += saidTexts(b).length;
    }
    expect(said).toBeGreaterThan(100);
  });
});
