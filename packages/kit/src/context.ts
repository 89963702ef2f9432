import { Counters } from "./counters.js";
import type { DeadLetter } from "./dead-letter.js";
import { Rng } from "./rng.js";
import type { Shard } from "./shard.js";

export type OnError = "fail" | "skip";

/** Where a record came from: enough to report it and dead-letter it. */
export interface RecordRef {
  line: number;
  raw: string;
  source: string;
  value?: unknown;
  /** The line's exact bytes in base64, when `raw` cannot hold them (a line that is not UTF-8). */
  rawBase64?: string;
}

/** What a tool's transform may do besides yielding output. */
export interface RunContext {
  readonly tool: string;
  readonly version: string;
  readonly seed: number;
  readonly onError: OnError;
  readonly counters: Counters;
  /** `--shard I/N`: the frame passes only this part's input records; a tool with no input generates only its part. */
  readonly shard?: Shard | undefined;
  /** The random stream of one record (and optional purpose), from --seed and the record's id. */
  rng(id: string, ...labels: string[]): Rng;
  /** The record is bad input data: not written; reported (fail) or only counted (skip). */
  reject(rec: RecordRef, reason: string, kind?: string, path?: string): void;
  /** The record was fine but could not be processed (e.g. LLM calls kept failing). */
  fail(rec: RecordRef, reason: string, kind?: string): void;
  /** The record is left out on purpose (a duplicate, a filter); counted in the summary. */
  drop(rec: RecordRef, reason: string): void;
  warn(message: string): void;
  /** A line for the user on stderr (not shown with --quiet). */
  info(message: string): void;
  /** For progress ETA, when a tool knows how many records it will make. */
  expect(total: number): void;
}

export interface ContextOptions {
  tool?: string;
  version?: string;
  seed?: number;
  onError?: OnError;
  shard?: Shard;
  /** Receives each dead-lettered record. */
  deadLetter?: (entry: DeadLetter) => void;
  /** Receives each line meant for stderr; "error" lines must be shown even with --quiet. */
  log?: (line: string, level: "error" | "warn" | "info") => void;
  expect?: (total: number) => void;
}

const MAX_REPORTED = 20;

/**
 * The context the CLI frame passes to a transform; library users create one with
 * their own sinks (by default, issues are collected in `issues` and nothing is printed).
 */
export class Context implements RunContext {
  readonly tool: string;
  readonly version: string;
  readonly seed: number;
  readonly onError: OnError;
  readonly counters = new Counters();
  readonly shard: Shard | undefined;
  readonly issues: DeadLetter[] = [];
  bad = 0;
  failures = 0;
  private reported = 0;

  constructor(private readonly opts: ContextOptions = {}) {
    this.tool = opts.tool ?? "chatmill";
    this.version = opts.version ?? "0.0.0";
    this.seed = opts.seed ?? 0;
    this.onError = opts.onError ?? "fail";
    this.shard = opts.shard;
  }

  rng(id: string, ...labels: string[]): Rng {
    return Rng.for(this.seed, id, ...labels);
  }

  reject(rec: RecordRef, reason: string, kind = "invalid_record", path?: string): void {
    this.bad += 1;
    Counters.bump(this.counters.dropped, kind);
    this.record(rec, kind, reason, path);
  }

  fail(rec: RecordRef, reason: string, kind = "error"): void {
    this.failures += 1;
    Counters.bump(this.counters.failed, kind);
    this.record(rec, kind, reason);
  }

  drop(_rec: RecordRef, reason: string): void {
    Counters.bump(this.counters.dropped, reason);
  }

  warn(message: string): void {
    this.opts.log?.(`${this.tool}: warning: ${message}`, "warn");
  }

  info(message: string): void {
    this.opts.log?.(message, "info");
  }

  expect(total: number): void {
    this.opts.expect?.(total);
  }

  private record(rec: RecordRef, kind: string, reason: string, path?: string): void {
    const id = idOf(rec.value);
    const entry: DeadLetter = {
      source: rec.source,
      line: rec.line,
      ...(id !== undefined ? { id } : {}),
      kind,
      reason,
      ...(path !== undefined ? { path } : {}),
      raw: rec.raw,
      ...(rec.rawBase64 !== undefined ? { raw_base64: rec.rawBase64 } : {}),
    };
    if (this.opts.deadLetter) this.opts.deadLetter(entry);
    else if (!this.opts.log) this.issues.push(entry);
    if (this.onError === "fail" && this.opts.log) {
      this.reported += 1;
      if (this.reported <= MAX_REPORTED) this.opts.log(formatIssue(this.tool, entry), "error");
      else if (this.reported === MAX_REPORTED + 1) {
        this.opts.log(`${this.tool}: further errors are not shown; write them all with --errors FILE`, "error");
      }
    }
  }
}

/**
 * One bad record as a stderr line. It starts with the tool's name, so in a pipeline
 * (`scenario-gen | dialogue-sim | validate`) the user sees which stage said it.
 */
export function formatIssue(tool: string, e: Pick<DeadLetter, "source" | "line" | "reason" | "path">): string {
  const where = e.source === "stdin" ? `${tool}: line ${e.line}` : `${tool}: ${e.source}: line ${e.line}`;
  return e.path !== undefined ? `${where}: ${e.path || "/"}: ${e.reason}` : `${where}: ${e.reason}`;
}

function idOf(value: unknown): string | undefined {
  if (value && typeof value === "object" && "id" in value) {
    const id = (value as { id: unknown }).id;
    if (typeof id === "string" || typeof id === "number") return String(id);
  }
  return undefined;
}
