// The line fuzzer in CI: every tool that reads records, run by its built bin through a
// real pipe on batches of seeded cases (valid records from real tool output among random
// bytes, truncations, deep nesting, MB strings, wrong types, missing fields, bad UTF-8,
// lone surrogates, BOM/CRLF, blank lines, duplicate ids, 1e400, __proto__ keys), with
// --on-error fail and skip. The rules it checks are in tools.ts and check.ts.
// More cases, any seed: npx tsx bench/fuzz.ts --cases 50000 --seed 9
import { fileURLToPath } from "node:url";
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { CASE_KINDS, makeCases, type Json } from "./cases.js";
import { checkBatch } from "./check.js";
import { fuzz } from "./run.js";
import { FUZZ_TOOLS, type FuzzTool } from "./tools.js";

const CASES = 2400;
const SEED = 20;

describe("line fuzzer", () => {
  const dir = mkdtempSync(join(tmpdir(), "fuzz-self-"));
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  it("makes every kind of case, the same bytes for the same seed", () => {
    const pool: Json[] = [{ id: "p1", name: "Ana", age: 30, tags: ["a", "b"], nested: { x: 1, y: "z" } }];
    const a = makeCases(pool, 600, "s");
    expect(new Set(a.map((c) => c.kind))).toEqual(new Set(CASE_KINDS));
    expect(makeCases(pool, 600, "s").map((c) => c.bytes.toString("base64"))).toEqual(a.map((c) => c.bytes.toString("base64")));
    expect(makeCases(pool, 600, "t").map((c) => c.bytes.toString("base64"))).not.toEqual(a.map((c) => c.bytes.toString("base64")));
    for (const c of a) expect(c.bytes.includes(10), c.note).toBe(false);
    expect(a[0]!.bytes.subarray(0, 3)).toEqual(Buffer.from([0xef, 0xbb, 0xbf]));
  });

  // The checker itself must be able to fail: a tool that loses records, one that crashes,
  // one that takes bad lines for records, one that does not count duplicate ids are each caught.
  it.each([
    ["lose", /is neither in the output nor dead-lettered|read \d+ ≠ written/],
    ["crash", /exit 1, no summary line/],
    ["hide", /is not UTF-8 but was not rejected/],
    ["hide", /the summary counts 0 duplicate ids, the batch has [1-9]/],
  ])("catches a tool that does '%s' (%s)", async (mode, expected) => {
    const faulty: FuzzTool = {
      label: `faulty ${mode}`, tool: "faulty", bin: fileURLToPath(new URL("./fixtures/faulty-tool.mjs", import.meta.url)), args: [mode],
      pool: () => [], shape: "one", ref: (r) => [typeof r.id === "string" ? r.id : undefined],
    };
    const cases = makeCases([{ id: "p", name: "x", n: 1 }], 80, "self", ["deep_object", "deep_array", "huge_string"]);
    const r = await checkBatch(faulty, cases, dir, `self-${mode}`);
    expect(r.violations.join("\n")).toMatch(expected);
  });

  it(`runs every tool on ${CASES} cases (seed ${SEED}) without a violation`, async () => {
    const results = await fuzz({ cases: CASES, seed: SEED });
    const perTool = new Map<string, number>();
    for (const r of results) perTool.set(r.label, (perTool.get(r.label) ?? 0) + r.cases);
    expect([...perTool.keys()].sort()).toEqual(FUZZ_TOOLS.map((t) => t.label).sort());
    for (const n of perTool.values()) expect(n).toBeGreaterThanOrEqual(Math.floor(CASES / FUZZ_TOOLS.length));
    expect(results.flatMap((r) => r.violations)).toEqual([]);
  }, 900_000); // about 45 s of CPU; the margin is for a machine shared with other suites
});
