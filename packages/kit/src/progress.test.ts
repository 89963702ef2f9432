import { afterEach, describe, expect, it, vi } from "vitest";
import { Progress } from "./progress.js";

function fakeStream() {
  const writes: string[] = [];
  return { writes, stream: { write: (s: string) => writes.push(s) } as unknown as NodeJS.WriteStream };
}

describe("Progress", () => {
  afterEach(() => vi.useRealTimers());

  it("redraws one line with count, rate and ETA when the total is known, and clears it at the end", () => {
    vi.useFakeTimers({ now: 0 });
    const { writes, stream } = fakeStream();
    const p = new Progress("tool", stream);
    p.totalBytes = 1000;
    p.start();
    p.count = 500;
    p.bytes = 250;
    vi.advanceTimersByTime(1000);
    expect(writes.at(-1)).toBe("\r\x1b[Ktool: 500 records · 500/s · 25% · ETA 3s");
    p.stop();
    expect(writes.at(-1)).toBe("\r\x1b[K");
  });

  it("omits the ETA when the size of the input is unknown", () => {
    vi.useFakeTimers({ now: 0 });
    const { writes, stream } = fakeStream();
    const p = new Progress("gen", stream);
    p.start();
    p.count = 12_345;
    vi.advanceTimersByTime(2000);
    expect(writes.at(-1)).toBe("\r\x1b[Kgen: 12,345 records · 6,173/s");
    p.stop();
  });
});
