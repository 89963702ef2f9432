import { existsSync, readFileSync, readdirSync, unlinkSync } from "node:fs";
import { join } from "node:path";
import { Counters, ResumeLater, sha256Hex, type InputRecord, type RunContext, type Transform } from "@chatmill/kit";
import type { Llm } from "../client.js";
import { unsupportedFeature } from "../completion.js";
import type { BatchSettings } from "../config.js";
import type { Failure } from "../retry.js";
import { BatchApi, FINAL_STATUSES, type BatchObject } from "./api.js";
import { Ledger, writeWhole } from "./ledger.js";
import { BATCH_URL, inputLine, readInputFile, readResults, type LineResult } from "./lines.js";
import { LlmError } from "../errors.js";
import { RoundRequests, type Endpoint, type FailedRequest, type WantedRequest } from "./requests.js";

/** OpenAI takes input files up to 200 MB; a round's batch stays under this. */
const MAX_FILE_BYTES = 190 * 1024 * 1024;

/** One batch of a round on its way through the Batch API, as kept on disk (DIR/sub-TOKEN.json). */
interface Submission {
  token: string;
  round: number;
  endpoint: Endpoint;
  count: number;
  phase: "prepared" | "uploaded" | "submitted";
  fileId?: string;
  batchId?: string;
}

/**
 * Batch mode for a tool whose records go through the LLM layer: `make(ctx)` builds the
 * tool's usual transform. Without --batch / --batch-dir it is that transform.
 *
 * --batch: the transform runs once, with up to --batch-size records in flight. A request
 * that is not in the cache waits (its record's code is simply suspended on it); once no
 * record can go on without an answer, the waiting requests — the next request of every
 * unfinished record, each once — go out as one batch (a round), the answers go into the
 * cache, matched by custom_id (the request's cache key), and the records go on. Output,
 * dead letters and summary are a direct run's. A rerun after a stop replays every answered
 * request from the cache (the tools are deterministic given the seed and the answers), so
 * each record goes straight to its first unanswered request.
 *
 * --batch-dir: no server, one round per run. The input is read whole (kept in memory); a
 * pass with a context that reports nothing runs every record until its first request not
 * in the cache (BatchPending ends it there); those requests are written as the round's
 * input file and the run exits 75. The next run reads the runner's output into the cache
 * first. Once a pass finds nothing left to ask, the transform runs with the real context
 * over every record, all from the cache.
 *
 * Every step is on disk before the next begins (the round's input file, then the upload,
 * then the batch's id; answers before the batch is marked collected), and a batch or file
 * the server got just before a kill is found again by name, so a run stopped anywhere
 * (kill -9 included) resumes with the same command and sends no request twice.
 */
export function withBatch(make: (ctx: RunContext) => Transform, llm: Llm, ctx: RunContext): Transform {
  const settings = llm.config.batch;
  if (!settings) return make(ctx);
  const rounds = new BatchRounds(llm, ctx, settings);
  if (settings.mode === "api") {
    return async function* batched(input: AsyncIterable<InputRecord>) {
      await rounds.startApi();
      for await (const out of make(ctx)(input, ctx)) {
        rounds.written += 1;
        yield out;
      }
      rounds.publish();
    };
  }
  return async function* batchedDir(input: AsyncIterable<InputRecord>) {
    const records: InputRecord[] = [];
    for await (const rec of input) records.push(rec);
    const release = llm.hold();
    try {
      await rounds.runDir(records, make);
    } finally {
      release();
    }
    rounds.publish();
    yield* make(ctx)(list(records), ctx);
  };
}

interface Waiting {
  req: WantedRequest;
  waiters: Array<{ resolve: (answer: unknown) => void; reject: (err: unknown) => void }>;
}

class BatchRounds {
  private readonly ledger: Ledger;
  private readonly api: BatchApi;
  private lastNote = 0;

  constructor(
    private readonly llm: Llm,
    private readonly ctx: RunContext,
    private readonly settings: BatchSettings,
  ) {
    this.ledger = new Ledger(join(settings.dir, "state.json"));
    this.api = new BatchApi(llm.http, llm.config, llm.redact);
  }

  /** Records written so far (--batch), for the progress lines. */
  written = 0;
  private readonly open = new Map<string, Waiting>();
  private timer: NodeJS.Timeout | undefined;
  private flushing = false;
  private wants = 0;
  private seenWants = -1;

  /** --batch: finishes what an earlier run left under way (passing first would ask its requests again), then takes the client's misses. */
  async startApi(): Promise<void> {
    await this.resumeSubmissions();
    this.llm.rounds = { want: (key, endpoint, body) => this.want(key, endpoint, body) };
  }

  private want(key: string, endpoint: Endpoint, body: Record<string, unknown>): Promise<unknown> {
    const failed = this.ledger.data.failed[key];
    if (failed) return Promise.reject(new LlmError(failed.kind, failed.message));
    let w = this.open.get(key);
    if (!w) this.open.set(key, (w = { req: { key, endpoint, body }, waiters: [] }));
    const waiting = w;
    return new Promise((resolve, reject) => {
      waiting.waiters.push({ resolve, reject });
      this.wants += 1;
      this.schedule();
    });
  }

  /** The round goes out once no new request came for a moment: every record in flight is waiting. */
  private schedule(): void {
    if (this.timer || this.flushing) return;
    this.timer = setTimeout(() => {
      this.timer = undefined;
      if (this.wants !== this.seenWants) {
        this.seenWants = this.wants;
        return this.schedule();
      }
      void this.flush();
    }, 25);
  }

  private async flush(): Promise<void> {
    const round = [...this.open.values()];
    if (round.length === 0) return;
    this.flushing = true;
    try {
      this.ledger.data.round += 1;
      this.note(`batch round ${this.ledger.data.round}: ${round.length} requests to send · ${this.written} records written · ${this.spentText()}`);
      const outcome = await this.sendRound(round.map((w) => w.req));
      for (const w of round) {
        const key = w.req.key;
        const answer = outcome.answered.get(key);
        const failed = outcome.failed.get(key);
        if (answer === undefined && failed === undefined) continue; // asked again next round
        this.open.delete(key);
        for (const x of w.waiters) {
          if (answer !== undefined) x.resolve(answer);
          else x.reject(new LlmError(failed!.kind, failed!.message));
        }
      }
    } catch (err) {
      // The Batch API itself failed (key refused, server gone): every waiting record stops with it.
      for (const w of this.open.values()) for (const x of w.waiters) x.reject(err);
      this.open.clear();
    } finally {
      this.flushing = false;
      if (this.open.size) this.schedule();
    }
  }

  /** --batch-dir: one round per run (see withBatch). */
  async runDir(records: InputRecord[], make: (ctx: RunContext) => Transform): Promise<void> {
    const failed = this.ledger.data.failed;
    const requests = new RoundRequests((key) => failed[key]);
    this.llm.rounds = requests;
    this.collectWaitingRound();
    let todo = records;
    for (;;) {
      const pending = await this.pass(todo, make);
      const wanted = requests.take();
      const finished = records.length - pending.size;
      if (wanted.length === 0) {
        this.note(`batch rounds done: ${finished} of ${records.length} records finished · ${this.spentText()}`);
        return;
      }
      todo = todo.filter((r) => pending.has(r));
      this.ledger.data.round += 1;
      this.note(`batch round ${this.ledger.data.round}: ${finished} of ${records.length} records finished · ${wanted.length} requests to send · ${this.spentText()}`);
      this.writeRound(wanted);
    }
  }

  /** The summary's figures for the batches. */
  publish(): void {
    const d = this.ledger.data;
    this.ctx.counters.notes.set("batch rounds", d.round);
    this.ctx.counters.notes.set("batch requests", d.spent.requests);
  }

  /** Runs the transform over `todo` with nothing reported; returns the records that wait for an answer. */
  private async pass(todo: InputRecord[], make: (ctx: RunContext) => Transform): Promise<Set<InputRecord>> {
    const pending = new Set<InputRecord>();
    const quiet = quietContext(this.ctx, (rec) => pending.add(rec));
    this.llm.accounting.muted = true;
    try {
      for await (const _ of make(quiet)(list(todo), quiet)) {
        // the records are made again in the last pass; here only their requests matter
      }
    } finally {
      this.llm.accounting.muted = false;
    }
    return pending;
  }

  // ---- --batch: the server's Batch API ---------------------------------------------------

  private async sendRound(wanted: WantedRequest[]): Promise<Outcome> {
    const subs = this.chunks(wanted).map((chunk) => this.prepare(chunk));
    this.ledger.save();
    for (const s of subs) await this.submit(s, false);
    return this.waitFor(subs);
  }

  /** Splits a round by endpoint, --batch-size and file size. */
  private chunks(wanted: WantedRequest[]): WantedRequest[][] {
    const out: WantedRequest[][] = [];
    for (const endpoint of ["chat", "embeddings"] as const) {
      let chunk: WantedRequest[] = [];
      let bytes = 0;
      for (const w of wanted) {
        if (w.endpoint !== endpoint) continue;
        const size = Buffer.byteLength(inputLine(w)) + 1;
        if (chunk.length && (chunk.length >= this.settings.size || bytes + size > MAX_FILE_BYTES)) {
          out.push(chunk);
          chunk = [];
          bytes = 0;
        }
        chunk.push(w);
        bytes += size;
      }
      if (chunk.length) out.push(chunk);
    }
    return out;
  }

  /** Writes the batch's input file, then its record: from here on a kill resumes it. */
  private prepare(chunk: WantedRequest[]): Submission {
    const round = this.ledger.data.round;
    const token = sha256Hex(`${round}\u0000${chunk.map((w) => w.key).sort().join(",")}`).slice(0, 24);
    writeWhole(this.subPath(token, "input.jsonl"), `${chunk.map(inputLine).join("\n")}\n`);
    const s: Submission = { token, round, endpoint: chunk[0]!.endpoint, count: chunk.length, phase: "prepared" };
    this.saveSub(s);
    return s;
  }

  /**
   * Uploads the file and creates the batch, recording each step. `resumed`: an earlier run
   * may have done a step and been killed before recording it, so the server is asked first
   * (the file by its name, the batch by its input file).
   */
  private async submit(s: Submission, resumed: boolean): Promise<void> {
    if (s.phase === "prepared") {
      const name = `chatmill-${s.token}.jsonl`;
      const found = resumed ? await this.api.findFile(name) : undefined;
      s.fileId = found ?? (await this.api.upload(name, readFileSync(this.subPath(s.token, "input.jsonl"), "utf8")));
      s.phase = "uploaded";
      this.saveSub(s);
    }
    if (s.phase === "uploaded") {
      const found = resumed ? await this.api.findBatch(s.fileId!) : undefined;
      const batch = found ?? (await this.api.create(s.fileId!, BATCH_URL[s.endpoint], { chatmill_round: String(s.round), chatmill_token: s.token }));
      s.batchId = batch.id;
      s.phase = "submitted";
      this.saveSub(s);
      this.note(`batch round ${s.round}: ${batch.id} sent (${s.count} requests)`);
    }
  }

  private async resumeSubmissions(): Promise<void> {
    let names: string[];
    try {
      names = readdirSync(this.settings.dir).filter((n) => /^sub-[0-9a-f]+\.json$/.test(n));
    } catch {
      return; // no state folder yet: a first run
    }
    const subs: Submission[] = [];
    for (const name of names) {
      const s = JSON.parse(readFileSync(join(this.settings.dir, name), "utf8")) as Submission;
      if (s.token === this.ledger.data.collected) {
        this.removeSub(s); // its answers are in; only its files were left by a kill
        continue;
      }
      this.ledger.data.round = Math.max(this.ledger.data.round, s.round);
      this.note(`resuming batch round ${s.round}${s.batchId ? ` (${s.batchId})` : ""}: ${s.count} requests`);
      await this.submit(s, true);
      subs.push(s);
    }
    if (subs.length) await this.waitFor(subs);
  }

  private async waitFor(subs: Submission[]): Promise<Outcome> {
    const outcome: Outcome = { answered: new Map(), failed: new Map() };
    let open = [...subs];
    const seen = new Map<string, string>();
    // Quick looks first (a small batch on a local runner ends in well under a second), then
    // twice as long each time, up to --batch-poll.
    let wait = Math.min(50, this.settings.pollMs);
    while (open.length) {
      for (const s of [...open]) {
        const batch = await this.api.get(s.batchId!);
        if (FINAL_STATUSES.has(batch.status)) {
          await this.collect(s, batch, outcome);
          open = open.filter((x) => x !== s);
          continue;
        }
        const c = batch.request_counts;
        const state = `${batch.status} ${c?.completed ?? 0}/${c?.total ?? s.count}`;
        if (seen.get(s.token) !== state && Date.now() - this.lastNote > 30_000) {
          seen.set(s.token, state);
          this.note(`batch round ${s.round}: ${batch.id} ${batch.status}, ${c?.completed ?? 0} of ${c?.total || s.count} requests answered`);
        }
      }
      if (open.length) await new Promise((r) => setTimeout(r, wait));
      wait = Math.min(this.settings.pollMs, wait * 2);
    }
    return outcome;
  }

  /** Puts a finished batch's answers in the cache; what it did not answer is asked again next round. */
  private async collect(s: Submission, batch: BatchObject, outcome: Outcome): Promise<void> {
    const requests = readInputFile(readFileSync(this.subPath(s.token, "input.jsonl"), "utf8"));
    const texts: string[] = [];
    if (batch.output_file_id) texts.push(await this.api.content(batch.output_file_id));
    if (batch.error_file_id) texts.push(await this.api.content(batch.error_file_id));
    const why = batch.status === "failed" ? (batch.errors?.data?.[0]?.message ?? "the batch failed") : `the batch ${batch.status} without an answer for this request`;
    const counts = this.apply(requests, readResults(texts), retryable(batch.status === "expired" ? "batch_expired" : `batch_${batch.status}`, why), outcome);
    this.ledger.data.collected = s.token;
    this.ledger.data.spent.batches += 1;
    this.ledger.save();
    this.removeSub(s);
    this.note(`batch round ${s.round}: ${batch.id} ${batch.status}: ${counts.answered} answered, ${counts.retry} to send again, ${counts.failed} failed for good · ${this.spentText()}`);
  }

  private subPath(token: string, ext: "json" | "input.jsonl"): string {
    return join(this.settings.dir, `sub-${token}.${ext}`);
  }

  private saveSub(s: Submission): void {
    writeWhole(this.subPath(s.token, "json"), `${JSON.stringify(s)}\n`);
  }

  private removeSub(s: Submission): void {
    for (const ext of ["json", "input.jsonl"] as const) {
      try {
        unlinkSync(this.subPath(s.token, ext));
      } catch {
        // already gone
      }
    }
  }

  // ---- --batch-dir: round files for the user's own runner --------------------------------

  private roundPath(round: number, what: "input" | "output" | "errors"): string {
    return join(this.settings.dir, `round-${String(round).padStart(4, "0")}.${what}.jsonl`);
  }

  private writeRound(wanted: WantedRequest[]): never {
    const round = this.ledger.data.round;
    writeWhole(this.roundPath(round, "input"), `${wanted.map(inputLine).join("\n")}\n`);
    this.ledger.data.waiting = round;
    this.ledger.save();
    throw new ResumeLater(this.waitingMessage(round, wanted.length));
  }

  private collectWaitingRound(): void {
    const round = this.ledger.data.waiting;
    if (round === undefined) return;
    const input = this.roundPath(round, "input");
    const requests = readInputFile(readFileSync(input, "utf8"));
    const output = this.roundPath(round, "output");
    if (!existsSync(output)) throw new ResumeLater(this.waitingMessage(round, requests.size));
    const texts = [readFileSync(output, "utf8")];
    const errors = this.roundPath(round, "errors");
    if (existsSync(errors)) texts.push(readFileSync(errors, "utf8"));
    const counts = this.apply(requests, readResults(texts), retryable("no_result", `${output} has no line for this request`));
    this.ledger.data.waiting = undefined;
    this.ledger.data.spent.batches += 1;
    this.ledger.save();
    this.note(`batch round ${round}: ${output}: ${counts.answered} answered, ${counts.retry} to send again, ${counts.failed} failed for good · ${this.spentText()}`);
  }

  private waitingMessage(round: number, count: number): string {
    const input = this.roundPath(round, "input");
    const output = this.roundPath(round, "output");
    const model = String(this.llm.config.defaults.model ?? this.llm.config.flagDefaults.model ?? "MODEL");
    return (
      `batch round ${round} waits for its answers: run the ${count} requests of ${input} with an OpenAI-batch runner, ` +
      `write its output to ${output} (errors may go to ${this.roundPath(round, "errors")}), then run this same command again. ` +
      `With vLLM: python -m vllm.entrypoints.openai.run_batch -i ${input} -o ${output} --model ${model}`
    );
  }

  // ---- both ---------------------------------------------------------------------------------

  /**
   * Answers into the cache; a failure is retried next round (429, 5xx, expired, missing)
   * until --retries, or fails its records for good (400…); a refused response_format or
   * tools is cached as such, so the tool falls back as it does in direct mode.
   */
  private apply(requests: Map<string, WantedRequest>, results: Map<string, LineResult>, missing: Failure, outcome?: Outcome): { answered: number; retry: number; failed: number } {
    const d = this.ledger.data;
    const counts = { answered: 0, retry: 0, failed: 0 };
    const cache = this.llm.cache!;
    for (const [key, req] of requests) {
      const r = results.get(key);
      if (r && "answer" in r) {
        cache.put(key, r.answer, { model: req.body.model });
        delete d.attempts[key];
        const u = (r.answer as { usage?: { prompt_tokens?: number; completion_tokens?: number } }).usage;
        d.spent.requests += 1;
        d.spent.prompt_tokens += u?.prompt_tokens ?? 0;
        d.spent.completion_tokens += u?.completion_tokens ?? 0;
        counts.answered += 1;
        outcome?.answered.set(key, r.answer);
        continue;
      }
      const failure = r ? r.failure : missing;
      const feature = unsupportedFeature(failure, req.body);
      if (feature) {
        const refused = { unsupported: feature, message: this.llm.redact(failure.message) };
        cache.put(key, refused, { model: req.body.model });
        counts.answered += 1;
        outcome?.answered.set(key, refused);
        continue;
      }
      const tries = (d.attempts[key] ?? 0) + 1;
      if (!failure.retryable || tries > this.llm.config.retries) {
        const after = failure.retryable ? ` (gave up after ${tries} batch${tries > 1 ? "es" : ""}; raise --retries)` : "";
        d.failed[key] = { kind: failure.kind, message: this.llm.redact(`the batch did not answer the request: ${failure.message}${after}`) };
        outcome?.failed.set(key, d.failed[key]);
        delete d.attempts[key];
        counts.failed += 1;
      } else {
        d.attempts[key] = tries;
        counts.retry += 1;
      }
    }
    return counts;
  }

  private spentText(): string {
    const s = this.ledger.data.spent;
    return `spent ${s.requests} requests, ${s.prompt_tokens + s.completion_tokens} tokens in ${s.batches} batch${s.batches === 1 ? "" : "es"}`;
  }

  private note(message: string): void {
    this.lastNote = Date.now();
    this.ctx.info(`${this.ctx.tool}: ${message}`);
  }
}

/** What a round's batches settled: answers (or refusals) by key, and requests that failed for good. */
interface Outcome {
  answered: Map<string, unknown>;
  failed: Map<string, FailedRequest>;
}

function retryable(kind: string, message: string): Failure {
  return { kind, message, retryable: true, pushback: false, retryAfterMs: undefined, status: undefined };
}

/**
 * The context of a rehearsal pass: the same seed and randomness as the real one, nothing
 * reported or counted; a record handed back as batch_pending is noted as unfinished.
 */
function quietContext(ctx: RunContext, pending: (rec: InputRecord) => void): RunContext {
  return {
    tool: ctx.tool,
    version: ctx.version,
    seed: ctx.seed,
    onError: ctx.onError,
    counters: new Counters(),
    shard: ctx.shard,
    rng: (id, ...labels) => ctx.rng(id, ...labels),
    reject: () => {},
    fail: (rec, _reason, kind) => {
      if (kind === "batch_pending") pending(rec as InputRecord);
    },
    drop: () => {},
    warn: () => {},
    info: () => {},
    expect: () => {},
  };
}

async function* list<T>(items: T[]): AsyncIterable<T> {
  for (const item of items) yield item;
}
