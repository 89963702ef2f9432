import { Counters, type InputRecord, type RunContext } from "@chatmill/kit";

/**
 * The context of a rehearsal pass: the same seed and randomness as the real one, nothing
 * reported or counted; a record handed back as batch_pending is noted as unfinished.
 */
export function quietContext(ctx: RunContext, pending: (rec: InputRecord) => void): RunContext {
  return {
    tool: ctx.tool,
    version: ctx.version,
    seed: ctx.seed,
    onError: ctx.onError,
    counters: new Counters(),
    shard: ctx.shard,
    rng: (id, ...labels) => ctx.rng(id, ...labels),
    reject: () => {},
    fail: (rec, _reason, kind) => {
      if (kind === "batch_pending") pending(rec as InputRecord);
    },
    drop: () => {},
    warn: () => {},
    info: () => {},
    expect: () => {},
  };
}

export async function* list<T>(items: T[]): AsyncIterable<T> {
  for (const item of items) yield item;
}
