import { createWriteStream } from "node:fs";
import { NdjsonWriter, RawLine, type InputRecord, type RunContext, type Transform } from "@chatmill/kit";
import { Deduper, type DedupConfig, type Prepared, type Verdict } from "./deduper.js";
import type { Embedder } from "./embedders.js";
import { headerOf, loadIndex, saveIndex } from "./index-file.js";
import { makeKeyFn } from "./key-text.js";

export interface DedupOptions extends DedupConfig {
  /** JSON paths of the compared text; empty: a dialogue's user and assistant turns. */
  keys: string[];
  /** Write each dropped record here with dup_of, method and similarity. */
  dupsFile?: string | undefined;
  /** Load kept records from this index (when it exists) and save the new ones back. */
  indexFile?: string | undefined;
  /** Needed when methods include semantic. */
  embedder?: Embedder | undefined;
  /** Records embedded per call. */
  batchSize?: number;
}

/** What --dups gets for each dropped record. */
export interface DupEntry {
  id: string;
  dup_of: string;
  method: string;
  similarity: number;
  source: string;
  line: number;
  record: unknown;
}

interface Pending {
  rec: InputRecord;
  prepared: Prepared | undefined;
  text: string;
}

/**
 * dedup as a transform: records come out as they came in (byte for byte), minus
 * those that duplicate an earlier record (or one in the index). Drops are counted as
 * duplicate:exact, duplicate:near, duplicate:semantic.
 */
export function dedupTransform(opts: DedupOptions, ctx: RunContext): Transform {
  if (opts.methods.has("semantic") && !opts.embedder) throw new Error("the semantic method needs an embedder (--model or --embed-url)");
  const keyOf = makeKeyFn(opts.keys);
  const batchSize = opts.methods.has("semantic") ? Math.max(1, opts.batchSize ?? 32) : 1;

  return async function* dedup(input) {
    const d = new Deduper(opts);
    const header = headerOf(d, opts.embedder?.name);
    if (opts.indexFile) {
      const loaded = await loadIndex(opts.indexFile, d, header);
      if (loaded > 0) ctx.info(`dedup: ${loaded} records loaded from ${opts.indexFile}`);
    }
    const loadedCount = d.size;
    const dups = opts.dupsFile ? new NdjsonWriter(createWriteStream(opts.dupsFile)) : undefined;
    let noText = 0;
    let dupsBehind: Promise<void> | undefined;
    let complete = false;

    const decide = (item: Pending): RawLine | undefined => {
      if (!item.prepared) return new RawLine(item.rec.raw);
      const verdict: Verdict | undefined = d.check(item.prepared);
      if (!verdict) {
        d.add(item.prepared);
        return new RawLine(item.rec.raw);
      }
      ctx.drop(item.rec, `duplicate:${verdict.method}`);
      // The writer asks us to wait when its file is behind: waited on in `flush`, so
      // --dups cannot pile up in memory.
      dupsBehind = dups?.write({
        id: item.prepared.id,
        dup_of: verdict.dupOf,
        method: verdict.method,
        similarity: verdict.similarity,
        source: item.rec.source,
        line: item.rec.line,
        record: item.rec.value,
      } satisfies DupEntry);
      return undefined;
    };

    const prepare = (rec: InputRecord): Pending => {
      const segments = keyOf(rec.value);
      if (segments.every((s) => s.trim() === "")) {
        noText += 1;
        return { rec, prepared: undefined, text: "" };
      }
      const id = typeof rec.value.id === "string" || typeof rec.value.id === "number" ? String(rec.value.id) : `${rec.source}:${rec.line}`;
      return { rec, prepared: d.prepare(id, segments), text: segments.join("\n") };
    };

    try {
      let batch: Pending[] = [];
      const flush = async function* (): AsyncGenerator<RawLine> {
        if (opts.embedder) {
          const need = batch.filter((b) => b.prepared);
          try {
            const vectors = await opts.embedder.embed(need.map((b) => b.text));
            need.forEach((b, i) => (b.prepared!.embedding = vectors[i]));
          } catch (err) {
            for (const b of need) ctx.fail(b.rec, `could not embed: ${(err as Error).message}`, "embedding_failed");
            batch = [];
            return;
          }
        }
        const items = batch;
        batch = [];
        for (const item of items) {
          const out = decide(item);
          if (dupsBehind) {
            await dupsBehind;
            dupsBehind = undefined;
          }
          if (out) yield out;
        }
      };
      for await (const rec of input) {
        batch.push(prepare(rec));
        if (batch.length >= batchSize) yield* flush();
      }
      if (batch.length > 0) yield* flush();
      complete = true;
    } finally {
      // Cut short (an error, or the reader stopped): nothing more is read from `d`.
      if (!complete) d.close();
      await dups?.end();
    }
    if (noText > 0) {
      ctx.warn(`${noText} records had no text under the key and were passed through uncompared (check --key)`);
      ctx.counters.notes.set("uncompared", noText);
    }
    ctx.counters.notes.set("kept", d.size - loadedCount);
    if (opts.methods.has("near")) ctx.counters.notes.set("near pairs compared", d.compared.near);
    if (opts.methods.has("semantic")) ctx.counters.notes.set("semantic pairs compared", d.compared.semantic);
    try {
      if (opts.indexFile) await saveIndex(opts.indexFile, d, header);
    } finally {
      d.close();
    }
  };
}
