import { mkdtempSync, readFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { plantedSet } from "./dedup-planted.js";
import { lines, ndjson, run } from "./dedup-run.js";

describe("dedup on the planted set (2,000 distinct dialogues + 500 copies), default flags", () => {
  // The bars of issue #20, kept when the index was made compact: the shingle sets and
  // the LSH tables went out of JavaScript objects, the verdicts did not change.
  it("finds every exact copy, ≥ 99% of near and reordered copies, and drops no distinct dialogue", async () => {
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
    expect(found(byKind("near"))).toBeGreaterThanOrEqual(0.99);
    expect(found(byKind("reordered"))).toBeGreaterThanOrEqual(0.99);
    expect(found(byKind("distinct"))).toBe(0);
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

  it("--index keeps every kept record's shingle set (spilled to disk at this size): a later near-only run finds each kept record again", async () => {
    const set = plantedSet(2000, { exact: 200, near: 200, reordered: 100 }, 3);
    const dir = mkdtempSync(join(tmpdir(), "dedup-planted-"));
    const index = join(dir, "kept.idx");
    const first = await run("dedup", ["--index", index], ndjson(set.records));
    expect(first.code, first.stderr).toBe(0);
    const kept = lines(first.stdout);
    // Each entry has the sorted shingle set; ~1 KB each, far beyond the 1 MiB kept in memory.
    const entries = lines(readFileSync(index, "utf8")).slice(1);
    expect(entries.map((e) => e.id)).toEqual(kept.map((r) => r.id));
    expect(entries.reduce((n, e) => n + Buffer.from(e.s as string, "base64").length, 0)).toBeGreaterThan(1 << 20);
    const dups = join(dir, "dups.ndjson");
    const again = await run("dedup", ["--method", "near", "--index", index, "--dups", dups], ndjson(kept));
    expect(again.code, again.stderr).toBe(0);
    expect(lines(again.stdout)).toEqual([]);
    for (const d of lines(readFileSync(dups, "utf8"))) {
      expect(d.method).toBe("near");
      expect(d.similarity).toBe(1);
      expect(d.dup_of).toBe(d.id);
    }
  });
});
