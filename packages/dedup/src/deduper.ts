import { BandTable } from "./band-table.js";
import { combine } from "./hash32.js";
import { differingBits, Hyperplanes, dot } from "./hyperplanes.js";
import { ensureLength } from "./growable.js";
import { hyperplaneAgreement, optimalParams, type LshParams } from "./lsh-params.js";
import { MinHasher } from "./minhash.js";
import type { Fold } from "./normalize.js";
import { jaccard, shingleSet, sortedSet, wordShingles, type ShingleSpec } from "./shingles.js";
import { DigestTable } from "./digest-table.js";
import { IdArena } from "./id-arena.js";
import { SpillStore } from "./spill-store.js";
import { analyze } from "./analyze.js";

export const METHODS = ["exact", "near", "semantic"] as const;
export type Method = (typeof METHODS)[number];

export interface DedupConfig {
  methods: ReadonlySet<Method>;
  folds: ReadonlySet<Fold>;
  shingle: ShingleSpec;
  /** MinHash signature length (a power of two). */
  numPerm: number;
  /** Jaccard similarity of shingle sets at or above which a record is a near duplicate. */
  nearThreshold: number;
  /** Cosine similarity at or above which a record is a semantic duplicate. */
  semanticThreshold: number;
}

/** What one record is compared by; computed before the verdict, stored when kept. */
export interface Prepared {
  id: string;
  exact?: string;
  shingles?: Uint32Array;
  nearKeys?: Int32Array;
  embedding?: Float32Array;
  /** The embedding's hyperplane sketch: computed by `check`, reused by `add`. */
  sketch?: Uint32Array;
}

export interface Verdict {
  method: Method;
  dupOf: string;
  similarity: number;
}

/** Hyperplane bits available to the semantic index (bands × rows ≤ this). */
export const SEMANTIC_BITS = 256;
/** Seeds of the hash families: fixed, so indexes from different runs stay comparable. */
const MINHASH_SEED = 0x2545f491;
const HYPERPLANE_SEED = 0x1b873593;

/**
 * The kept records and the three indexes over them. `check` never changes state;
 * `add` keeps a record. The first occurrence is always the one kept.
 *
 * Memory per kept record (see the README's "Memory"): the id's UTF-8 bytes + 8, the
 * SHA-256 (32 bytes + a hash-table slot), one 6- or 8-byte slot per LSH band,
 * and 12 bytes per spilled item. The shingle sets and embeddings that confirm a
 * candidate live in temporary files (spill-store.ts) and are read back per candidate.
 */
export class Deduper {
  readonly nearParams: LshParams;
  /** Pairs whose real similarity was computed (candidates), by method. */
  readonly compared = { near: 0, semantic: 0 };
  private readonly ids = new IdArena();
  private readonly digests = new DigestTable();
  private shingleSets: SpillStore | undefined;
  private embeddings: SpillStore | undefined;
  private readonly hasher: MinHasher;
  private readonly sigBuf: Uint32Array;
  private readonly nearTable: BandTable;
  private semanticTable: BandTable | undefined;
  private planes: Hyperplanes | undefined;
  /** Kept record i's hyperplane sketch at words [i·w, (i+1)·w): 32 bytes at 252 bits. */
  private sketches = new Uint32Array(0);
  private maxDifferingBits = 0;

  constructor(readonly config: DedupConfig) {
    this.hasher = new MinHasher(config.numPerm, MINHASH_SEED);
    this.sigBuf = new Uint32Array(config.numPerm);
    this.nearParams = optimalParams(config.nearThreshold, config.numPerm);
    this.nearTable = new BandTable(this.nearParams.bands);
  }

  private semantic: LshParams | undefined;

  /** Computed on first use: runs without the semantic method do not pay for it. */
  get semanticParams(): LshParams {
    return (this.semantic ??= optimalParams(this.config.semanticThreshold, SEMANTIC_BITS, hyperplaneAgreement, 0));
  }

  get size(): number {
    return this.ids.size;
  }

  /** The id kept record i was added with. */
  idOf(i: number): string {
    return this.ids.get(i);
  }

  /** Kept record i's exact hash (SHA-256 hex), if it has one. */
  exactOf(i: number): string | undefined {
    return this.digests.hex(i);
  }

  /** Kept record i's shingle set, sorted and unique: a view reused by the next call. */
  shinglesOf(i: number): Uint32Array | undefined {
    const bytes = this.shingleSets?.read(i);
    if (!bytes) return undefined;
    const view = new Uint32Array(bytes.buffer, bytes.byteOffset, bytes.length >> 2).sort();
    let k = 0;
    for (let j = 0; j < view.length; j++) if (j === 0 || view[j] !== view[k - 1]) view[k++] = view[j]!;
    return view.subarray(0, k);
  }

  /** Kept record i's embedding: a view reused by the next call. */
  embeddingOf(i: number): Float32Array | undefined {
    const bytes = this.embeddings?.read(i);
    return bytes ? new Float32Array(bytes.buffer, bytes.byteOffset, bytes.length >> 2) : undefined;
  }

  /** Frees the temporary files; the Deduper cannot be used afterwards. */
  close(): void {
    this.shingleSets?.close();
    this.embeddings?.close();
  }

  /** Everything but the embedding, from the record's key text segments. */
  prepare(id: string, segments: readonly string[]): Prepared {
    const p: Prepared = { id };
    const m = this.config.methods;
    const wordNear = m.has("near") && this.config.shingle.unit === "word";
    const a = analyze(segments, this.config.folds, m.has("exact"), wordNear);
    if (a.exact !== undefined) p.exact = a.exact;
    if (wordNear) this.prepareShingles(p, wordShingles(a.tokens, a.ends, this.config.shingle.n));
    else if (m.has("near")) this.prepareShingles(p, shingleSet(segments, this.config.shingle));
    return p;
  }

  prepareShingles(p: Prepared, shingles: Uint32Array): void {
    p.shingles = shingles;
    if (shingles.length === 0) return;
    const sig = this.hasher.signature(shingles, this.sigBuf);
    const { bands, rows } = this.nearParams;
    const keys = new Int32Array(bands);
    for (let b = 0; b < bands; b++) {
      let h = b;
      for (let r = 0; r < rows; r++) h = combine(h, sig[b * rows + r]!);
      keys[b] = h & 0x3fffffff;
    }
    p.nearKeys = keys;
  }

  check(p: Prepared): Verdict | undefined {
    if (p.exact !== undefined) {
      const hit = this.digests.find(p.exact);
      if (hit >= 0) return { method: "exact", dupOf: this.idOf(hit), similarity: 1 };
    }
    if (p.nearKeys && p.shingles) {
      // Candidates come in ascending order: of equally similar records, the earliest is named.
      let best = -1, bestSim = 0;
      for (const c of this.nearTable.candidates(p.nearKeys)) {
        const other = this.shinglesOf(c);
        if (!other) continue;
        this.compared.near += 1;
        p.shingles = sortedSet(p.shingles);
        const sim = jaccard(p.shingles, other, true);
        if (sim >= this.config.nearThreshold && sim > bestSim) { best = c; bestSim = sim; }
      }
      if (best >= 0) return { method: "near", dupOf: this.idOf(best), similarity: round(bestSim) };
    }
    if (p.embedding && this.semanticTable && this.planes) {
      if (p.embedding.length !== this.planes.dim) {
        throw new Error(`embedding of '${p.id}' has ${p.embedding.length} dimensions, earlier ones ${this.planes.dim}: use one model per index`);
      }
      let best = -1, bestSim = -Infinity;
      const sketch = (p.sketch ??= this.planes.signs(p.embedding));
      const w = this.planes.words;
      for (const c of this.semanticTable.candidates(this.planes.bandKeysOf(sketch))) {
        // The sketches tell, before the vector is read back from disk, that most
        // candidates are far below the threshold.
        if (differingBits(sketch, this.sketches, c * w) > this.maxDifferingBits) continue;
        const other = this.embeddingOf(c);
        if (!other) continue;
        this.compared.semantic += 1;
        const sim = dot(p.embedding, other);
        if (sim >= this.config.semanticThreshold && sim > bestSim) { best = c; bestSim = sim; }
      }
      if (best >= 0) return { method: "semantic", dupOf: this.idOf(best), similarity: round(bestSim) };
    }
    return undefined;
  }

  add(p: Prepared): number {
    if (p.embedding && this.planes && p.embedding.length !== this.planes.dim) {
      throw new Error(`embedding of '${p.id}' has ${p.embedding.length} dimensions, earlier ones ${this.planes.dim}: use one model per index`);
    }
    const i = this.ids.push(p.id);
    this.digests.set(i, p.exact);
    // A store is made by the first record with such data (exact-only runs have no
    // shingle store); earlier records get an empty entry, so record i is entry i.
    if (p.shingles || this.shingleSets) this.shingleSets = pushAt(this.shingleSets, "shingle sets", i, p.shingles);
    if (p.embedding || this.embeddings) this.embeddings = pushAt(this.embeddings, "embeddings", i, p.embedding);
    if (p.nearKeys) this.nearTable.add(p.nearKeys, i);
    if (p.embedding) {
      if (!this.planes) {
        const { bands, rows } = this.semanticParams;
        this.planes = new Hyperplanes(p.embedding.length, bands, rows, HYPERPLANE_SEED);
        this.semanticTable = new BandTable(bands, rows <= 30 ? rows : 32);
        this.maxDifferingBits = this.planes.maxDifferingBits(this.config.semanticThreshold);
      }
      const sketch = (p.sketch ??= this.planes.signs(p.embedding));
      const w = this.planes.words;
      this.sketches = ensureLength(this.sketches, (i + 1) * w);
      this.sketches.set(sketch, i * w);
      this.semanticTable!.add(this.planes.bandKeysOf(sketch), i);
    }
    return i;
  }
}

/** The exact method's key of a record's text segments. */
export function exactHash(segments: readonly string[], folds: ReadonlySet<Fold>): string {
  return analyze(segments, folds, true, false).exact!;
}

function pushAt(store: SpillStore | undefined, label: string, i: number, data: ArrayBufferView | undefined): SpillStore {
  const s = store ?? new SpillStore(label);
  while (s.size < i) s.push(undefined);
  s.push(data);
  return s;
}

function round(x: number): number {
  return Math.round(x * 10000) / 10000;
}
