import { createReadStream, createWriteStream, existsSync, renameSync } from "node:fs";
import { createInterface } from "node:readline";
import { formatShingleSpec, markSorted, parseShingleSpec } from "./shingles.js";
import type { Deduper, Method, Prepared } from "./deduper.js";
import type { Fold } from "./normalize.js";

/**
 * The --index file: NDJSON, a header line then one line per kept record.
 *   {"chatmill_dedup_index":1,"methods":[..],"fold":[..],"shingle":"word:3","thresholds":{..},"embedder":".."}
 *   {"id":"d-1","x":"<sha256 hex>","s":"<base64 of sorted u32 shingle hashes>","e":"<base64 of int8 vector>"}
 * Shingle hashes (not signatures) are stored, so a later run may use another
 * --num-perm or --threshold; embeddings are int8 (vector × 127), enough for cosine
 * to ±0.01.
 */
export interface IndexHeader {
  chatmill_dedup_index: 1;
  methods: Method[];
  fold: Fold[];
  shingle: string;
  thresholds: { near: number; semantic: number };
  embedder?: string;
  count?: number;
}

export interface IndexEntry {
  id: string;
  x?: string;
  s?: string;
  e?: string;
}

export function headerOf(d: Deduper, embedder: string | undefined): IndexHeader {
  const c = d.config;
  return {
    chatmill_dedup_index: 1,
    methods: [...c.methods],
    fold: [...c.folds],
    shingle: formatShingleSpec(c.shingle),
    thresholds: { near: c.nearThreshold, semantic: c.semanticThreshold },
    ...(embedder ? { embedder } : {}),
    count: d.size,
  };
}

export function isHeader(v: unknown): v is IndexHeader {
  return !!v && typeof v === "object" && (v as IndexHeader).chatmill_dedup_index === 1;
}

/** Why an index made with `h` cannot serve a run with `want`; undefined when it can. */
export function incompatibility(h: IndexHeader, want: IndexHeader): string | undefined {
  for (const m of want.methods) {
    if (!h.methods.includes(m)) return `it was built without the ${m} method (it has ${h.methods.join(",")})`;
  }
  if (want.methods.includes("exact") && [...h.fold].sort().join(",") !== [...want.fold].sort().join(",")) {
    return `it folds ${h.fold.join(",") || "none"}, this run ${want.fold.join(",") || "none"} (pass --fold ${h.fold.join(",") || "none"})`;
  }
  if (want.methods.includes("near") && h.shingle !== want.shingle) return `it uses --shingle ${h.shingle}, this run ${want.shingle}`;
  if (want.methods.includes("semantic") && h.embedder !== want.embedder) {
    return `its embeddings come from ${h.embedder ?? "nothing"}, this run's from ${want.embedder ?? "nothing"}`;
  }
  return undefined;
}

export function entryOf(d: Deduper, i: number): IndexEntry {
  const e: IndexEntry = { id: d.idOf(i) };
  const x = d.exactOf(i);
  if (x !== undefined) e.x = x;
  const s = d.shinglesOf(i);
  if (s) e.s = Buffer.from(s.buffer, s.byteOffset, s.byteLength).toString("base64");
  const v = d.embeddingOf(i);
  if (v) {
    const q = new Int8Array(v.length);
    for (let k = 0; k < v.length; k++) q[k] = Math.max(-127, Math.min(127, Math.round(v[k]! * 127)));
    e.e = Buffer.from(q.buffer).toString("base64");
  }
  return e;
}

/** Rebuilds what `check` needs from a stored entry. */
export function preparedOf(d: Deduper, e: IndexEntry): Prepared {
  const p: Prepared = { id: e.id };
  if (e.x !== undefined) p.exact = e.x;
  if (e.s !== undefined && d.config.methods.has("near")) {
    const buf = Buffer.from(e.s, "base64");
    const copy = new Uint8Array(buf.length);
    copy.set(buf);
    d.prepareShingles(p, markSorted(new Uint32Array(copy.buffer, 0, copy.length >> 2)));
  }
  if (e.e !== undefined && d.config.methods.has("semantic")) {
    const buf = Buffer.from(e.e, "base64");
    const v = new Float32Array(buf.length);
    let n = 0;
    for (let k = 0; k < buf.length; k++) {
      const x = ((buf[k]! << 24) >> 24) / 127;
      v[k] = x;
      n += x * x;
    }
    n = Math.sqrt(n) || 1;
    for (let k = 0; k < v.length; k++) v[k] = v[k]! / n;
    p.embedding = v;
  }
  return p;
}

/** Loads an index file into `d` (its entries are kept as they are). Returns how many. */
export async function loadIndex(path: string, d: Deduper, want: IndexHeader): Promise<number> {
  if (!existsSync(path)) return 0;
  const lines = createInterface({ input: createReadStream(path), crlfDelay: Infinity });
  let n = 0;
  let line = 0;
  for await (const text of lines) {
    line += 1;
    if (text.trim() === "") continue;
    let v: unknown;
    try {
      v = JSON.parse(text);
    } catch {
      throw new Error(`--index ${path}: line ${line} is not JSON; is this a dedup index?`);
    }
    if (line === 1) {
      if (!isHeader(v)) throw new Error(`--index ${path} is not a dedup index (its first line is not the index header)`);
      const why = incompatibility(v, want);
      if (why) throw new Error(`--index ${path} cannot be used with these flags: ${why}`);
      continue;
    }
    const e = v as IndexEntry;
    if (typeof e.id !== "string") throw new Error(`--index ${path}: line ${line} has no id`);
    d.add(preparedOf(d, e));
    n += 1;
  }
  return n;
}

/** Writes every kept record of `d`; via a temporary file, so a crash never leaves half an index. */
export async function saveIndex(path: string, d: Deduper, header: IndexHeader): Promise<void> {
  const tmp = `${path}.tmp-${process.pid}`;
  const out = createWriteStream(tmp);
  const write = (s: string) => (out.write(s) ? undefined : new Promise<void>((r) => out.once("drain", r)));
  await write(`${JSON.stringify({ ...header, count: d.size })}\n`);
  for (let i = 0; i < d.size; i++) {
    const w = write(`${JSON.stringify(entryOf(d, i))}\n`);
    if (w) await w;
  }
  await new Promise<void>((resolve, reject) => out.end((err?: Error | null) => (err ? reject(err) : resolve())));
  renameSync(tmp, path);
}

export function configFromHeader(h: IndexHeader) {
  return {
    methods: new Set(h.methods),
    folds: new Set(h.fold),
    shingle: parseShingleSpec(h.shingle),
    nearThreshold: h.thresholds.near,
    semanticThreshold: h.thresholds.semantic,
  };
}
