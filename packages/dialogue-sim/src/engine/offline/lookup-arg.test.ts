import { mkdtempSync, readdirSync, symlinkSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { createSession, loadDomain, loadPackFile, ToolIndex } from "@chatmill/domains";
import { Rng } from "@chatmill/kit";
import { describe, expect, it } from "vitest";
import { offlineDialogue } from "../dialogue.js";
import { sampleScenarios } from "../../testing/scenarios.js";
import { lookupArg } from "./explore.js";

// A look-up that matches its argument against a field other than the table key (a get with
// `by`: ops' look_up_topic finds a note by its topic) is called with that field's value for the
// row looked at, never with the row's key (which it would not find).

describe("a follow-up look-up by a field", () => {
  const ops = loadDomain("ops");
  const tool = ToolIndex.of(ops).all.find((t) => t.op === "get" && typeof t.run.by === "string")!;
  const table = tool.table!;
  const by = tool.run.by as string;
  const row = ops.table(table)[0]!;
  const key = String(row[ops.keyOf(table)]);

  it("gives the tool the row's value of the field it matches", () => {
    expect(by).not.toBe(ops.keyOf(table));
    const arg = lookupArg(tool, tool.keyArg!, row, table, key);
    expect(arg).toBe(row[by]);
    const s = createSession(ops, { failureRate: 0 });
    expect(s.call({ name: tool.name, arguments: { [tool.keyArg!]: arg } }).ok).toBe(true);
    // The key would not have found it.
    expect(s.call({ name: tool.name, arguments: { [tool.keyArg!]: key } }).ok).toBe(false);
  });

  it("keeps the key for a tool that matches the key", () => {
    const get = ToolIndex.of(ops).all.find((t) => t.op === "get" && t.run.by === undefined && t.keyArg)!;
    const r = ops.table(get.table!)[0]!;
    const k = String(r[ops.keyOf(get.table!)]);
    expect(lookupArg(get, get.keyArg!, r, get.table!, k)).toBe(k);
  });

  it("in dialogues: a status look-up that finds a host by its hostname is called with hostnames, and answers", () => {
    // ops with check_status matching `by` the hostname: the engine's look-ups (status, both hosts, follow-ups) must say hostnames.
    const dir = mkdtempSync(join(tmpdir(), "chatmill-by-hostname-"));
    for (const f of readdirSync(ops.dir)) if (f !== "pack.json") symlinkSync(join(ops.dir, f), join(dir, f));
    const pack = structuredClone(ops.pack);
    const get = pack.tools.find((t) => t.run.op === "get" && (t.run as { table?: string }).table === "agents" && !("by" in t.run))!;
    (get.run as { by?: string }).by = "hostname";
    writeFileSync(join(dir, "pack.json"), JSON.stringify(pack));
    const byHost = loadPackFile(join(dir, "pack.json"));
    const hostnames = new Set(byHost.table("agents").map((r) => String(r.hostname)));
    const argName = (get.run as { key_arg: string }).key_arg;
    let n = 0;
    for (const s of sampleScenarios("ops", 60, 3)) {
      const { dialogue } = offlineDialogue(s, byHost, Rng.for(3, s.id, "dialogue"), { failureRate: 0, createSession, tool: "dialogue-sim", version: "test", seed: 3, multiTurn: 0.5 });
      const results = new Map(dialogue.messages.filter((m) => m.role === "tool").map((m) => [m.tool_call_id, m]));
      for (const m of dialogue.messages) {
        for (const c of m.role === "assistant" ? (m.tool_calls ?? []) : []) {
          if (c.name !== get.function.name) continue;
          n++;
          expect(hostnames.has(String(c.arguments[argName])), `${s.id}: ${JSON.stringify(c.arguments)}`).toBe(true);
          expect(results.get(c.id)?.ok, `${s.id}: ${JSON.stringify(c.arguments)}`).not.toBe(false);
        }
      }
    }
    expect(n).toBeGreaterThan(5);
  });
});
