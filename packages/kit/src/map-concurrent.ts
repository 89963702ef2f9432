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
 *
 * Each call puts its result in a completion queue when it settles, and the loop waits
 * on that queue: O(1) per completion. (It used to wait with Promise.race over every
 * pending call, which attaches a reaction to each of them per completion: at 1,024
 * records in flight that was a quarter of llm-map's CPU, and most of its garbage.)
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
  /** Calls settled and not yet taken by the loop, in the order they settled. */
  let settled: Array<{ index: number; value: R }> = [];
  /** The first call that threw: it stops the map. */
  let thrown: { error: unknown } | undefined;
  /** Wakes the loop when a call settles while it waits. */
  let wake: (() => void) | undefined;
  let running = 0;
  const finished = new Map<number, R>();
  let nextIndex = 0;
  let nextToYield = 0;
  let exhausted = false;
  const start = (item: T, index: number) => {
    running += 1;
    fn(item, index).then(
      (value) => {
        settled.push({ index, value });
        wake?.();
      },
      (error: unknown) => {
        thrown ??= { error };
        wake?.();
      },
    );
  };
  try {
    for (;;) {
      while (!exhausted && running < Math.max(1, limit()) && running + finished.size < Math.max(1, limit(), window())) {
        const step = await iterator.next();
        if (step.done) {
          exhausted = true;
          break;
        }
        start(step.value, nextIndex++);
      }
      if (ordered) {
        while (finished.has(nextToYield)) {
          const value = finished.get(nextToYield) as R;
          finished.delete(nextToYield++);
          yield value;
        }
      }
      if (running === 0) {
        if (exhausted && finished.size === 0) return;
        continue;
      }
      while (settled.length === 0 && !thrown) await new Promise<void>((resolve) => (wake = resolve));
      wake = undefined;
      if (thrown) throw thrown.error;
      const batch = settled;
      settled = [];
      for (const { index, value } of batch) {
        running -= 1;
        if (ordered) finished.set(index, value);
        else yield value;
      }
    }
  } finally {
    if (!exhausted) await iterator.return?.();
  }
}
