// Memory of dedup's index per kept record, and recall on planted duplicates, in one
// process (run by bench/dedup.ts; needs --expose-gc):
//   node --expose-gc bench/dedup-index-memory.mjs FILE TRUTH [--methods exact,near] [--dim 384] [--dist DIR]
// FILE: planted NDJSON dialogues (test/dedup-planted.ts); TRUTH: JSON {copy id: original id}.
// The records are streamed through Deduper.prepare/check/add (what the bin does per
// record, without the CLI frame). Memory is process.memoryUsage() after forced full
// GCs, minus the same measure taken before the index was built (the truth map and
// the module are already loaded then): heapUsed + external (external includes the
// typed arrays' ArrayBuffers), and the RSS delta beside it. Prints one JSON line.
// With --dim N (and semantic in --methods), each record gets a pseudo-embedding: a
// random unit vector per distinct dialogue, and a copy's vector is its original's
// plus small noise, so the semantic index holds realistic per-record data.
import { createReadStream, readFileSync } from "node:fs";
import { createInterface } from "node:readline";
import { join, resolve } from "node:path";
import { pathToFileURL, fileURLToPath } from "node:url";

const args = process.argv.slice(2);
const flag = (name, dflt) => {
  const i = args.indexOf(name);
  return i >= 0 ? args[i + 1] : dflt;
};
const [file, truthFile] = args;
if (!file || !truthFile || typeof gc !== "function") {
  console.error("usage: node --expose-gc bench/dedup-index-memory.mjs FILE TRUTH [--methods exact,near] [--dim N] [--dist DIR]");
  process.exit(2);
}
const root = fileURLToPath(new URL("..", import.meta.url));
const dist = resolve(flag("--dist", join(root, "packages/dedup/dist")));
const { Deduper, defaultKey, parseFolds, parseShingleSpec } = await import(pathToFileURL(join(dist, "index.js")).href);
const methods = new Set(flag("--methods", "exact,near").split(","));
const dim = Number(flag("--dim", "0"));
const truth = new Map(Object.entries(JSON.parse(readFileSync(truthFile, "utf8"))));

function measure() {
  for (let i = 0; i < 3; i++) gc();
  const m = process.memoryUsage();
  return { heap: m.heapUsed, heapTotal: m.heapTotal, external: m.external, rss: m.rss };
}

/** Deterministic pseudo-embedding: a unit vector seeded by a number. */
function vectorOf(seed, noiseSeed) {
  let s = seed >>> 0 || 1;
  const rnd = () => ((s = (Math.imul(s ^ (s >>> 15), 0x2c1b3c6d) + 0x9e3779b9) >>> 0) / 4294967296) - 0.5;
  const v = new Float32Array(dim);
  for (let i = 0; i < dim; i++) v[i] = rnd();
  if (noiseSeed !== undefined) {
    let t = noiseSeed >>> 0 || 1;
    const noise = () => ((t = (Math.imul(t ^ (t >>> 15), 0x2c1b3c6d) + 0x9e3779b9) >>> 0) / 4294967296) - 0.5;
    for (let i = 0; i < dim; i++) v[i] += 0.08 * noise();
  }
  let n = 0;
  for (let i = 0; i < dim; i++) n += v[i] * v[i];
  n = Math.sqrt(n);
  for (let i = 0; i < dim; i++) v[i] /= n;
  return v;
}
const numOf = (id) => Number(id.slice(2));

const before = measure();
const d = new Deduper({
  methods,
  folds: parseFolds("case,whitespace,punctuation"),
  shingle: parseShingleSpec("word:3"),
  numPerm: 128,
  nearThreshold: 0.8,
  semanticThreshold: 0.9,
});
const found = { exact: 0, near: 0, reordered: 0 };
const total = { exact: 0, near: 0, reordered: 0, distinct: 0 };
let falseDrops = 0, wrongDupOf = 0, kept = 0, records = 0;
const byMethod = {};
const kindOf = (id) => ({ d: "distinct", x: "exact", n: "near", r: "reordered" })[id[0]];
const t0 = process.hrtime.bigint();
const cpu0 = process.cpuUsage();
const lines = createInterface({ input: createReadStream(file), crlfDelay: Infinity });
for await (const line of lines) {
  if (!line) continue;
  const value = JSON.parse(line);
  const id = String(value.id);
  const p = d.prepare(id, defaultKey(value));
  if (dim > 0 && methods.has("semantic")) {
    const of = truth.get(id);
    p.embedding = of === undefined ? vectorOf(numOf(id) * 2654435761) : vectorOf(numOf(of) * 2654435761, numOf(id) + 17);
  }
  const verdict = d.check(p);
  const kind = kindOf(id);
  total[kind] += 1;
  records += 1;
  if (!verdict) {
    d.add(p);
    kept += 1;
    continue;
  }
  byMethod[verdict.method] = (byMethod[verdict.method] ?? 0) + 1;
  if (kind === "distinct") falseDrops += 1;
  else {
    found[kind] += 1;
    // dup_of must be the planted original or another kept copy of it.
    const of = truth.get(id);
    if (verdict.dupOf !== of && truth.get(verdict.dupOf) !== of) wrongDupOf += 1;
  }
}
const seconds = Number(process.hrtime.bigint() - t0) / 1e9;
const cpu = process.cpuUsage(cpu0);
const after = measure();
const heapExternal = after.heap + after.external - (before.heap + before.external);
console.log(
  JSON.stringify({
    records,
    kept,
    methods: [...methods].join(","),
    dim,
    heapExternalBytes: heapExternal,
    rssBytes: after.rss - before.rss,
    // V8 keeps the heap pages it grew to (for garbage of parsing, mostly): part of the RSS delta.
    heapCommittedBytes: after.heapTotal - before.heapTotal,
    bytesPerKept: heapExternal / kept,
    rssPerKept: (after.rss - before.rss) / kept,
    recall: {
      exact: found.exact / total.exact,
      near: found.near / total.near,
      reordered: found.reordered / total.reordered,
    },
    falseDrops,
    wrongDupOf,
    byMethod,
    seconds,
    cpuSeconds: (cpu.user + cpu.system) / 1e6,
    // Keeps `d` alive until after the measurement.
    size: d.size,
  }),
);
