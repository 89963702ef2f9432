export interface MapConcurrentOptions {
  /** Most calls in flight; a function lets a limiter raise or lower it while running. */
  concurrency: number | (() => number);
  /** Yield in input order (default) or as each call finishes. */
  ordered?: boolean;
}

/**
 * Maps an async iterable with many calls in flight, reading input only as fast as
 * results are consumed (so memory stays bounded by the concurrency).
 * `fn` should not throw for per-record problems: report those through the context
 * and return a value; a throw stops the whole map.
 */
export async function* mapConcurrent<T, R>(
  input: AsyncIterable<T> | Iterable<T>,
  fn: (item: T, index: number) => Promise<R>,
  opts: MapConcurrentOptions,
): AsyncGenerator<R> {
  const limit = typeof opts.concurrency === "function" ? opts.concurrency : () => opts.concurrency as number;
  const ordered = opts.ordered ?? true;
  const iterator = (Symbol.asyncIterator in input ? input[Symbol.asyncIterator]() : input[Symbol.iterator]()) as
    | AsyncIterator<T>
    | Iterator<T>;
  const pending = new Map<number, Promise<{ index: number; value: R }>>();
  const finished = new Map<number, R>();
  let nextIndex = 0;
  let nextToYield = 0;
  let exhausted = false;
  try {
    for (;;) {
      while (!exhausted && pending.size + finished.size < Math.max(1, limit())) {
        const step = await iterator.next();
        if (step.done) {
          exhausted = true;
          break;
        }
        const index = nextIndex++;
        pending.set(index, fn(step.value, index).then((value) => ({ index, value })));
      }
      if (ordered) {
        while (finished.has(nextToYield)) {
          const value = finished.get(nextToYield) as R;
          finished.delete(nextToYield++);
          yield value;
        }
      }
      if (pending.size === 0) {
        if (exhausted && finished.size === 0) return;
        continue;
      }
      const { index, value } = await Promise.race(pending.values());
      pending.delete(index);
      if (ordered) finished.set(index, value);
      else yield value;
    }
  } finally {
    if (!exhausted) await iterator.return?.();
  }
}
