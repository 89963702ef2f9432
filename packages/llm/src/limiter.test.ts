import { describe, expect, it } from "vitest";
import { Limiter } from "./limiter.js";

describe("Limiter", () => {
  it("keeps at most `concurrency` permits out and hands them on in order", async () => {
    const l = new Limiter({ concurrency: 2 });
    const order: number[] = [];
    const permits = await Promise.all([l.acquire(), l.acquire()]);
    expect(l.inFlight).toBe(2);
    const third = l.acquire().then((p) => (order.push(3), p));
    const fourth = l.acquire().then((p) => (order.push(4), p));
    await new Promise((r) => setTimeout(r, 5));
    expect(order).toEqual([]);
    l.release(permits[0]!, "ok");
    await third;
    expect(order).toEqual([3]);
    l.release(permits[1]!, "ok");
    await fourth;
    expect(order).toEqual([3, 4]);
  });

  it("cuts the limit when the server pushes back, once per latency period, and climbs back on success", () => {
    let t = 0;
    const l = new Limiter({ concurrency: 20, now: () => t });
    const grab = () => ({ tokens: 0, started: t });
    l.inFlight = 50;
    t = 100;
    l.release(grab(), "pushback"); // one or two 429s are noise
    l.release(grab(), "pushback");
    expect(l.limit).toBe(20);
    l.release(grab(), "pushback");
    expect(l.limit).toBe(14);
    l.release(grab(), "pushback"); // same period: the same overload, no second cut
    l.release(grab(), "pushback");
    expect(l.limit).toBe(14);
    t = 2000;
    l.release(grab(), "pushback");
    expect(l.limit).toBe(9);
    expect(l.lowest).toBe(9);
    // a few pushbacks among many good answers do not cut
    t = 4000;
    for (let i = 0; i < 40; i++) l.release({ tokens: 0, started: t - 10 }, "ok");
    const before = l.limit;
    for (let i = 0; i < 3; i++) {
      t += 1000;
      l.release(grab(), "pushback");
    }
    expect(l.limit).toBe(before);
    for (let i = 0; i < 200; i++) {
      l.inFlight += 1;
      const started = t;
      t += 10;
      l.release({ tokens: 0, started }, "ok");
    }
    expect(l.limit).toBe(20);
  });

  it("keeps its limit under stray pushbacks that do not come from load (7% random 429/503)", () => {
    // A server answering 7% of requests with 429/503 whatever the load, 64 in flight, 200 ms each.
    let t = 0;
    const l = new Limiter({ concurrency: 64, now: () => t });
    let seed = 7;
    const random = () => ((seed = (seed * 1103515245 + 12345) % 2 ** 31) / 2 ** 31);
    l.inFlight = 64;
    for (let i = 0; i < 5000; i++) {
      t += 200 / 64;
      l.inFlight = Math.max(l.inFlight, 1);
      l.release({ tokens: 0, started: t - 200 }, random() < 0.07 ? "pushback" : "ok");
      l.inFlight += 1;
    }
    expect(l.lowest).toBeGreaterThanOrEqual(44);
    expect(l.limit).toBeGreaterThan(60);
  });

  it("still cuts fast when most answers are pushback (a real overload)", () => {
    let t = 0;
    const l = new Limiter({ concurrency: 64, now: () => t });
    for (let i = 0; i < 40; i++) l.release({ tokens: 0, started: t - 200 }, "ok");
    for (let i = 0; i < 400; i++) {
      t += 20;
      l.inFlight += 1;
      l.release({ tokens: 0, started: t - 200 }, i % 2 === 0 ? "pushback" : "ok");
    }
    expect(l.lowest).toBeLessThanOrEqual(4);
  });

  it("backs off when latency rises well above the best seen", () => {
    let t = 0;
    const l = new Limiter({ concurrency: 10, now: () => t });
    for (let i = 0; i < 20; i++) {
      l.inFlight += 1;
      const started = t;
      t += 100;
      l.release({ tokens: 0, started }, "ok");
    }
    expect(l.limit).toBe(10);
    for (let i = 0; i < 40; i++) {
      l.inFlight += 1;
      const started = t;
      t += 3000;
      l.release({ tokens: 0, started }, "ok");
    }
    expect(l.lowest).toBeLessThan(10);
  });

  it("paces requests per minute", async () => {
    // 1200/min = 20/s with a burst of 20: the 30th request waits about half a second.
    const l = new Limiter({ concurrency: 100, rpm: 1200 });
    const start = Date.now();
    for (let i = 0; i < 30; i++) l.release(await l.acquire(), "ok");
    expect(Date.now() - start).toBeGreaterThanOrEqual(400);
  });

  it("paces tokens per minute and corrects the estimate with real usage", async () => {
    const l = new Limiter({ concurrency: 100, tpm: 60_000 }); // 1000 tokens/s, burst 1000
    const start = Date.now();
    const a = await l.acquire(500);
    l.release(a, "ok", 1000); // used twice the estimate: the bucket is now empty
    const b = await l.acquire(200);
    expect(Date.now() - start).toBeGreaterThanOrEqual(150);
    l.release(b, "ok");
  });

  it("drains: admits nothing more and resolves when the last request lands", async () => {
    const l = new Limiter({ concurrency: 4 });
    const p = await l.acquire();
    let admitted = false;
    let drained = false;
    const done = l.drain().then(() => (drained = true));
    void l.acquire().then(() => (admitted = true));
    await new Promise((r) => setTimeout(r, 5));
    expect(drained).toBe(false);
    l.release(p, "ok");
    await done;
    expect(drained).toBe(true);
    expect(admitted).toBe(false);
  });
});
