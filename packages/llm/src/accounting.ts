import type { Counters } from "@chatmill/kit";
import type { Price } from "./config.js";

export interface TokenUsage {
  prompt_tokens: number;
  completion_tokens: number;
}

/** What one record's calls used: deterministic (the same after a resume), so it can go in the record. */
export interface RecordUsage {
  /** Answers the record used, whether fetched or replayed from the cache. */
  calls: number;
  prompt_tokens: number;
  completion_tokens: number;
  /** True when the server sent no usage and the counts are estimates (4 characters a token). */
  estimated?: boolean;
  cost_usd?: number;
  models: string[];
}

interface RoleTotals {
  requests: number;
  cached: number;
  retries: number;
  failures: number;
  prompt: number;
  completion: number;
  cost: number;
}

/**
 * Counts tokens, requests, retries, failures and cost per role and in total; keeps
 * each record's share until the tool takes it for the record's meta.
 */
export class Accounting {
  readonly roles = new Map<string, RoleTotals>();
  private readonly records = new Map<string, RecordUsage>();
  /** While true (batch mode's rehearsal passes), answers count only towards their record, not the run's totals. */
  muted = false;

  constructor(
    private readonly prices: Record<string, Price>,
    private readonly counters?: Counters,
  ) {}

  private role(role: string): RoleTotals {
    let t = this.roles.get(role);
    if (!t) this.roles.set(role, (t = { requests: 0, cached: 0, retries: 0, failures: 0, prompt: 0, completion: 0, cost: 0 }));
    return t;
  }

  answer(role: string, model: string, usage: TokenUsage, estimated: boolean, cached: boolean, recordId: string | undefined): void {
    const price = this.prices[model];
    const cost = price ? (usage.prompt_tokens * price.input + usage.completion_tokens * price.output) / 1e6 : undefined;
    if (!this.muted) {
      const t = this.role(role);
      if (cached) t.cached += 1;
      else t.requests += 1;
      t.prompt += usage.prompt_tokens;
      t.completion += usage.completion_tokens;
      if (cost !== undefined) t.cost += cost;
    }
    if (recordId !== undefined) {
      let r = this.records.get(recordId);
      if (!r) this.records.set(recordId, (r = { calls: 0, prompt_tokens: 0, completion_tokens: 0, models: [] }));
      r.calls += 1;
      r.prompt_tokens += usage.prompt_tokens;
      r.completion_tokens += usage.completion_tokens;
      if (estimated) r.estimated = true;
      if (cost !== undefined) r.cost_usd = round(((r.cost_usd ?? 0) + cost), 8);
      if (!r.models.includes(model)) r.models.push(model);
    }
    this.publish();
  }

  retry(role: string): void {
    if (this.muted) return;
    this.role(role).retries += 1;
    this.publish();
  }

  failure(role: string): void {
    if (this.muted) return;
    this.role(role).failures += 1;
    this.publish();
  }

  /** A record's usage so far (undefined if it made no call). */
  record(recordId: string): RecordUsage | undefined {
    return this.records.get(recordId);
  }

  /** Returns a record's usage and forgets it, so memory stays flat over a long run. */
  take(recordId: string): RecordUsage | undefined {
    const r = this.records.get(recordId);
    this.records.delete(recordId);
    return r;
  }

  totals(): RoleTotals & { byRole: Record<string, RoleTotals> } {
    const sum: RoleTotals = { requests: 0, cached: 0, retries: 0, failures: 0, prompt: 0, completion: 0, cost: 0 };
    for (const t of this.roles.values()) for (const k of Object.keys(sum) as Array<keyof RoleTotals>) sum[k] += t[k];
    return { ...sum, byRole: Object.fromEntries(this.roles) };
  }

  /** Writes the totals into the summary line's notes. */
  private publish(): void {
    const n = this.counters?.notes;
    if (!n) return;
    const t = this.totals();
    n.set("llm requests", t.requests);
    n.set("cached", t.cached);
    n.set("retries", t.retries);
    if (t.failures) n.set("failed calls", t.failures);
    n.set("tokens in", t.prompt);
    n.set("tokens out", t.completion);
    if (this.roles.size > 1) for (const [role, r] of this.roles) n.set(`tokens ${role}`, r.prompt + r.completion);
    if (Object.keys(this.prices).length > 0) n.set("cost $", round(t.cost, 4));
  }
}

function round(x: number, digits: number): number {
  const f = 10 ** digits;
  return Math.round(x * f) / f;
}
