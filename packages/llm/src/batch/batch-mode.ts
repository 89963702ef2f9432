import type { InputRecord, RunContext, Transform } from "@chatmill/kit";
import type { Llm } from "../client.js";
import { list } from "./rehearsal.js";
import { BatchRounds } from "./rounds.js";

/**
 * Batch mode for a tool whose records go through the LLM layer: `make(ctx)` builds the
 * tool's usual transform. Without --batch / --batch-dir it is that transform.
 *
 * --batch: the transform runs once, with up to --batch-size records in flight. A request
 * that is not in the cache waits (its record's code is simply suspended on it); once no
 * record can go on without an answer, the waiting requests — the next request of every
 * unfinished record, each once — go out as one batch (a round), the answers go into the
 * cache, matched by custom_id (the request's cache key), and the records go on. Output,
 * dead letters and summary are a direct run's. A rerun after a stop replays every answered
 * request from the cache (the tools are deterministic given the seed and the answers), so
 * each record goes straight to its first unanswered request.
 *
 * --batch-dir: no server, one round per run. The input is read whole (kept in memory); a
 * pass with a context that reports nothing runs every record until its first request not
 * in the cache (BatchPending ends it there); those requests are written as the round's
 * input file and the run exits 75. The next run reads the runner's output into the cache
 * first. Once a pass finds nothing left to ask, the transform runs with the real context
 * over every record, all from the cache.
 *
 * Every step is on disk before the next begins (the round's input file, then the upload,
 * then the batch's id; answers before the batch is marked collected), and a batch or file
 * the server got just before a kill is found again by name, so a run stopped anywhere
 * (kill -9 included) resumes with the same command and sends no request twice.
 */
export function withBatch(make: (ctx: RunContext) => Transform, llm: Llm, ctx: RunContext): Transform {
  const settings = llm.config.batch;
  if (!settings) return make(ctx);
  const rounds = new BatchRounds(llm, ctx, settings);
  if (settings.mode === "api") {
    return async function* batched(input: AsyncIterable<InputRecord>) {
      await rounds.startApi();
      for await (const out of make(ctx)(input, ctx)) {
        rounds.written += 1;
        yield out;
      }
      rounds.publish();
    };
  }
  return async function* batchedDir(input: AsyncIterable<InputRecord>) {
    const records: InputRecord[] = [];
    for await (const rec of input) records.push(rec);
    const release = llm.hold();
    try {
      await rounds.runDir(records, make);
    } finally {
      release();
    }
    rounds.publish();
    yield* make(ctx)(list(records), ctx);
  };
}
