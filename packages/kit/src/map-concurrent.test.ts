import { describe, expect, it } from "vitest";
import { mapConcurrent, type MapConcurrentOptions } from "./map-concurrent.js";

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

describe("mapConcurrent", () => {
  it("keeps input order while running calls in parallel, never above the limit", async () => {
    let inFlight = 0;
    let peak = 0;
    const out: number[] = [];
    const started = Date.now();
    for await (const v of mapConcurrent(
      Array.from({ length: 40 }, (_, i) => i),
      async (i) => {
        inFlight++;
        peak = Math.max(peak, inFlight);
        await sleep(((i * 7) % 5) * 4 + 5);
        inFlight--;
        return i * 2;
      },
      { concurrency: 8 },
    )) out.push(v);
    expect(out).toEqual(Array.from({ length: 40 }, (_, i) => i * 2));
    expect(peak).toBe(8);
    expect(Date.now() - started).toBeLessThan(40 * 21);
  });

  it("yields as finished when unordered", async () => {
    const out: number[] = [];
    for await (const v of mapConcurrent([30, 1, 15], async (ms) => (await sleep(ms), ms), { concurrency: 3, ordered: false })) out.push(v);
    expect(out).toEqual([1, 15, 30]);
  });

  it("lets one slow call hold back only its own result, up to the reorder window", async () => {
    /** Runs 40 calls, the first taking 300 ms and the others 2 ms: the output, and how many started meanwhile. */
    const withSlowFirst = async (opts: MapConcurrentOptions) => {
      let slowDone = false;
      let meanwhile = 0;
      const out: number[] = [];
      const call = async (i: number) => {
        if (i === 0) {
          await sleep(300);
          slowDone = true;
        } else {
          if (!slowDone) meanwhile++;
          await sleep(2);
        }
        return i;
      };
      for await (const v of mapConcurrent(Array.from({ length: 40 }, (_, i) => i), call, opts)) out.push(v);
      return { out, meanwhile };
    };
    const byDefault = await withSlowFirst({ concurrency: 4 });
    expect(byDefault.out).toEqual(Array.from({ length: 40 }, (_, i) => i));
    // The default window is 4 × 4: the slow call and 15 finished ones behind it (before: 3).
    expect(byDefault.meanwhile).toBe(15);
    expect((await withSlowFirst({ concurrency: 4, reorderWindow: 8 })).meanwhile).toBe(7);
  });

  it("reads input lazily: no more than the reorder window ahead of the consumer", async () => {
    let pulled = 0;
    async function* source() {
      for (let i = 0; i < 1000; i++) {
        pulled++;
        yield i;
      }
    }
    for await (const v of mapConcurrent(source(), async (i) => i, { concurrency: 4 })) {
      if (v === 10) break;
    }
    expect(pulled).toBeLessThanOrEqual(16);
  });

  it("follows a concurrency function that changes while running", async () => {
    let limit = 1;
    let inFlight = 0;
    let peak = 0;
    for await (const _ of mapConcurrent(
      Array.from({ length: 30 }, (_, i) => i),
      async (i) => {
        if (i === 5) limit = 6;
        inFlight++;
        peak = Math.max(peak, inFlight);
        await sleep(3);
        inFlight--;
      },
      { concurrency: () => limit },
    ));
    expect(peak).toBe(6);
  });

  it("stops at the first call that throws, with its error, leaving no rejection unhandled", async () => {
    const unhandled: unknown[] = [];
    const onUnhandled = (e: unknown) => unhandled.push(e);
    process.on("unhandledRejection", onUnhandled);
    const out: number[] = [];
    const run = async () => {
      for await (const v of mapConcurrent(
        Array.from({ length: 20 }, (_, i) => i),
        async (i) => {
          await sleep(i === 3 ? 1 : 10);
          if (i >= 3) throw new Error(`call ${i} failed`);
          return i;
        },
        { concurrency: 8, ordered: false },
      )) out.push(v);
    };
    await expect(run()).rejects.toThrow("call 3 failed");
    await sleep(30);
    process.off("unhandledRejection", onUnhandled);
    expect(unhandled).toEqual([]);
    expect(out.length).toBeLessThan(3);
  });
});
