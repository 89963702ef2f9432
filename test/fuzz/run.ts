// The line fuzzer's driver, shared by the CI test (test/fuzz/lines.test.ts) and the
// by-hand run (bench/fuzz.ts): the corpus once, then each tool on batches of cases.
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { startFake, type FakeProcess } from "../llm-helpers.js";
import { makeCases, type CaseKind } from "./cases.js";
import { checkBatch, type BatchResult } from "./check.js";
import { buildCorpus } from "./corpus.js";
import { FUZZ_TOOLS, type FuzzTool } from "./tools.js";

export interface FuzzOptions {
  /** Cases in all, shared evenly by the tools. */
  cases: number;
  seed: number;
  /** Most cases one process gets (many cases per process; a bigger run makes more batches). */
  batch?: number;
  /** Tools run at once. */
  concurrency?: number;
  /** Kinds of case not to make (e.g. to look past a known crash). */
  without?: CaseKind[];
  /** Only the tools whose label contains one of these. */
  only?: string[];
  onBatch?: (r: BatchResult) => void;
}

export async function fuzz(opts: FuzzOptions): Promise<BatchResult[]> {
  const tools = FUZZ_TOOLS.filter((t) => !opts.only || opts.only.some((o) => t.label.includes(o)));
  const corpus = buildCorpus();
  const dir = mkdtempSync(join(tmpdir(), "chatmill-fuzz-"));
  let fake: FakeProcess | undefined;
  try {
    if (tools.some((t) => t.llm)) fake = await startFake();
    const perTool = Math.max(1, Math.ceil(opts.cases / tools.length));
    const batch = opts.batch ?? 400;
    const jobs: Array<{ t: FuzzTool; n: number; tag: string }> = [];
    for (const [ti, t] of tools.entries()) {
      for (let done = 0, b = 0; done < perTool; done += batch, b++) jobs.push({ t, n: Math.min(batch, perTool - done), tag: `t${ti}b${b}` });
    }
    const env = fake ? { OPENAI_BASE_URL: fake.url, OPENAI_API_KEY: "fuzz" } : {};
    const results: BatchResult[] = [];
    let next = 0;
    const worker = async () => {
      while (next < jobs.length) {
        const job = jobs[next++]!;
        const cases = makeCases(job.t.pool(corpus), job.n, `${opts.seed}:${job.t.label}:${job.tag}`, opts.without);
        const r = await checkBatch(job.t, cases, dir, job.tag, env);
        results.push(r);
        opts.onBatch?.(r);
      }
    };
    await Promise.all(Array.from({ length: opts.concurrency ?? 2 }, worker));
    return results;
  } finally {
    await fake?.stop();
    rmSync(dir, { recursive: true, force: true });
  }
}
