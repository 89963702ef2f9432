// Batch mode (--batch: the OpenAI Batch API; --batch-dir: round files for the user's own
// runner) against the project's fake server: the same records as the direct engine, no
// request answered twice across kills, and every batch fault recovered.
import { existsSync, mkdtempSync, readFileSync, readdirSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { spawnSync, type ChildProcess } from "node:child_process";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { killWhen } from "../bench/lib/kill-when.js";
import { bin, lines, sh } from "./helpers/spawn.js";
import { llmMapBin, records, root, runBin, startFake, type FakeProcess } from "./llm-helpers.js";

const sim = bin("dialogue-sim");
const runner = `${root}test/fixtures/batch-runner.mjs`;
const dir = mkdtempSync(join(tmpdir(), "llm-batch-"));
const config = join(dir, "llm.json");
writeFileSync(config, JSON.stringify({ model: "fake", retryBaseMs: 5, retryMaxMs: 40, concurrency: 8 }));
const fakes: FakeProcess[] = [];
let personas = "";

async function fake(args: string[] = []): Promise<FakeProcess> {
  const f = await startFake(["--batch-ms", "20", ...args]);
  fakes.push(f);
  return f;
}

const simArgs = ["--engine", "openai", "--config", config, "--min-turns", "2-2", "--max-turns", "3-3", "--seed", "3"];
const simRun = (f: FakeProcess, args: string[], onStart?: (p: ChildProcess) => void) => runBin(sim, [...simArgs, ...args], personas, { OPENAI_BASE_URL: f.url }, onStart);
const mapRun = (f: FakeProcess, args: string[], input: string) => runBin(llmMapBin, ["--config", config, "--prompt", "Rewrite: {{text}}", ...args], input, { OPENAI_BASE_URL: f.url });

beforeAll(async () => {
  const out: string[] = [];
  for (const d of ["retail", "travel", "ops"]) out.push((await sh(`node ${bin("persona-sample")} -n 4 --domain ${d} --seed 9 -q`)).stdout);
  personas = out.join("");
  expect(lines(personas)).toHaveLength(12);
});

afterAll(async () => {
  await Promise.all(fakes.map((f) => f.stop()));
});

describe("--batch (the Batch API)", () => {
  it("killed with SIGKILL and resumed three times, gives the direct engine's dialogues; the server answers no request twice", async () => {
    const [direct, batch] = await Promise.all([fake(), fake(["--faults", "batch-expire=0.15,batch-fail=0.05,batch-shuffle=0.5", "--seed", "4"])]);
    const baseline = await simRun(direct, []);
    expect(baseline.code).toBe(0);
    expect(lines(baseline.stdout)).toHaveLength(12);
    const total = (await direct.stats()).completed;
    const cache = join(dir, "sim-cache");
    const args = ["--batch", "--cache", cache, "--batch-poll", "0.01", "--retries", "20"];
    // One kill at a random point in each third of the run.
    let kills = 0;
    for (const k of [0, 1, 2]) {
      const point = Math.floor(((k + Math.random()) * total) / 3);
      const killed = await simRun(batch, args, killWhen(async () => (await batch.stats()).completed, point, "SIGKILL", 5));
      expect(killed.signal === "SIGKILL" || killed.code === 0).toBe(true);
      if (killed.signal === "SIGKILL") kills += 1;
    }
    expect(kills).toBeGreaterThanOrEqual(2);
    const final = await simRun(batch, args);
    expect(final.code, final.stderr).toBe(0);
    expect(final.stdout).toBe(baseline.stdout);
    expect(final.stderr).toMatch(/batch rounds \d+ · batch requests \d+/);
    const s = await batch.stats();
    expect(s.repeated).toBe(0);
    expect(s.distinct).toBe((await direct.stats()).distinct);
  });

  it("recovers every batch fault: expired batches (the rest sent again), failed lines, output out of order", async () => {
    const input = records(30, "f");
    const [direct, batch] = await Promise.all([fake(), fake(["--faults", "batch-expire=0.5,batch-fail=0.3,batch-shuffle=1", "--seed", "2"])]);
    const baseline = await mapRun(direct, [], input);
    expect(baseline.code).toBe(0);
    const r = await mapRun(batch, ["--batch", "--cache", join(dir, "fault-cache"), "--batch-poll", "0.01", "--retries", "30"], input);
    expect(r.code).toBe(0);
    expect(r.stdout).toBe(baseline.stdout);
    const s = await batch.stats();
    expect(s.faults["batch-expire"]).toBeGreaterThan(0);
    expect(s.faults["batch-fail"]).toBeGreaterThan(0);
    expect(s.faults["batch-shuffle"]).toBeGreaterThan(0);
    expect(s.repeated).toBe(0);
    expect(s.completed).toBe(30);
    expect(r.stderr).toMatch(/to send again/);
  });

  it("--batch-size bounds the records in flight, so a round's batch", async () => {
    const f = await fake(["--batch-ms", "0"]);
    const r = await mapRun(f, ["--batch", "--batch-size", "2", "--cache", join(dir, "size-cache"), "--batch-poll", "0.01"], records(6, "s"));
    expect(r.code).toBe(0);
    expect(lines(r.stdout)).toHaveLength(6);
    expect(r.stderr).toMatch(/batch rounds 3 · batch requests 6/);
    const s = (await f.stats()) as unknown as { byPath: Record<string, number> };
    expect(s.byPath["/batches"]).toBe(3);
  });

  it("--batch-poll caps the wait between status checks (they start 50 ms apart and double)", async () => {
    const polls = async (poll: string) => {
      const f = await fake(["--batch-ms", "1000"]);
      const r = await mapRun(f, ["--batch", "--cache", join(dir, `poll-cache-${poll}`), "--batch-poll", poll], records(2, "p"));
      expect(r.code).toBe(0);
      return ((await f.stats()) as unknown as { byPath: Record<string, number> }).byPath["/batches/{id}"]!;
    };
    // A 1 s batch: looked at every 10 ms, or at 0, 50, 100, 200, 400, 800 ms and then 5 s later.
    expect(await polls("0.01")).toBeGreaterThanOrEqual(8);
    expect(await polls("5")).toBeLessThanOrEqual(7);
  });

  it("killed after the server took the upload (or the batch) but before the run recorded it, the resumed run finds it and makes no second one", async () => {
    // The window between the server's answer and the record on disk is a few microseconds, so
    // the test makes it: it kills the run once the batch is recorded, then rewrites the record
    // as it was a step earlier (DIR/batch/sub-TOKEN.json, described in packages/llm/README.md).
    for (const phase of ["uploaded", "prepared"] as const) {
      const f = await fake(["--batch-ms", "2000"]);
      const input = records(4, phase);
      const cache = join(dir, `adopt-${phase}`);
      const args = ["--batch", "--cache", cache, "--batch-poll", "0.01"];
      const subFile = () => readdirSync(join(cache, "batch")).find((n) => /^sub-.*\.json$/.test(n));
      const recorded = async () => {
        try {
          const name = subFile();
          return name && readFileSync(join(cache, "batch", name), "utf8").includes('"submitted"') ? 1 : 0;
        } catch {
          return 0;
        }
      };
      const killed = await runBin(llmMapBin, ["--config", config, "--prompt", "Rewrite: {{text}}", ...args], input, { OPENAI_BASE_URL: f.url }, killWhen(recorded, 1, "SIGKILL", 5));
      expect(killed.signal).toBe("SIGKILL");
      const path = join(cache, "batch", subFile()!);
      const { batchId: _b, fileId, ...rest } = JSON.parse(readFileSync(path, "utf8")) as Record<string, unknown>;
      writeFileSync(path, JSON.stringify({ ...rest, phase, ...(phase === "uploaded" ? { fileId } : {}) }));
      const r = await mapRun(f, args, input);
      expect(r.code).toBe(0);
      expect(lines(r.stdout)).toHaveLength(4);
      const files = (await (await fetch(`${f.url}/files`)).json()) as { data: Array<{ purpose: string }> };
      const batches = (await (await fetch(`${f.url}/batches`)).json()) as { data: unknown[] };
      expect(files.data.filter((x) => x.purpose === "batch")).toHaveLength(1);
      expect(batches.data).toHaveLength(1);
      expect((await f.stats()).repeated).toBe(0);
    }
  });

  it("stops with exit 5 and says what to do when the server has no Batch API", async () => {
    const f = await fake();
    const r = await runBin(llmMapBin, ["--config", config, "--prompt", "{{text}}", "--batch", "--cache", join(dir, "no-api"), "--retries", "0"], records(1), { OPENAI_BASE_URL: `${f.url}/nothing-here` });
    expect(r.code).toBe(5);
    expect(r.stderr).toMatch(/has no Batch API .*--batch-dir/);
  });

  it("a request the batch refuses for good fails its record (exit 4), the others are written", async () => {
    const rules = join(dir, "refuse.ndjson");
    writeFileSync(rules, `${JSON.stringify({ match: "item number 1", reply: { status: 400, error: "this prompt is refused" } })}\n`);
    const f = await fake(["--script", rules]);
    const errors = join(dir, "refused.ndjson");
    const r = await mapRun(f, ["--batch", "--cache", join(dir, "refuse-cache"), "--batch-poll", "0.01", "--errors", errors], records(3, "x"));
    expect(r.code).toBe(4);
    expect(lines(r.stdout).map((x) => (x as { id: string }).id)).toEqual(["x0", "x2"]);
    expect(readFileSync(errors, "utf8")).toMatch(/this prompt is refused/);
  });

  it("refuses what cannot work: no --cache, both modes, --batch without the LLM engine", async () => {
    const f = await fake();
    const noCache = await mapRun(f, ["--batch"], records(1));
    expect(noCache.code).toBe(2);
    expect(noCache.stderr).toMatch(/--batch needs --cache DIR/);
    const both = await mapRun(f, ["--batch", "--batch-dir", dir], records(1));
    expect(both.code).toBe(2);
    const offline = await runBin(sim, ["--batch", "--cache", join(dir, "x")], personas);
    expect(offline.code).toBe(2);
    expect(offline.stderr).toMatch(/add --engine openai/);
  });
});

describe("--batch-dir (round files for your own runner)", () => {
  it("round-trips with an external runner until exit 0: the direct engine's dialogues, no request answered twice", async () => {
    const [direct, served] = await Promise.all([fake(), fake()]);
    const baseline = await simRun(direct, []);
    expect(baseline.code).toBe(0);
    const work = join(dir, "rounds");
    let result = await simRun(served, ["--batch-dir", work]);
    let rounds = 0;
    while (result.code === 75) {
      rounds += 1;
      expect(result.stdout).toBe("");
      const m = /run the \d+ requests of (\S+) with an OpenAI-batch runner, write its output to (\S+) \(/.exec(result.stderr);
      expect(m, result.stderr).toBeTruthy();
      // Run again before the output exists: still waiting, nothing changes.
      if (rounds === 1) expect((await simRun(served, ["--batch-dir", work])).code).toBe(75);
      const ran = spawnSync(process.execPath, [runner, m![1]!, m![2]!, served.url], { encoding: "utf8" });
      expect(ran.status, ran.stderr).toBe(0);
      result = await simRun(served, ["--batch-dir", work]);
      expect(rounds).toBeLessThan(100);
    }
    expect(result.code).toBe(0);
    expect(result.stdout).toBe(baseline.stdout);
    expect(rounds).toBeGreaterThan(3);
    expect(existsSync(join(work, "cache"))).toBe(true);
    const s = await served.stats();
    expect(s.repeated).toBe(0);
    expect(s.distinct).toBe((await direct.stats()).distinct);
  });
});
