import { mkdtempSync, readFileSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { Readable } from "node:stream";
import { Context, RawLine, Rng } from "@chatmill/kit";
import { describe, expect, it } from "vitest";
import { mixSources, type MixOptions } from "./mix-sources.js";
import { parseSourceArg } from "./source-arg.js";

const dir = mkdtempSync(join(tmpdir(), "mix-unit-"));
function file(name: string, lines: string[]): string {
  const p = join(dir, name);
  writeFileSync(p, lines.map((l) => `${l}\n`).join(""));
  return p;
}
const records = (prefix: string, n: number) => Array.from({ length: n }, (_, i) => JSON.stringify({ id: `${prefix}${i}`, n: i }));
const A = file("a.ndjson", records("a", 100));
const C = file("corrections.ndjson", records("c", 8));

async function mix(args: string[], opts: Partial<MixOptions> = {}, seed = 0) {
  const ctx = new Context({ seed });
  const out: unknown[] = [];
  for await (const r of mixSources({ sources: args.map(parseSourceArg), tag: ["meta", "mix_source"], ...opts }, ctx)) out.push(r);
  return { out: out as Array<Record<string, any>>, ctx };
}
const ids = (out: Array<Record<string, any>>) => out.map((r) => r.id as string);

describe("mixSources", () => {
  it("takes exact counts: a seeded sample of distinct records, and oversampling that repeats every record", async () => {
    const { out } = await mix([`${A}:30`, `${C}:20`]);
    const a = out.filter((r) => r.meta.mix_source === "a");
    const c = out.filter((r) => r.meta.mix_source === "corrections");
    expect(a).toHaveLength(30);
    expect(new Set(ids(a)).size).toBe(30);
    expect(c).toHaveLength(20);
    // Every record repeated 2 or 3 times; copies carry their own id and the one they repeat.
    const times = new Map<string, number>();
    for (const r of c) times.set((r.repeat_of as string | undefined) ?? r.id, (times.get((r.repeat_of as string | undefined) ?? r.id) ?? 0) + 1);
    expect(times.size).toBe(8);
    expect(new Set(ids(c)).size).toBe(20);
    expect([...times.values()].every((n) => n === 2 || n === 3)).toBe(true);
  });

  it("chooses by seed and id, not by position: a shuffled file gives the same sample", async () => {
    const shuffled = file("a-shuffled.ndjson", new Rng("x").shuffle(records("a", 100)));
    const one = await mix([`${A}:25`], {}, 5);
    const two = await mix([`${shuffled}:25`], {}, 5);
    expect(new Set(ids(one.out))).toEqual(new Set(ids(two.out)));
    const other = await mix([`${A}:25`], {}, 6);
    expect(new Set(ids(other.out))).not.toEqual(new Set(ids(one.out)));
    expect(ids((await mix([`${A}:25`], {}, 5)).out)).toEqual(ids(one.out));
  });

  it("interleaves in a seeded order, or keeps the sources apart with shuffle off", async () => {
    const mixed = await mix([`${A}:20`, `${C}:8`]);
    const firstC = mixed.out.findIndex((r) => r.meta.mix_source === "corrections");
    expect(firstC).toBeLessThan(20);
    const apart = await mix([`${A}:20`, `${C}:8`], { shuffle: false });
    expect(apart.out.slice(0, 20).every((r) => r.meta.mix_source === "a")).toBe(true);
    expect(ids(apart.out.slice(20))).toEqual(records("c", 8).map((l) => JSON.parse(l).id));
  });

  it("without a tag, passes the lines through byte for byte", async () => {
    const odd = file("odd.ndjson", ['{"id":"o1", "x":1.0}', '{"x": 2.50}']);
    const { out } = await mix([`${odd}:all`], { tag: undefined, shuffle: false });
    expect(out.map((r) => (r as unknown as RawLine).text)).toEqual(['{"id":"o1", "x":1.0}', '{"x": 2.50}']);
  });

  it("rejects bad lines and records it cannot tag, with their line numbers, and does not count them", async () => {
    const bad = file("bad.ndjson", ['{"id":"b1"}', "nope", '{"id":"b2","meta":"v1"}', '{"id":"b3"}']);
    const { out, ctx } = await mix([`${bad}:x2`]);
    expect(ids(out).sort()).toEqual(["b1", "b1~2", "b3", "b3~2"]);
    expect(ctx.issues.map((i) => [i.line, i.kind])).toEqual([[2, "invalid_json"], [3, "untaggable"]]);
    expect(ctx.issues[1]!.path).toBe("/meta/mix_source");
  });

  it("reads stdin once into a temporary file, and writes the report", async () => {
    const report = join(dir, "report.json");
    const stdin = Readable.from([records("s", 10).join("\n")]);
    const { out } = await mix(["-:50%", `${C}:rest`], { total: 10, stdin, reportFile: report });
    expect(out.filter((r) => r.meta.mix_source === "stdin")).toHaveLength(5);
    const r = JSON.parse(readFileSync(report, "utf8"));
    expect(r).toMatchObject({ seed: 0, total: 10, written: 10 });
    expect(r.sources.map((s: any) => [s.label, s.available, s.written, s.share])).toEqual([["stdin", 10, 5, 50], ["corrections", 8, 5, 50]]);
  });

  it("handles empty sources and a zero target", async () => {
    const empty = file("empty.ndjson", []);
    const { out, ctx } = await mix([`${empty}:10`, `${A}:0`]);
    expect(out).toEqual([]);
    expect(ctx.issues).toEqual([]);
  });
});
