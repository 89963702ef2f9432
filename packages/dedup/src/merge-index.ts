import { createWriteStream } from "node:fs";
import { NdjsonWriter, RawLine, type RunContext, type Transform } from "@chatmill/kit";
import { Deduper } from "./deduper.js";
import { configFromHeader, incompatibility, isHeader, preparedOf, type IndexEntry, type IndexHeader } from "./index-file.js";

export interface MergeOptions {
  numPerm: number;
  /** Write each entry dropped in the merge (id, dup_of, method, similarity, source). */
  dupsFile?: string | undefined;
}

/**
 * Reconciles dedup indexes built separately (one per shard): the entries of the
 * first index are kept, and each entry of a later one is kept only if it duplicates
 * nothing kept before it. Out comes one index; --dups lists the ids a shard must
 * still lose (`dedup --dups` format without the record).
 */
export function mergeIndexTransform(opts: MergeOptions, ctx: RunContext): Transform {
  return async function* merge(input) {
    let header: IndexHeader | undefined;
    let d: Deduper | undefined;
    let currentSource = "";
    let sourceHeader = false;
    const dups = opts.dupsFile ? new NdjsonWriter(createWriteStream(opts.dupsFile)) : undefined;
    try {
      for await (const rec of input) {
        if (rec.source !== currentSource || rec.line === 1) {
          currentSource = rec.source;
          sourceHeader = false;
        }
        if (isHeader(rec.value)) {
          if (!header) {
            header = rec.value;
            d = new Deduper({ ...configFromHeader(header), numPerm: opts.numPerm });
            yield new RawLine(JSON.stringify({ ...header, count: undefined }));
          } else {
            const why = incompatibility(rec.value, header) ?? incompatibility(header, rec.value);
            if (why) throw new Error(`${rec.source} cannot be merged with the first index: ${why}`);
          }
          sourceHeader = true;
          continue;
        }
        if (!d || !sourceHeader) {
          ctx.reject(rec, "not a dedup index entry: an index starts with its header line (made by dedup --index)", "not_an_index");
          continue;
        }
        const e = rec.value as unknown as IndexEntry;
        if (typeof e.id !== "string") {
          ctx.reject(rec, "index entry without an id", "invalid_entry");
          continue;
        }
        const p = preparedOf(d, e);
        const verdict = d.check(p);
        if (verdict) {
          ctx.drop(rec, `duplicate:${verdict.method}`);
          // Waiting when the writer says so keeps --dups from piling up in memory.
          await dups?.write({ id: e.id, dup_of: verdict.dupOf, method: verdict.method, similarity: verdict.similarity, source: rec.source, line: rec.line });
          continue;
        }
        d.add(p);
        yield new RawLine(rec.raw);
      }
    } finally {
      d?.close();
      await dups?.end();
    }
  };
}
