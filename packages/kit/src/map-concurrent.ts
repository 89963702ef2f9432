export interface MapConcurrentOptions {
  /** Most calls in flight; a function lets a limiter raise or lower it while running. */
  concurrency: number | (() => number);
  /** Yield in input order (default) or as each call finishes. */
  ordered?: boolean;
  /**
   * Ordered only: most finished results held back behind an earlier one still running
   * (default 4 × the concurrency). Above the concurrency, so one slow call (a retry
   * waiting out its Retry-After) does not stall all the others.
   */
  reorderWindow?: number;
}

/**
 * Maps an async iterable with many calls in flight, reading input only as fast as
 * results are consumed (so memory stays bounded by the concurrency and, when ordered,
 * the reorder window). A call that takes long holds back only its own result: the
 * others keep running while the results behind it fit in the window (before, the
 * window was the concurrency itself, and with 10% of requests retried after 429/500/503
 * the LLM tools ran at a fifth of their speed, waiting on a few slow records).
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
  const window = () => opts.reorderWindow ?? 4 * Math.max(1, limit());
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
      while (!exhausted && pending.size < Math.max(1, limit()) && pending.size + finished.size < Math.max(1, limit(), window())) {
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
