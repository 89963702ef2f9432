// Issue 22: dialogue-sim --engine openai, direct and --batch (the OpenAI Batch API, in rounds),
// against the project's fake server in the same run: wall time, requests per dialogue (the
// model's requests, and the Batch API's own calls: uploads, batches, status checks, downloads),
// rounds, and whether both made the same dialogues with no request answered twice.
// Run: npx pnpm build && [BENCH_KILLS=3] npx tsx bench/llm-batch.ts [N_DIALOGUES=500] [DELAY_MS=20] [BATCH_MS=200]
import { spawn, spawnSync, type ChildProcess } from "node:child_process";
import { createReadStream, mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { startFakeLlm, type FakeLlm } from "../packages/fake-llm/dist/index.js";
import { killWhen } from "./lib/kill-when.js";

const root = new URL("..", import.meta.url).pathname;
const bin = (tool: string) => `${root}packages/${tool}/bin/${tool}.js`;
const n = Number(process.argv[2] ?? 500);
const delayMs = Number(process.argv[3] ?? 20);
const batchMs = Number(process.argv[4] ?? 200);
const dir = mkdtempSync(join(tmpdir(), "bench-llm-batch-"));

// N personas over the three built-in domains.
const per = Math.ceil(n / 3);
const personas = ["retail", "travel", "ops"]
  .map((d) => spawnSync(process.execPath, [bin("persona-sample"), "-n", String(per), "--domain", d, "--seed", "7", "-q"], { encoding: "utf8" }).stdout)
  .join("")
  .split("\n")
  .filter(Boolean)
  .slice(0, n);
const input = join(dir, "personas.ndjson");
writeFileSync(input, `${personas.join("\n")}\n`);
const bytes = readFileSync(input).length;

interface Run {
  seconds: number;
  out: string;
  stderr: string;
  stats: ReturnType<FakeLlm["stats"]>;
  /** Runs that were killed before this one finished (BENCH_KILLS). */
  killed: number;
}

/** One dialogue-sim run against `fake`; `onSpawn` may kill it (the status is then null). */
async function runOn(fake: FakeLlm, args: string[], onSpawn?: (p: ChildProcess) => void): Promise<{ status: number | null; seconds: number; stdout: string; stderr: string }> {
  // Spawned asynchronously: the fake server answers from this process's event loop.
  const started = process.hrtime.bigint();
  const child = spawn(process.execPath, [bin("dialogue-sim"), "--engine", "openai", "-m", "fake", "--seed", "3", ...args], {
    stdio: ["pipe", "pipe", "pipe"],
    env: { PATH: process.env.PATH ?? "", HOME: process.env.HOME ?? "", CHATMILL_NO_PROGRESS: "1", OPENAI_BASE_URL: fake.url },
  });
  onSpawn?.(child);
  const feed = createReadStream(input);
  feed.pipe(child.stdin);
  child.stdin.on("error", () => {}); // a killed run stops reading
  let stdout = "";
  let stderr = "";
  child.stdout.setEncoding("utf8").on("data", (d: string) => (stdout += d));
  child.stderr.setEncoding("utf8").on("data", (d: string) => (stderr += d));
  const status = await new Promise<number | null>((resolve) => child.on("close", resolve));
  feed.destroy();
  return { status, seconds: Number(process.hrtime.bigint() - started) / 1e9, stdout, stderr };
}

/**
 * A whole run on a fresh fake server: with `kills` > 0, killed with SIGKILL once at a random
 * point in each of `kills` parts of `total` model answers, resumed each time, then run to the
 * end; the server's figures cover every attempt.
 */
async function run(args: string[], kills = 0, total = 0): Promise<Run> {
  const fake = await startFakeLlm({ delayMs, batchMs });
  try {
    let seconds = 0;
    let killed = 0;
    for (let k = 0; k < kills; k++) {
      const point = Math.floor(((k + Math.random()) * total) / kills);
      const r = await runOn(fake, args, killWhen(async () => fake.stats().completed, point, "SIGKILL", 5));
      seconds += r.seconds;
      if (r.status === null) killed += 1;
    }
    const r = await runOn(fake, args);
    if (r.status !== 0) throw new Error(`dialogue-sim ${args.join(" ")} exited ${r.status}: ${r.stderr.slice(-800)}`);
    return { seconds: seconds + r.seconds, out: r.stdout, stderr: r.stderr, stats: fake.stats(), killed };
  } finally {
    await fake.close();
  }
}

console.log(`input: ${n} personas (${(bytes / 1024).toFixed(0)} KB; retail, travel, ops) → dialogue-sim --engine openai; fake server: ${delayMs} ms per answer, a batch ends ${batchMs} ms after it is made`);
const direct = await run(["-j", "16"]);
const cache = join(dir, "cache");
// BENCH_KILLS=K: the batch run is killed (SIGKILL) K times at random points and resumed (issue 22's bar: K = 3).
const kills = Number(process.env.BENCH_KILLS ?? 0);
const batch = await run(["--batch", "--cache", cache, "--batch-poll", "0.05"], kills, direct.stats.completed);
rmSync(dir, { recursive: true, force: true });

// Requests the model answered, by either path (a batch's lines count like POSTs).
const model = (r: Run) => r.stats.completed;
const apiCalls = (r: Run) => Object.entries(r.stats.byPath).filter(([p]) => p.startsWith("/files") || p.startsWith("/batches")).reduce((a, [, v]) => a + v, 0);
const rounds = /batch rounds (\d+)/.exec(batch.stderr)?.[1] ?? "?";
const line = (name: string, r: Run) =>
  `${name.padEnd(8)} ${r.seconds.toFixed(1).padStart(6)} s wall · ${(model(r) / n).toFixed(1)} model requests per dialogue · ${(apiCalls(r) / n).toFixed(2)} Batch API calls per dialogue · repeated ${r.stats.repeated}`;
console.log(line("direct", direct));
console.log(line("--batch", batch) + ` · ${rounds} rounds${kills > 0 ? ` · killed ${batch.killed} of ${kills} times and resumed` : ""}`);
console.log(`ratio --batch / direct: wall ${(batch.seconds / direct.seconds).toFixed(2)}× · model requests ${(model(batch) / model(direct)).toFixed(2)}×`);
console.log(`same dialogues: ${batch.out === direct.out ? "yes" : "NO"} (${direct.out.split("\n").filter(Boolean).length} each)`);
console.log(
  "bar: the same dialogues, zero repeated requests, the same model requests per dialogue. Wall time here is not a speed claim: the fake answers a batch's lines without --delay-ms, and a real Batch API takes minutes to hours per round (rounds ≈ requests of the longest dialogue); the price, not the time, is the point",
);
