import { mkdtempSync, readdirSync, symlinkSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { builtinDomains, createSession, loadDomain, loadPackFile, renamePack, type Renames } from "@chatmill/domains";
import { Rng } from "@chatmill/kit";
import type { Scenario } from "@chatmill/schema";
import { describe, expect, it } from "vitest";
import { offlineDialogue } from "./engine/dialogue.js";
import { sampleScenarios } from "./testing/scenarios.js";

// The renaming test of issue #16: no behaviour may depend on what a tool, table or category
// is called. Every one of them gets an opaque new name (a mechanical rename over the pack
// JSON; the data files are shared), the same scenarios run on both packs with the same seed,
// and the dialogues must be the same once the new names are mapped back.

const opts = { failureRate: 0.15, createSession, tool: "dialogue-sim", version: "test", seed: 1 };

function renamesOf(domainName: string): Renames {
  const pack = loadDomain(domainName).pack;
  const opaque = (prefix: string, names: string[]) => Object.fromEntries(names.map((n, i) => [n, `${prefix}${i}q`]));
  return {
    tools: opaque("zzTool", pack.tools.map((t) => t.function.name)),
    tables: opaque("zzTable", Object.keys(pack.database.tables)),
    categories: opaque("zzCat", Object.keys(pack.categories)),
  };
}

/** Every string of a record with names mapped: whole values, and names inside text. */
function mapNames(value: unknown, map: Record<string, string>, re: RegExp | undefined, keys?: Set<string>): unknown {
  if (typeof value === "string") return map[value] ?? (re ? value.replace(re, (m) => map[m] ?? m) : value);
  if (Array.isArray(value)) return value.map((v) => mapNames(v, map, re, keys));
  if (value && typeof value === "object") {
    return Object.fromEntries(Object.entries(value).map(([k, v]) => [k, keys && !keys.has(k) && typeof v === "string" ? v : mapNames(v, map, re, keys)]));
  }
  return value;
}

describe.each([...builtinDomains])("renaming every tool, table and category of %s", (domainName) => {
  it("gives the same dialogues apart from the names", () => {
    const original = loadDomain(domainName);
    const renames = renamesOf(domainName);
    const dir = mkdtempSync(join(tmpdir(), `chatmill-renamed-${domainName}-`));
    // The data and the policy file are shared: every file of the pack but pack.json itself.
    for (const f of readdirSync(original.dir)) if (f !== "pack.json") symlinkSync(join(original.dir, f), join(dir, f));
    writeFileSync(join(dir, "pack.json"), JSON.stringify(renamePack(original.pack, renames)));
    const renamed = loadPackFile(join(dir, "pack.json"));
    // The rename really happened: no old name is left in the pack's identifiers.
    expect(renamed.tools.map((t) => t.function.name).every((n) => n.startsWith("zzTool"))).toBe(true);
    expect([...renamed.tables.keys()].every((n) => n.startsWith("zzTable"))).toBe(true);

    const forward = { ...renames.tables, ...renames.categories };
    const back: Record<string, string> = {};
    for (const m of [renames.tools!, renames.tables!, renames.categories!]) for (const [from, to] of Object.entries(m)) back[to] = from;
    const newNames = new RegExp(`zz(?:Tool|Table|Cat)\\d+q`, "g");

    const scenarios = sampleScenarios(domainName, 40, 5);
    let calls = 0;
    for (const s of scenarios) {
      // The scenario as the renamed pack's scenario-gen would write it: its tables and category renamed.
      const moved = mapNames(s, forward, undefined, new Set(["table", "category"])) as Scenario;
      // Its task names the renamed tools.
      if (moved.task) moved.task = mapNames(moved.task, renames.tools!, undefined, new Set(["name"])) as Scenario["task"];
      const a = offlineDialogue(s, original, Rng.for(1, s.id, "dialogue"), opts).dialogue;
      const b = offlineDialogue(moved, renamed, Rng.for(1, s.id, "dialogue"), opts).dialogue;
      calls += a.messages.filter((m) => m.role === "tool").length;
      expect(mapNames(b, back, newNames), s.id).toEqual(a);
    }
    // The dialogues did use the tools, so names had every chance to matter.
    expect(calls).toBeGreaterThan(40);
  });
});
