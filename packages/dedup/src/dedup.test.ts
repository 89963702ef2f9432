import { Context, fromValues, Rng } from "@chatmill/kit";
import { describe, expect, it } from "vitest";
import { Deduper, type DedupConfig } from "./deduper.js";
import { dedupTransform } from "./dedup-records.js";
import { pipelineEmbedder } from "./embedders.js";
import { makeKeyFn, parsePath } from "./key-text.js";
import { candidateProbability, hyperplaneAgreement, optimalParams } from "./lsh-params.js";
import { MinHasher, estimateJaccard } from "./minhash.js";
import { parseFolds } from "./normalize.js";
import { parseThresholds, parseMethods } from "./options.js";
import { jaccard, parseShingleSpec, shingleSet } from "./shingles.js";
import { Hyperplanes, differingBits, dot, normalizeVector } from "./hyperplanes.js";
import { BandTable } from "./band-table.js";

const config = (over: Partial<DedupConfig> = {}): DedupConfig => ({
  methods: new Set(["exact", "near"]),
  folds: parseFolds("case,whitespace,punctuation"),
  shingle: parseShingleSpec("word:3"),
  numPerm: 128,
  nearThreshold: 0.8,
  semanticThreshold: 0.9,
  ...over,
});

async function collect<T>(it: AsyncIterable<T>): Promise<T[]> {
  const out: T[] = [];
  for await (const x of it) out.push(x);
  return out;
}

describe("exact", () => {
  it("folds case, whitespace and punctuation as asked", () => {
    const d = new Deduper(config());
    d.add(d.prepare("a", ["Hello,   World!"]));
    expect(d.check(d.prepare("b", ["hello world"]))).toMatchObject({ method: "exact", dupOf: "a", similarity: 1 });
    const strict = new Deduper(config({ methods: new Set(["exact"]), folds: parseFolds("none") }));
    strict.add(strict.prepare("a", ["Hello,   World!"]));
    expect(strict.check(strict.prepare("b", ["hello world"]))).toBeUndefined();
    const caseOnly = new Deduper(config({ methods: new Set(["exact"]), folds: parseFolds("case") }));
    caseOnly.add(caseOnly.prepare("a", ["Hello World"]));
    expect(caseOnly.check(caseOnly.prepare("b", ["hello world"]))?.method).toBe("exact");
    expect(caseOnly.check(caseOnly.prepare("c", ["hello  world"]))).toBeUndefined();
  });

  it("treats non-ASCII text the same way (NFKC, Unicode letters)", () => {
    const d = new Deduper(config({ methods: new Set(["exact"]) }));
    d.add(d.prepare("a", ["मुझे लाल ड्रेस चाहिए — ５０ डॉलर तक"]));
    expect(d.check(d.prepare("b", ["मुझे  लाल ड्रेस चाहिए 50 डॉलर तक"]))?.method).toBe("exact");
  });
});

describe("shingles and MinHash", () => {
  it("word shingles stay inside a turn, so reordered turns give the same set", () => {
    const spec = parseShingleSpec("word:2");
    const a = shingleSet(["one two three", "four five"], spec);
    expect(a.length).toBe(3);
    expect(jaccard(a, shingleSet(["four five", "one two three"], spec))).toBe(1);
    expect(shingleSet(["hi"], spec).length).toBe(1);
    expect(shingleSet(["abcd"], parseShingleSpec("char:3")).length).toBe(2);
  });

  it("the signature agreement estimates Jaccard (one-permutation hashing with densification)", () => {
    const h = new MinHasher(256, 7);
    const rng = new Rng("mh");
    let err = 0;
    for (let t = 0; t < 20; t++) {
      const base = Array.from({ length: 300 }, () => rng.u32());
      const keep = rng.int(100, 300);
      const other = [...base.slice(0, keep), ...Array.from({ length: 300 - keep }, () => rng.u32())];
      const A = Uint32Array.from(new Set(base)).sort();
      const B = Uint32Array.from(new Set(other)).sort();
      err += Math.abs(estimateJaccard(h.signature(A), h.signature(B)) - jaccard(A, B));
    }
    expect(err / 20).toBeLessThan(0.05);
    // A tiny set (fewer shingles than buckets) still matches itself and not a stranger.
    const s1 = h.signature(Uint32Array.of(1, 2, 3));
    expect(estimateJaccard(s1, h.signature(Uint32Array.of(1, 2, 3)))).toBe(1);
    expect(estimateJaccard(s1, h.signature(Uint32Array.of(4, 5, 6)))).toBeLessThan(0.1);
  });

  it("bands and rows: high recall at the threshold, few candidates far below it", () => {
    const p = optimalParams(0.8, 128);
    expect(p.bands * p.rows).toBeLessThanOrEqual(128);
    expect(candidateProbability(0.8, p)).toBeGreaterThan(0.9);
    expect(candidateProbability(0.9, p)).toBeGreaterThan(0.99);
    expect(candidateProbability(0.4, p)).toBeLessThan(0.05);
    const c = optimalParams(0.9, 256, hyperplaneAgreement, 0);
    expect(candidateProbability(0.9, c, hyperplaneAgreement)).toBeGreaterThan(0.85);
    expect(candidateProbability(0.3, c, hyperplaneAgreement)).toBeLessThan(0.02);
  });

  it("BandTable returns each candidate once", () => {
    const t = new BandTable(3);
    t.add([1, 2, 3], 0);
    t.add([1, 9, 3], 1);
    expect([...t.candidates([1, 2, 3])]).toEqual([0, 1]);
    expect([...t.candidates([7, 9, 8])]).toEqual([1]);
    expect([...t.candidates([4, 5, 6])]).toEqual([]);
  });
});

describe("semantic index (random hyperplanes)", () => {
  it("sketch prefilter: counts differing bits, and never rules out a pair above the threshold", () => {
    const rng = new Rng("sketch");
    const gauss = () => Math.sqrt(-2 * Math.log(Math.max(rng.next(), 1e-12))) * Math.cos(2 * Math.PI * rng.next());
    const hp = new Hyperplanes(32, 18, 14, 7);
    const max = hp.maxDifferingBits(0.9);
    // 252 bits, each differing with chance acos(0.9)/π = 0.144: 36 expected, + 6σ.
    expect(max).toBe(70);
    const a = Uint32Array.of(0b1011, 0xffffffff), b = Uint32Array.of(0, 0, 0b1, 0x7fffffff);
    expect(differingBits(a, b, 2)).toBe(2 + 1);
    let nearPairs = 0, farRuledOut = 0, far = 0;
    for (let i = 0; i < 3000; i++) {
      const base = Array.from({ length: 32 }, gauss);
      // Even i: a noisy copy (cosine ~0.95); odd i: a vector at cosine ~0.3.
      const u = normalizeVector(base);
      const v = normalizeVector(i % 2 === 0 ? base.map((x) => x + 0.3 * gauss()) : base.map((x) => 0.3 * x + gauss()));
      const bits = differingBits(hp.signs(u), hp.signs(v), 0);
      if (dot(u, v) >= 0.9) {
        nearPairs += 1;
        expect(bits).toBeLessThanOrEqual(max);
      } else if (dot(u, v) < 0.5) {
        far += 1;
        if (bits > max) farRuledOut += 1;
      }
    }
    expect(nearPairs).toBeGreaterThan(1000);
    expect(farRuledOut / far).toBeGreaterThan(0.9);
  });

  it("finds ≥ 95% of the pairs above the cosine threshold that brute force finds", () => {
    const rng = new Rng("sem");
    const dim = 64;
    const gauss = () => Math.sqrt(-2 * Math.log(Math.max(rng.next(), 1e-12))) * Math.cos(2 * Math.PI * rng.next());
    const d = new Deduper(config({ methods: new Set(["semantic"]) }));
    const kept: Float32Array[] = [];
    let truePairs = 0, found = 0;
    for (let i = 0; i < 1000; i++) {
      let v: Float32Array;
      if (i > 100 && rng.chance(0.3)) {
        // A noisy copy of an earlier kept vector: cosine mostly 0.9-0.99.
        const src = rng.pick(kept);
        const noise = rng.next() * 0.45;
        v = normalizeVector(Array.from(src, (x) => x + (noise * gauss()) / Math.sqrt(dim)));
      } else v = normalizeVector(Array.from({ length: dim }, gauss));
      let best = -1;
      for (const k of kept) best = Math.max(best, dot(v, k));
      const p = { id: `v${i}`, embedding: v };
      const verdict = d.check(p);
      if (best >= 0.9) {
        truePairs++;
        if (verdict) found++;
      } else expect(verdict).toBeUndefined();
      if (!verdict) {
        d.add(p);
        kept.push(v);
      }
    }
    expect(truePairs).toBeGreaterThan(150);
    expect(found / truePairs).toBeGreaterThanOrEqual(0.95);
    // Far fewer comparisons than all pairs.
    expect(d.compared.semantic).toBeLessThan((1000 * 1000) / 2 / 20);
  });

  it("hyperplane band keys depend only on the direction", () => {
    const hp = new Hyperplanes(8, 4, 6, 1);
    const v = normalizeVector([1, 2, 3, 4, 5, 6, 7, 8]);
    expect(hp.bandKeys(v)).toEqual(hp.bandKeys(normalizeVector([2, 4, 6, 8, 10, 12, 14, 16])));
  });
});

describe("keys", () => {
  it("default: a dialogue's user and assistant turns; other records: JSON without id", () => {
    const key = makeKeyFn([]);
    expect(key({ id: "d", messages: [{ role: "system", content: "S" }, { role: "user", content: "U" }, { role: "tool", content: "T" }, { role: "assistant", content: "A" }, { role: "assistant", content: null }] })).toEqual(["U", "A"]);
    expect(key({ id: "p1", b: 1, a: { d: 2, c: 3 } })).toEqual(['{"a":{"c":3,"d":2},"b":1}']);
  });

  it("JSON paths", () => {
    const rec = { persona: { description: "a baker" }, messages: [{ content: "x" }, { content: "y" }], tags: ["a", 2] };
    expect(makeKeyFn([".persona.description"])(rec)).toEqual(["a baker"]);
    expect(makeKeyFn(["$.messages[*].content"])(rec)).toEqual(["x", "y"]);
    expect(makeKeyFn(["messages[1].content", "$.tags[-1]"])(rec)).toEqual(["y", "2"]);
    expect(makeKeyFn(['$["persona"].*'])(rec)).toEqual(["a baker"]);
    expect(() => parsePath("$.a[")).toThrow(/unclosed/);
  });
});

describe("flags", () => {
  it("thresholds and methods", () => {
    expect(parseThresholds("near=0.7,semantic=0.95", parseMethods("exact,near,semantic"))).toEqual({ near: 0.7, semantic: 0.95 });
    expect(parseThresholds("0.85", parseMethods("exact,semantic"))).toEqual({ near: 0.8, semantic: 0.85 });
    expect(() => parseThresholds("0.85", parseMethods("near,semantic"))).toThrow(/say which/);
    expect(() => parseThresholds("near=2", parseMethods("near"))).toThrow(/\(0, 1\]/);
    expect(() => parseMethods("exact,fuzzy")).toThrow(/unknown method 'fuzzy'/);
  });
});

describe("dedupTransform", () => {
  it("keeps first occurrences, counts drops by method, embeds in batches", async () => {
    const calls: number[] = [];
    // A stand-in feature-extraction pipeline: bag-of-letters vectors, so texts with
    // the same letters are semantically "the same".
    const extractor = async (texts: string[]) => {
      calls.push(texts.length);
      const dim = 26;
      const data = new Float32Array(texts.length * dim);
      texts.forEach((t, i) => {
        for (const ch of t.toLowerCase()) {
          const c = ch.charCodeAt(0) - 97;
          if (c >= 0 && c < 26) data[i * dim + c]! += 1;
        }
      });
      return { dims: [texts.length, dim], data };
    };
    const ctx = new Context();
    const opts = { ...config({ methods: new Set(["exact", "near", "semantic"] as const) }), keys: [".text"], embedder: pipelineEmbedder("test", extractor), batchSize: 2 };
    const input = [
      { id: "1", text: "the quick brown fox jumps over the lazy dog" },
      { id: "2", text: "The quick brown fox jumps over the lazy dog!" },
      { id: "3", text: "dog lazy the over jumps fox brown quick the" },
      { id: "4", text: "completely different words here" },
      { id: "5", text: "" },
    ];
    const out = await collect(dedupTransform(opts, ctx)(fromValues(input), ctx));
    expect(out.map((o) => JSON.parse((o as { text: string }).text).id)).toEqual(["1", "4", "5"]);
    expect(Object.fromEntries(ctx.counters.dropped)).toEqual({ "duplicate:exact": 1, "duplicate:semantic": 1 });
    expect(ctx.counters.notes.get("uncompared")).toBe(1);
    // Batches of 2: [1,2], [3,4], then [5], which has no text and is not embedded.
    expect(calls).toEqual([2, 2]);
  });
});

describe("index file", () => {
  it("round-trips exact hashes, shingles and (int8) embeddings", async () => {
    const { mkdtempSync } = await import("node:fs");
    const { tmpdir } = await import("node:os");
    const { join } = await import("node:path");
    const { headerOf, loadIndex, saveIndex } = await import("./index-file.js");
    const cfg = config({ methods: new Set(["exact", "near", "semantic"]) });
    const a = new Deduper(cfg);
    const v = normalizeVector([0.3, -0.2, 0.9, 0.1]);
    const p = a.prepare("r1", ["the quick brown fox jumps over the lazy dog"]);
    p.embedding = v;
    a.add(p);
    const file = join(mkdtempSync(join(tmpdir(), "dedup-idx-")), "kept.idx");
    await saveIndex(file, a, headerOf(a, "test-embedder"));
    const b = new Deduper(cfg);
    expect(await loadIndex(file, b, headerOf(b, "test-embedder"))).toBe(1);
    expect(b.check(b.prepare("x", ["The quick brown fox jumps over the lazy dog!"]))).toMatchObject({ method: "exact", dupOf: "r1" });
    expect(b.check(b.prepare("y", ["the quick brown fox jumps over the lazy dog", "and more"]))).toMatchObject({ method: "near", dupOf: "r1" });
    const q = b.prepare("z", ["completely different words"]);
    q.embedding = normalizeVector([0.31, -0.2, 0.9, 0.1]);
    const verdict = b.check(q);
    expect(verdict).toMatchObject({ method: "semantic", dupOf: "r1" });
    expect(verdict!.similarity).toBeGreaterThan(0.99);
    await expect(loadIndex(file, new Deduper(cfg), headerOf(b, "another-model"))).rejects.toThrow(/embeddings come from test-embedder/);
  });
});
