/**
 * Throughput and fault bars of the LLM layer, against chatmill-fake-llm (run by hand:
 * `npx tsx bench/llm-throughput.ts` after building @chatmill/llm-map and @chatmill/fake-llm).
 *
 * 1. library: 2,000 chat calls at concurrency 64, the fake answering after 200 ms;
 *    ideal = 64 / 0.2 s = 320 requests/s; the bar is 90% of it.
 * 2. pipes: the same through `llm-map` (process start-up included).
 * 3. faults: 10% of answers 429/500/503 — every record must come out exactly once.
 * 4. resume: llm-map killed (SIGTERM) at three random points and resumed with --cache:
 *    output byte-identical to an uninterrupted run, no finished request repeated.
 * 5. CPU: llm-map and a bare fetch loop (bench/lib/bare-fetch-loop.mjs), each a child
 *    process against its own fake server, at concurrency 16, 64 and 256 with ROUNDS × the
 *    concurrency requests each (default 30 rounds: 480, 1,920 and 7,680): CPU ms per request
 *    (the child's process.cpuUsage, minus a run over 0 records, so start-up is not counted),
 *    the ratio llm-map / bare (the bar: ≤ 1.5), and % of the bound concurrency / delay, over
 *    the server's span from the first request to the last answer (the bar at 256: ≥ 70%).
 * Sizes can be changed with N=… CONCURRENCY=… DELAY_MS=… ROUNDS=… LEVELS=16,64,256 in the
 * environment, and PARTS=0,1,2 runs only those parts.
 */
import { spawn, type ChildProcess } from "node:child_process";
import { mkdtempSync, readFileSync, rmSync } from "node:fs";
import { loadavg, tmpdir } from "node:os";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { Context, mapConcurrent } from "@chatmill/kit";
import { Llm, resolveConfig } from "@chatmill/llm";
import { killWhen } from "./lib/kill-when.js";

const root = fileURLToPath(new URL("..", import.meta.url));
const fakeBin = join(root, "packages/fake-llm/bin/chatmill-fake-llm.js");
const mapBin = join(root, "packages/llm-map/bin/llm-map.js");
const N = Number(process.env.N ?? 2000);
const CONCURRENCY = Number(process.env.CONCURRENCY ?? 64);
const DELAY_MS = Number(process.env.DELAY_MS ?? 200);
const IDEAL = CONCURRENCY / (DELAY_MS / 1000);
const PARTS = new Set((process.env.PARTS ?? "0,1,2,3,4,5").split(",").map(Number));
const ROUNDS = Number(process.env.ROUNDS ?? 30);
const LEVELS = (process.env.LEVELS ?? "16,64,256").split(",").map(Number);
const bareBin = join(root, "bench/lib/bare-fetch-loop.mjs");
const reportCpu = join(root, "bench/lib/report-cpu.mjs");
const dir = mkdtempSync(join(tmpdir(), "llm-bench-"));

interface Fake {
  url: string;
  proc: ChildProcess;
  stats(): Promise<{ requests: number; completed: number; repeated: number; distinct: number; maxInFlight: number; activeMs: number; faults: Record<string, number> }>;
  stop(): void;
}

function startFake(args: string[]): Promise<Fake> {
  return new Promise((resolve, reject) => {
    const proc = spawn(process.execPath, [fakeBin, "--port", "0", "--quiet", ...args], { stdio: ["ignore", "pipe", "inherit"] });
    proc.once("error", reject);
    let out = "";
    proc.stdout!.on("data", (d: Buffer) => {
      out += d.toString();
      if (!out.includes("\n")) return;
      const url = out.trim();
      resolve({ url, proc, stats: async () => (await fetch(`${url}/stats`)).json() as never, stop: () => proc.kill("SIGTERM") });
    });
  });
}

function runMap(args: string[], input: string, env: Record<string, string>, onStart?: (p: ChildProcess) => void): Promise<{ code: number | null; stdout: string; stderr: string; seconds: number }> {
  return new Promise((resolve) => {
    const t0 = performance.now();
    const p = spawn(process.execPath, [mapBin, ...args], { stdio: ["pipe", "pipe", "pipe"], env: { ...process.env, CHATMILL_NO_PROGRESS: "1", ...env } });
    const out: Buffer[] = [];
    let stderr = "";
    p.stdout!.on("data", (d: Buffer) => out.push(d));
    p.stderr!.on("data", (d: Buffer) => (stderr += d.toString()));
    p.on("close", (code) => resolve({ code, stdout: Buffer.concat(out).toString(), stderr, seconds: (performance.now() - t0) / 1000 }));
    p.stdin!.end(input);
    onStart?.(p);
  });
}

const input = Array.from({ length: N }, (_, i) => JSON.stringify({ id: `r${i}`, text: `record number ${i}` })).join("\n") + "\n";
const rate = (n: number, s: number) => `${(n / s).toFixed(1)} req/s`;
const ratio = (n: number, s: number) => `${((n / s / IDEAL) * 100).toFixed(1)}% of ideal ${IDEAL} req/s`;

console.log(`llm-throughput: ${N} requests, concurrency ${CONCURRENCY}, fake answers after ${DELAY_MS} ms; load average ${loadavg().map((l) => l.toFixed(2)).join(" ")} on this machine`);

// 0. the baseline: bare fetch calls, no layer, same server, same concurrency
let bareRate = NaN;
if (PARTS.has(0)) {
  const fake = await startFake(["--delay-ms", String(DELAY_MS)]);
  const t0 = performance.now();
  let done = 0;
  const ask = (i: number) =>
    fetch(`${fake.url}/chat/completions`, { method: "POST", headers: { "content-type": "application/json" }, body: JSON.stringify({ model: "fake", messages: [{ role: "user", content: `record number ${i}` }] }) }).then((r) => r.json());
  for await (const _ of mapConcurrent(Array.from({ length: N }, (_, i) => i), ask, { concurrency: CONCURRENCY })) done++;
  const s = (performance.now() - t0) / 1000;
  bareRate = done / s;
  console.log(`0. bare fetch: ${done} answers in ${s.toFixed(2)} s = ${rate(done, s)}, ${ratio(done, s)} (the machine's own limit, no LLM layer)`);
  fake.stop();
}

// 1. the library alone
if (PARTS.has(1)) {
  const fake = await startFake(["--delay-ms", String(DELAY_MS)]);
  const ctx = new Context();
  const llm = new Llm({ ...resolveConfig({ model: "fake", "base-url": fake.url, concurrency: CONCURRENCY }, {}) }, ctx, { signals: false });
  const t0 = performance.now();
  let done = 0;
  for await (const _ of mapConcurrent(Array.from({ length: N }, (_, i) => i), (i) => llm.chat("writer", { messages: [{ role: "user", content: `record number ${i}` }] }, { recordId: `r${i}` }), { concurrency: CONCURRENCY })) done++;
  const s = (performance.now() - t0) / 1000;
  const st = await fake.stats();
  console.log(`1. library   : ${done} answers in ${s.toFixed(2)} s = ${rate(done, s)}, ${ratio(done, s)} (server saw at most ${st.maxInFlight} in flight); ${((done / s / bareRate) * 100).toFixed(1)}% of bare fetch`);
  fake.stop();
}

// 2. through llm-map and real pipes
if (PARTS.has(2)) {
  const fake = await startFake(["--delay-ms", String(DELAY_MS)]);
  const r = await runMap(["-m", "fake", "--prompt", "Rewrite: {{text}}", "--concurrency", String(CONCURRENCY), "-q"], input, { OPENAI_BASE_URL: fake.url });
  const lines = r.stdout.split("\n").filter(Boolean).length;
  console.log(`2. llm-map   : ${lines} records in ${r.seconds.toFixed(2)} s (process start-up included) = ${rate(lines, r.seconds)}, ${ratio(lines, r.seconds)}, ${((lines / r.seconds / bareRate) * 100).toFixed(1)}% of bare fetch; exit ${r.code}`);
  fake.stop();
}

// 3. 10% of answers are 429 / 500 / 503
if (PARTS.has(3)) {
  const fake = await startFake(["--delay-ms", String(DELAY_MS), "--faults", "429=0.04,500=0.03,503=0.03", "--retry-after", "0.5", "--seed", "5"]);
  const r = await runMap(["-m", "fake", "--prompt", "Rewrite: {{text}}", "--concurrency", String(CONCURRENCY), "--retries", "10"], input, { OPENAI_BASE_URL: fake.url });
  const ids = r.stdout.split("\n").filter(Boolean).map((l) => (JSON.parse(l) as { id: string }).id);
  const unique = new Set(ids);
  const st = await fake.stats();
  const faults = Object.entries(st.faults).map(([k, v]) => `${k}: ${v}`).join(", ");
  const ok = ids.length === N && unique.size === N;
  console.log(`3. 10% faults: ${ids.length} records out, ${unique.size} distinct, of ${N} — ${ok ? "every record exactly once" : "MISSING OR DUPLICATED RECORDS"}; ${st.requests} requests (${faults}), ${st.repeated} finished twice; ${r.seconds.toFixed(2)} s = ${rate(N, r.seconds)}, ${ratio(N, r.seconds)}; exit ${r.code}`);
  console.log(`   summary: ${r.stderr.trim().split("\n").pop()}`);
  fake.stop();
}

// 4. killed three times at random points, resumed from --cache
if (PARTS.has(4)) {
  const baseFake = await startFake(["--delay-ms", String(DELAY_MS), "--faults", "429=0.04,500=0.03,503=0.03", "--retry-after", "0.5", "--seed", "9"]);
  const resumeFake = await startFake(["--delay-ms", String(DELAY_MS), "--faults", "429=0.04,500=0.03,503=0.03", "--retry-after", "0.5", "--seed", "9"]);
  const args = ["-m", "fake", "--prompt", "Rewrite: {{text}}", "--concurrency", String(CONCURRENCY), "--retries", "10", "-q"];
  const baseline = await runMap(args, input, { OPENAI_BASE_URL: baseFake.url });
  const cache = join(dir, "cache");
  const points = [0, 1, 2].map((k) => Math.floor(((k + Math.random()) * N) / 3));
  const codes: Array<number | null> = [];
  for (const point of points) {
    const r = await runMap([...args, "--cache", cache], input, { OPENAI_BASE_URL: resumeFake.url }, killWhen(async () => (await resumeFake.stats()).completed, point, "SIGTERM", 20));
    codes.push(r.code);
  }
  const final = await runMap([...args, "--cache", cache], input, { OPENAI_BASE_URL: resumeFake.url });
  const st = await resumeFake.stats();
  const bst = await baseFake.stats();
  const same = final.stdout === baseline.stdout;
  console.log(
    `4. resume    : killed after ${points.join(", ")} answers (exit ${codes.join(", ")}), then finished: output ${same ? "byte-identical" : "DIFFERENT"} to the uninterrupted run (${baseline.stdout.length} bytes); ` +
      `${st.completed} answers served over the 4 runs vs ${bst.completed} uninterrupted, ${st.repeated} finished requests repeated`,
  );
  baseFake.stop();
  resumeFake.stop();
}
// 5. CPU per request, llm-map against a bare fetch loop, and % of the bound at each concurrency
if (PARTS.has(5)) {
  /** Runs a node script as a child with report-cpu preloaded; resolves with its CPU ms and exit status. */
  const measured = (script: string, args: string[], stdin: string, env: Record<string, string> = {}) =>
    new Promise<{ cpuMs: number; code: number | null; stderr: string }>((resolve) => {
      const cpuFile = join(dir, `cpu-${Math.random().toString(36).slice(2)}.json`);
      const p = spawn(process.execPath, ["--import", reportCpu, script, ...args], { stdio: ["pipe", "ignore", "pipe"], env: { ...process.env, CHATMILL_NO_PROGRESS: "1", CHATMILL_BENCH_CPU_FILE: cpuFile, ...env } });
      let stderr = "";
      p.stderr!.on("data", (d: Buffer) => (stderr += d.toString()));
      p.on("close", (code) => {
        const { user, system } = JSON.parse(readFileSync(cpuFile, "utf8")) as { user: number; system: number };
        resolve({ cpuMs: (user + system) / 1000, code, stderr });
      });
      p.stdin!.end(stdin);
    });
  const records = (n: number) => Array.from({ length: n }, (_, i) => `${JSON.stringify({ id: `r${i}`, text: `record number ${i}` })}\n`).join("");
  const mapArgs = (url: string, c: number) => ["--base-url", url, "-m", "fake", "--prompt", "Rewrite: {{text}}", "--concurrency", String(c), "-q"];
  const sides = {
    bare: (url: string, n: number, c: number) => measured(bareBin, [url, String(n), String(c)], ""),
    "llm-map": (url: string, n: number, c: number) => measured(mapBin, mapArgs(url, c), records(n)),
  };
  console.log(`5. CPU per request (start-up subtracted) and % of the bound (concurrency / ${DELAY_MS} ms) over the server's busy span; ${ROUNDS} × concurrency requests of ~60 bytes of prompt`);
  const idle: Record<string, number> = {};
  for (const [name, run] of Object.entries(sides)) {
    const fake = await startFake(["--delay-ms", String(DELAY_MS)]);
    idle[name] = (await run(fake.url, 0, 1)).cpuMs;
    fake.stop();
  }
  for (const c of LEVELS) {
    const n = c * ROUNDS;
    const bound = c / (DELAY_MS / 1000);
    const row: Record<string, { perRequest: number; ofBound: number; maxOpen: number }> = {};
    for (const [name, run] of Object.entries(sides)) {
      const fake = await startFake(["--delay-ms", String(DELAY_MS)]);
      const r = await run(fake.url, n, c);
      const st = await fake.stats();
      fake.stop();
      if (r.code !== 0 || st.completed !== n) throw new Error(`${name} at concurrency ${c}: exit ${r.code}, ${st.completed} of ${n} answered\n${r.stderr}`);
      row[name] = { perRequest: (r.cpuMs - idle[name]!) / n, ofBound: (100 * n) / (st.activeMs / 1000) / bound, maxOpen: st.maxInFlight };
    }
    const b = row.bare!;
    const m = row["llm-map"]!;
    console.log(
      `   -j ${String(c).padStart(3)}, ${String(n).padStart(5)} requests: CPU/request llm-map ${m.perRequest.toFixed(3)} ms, bare fetch ${b.perRequest.toFixed(3)} ms, ratio ${(m.perRequest / b.perRequest).toFixed(2)}× (bar ≤ 1.5); ` +
        `% of bound ${bound} req/s: llm-map ${m.ofBound.toFixed(1)}%, bare ${b.ofBound.toFixed(1)}%; most open at the server ${m.maxOpen} / ${b.maxOpen}`,
    );
  }
  console.log(`   start-up CPU (a run over 0 records, subtracted above): llm-map ${idle["llm-map"]!.toFixed(0)} ms, bare ${idle.bare!.toFixed(0)} ms; load average now ${loadavg().map((l) => l.toFixed(2)).join(" ")}`);
}
rmSync(dir, { recursive: true, force: true });
