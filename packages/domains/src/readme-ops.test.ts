// The pack reference's op examples run here: every call block of README.md's "Ops" section
// runs on a fresh session of the built-in pack it names and must return exactly what is
// written (a block's calls in order, on one session). And every op of the schema's ToolRun
// and every tool role is shown running: some call block of the reference (here, or the
// business rules' blocks that readme-rules.test.ts runs) calls a tool with that op and role.
import { readFileSync } from "node:fs";
import { fileURLToPath } from "node:url";
import { PolicySpec, ToolRole, ToolRun } from "@chatmill/schema";
import type { z } from "zod";
import { describe, expect, it } from "vitest";
import { loadDomain, loadPackFile } from "./load.js";
import { expectCallsReturn } from "./readme-calls.test-helper.js";
import { createSession } from "./session.js";
import type { LoadedDomain } from "./domain.js";

const readme = readFileSync(new URL("../README.md", import.meta.url), "utf8");
const start = readme.indexOf("### Ops (`run`)");
const end = readme.indexOf("## Business rules");
const packNames = ["retail", "travel", "ops", "tau-retail", "wallet"] as const;
type PackName = (typeof packNames)[number];
const pack = (name: PackName): LoadedDomain =>
  name === "wallet" ? loadPackFile(fileURLToPath(new URL("../examples/wallet/pack.json", import.meta.url))) : loadDomain(name);
const blocksIn = (text: string) =>
  [...text.matchAll(/```text (retail|travel|ops|tau-retail|wallet)\n([\s\S]*?)```/g)].map((m) => ({ pack: m[1] as PackName, lines: m[2]!.trim().split("\n") }));

describe("README ops: the calls shown run and return what is written", () => {
  const blocks = blocksIn(readme.slice(start, end));
  it("has the section and a block per op", () => {
    expect(start).toBeGreaterThan(0);
    expect(end).toBeGreaterThan(start);
    expect(blocks.length).toBeGreaterThanOrEqual(9);
  });
  for (const [i, { pack: name, lines }] of blocks.entries()) {
    it(`block ${i + 1} (${name}): ${lines[0]!.slice(2, 70)}`, () => {
      const s = createSession(pack(name));
      expectCallsReturn(s, lines);
    });
  }
});

describe("README: every op and every role is shown running", () => {
  it("some call block of the reference calls a tool of each op and of each role", () => {
    const loaded = new Map<PackName, LoadedDomain>();
    const ops = new Set<string>();
    const roles = new Set<string>();
    for (const { pack: name, lines } of blocksIn(readme)) {
      if (!loaded.has(name)) loaded.set(name, pack(name));
      for (const line of lines.filter((l) => l.startsWith("> "))) {
        const tool = loaded.get(name)!.toolSpecs.get(/^> (\w+)/.exec(line)![1]!);
        expect(tool, line).toBeDefined();
        ops.add(tool!.run.op);
        roles.add(tool!.role);
      }
    }
    // zod 4 keeps the values a literal or an enum accepts in _zod.values.
    const allOps = ToolRun.options.flatMap((o) => [...(o.shape.op as unknown as { _zod: { values: Set<string> } })._zod.values]);
    expect(allOps).toContain("transact");
    // An http or mcp tool answers from a live server, which a README block cannot start: its calls,
    // errors and replay are run by test/live-backend.test.ts and test/live-mcp.test.ts against servers the tests start.
    const needsServer = new Set(["http", "mcp"]);
    expect(allOps.filter((op) => !ops.has(op) && !needsServer.has(op)), "ops with no call in README.md").toEqual([]);
    expect(ToolRole.options.filter((r) => !roles.has(r)), "roles with no call in README.md").toEqual([]);
  });
});

/** The dotted paths of a schema's leaf fields (through optionals and arrays): identity.scoped.owner… */
function leafPaths(schema: z.ZodType, prefix = ""): string[] {
  const def = (schema as unknown as { _zod: { def: { type: string; innerType?: z.ZodType; element?: z.ZodType; shape?: Record<string, z.ZodType> } } })._zod.def;
  if (def.type === "optional") return leafPaths(def.innerType!, prefix);
  if (def.type === "array" && (def.element as unknown as { _zod: { def: { type: string } } })._zod.def.type === "object") return leafPaths(def.element!, prefix);
  if (def.type !== "object") return [prefix];
  return Object.entries(def.shape!).flatMap(([k, v]) => leafPaths(v, prefix ? `${prefix}.${k}` : k));
}

/** The dotted paths a JSON value sets (arrays of objects: each element's). */
function setPaths(value: unknown, prefix = ""): string[] {
  if (Array.isArray(value)) return value.some((v) => v && typeof v === "object") ? value.flatMap((v) => setPaths(v, prefix)) : [prefix];
  if (!value || typeof value !== "object") return [prefix];
  return Object.entries(value).flatMap(([k, v]) => setPaths(v, prefix ? `${prefix}.${k}` : k));
}

describe("README: the policy example sets every policy field", () => {
  it("every field of PolicySpec is in the example that policy.test.ts loads and runs", () => {
    const block = /<!-- policy-example -->\n```json\n([\s\S]*?)```/.exec(readme);
    expect(block, "the policy example block").not.toBeNull();
    const example = (JSON.parse(block![1]!) as { policy: unknown }).policy;
    const fields = leafPaths(PolicySpec);
    expect(fields).toContain("identity.scoped.owner");
    const set = new Set(setPaths(example));
    expect(fields.filter((f) => !set.has(f)), "policy fields the example does not show").toEqual([]);
  });
});
