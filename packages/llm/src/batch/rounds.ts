import { existsSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { ResumeLater, sha256Hex, type InputRecord, type RunContext, type Transform } from "@chatmill/kit";
import type { Llm } from "../client.js";
import type { BatchSettings } from "../config.js";
import { LlmError } from "../errors.js";
import { applyResults, retryable, spentText, type Outcome } from "./answers.js";
import { BatchApi, FINAL_STATUSES, type BatchObject } from "./api.js";
import { Ledger, writeWhole } from "./ledger.js";
import { BATCH_URL, inputLine, readInputFile, readResults } from "./lines.js";
import { RoundRequests, type Endpoint, type WantedRequest } from "./requests.js";
import { list, quietContext } from "./rehearsal.js";
import { roundPath, waitingMessage } from "./round-files.js";
import { roundChunks, SubmissionFiles, type Submission } from "./submissions.js";

interface Waiting {
  req: WantedRequest;
  waiters: Array<{ resolve: (answer: unknown) => void; reject: (err: unknown) => void }>;
}

/** The rounds of one batch-mode run (see withBatch): requests gathered, sent, answered into the cache. */
export class BatchRounds {
  private readonly ledger: Ledger;
  private readonly api: BatchApi;
  private readonly subs: SubmissionFiles;
  private lastNote = 0;

  constructor(
    private readonly llm: Llm,
    private readonly ctx: RunContext,
    private readonly settings: BatchSettings,
  ) {
    this.ledger = new Ledger(join(settings.dir, "state.json"));
    this.api = new BatchApi(llm.http, llm.config, llm.redact);
    this.subs = new SubmissionFiles(settings.dir);
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
    const subs = roundChunks(wanted, this.settings.size).map((chunk) => this.prepare(chunk));
    this.ledger.save();
    for (const s of subs) await this.submit(s, false);
    return this.waitFor(subs);
  }

  /** Writes the batch's input file, then its record: from here on a kill resumes it. */
  private prepare(chunk: WantedRequest[]): Submission {
    const round = this.ledger.data.round;
    const token = sha256Hex(`${round}\u0000${chunk.map((w) => w.key).sort().join(",")}`).slice(0, 24);
    writeWhole(this.subs.path(token, "input.jsonl"), `${chunk.map(inputLine).join("\n")}\n`);
    const s: Submission = { token, round, endpoint: chunk[0]!.endpoint, count: chunk.length, phase: "prepared" };
    this.subs.save(s);
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
      s.fileId = found ?? (await this.api.upload(name, readFileSync(this.subs.path(s.token, "input.jsonl"), "utf8")));
      s.phase = "uploaded";
      this.subs.save(s);
    }
    if (s.phase === "uploaded") {
      const found = resumed ? await this.api.findBatch(s.fileId!) : undefined;
      const batch = found ?? (await this.api.create(s.fileId!, BATCH_URL[s.endpoint], { chatmill_round: String(s.round), chatmill_token: s.token }));
      s.batchId = batch.id;
      s.phase = "submitted";
      this.subs.save(s);
      this.note(`batch round ${s.round}: ${batch.id} sent (${s.count} requests)`);
    }
  }

  private async resumeSubmissions(): Promise<void> {
    const subs: Submission[] = [];
    for (const s of this.subs.list()) {
      if (s.token === this.ledger.data.collected) {
        this.subs.remove(s); // its answers are in; only its files were left by a kill
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
    const requests = readInputFile(readFileSync(this.subs.path(s.token, "input.jsonl"), "utf8"));
    const texts: string[] = [];
    if (batch.output_file_id) texts.push(await this.api.content(batch.output_file_id));
    if (batch.error_file_id) texts.push(await this.api.content(batch.error_file_id));
    const why = batch.status === "failed" ? (batch.errors?.data?.[0]?.message ?? "the batch failed") : `the batch ${batch.status} without an answer for this request`;
    const counts = this.apply(requests, readResults(texts), retryable(batch.status === "expired" ? "batch_expired" : `batch_${batch.status}`, why), outcome);
    this.ledger.data.collected = s.token;
    this.ledger.data.spent.batches += 1;
    this.ledger.save();
    this.subs.remove(s);
    this.note(`batch round ${s.round}: ${batch.id} ${batch.status}: ${counts.answered} answered, ${counts.retry} to send again, ${counts.failed} failed for good · ${this.spentText()}`);
  }

  // ---- --batch-dir: round files for the user's own runner --------------------------------

  private writeRound(wanted: WantedRequest[]): never {
    const round = this.ledger.data.round;
    writeWhole(roundPath(this.settings.dir, round, "input"), `${wanted.map(inputLine).join("\n")}\n`);
    this.ledger.data.waiting = round;
    this.ledger.save();
    throw new ResumeLater(this.waitingMessage(round, wanted.length));
  }

  private collectWaitingRound(): void {
    const round = this.ledger.data.waiting;
    if (round === undefined) return;
    const input = roundPath(this.settings.dir, round, "input");
    const requests = readInputFile(readFileSync(input, "utf8"));
    const output = roundPath(this.settings.dir, round, "output");
    if (!existsSync(output)) throw new ResumeLater(this.waitingMessage(round, requests.size));
    const texts = [readFileSync(output, "utf8")];
    const errors = roundPath(this.settings.dir, round, "errors");
    if (existsSync(errors)) texts.push(readFileSync(errors, "utf8"));
    const counts = this.apply(requests, readResults(texts), retryable("no_result", `${output} has no line for this request`));
    this.ledger.data.waiting = undefined;
    this.ledger.data.spent.batches += 1;
    this.ledger.save();
    this.note(`batch round ${round}: ${output}: ${counts.answered} answered, ${counts.retry} to send again, ${counts.failed} failed for good · ${this.spentText()}`);
  }

  private waitingMessage(round: number, count: number): string {
    return waitingMessage(this.settings.dir, round, count, String(this.llm.config.defaults.model ?? this.llm.config.flagDefaults.model ?? "MODEL"));
  }

  // ---- both ---------------------------------------------------------------------------------

  private apply(requests: Map<string, WantedRequest>, results: ReturnType<typeof readResults>, missing: ReturnType<typeof retryable>, outcome?: Outcome) {
    return applyResults(this.llm, this.ledger.data, requests, results, missing, outcome);
  }

  private spentText(): string {
    return spentText(this.ledger.data);
  }

  private note(message: string): void {
    this.lastNote = Date.now();
    this.ctx.info(`${this.ctx.tool}: ${message}`);
  }
}
