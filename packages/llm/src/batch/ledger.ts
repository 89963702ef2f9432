import { mkdirSync, readFileSync, renameSync, writeFileSync } from "node:fs";
import { dirname } from "node:path";
import type { FailedRequest } from "./requests.js";

/** What batch mode keeps between runs, beside the answers (which are in the cache). */
export interface LedgerData {
  v: 1;
  /** Rounds sent so far. */
  round: number;
  /** Requests whose batch gave no answer yet, and how many times. */
  attempts: Record<string, number>;
  /** Requests that failed for good: their records fail with this reason on every pass. */
  failed: Record<string, FailedRequest>;
  /** What the batches answered so far, over every run on this state folder. */
  spent: { requests: number; prompt_tokens: number; completion_tokens: number; batches: number };
  /** --batch-dir: the round whose output file is awaited. */
  waiting?: number | undefined;
  /** --batch: the last submission whose results are in the cache (its files may still be on disk after a kill). */
  collected?: string | undefined;
}

/** The state file, rewritten whole (temporary name, then rename) so a kill leaves the old or the new one. */
export class Ledger {
  data: LedgerData;

  constructor(readonly path: string) {
    this.data = load(path);
  }

  save(): void {
    mkdirSync(dirname(this.path), { recursive: true });
    const tmp = `${this.path}.${process.pid}.tmp`;
    writeFileSync(tmp, `${JSON.stringify(this.data)}\n`);
    renameSync(tmp, this.path);
  }
}

function load(path: string): LedgerData {
  let text: string;
  try {
    text = readFileSync(path, "utf8");
  } catch {
    return { v: 1, round: 0, attempts: {}, failed: {}, spent: { requests: 0, prompt_tokens: 0, completion_tokens: 0, batches: 0 } };
  }
  try {
    const d = JSON.parse(text) as LedgerData;
    if (d.v !== 1) throw new Error(`version ${String(d.v)}`);
    return d;
  } catch (err) {
    throw new Error(`the batch state file ${path} cannot be read (${(err as Error).message}); it is written whole, so only another program can have damaged it: restore it, or start over with an empty folder`);
  }
}

/** Writes a file under a temporary name and renames it, so a reader never sees half of it. */
export function writeWhole(path: string, text: string): void {
  mkdirSync(dirname(path), { recursive: true });
  const tmp = `${path}.${process.pid}.tmp`;
  writeFileSync(tmp, text);
  renameSync(tmp, path);
}
