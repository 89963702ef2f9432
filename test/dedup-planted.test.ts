import { mkdtempSync, readFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { plantedSet } from "./dedup-planted.js";
import { lines, ndjson, run } from "./dedup-run.js";

describe("dedup on the planted set (2,000 distinct dialogues + 500 copies), default flags", () => {
  it("finds every exact copy, ≥ 95% of near and reordered copies, and drops < 1% of distinct dialogues", async () => {
    const set = plantedSet(2000, { exact: 200, near: 200, reordered: 100 });
    const dir = mkdtempSync(join(tmpdir(), "dedup-planted-"));
    const dups = join(dir, "dups.ndjson");
    const res = await run("dedup", ["--dups", dups], ndjson(set.records));
    expect(res.code, res.stderr).toBe(0);
    const kept = new Set(lines(res.stdout).map((r) => r.id as string));
    const dropped = lines(readFileSync(dups, "utf8"));
    const byKind = (k: string) => [...set.truth].filter(([, t]) => t.kind === k).map(([id]) => id);
    const found = (ids: string[]) => ids.filter((id) => !kept.has(id)).length / ids.length;

    expect(found(byKind("exact"))).toBe(1);
    expect(found(byKind("near"))).toBeGreaterThanOrEqual(0.95);
    expect(found(byKind("reordered"))).toBeGreaterThanOrEqual(0.95);
    expect(found(byKind("distinct"))).toBeLessThan(0.01);
    // Every drop names the record it duplicates, and that is the planted original
    // (or another copy of it that was kept).
    for (const d of dropped) {
      const t = set.truth.get(d.id as string)!;
      expect(t.kind).not.toBe("distinct");
      expect(kept.has(d.dup_of as string)).toBe(true);
      const origin = set.truth.get(d.dup_of as string)!;
      expect(origin.kind === "distinct" ? d.dup_of : origin.of).toBe(t.of);
    }
    const exactDrops = dropped.filter((d) => d.method === "exact").length;
    expect(res.stderr).toContain(`duplicate:exact: ${exactDrops}`);
    expect(res.stderr).toMatch(/duplicate:near: \d+/);
  });
});
