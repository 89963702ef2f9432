import { createWriteStream, statSync } from "node:fs";
import { mkdtemp, rm, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { pipeline } from "node:stream/promises";
import { RawLine, UsageError, fileSource, isBadLine, readNdjson, type BadLine, type InputRecord, type RunContext } from "@chatmill/kit";
import { BottomK } from "./bottom-k.js";
import { planCounts, round, type PlannedSource } from "./plan.js";
import { distinctLabels, type SourceArg } from "./source-arg.js";
import { canTag, withTag } from "./tag.js";

export interface MixOptions {
  sources: SourceArg[];
  /** The size of the mix that percentages and `rest` refer to. */
  total?: number;
  /** Largest number of times a source's records may be repeated (default 10). */
  maxOversample?: number;
  /** Interleave the sources in a seeded random order (default); false: one after the other. */
  shuffle?: boolean;
  /** Field path to tag each record with its source's label; undefined: records pass byte for byte. */
  tag?: string[] | undefined;
  /**
   * What a repeated record (oversampling) becomes: "ids" (default) a copy with its own id
   * (`<id>~2`, `~3`…) and `repeat_of`; "same" the record again, same id; "refuse" no
   * repeats at all (a source gives each record once at most).
   */
  repeats?: Repeats;
  /** Write the achieved mix as JSON to this file. */
  reportFile?: string;
  maxLineBytes?: number;
  /** Deepest nesting accepted in a record (the kit's reader default when unset). */
  maxDepth?: number;
  /** Where stdin ('-') is read from; tests pass a stream. */
  stdin?: NodeJS.ReadableStream;
}

export type Repeats = "ids" | "same" | "refuse";

export interface MixReport {
  seed: number;
  total: number | null;
  written: number;
  sources: Array<{
    label: string;
    path: string;
    target: string;
    available: number;
    bad: number;
    wanted: number;
    written: number;
    share: number;
    oversample: number;
  }>;
}

interface Counted extends SourceArg {
  available: number;
  bad: number;
  keys: KeyKeeper;
  file: string;
}

/**
 * Mixes NDJSON sources in two passes over each file. The first counts the records
 * and keeps the hash keys of the smallest ones (8 bytes per record that may be
 * sampled, at most the source's target); the second streams the chosen records.
 * A record is chosen by a hash of the seed and its id (or its text), so the sample
 * does not depend on the order of the file. A source asked for more records than
 * it has gives all of them ⌊target/n⌋ times, plus a seeded sample for the rest.
 * stdin ('-') is copied to a temporary file first, since it can be read only once.
 */
export async function* mixSources(opts: MixOptions, ctx: RunContext): AsyncGenerator<unknown> {
  const sources = distinctLabels(opts.sources);
  if (sources.length === 0) throw new UsageError("no sources: give one or more FILE[:TARGET], e.g. mix a.ndjson:3000 b.ndjson:80");
  if (sources.filter((s) => s.path === "-").length > 1) throw new UsageError("stdin ('-') can be only one of the sources");
  for (const s of sources) if (s.path !== "-") checkReadable(s.path);
  // --repeats refuse: no record twice, so a source gives at most its size.
  const maxOversample = opts.repeats === "refuse" ? 1 : (opts.maxOversample ?? 10);
  let spoolDir: string | undefined;
  try {
    const files = new Map<string, string>();
    for (const s of sources) {
      if (s.path !== "-") files.set(s.path, s.path);
      else {
        spoolDir = await mkdtemp(join(tmpdir(), "chatmill-mix-"));
        const spooled = join(spoolDir, "stdin.ndjson");
        await pipeline(opts.stdin ?? process.stdin, createWriteStream(spooled));
        files.set("-", spooled);
      }
    }
    const counted: Counted[] = [];
    for (const s of sources) counted.push(await countSource(s, files.get(s.path)!, opts, ctx));
    const plan = planCounts(counted, { ...(opts.total !== undefined ? { total: opts.total } : {}), maxOversample, noRepeats: opts.repeats === "refuse" }, (m) => ctx.warn(m));
    const total = plan.reduce((a, p) => a + p.count, 0);
    ctx.expect(total);

    const streams = plan.map((p, i) => emitSource(p, counted[i]!, opts, ctx));
    const remaining = plan.map((p) => p.count);
    const written = plan.map(() => 0);
    const order = ctx.rng("mix-order");
    let left = total;
    try {
      let next = 0;
      while (left > 0) {
        let i: number;
        if (opts.shuffle === false) {
          while (remaining[next] === 0) next += 1;
          i = next;
        } else {
          let r = Math.floor(order.next() * left);
          i = 0;
          while (r >= remaining[i]!) r -= remaining[i++]!;
        }
        const item = await streams[i]!.next();
        if (item.done) {
          ctx.warn(`${plan[i]!.path} gave ${written[i]} records in the second pass, not ${plan[i]!.count}: did it change while mix was reading it?`);
          left -= remaining[i]!;
          remaining[i] = 0;
          continue;
        }
        remaining[i]! -= 1;
        left -= 1;
        written[i]! += 1;
        yield item.value;
      }
    } finally {
      await Promise.all(streams.map((s) => s.return(undefined)));
    }
    const report = makeReport(plan, counted, written, opts.total, ctx.seed);
    ctx.info(formatReport(report));
    if (opts.reportFile) await writeFile(opts.reportFile, `${JSON.stringify(report, null, 2)}\n`);
  } finally {
    if (spoolDir) await rm(spoolDir, { recursive: true, force: true });
  }
}

/** Pass one: how many good records the source has, and the keys of those that may be sampled. */
async function countSource(s: SourceArg, file: string, opts: MixOptions, ctx: RunContext): Promise<Counted> {
  const keys = new KeyKeeper(sampleBound(s, opts.total));
  let available = 0;
  let bad = 0;
  for await (const rec of readSource(s, file, opts)) {
    ctx.counters.read += 1;
    if (isBadLine(rec)) {
      bad += 1;
      ctx.reject(rec, rec.reason, rec.kind);
      continue;
    }
    if (opts.tag && !canTag(rec.value, opts.tag)) {
      bad += 1;
      ctx.reject(rec, `cannot tag the record: '${opts.tag.slice(0, -1).join(".")}' is not an object; pick another field with --tag or pass --no-tag`, "untaggable", `/${opts.tag.join("/")}`);
      continue;
    }
    available += 1;
    keys.add(keyOf(rec, ctx));
  }
  return { ...s, available, bad, keys, file };
}

/** Pass two: the source's chosen records, each full round first, then the sampled ones. */
async function* emitSource(p: PlannedSource, c: Counted, opts: MixOptions, ctx: RunContext): AsyncGenerator<unknown> {
  if (p.count === 0 || p.available === 0) return;
  const rounds = Math.floor(p.count / p.available);
  const extra = p.count % p.available;
  const renamed = (opts.repeats ?? "ids") === "ids";
  let unnamed = 0;
  /** The record's `copy`-th appearance (0: the first): copies get their own id unless --repeats same. */
  const out = (rec: InputRecord, copy: number) => {
    if (copy > 0 && renamed) {
      const again = asRepeat(rec.value, copy);
      if (again) return opts.tag ? withTag(again, opts.tag, p.label) : again;
      if (unnamed++ === 0) ctx.warn(`${p.path}: line ${rec.line} has no string or number id, so its repeats are identical copies`);
    }
    return opts.tag ? withTag(rec.value, opts.tag, p.label) : new RawLine(rec.raw);
  };
  for (let r = 0; r < rounds; r++) {
    for await (const rec of readSource(p, c.file, opts)) if (usable(rec, opts)) yield out(rec, r);
  }
  if (extra === 0) return;
  const { threshold, tiesWanted } = c.keys.kth(extra);
  let ties = tiesWanted;
  for await (const rec of readSource(p, c.file, opts)) {
    if (!usable(rec, opts)) continue;
    const key = keyOf(rec, ctx);
    if (key < threshold) yield out(rec, rounds);
    else if (key === threshold && ties > 0) {
      ties -= 1;
      yield out(rec, rounds);
    }
  }
}

/**
 * The record's (copy+1)-th appearance as a record of its own: id `<id>~<copy+1>` and
 * `repeat_of: <id>`, so ids stay unique and every copy says what it repeats. Undefined
 * when the record has no usable id.
 */
export function asRepeat(value: Record<string, unknown>, copy: number): Record<string, unknown> | undefined {
  const id = value.id;
  if (typeof id !== "string" && typeof id !== "number") return undefined;
  return { ...value, id: `${id}~${copy + 1}`, repeat_of: id };
}

function checkReadable(path: string): void {
  let dir: boolean;
  try {
    dir = statSync(path).isDirectory();
  } catch (err) {
    throw new UsageError(`cannot read '${path}': ${(err as NodeJS.ErrnoException).code ?? (err as Error).message}`);
  }
  if (dir) throw new UsageError(`'${path}' is a directory, not an NDJSON file`);
}

/** Pass two skips what pass one reported: bad lines and records that cannot take the tag. */
function usable(rec: InputRecord | BadLine, opts: MixOptions): rec is InputRecord {
  if (isBadLine(rec)) return false;
  return !opts.tag || canTag(rec.value, opts.tag);
}

function readSource(s: SourceArg, file: string, opts: MixOptions): AsyncGenerator<InputRecord | BadLine> {
  const name = s.path === "-" ? "stdin" : s.path;
  return readNdjson(fileSource(file).open(), name, { maxLineBytes: opts.maxLineBytes, maxDepth: opts.maxDepth });
}

/** A record's sampling key: 53 bits from the seed and its id, or its text when it has no id. */
function keyOf(rec: InputRecord, ctx: RunContext): number {
  const id = rec.value.id;
  const rng = ctx.rng(typeof id === "string" || typeof id === "number" ? `id:${id}` : `raw:${rec.raw}`, "mix");
  return rng.u32() * 2 ** 21 + (rng.u32() >>> 11);
}

/** The most records pass two may need to sample from a source, known before its size is. */
function sampleBound(s: SourceArg, total?: number): number {
  switch (s.target.kind) {
    case "count":
      return s.target.n;
    case "percent":
      return Math.ceil(((total ?? 0) * s.target.p) / 100) + 1;
    case "rest":
      return total ?? 0;
    case "times":
      return Number.isInteger(s.target.x) ? 0 : Infinity;
    case "all":
      return 0;
  }
}

/** The smallest keys of a source: a bounded heap, or every key when the bound is unknown. */
class KeyKeeper {
  private readonly heap: BottomK | undefined;
  private readonly all: number[] = [];

  constructor(bound: number) {
    if (Number.isFinite(bound)) this.heap = new BottomK(bound);
  }

  add(key: number): void {
    if (this.heap) this.heap.add(key);
    else this.all.push(key);
  }

  /** The k-th smallest key, and how many records with exactly that key to take. */
  kth(k: number): { threshold: number; tiesWanted: number } {
    const keys = (this.heap ? this.heap.values() : this.all.slice()).sort((a, b) => a - b);
    if (k > keys.length) throw new Error(`internal: ${k} keys wanted, ${keys.length} kept`);
    const threshold = keys[k - 1]!;
    let below = 0;
    while (keys[below]! < threshold) below += 1;
    return { threshold, tiesWanted: k - below };
  }
}

function makeReport(plan: PlannedSource[], counted: Counted[], written: number[], total: number | undefined, seed: number): MixReport {
  const sum = written.reduce((a, n) => a + n, 0);
  return {
    seed,
    total: total ?? null,
    written: sum,
    sources: plan.map((p, i) => ({
      label: p.label,
      path: p.path,
      target: p.spec,
      available: p.available,
      bad: counted[i]!.bad,
      wanted: p.wanted,
      written: written[i]!,
      share: sum === 0 ? 0 : round((100 * written[i]!) / sum),
      oversample: p.available === 0 ? 0 : round(written[i]! / p.available),
    })),
  };
}

/** The achieved mix as a table for stderr. */
export function formatReport(r: MixReport): string {
  const head = ["source", "target", "records", "wanted", "written", "share", "repeat"];
  const rows = r.sources.map((s) => [s.label, s.target, String(s.available), String(s.wanted), String(s.written), `${s.share.toFixed(1)}%`, `${s.oversample.toFixed(2)}×`]);
  rows.push(["total", r.total === null ? "" : String(r.total), "", "", String(r.written), r.written > 0 ? "100.0%" : "0.0%", ""]);
  const widths = head.map((h, c) => Math.max(h.length, ...rows.map((row) => row[c]!.length)));
  const fmt = (row: string[]) => `  ${row.map((cell, c) => (c === 0 ? cell.padEnd(widths[c]!) : cell.padStart(widths[c]!))).join("  ")}`.trimEnd();
  return [`mix: achieved mix (seed ${r.seed})`, fmt(head), ...rows.map(fmt)].join("\n");
}
