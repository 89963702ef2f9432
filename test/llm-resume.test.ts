import { mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import type { ChildProcess } from "node:child_process";
import { afterAll, describe, expect, it } from "vitest";
import { killWhen } from "../bench/lib/kill-when.js";
import { llmMapBin, records, runBin, startFake, type FakeProcess } from "./llm-helpers.js";

const dir = mkdtempSync(join(tmpdir(), "llm-resume-"));
const config = join(dir, "llm.json");
writeFileSync(config, JSON.stringify({ model: "fake", retryBaseMs: 5, retryMaxMs: 50, concurrency: 8 }));
const FAKE_ARGS = ["--delay-ms", "25", "--faults", "429=0.05,500=0.03,503=0.02", "--retry-after", "0.01", "--seed", "11"];
const N = 40;
const input = records(N);
const fakes: FakeProcess[] = [];
afterAll(async () => {
  await Promise.all(fakes.map((f) => f.stop()));
});

async function fakeServer(): Promise<FakeProcess> {
  const f = await startFake(FAKE_ARGS);
  fakes.push(f);
  return f;
}

const run = (fake: FakeProcess, cache: string | undefined, onStart?: (p: ChildProcess) => void) =>
  runBin(llmMapBin, ["--config", config, "--prompt", "Rewrite: {{text}}", ...(cache ? ["--cache", cache] : [])], input, { OPENAI_BASE_URL: fake.url }, onStart);

/** Kills the run with `signal` once the server has answered `after` requests. */
const killAfter = (fake: FakeProcess, after: number, signal: NodeJS.Signals) => killWhen(async () => (await fake.stats()).completed, after, signal);

function expectPrefix(partial: string, full: string) {
  const done = partial.split("\n").slice(0, -1); // the last piece may be cut mid-line
  expect(full.startsWith(done.length ? `${done.join("\n")}\n` : "")).toBe(true);
}

describe("llm-map resume", () => {
  it("killed three times at random points and resumed, ends byte-identical to an uninterrupted run, repeating no finished request", async () => {
    const [baseFake, resumeFake] = await Promise.all([fakeServer(), fakeServer()]);
    const baseline = await run(baseFake, undefined);
    expect(baseline.code).toBe(0);
    expect(baseline.stdout.split("\n").filter(Boolean)).toHaveLength(N);

    const cache = join(dir, "cache");
    // Random kill points, one in each third of the run.
    const points = [0, 1, 2].map((k) => Math.floor(((k + Math.random()) * N) / 3));
    for (const point of points) {
      const killed = await run(resumeFake, cache, killAfter(resumeFake, point, "SIGTERM"));
      // SIGTERM lets the requests in flight land in the cache, then exits 143 (killed before
      // the layer started, the process just dies of the signal; after the end, it exited 0).
      expect(killed.code === 143 || killed.code === 0 || killed.signal === "SIGTERM").toBe(true);
      expectPrefix(killed.stdout, baseline.stdout);
    }
    const final = await run(resumeFake, cache);
    expect(final.code).toBe(0);
    expect(final.stdout).toBe(baseline.stdout);
    const s = await resumeFake.stats();
    const b = await baseFake.stats();
    expect(s.repeated).toBe(0);
    expect(s.completed).toBe(b.completed);
    expect(s.distinct).toBe(b.distinct);
  });

  it("after kill -9 the rerun still gives identical output; at most the requests in flight (≤ --concurrency) are asked again per kill", async () => {
    // Wider than the other runs (16 in flight, 120 records), killed twice: each kill may cost
    // the answers in flight at that moment and nothing more, because each answer is in the
    // cache the moment it arrives.
    const J = 16;
    const wide = records(120, "w");
    const runWide = (fake: FakeProcess, cache: string | undefined, onStart?: (p: ChildProcess) => void) =>
      runBin(llmMapBin, ["--config", config, "-j", String(J), "--prompt", "Rewrite: {{text}}", ...(cache ? ["--cache", cache] : [])], wide, { OPENAI_BASE_URL: fake.url }, onStart);
    const [baseFake, killFake] = await Promise.all([fakeServer(), fakeServer()]);
    const baseline = await runWide(baseFake, undefined);
    expect(baseline.code).toBe(0);
    const cache = join(dir, "cache9");
    // A body lost at a kill is repeated when a later run gets its answer: after the k-th kill
    // only the first k - 1 kills' losses can show, at the end all of them.
    const kills = [40, 80];
    for (const [k, point] of kills.entries()) {
      const killed = await runWide(killFake, cache, killAfter(killFake, point, "SIGKILL"));
      expect(killed.signal).toBe("SIGKILL");
      expectPrefix(killed.stdout, baseline.stdout);
      expect((await killFake.stats()).repeated).toBeLessThanOrEqual(k * J);
    }
    const final = await runWide(killFake, cache);
    expect(final.code).toBe(0);
    expect(final.stdout).toBe(baseline.stdout);
    const st = await killFake.stats();
    expect(st.repeated).toBeLessThanOrEqual(kills.length * J);
    expect(st.distinct).toBe((await baseFake.stats()).distinct);
  });
});
