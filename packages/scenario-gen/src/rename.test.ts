import { mkdtempSync, readdirSync, symlinkSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { builtinPacks, loadDomain, loadPackFile, renamePack, type LoadedDomain } from "@chatmill/domains";
import { Rng } from "@chatmill/kit";
import { makePersona, personaId } from "@chatmill/persona-sample";
import { describe, expect, it } from "vitest";
import { fieldRenamesOf } from "../../domains/fixtures/renamed-fields.mjs";
import { ScenarioMaker } from "./scenario.js";

// Issue #16's renaming test for the generator: what a scenario asks for must come from what
// the pack declares, never from what its tools, tables, categories and fields are called (the
// fields renamed, and why not all yet: packages/domains/fixtures/renamed-fields.mjs). Its text
// never says a new name (a name is said only as the pack declares it, wording.names), so only
// its data maps back: a constraint's field and table, what a task knows and a booking matches.

/** The pack renamed (`pack`: the original's pack.json, or a variant of it), its data and policy shared; `back` maps each new name to its old one. */
function renamed(original: LoadedDomain, pack = original.pack): { domain: LoadedDomain; back: Record<string, string> } {
  const opaque = (prefix: string, names: string[]) => Object.fromEntries(names.map((n, i) => [n, `${prefix}${i}q`]));
  const renames = {
    tools: opaque("zzTool", original.pack.tools.map((t) => t.function.name)),
    tables: opaque("zzTable", Object.keys(original.pack.database.tables)),
    categories: opaque("zzCat", Object.keys(original.pack.categories)),
  };
  const fields = fieldRenamesOf(original.name);
  const dir = mkdtempSync(join(tmpdir(), `chatmill-renamed-${original.name}-`));
  // The data and the policy file are shared: every file of the pack but pack.json itself.
  for (const f of readdirSync(original.dir)) if (f !== "pack.json") symlinkSync(join(original.dir, f), join(dir, f));
  writeFileSync(join(dir, "pack.json"), JSON.stringify(renamePack(pack, { ...renames, fields }, (t) => original.table(t))));
  const back: Record<string, string> = {};
  for (const m of [...Object.values(renames), ...Object.values(fields)]) for (const [from, to] of Object.entries(m)) back[to] = from;
  return { domain: loadPackFile(join(dir, "pack.json")), back };
}

/** Names mapped back: whole values (a constraint's field, a table, a category) and field names in keys (what a task knows, "<service> <field>"; what a row must match). */
const mapBack = (value: unknown, back: Record<string, string>, key?: string): unknown =>
  typeof value === "string" ? back[value] ?? value
  : Array.isArray(value) ? value.map((v) => mapBack(v, back))
  : value && typeof value === "object" ? Object.fromEntries(Object.entries(value).map(([k, v]) => [key === "known" || key === "match" ? (back[k] ?? k).replace(/zzfield\d+q/g, (m) => back[m] ?? m) : k, mapBack(v, back, k)]))
  : value;

/** A new name, in any case ("Zzfield3q" would be one said first in a sentence). */
const NEW_NAME = /zz(?:tool|table|cat|field)\d+q/i;

/** The scenario's text: its goal, narrative, persona and what its task tells the simulated user. */
function textsOf(s: { goal: { text: string }; narrative?: string; persona: { description?: string }; task?: { instructions?: unknown } }): string[] {
  const i = (s.task?.instructions ?? {}) as { reason?: string; decisions?: string[]; unknown?: string[] };
  return [s.goal.text, s.narrative ?? "", s.persona.description ?? "", i.reason ?? "", ...(i.decisions ?? []), ...(i.unknown ?? [])];
}

describe.each([...builtinPacks])("renaming every tool, table and category (and fields) of %s", (name) => {
  it("gives the same scenarios apart from the names", () => {
    const original = loadDomain(name);
    const { domain, back } = renamed(original);
    const seed = 9;
    const a = new ScenarioMaker({ seed, domain: original });
    const b = new ScenarioMaker({ seed, domain });
    const categories = new Set<string>();
    for (let i = 0; i < 60; i++) {
      const persona = makePersona(i, Rng.for(seed, personaId(seed, i, name)), { seed, domain: original });
      const x = a.make(persona, Rng.for(seed, persona.id, "scenario", "0"), 0);
      const y = b.make(persona, Rng.for(seed, persona.id, "scenario", "0"), 0);
      categories.add(x.category);
      for (const text of textsOf(y)) expect(text, x.id).not.toMatch(NEW_NAME);
      expect(mapBack(y, back), x.id).toEqual(x);
    }
    expect(categories.size).toBeGreaterThan(5);
  });

  it("says no new name even when the pack words none of its fields (no wording.names, no wording.values): a name is not said for its shape", () => {
    const original = loadDomain(name);
    const { domain } = renamed(original, { ...original.pack, wording: { ...original.pack.wording, names: {}, values: {} } });
    const seed = 9;
    const b = new ScenarioMaker({ seed, domain });
    for (let i = 0; i < 60; i++) {
      const persona = makePersona(i, Rng.for(seed, personaId(seed, i, name)), { seed, domain: original });
      const y = b.make(persona, Rng.for(seed, persona.id, "scenario", "0"), 0);
      for (const text of textsOf(y)) expect(text, y.id).not.toMatch(NEW_NAME);
    }
  });
});
