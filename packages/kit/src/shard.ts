import { UsageError } from "./errors.js";

/**
 * One of N parts of a run (`--shard I/N`, I from 0 as a Kubernetes Indexed Job's
 * JOB_COMPLETION_INDEX). Work item k (the k-th non-blank input line over all inputs,
 * or the k-th generated record for a tool with no input) belongs to shard k mod N.
 * Every record's randomness derives from the seed and its id, never from the process,
 * so the N shards' outputs together are one process's output, record for record.
 */
export interface Shard {
  index: number;
  count: number;
}

export function parseShard(text: string): Shard {
  const m = /^\s*(\d+)\s*\/\s*(\d+)\s*$/.exec(text);
  if (!m) throw new UsageError(`--shard expects I/N (for example 0/8), got '${text}'`);
  const index = Number(m[1]);
  const count = Number(m[2]);
  if (count < 1) throw new UsageError(`--shard ${text}: N must be at least 1`);
  if (index >= count) throw new UsageError(`--shard ${text}: I counts from 0, so it must be below N (${count})`);
  return { index, count };
}

/** Whether work item k belongs to this shard (every item does without --shard). */
export function ownsItem(shard: Shard | undefined, k: number): boolean {
  return shard === undefined || k % shard.count === shard.index;
}
