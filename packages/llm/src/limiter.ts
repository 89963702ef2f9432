/** How a request ended, for the adaptive concurrency. */
export type Outcome = "ok" | "pushback" | "error";

export interface LimiterOptions {
  /** Most requests in flight; the adaptive limit moves between 1 and this. */
  concurrency: number;
  rpm?: number | undefined;
  tpm?: number | undefined;
  now?: () => number;
}

export interface Permit {
  readonly tokens: number;
  readonly started: number;
}

/**
 * Admits requests: at most `limit` in flight, within the requests- and tokens-per-minute
 * budgets. The limit adapts (AIMD): it drops by 30% when the server pushes back (429, 503
 * and timeouts make up a quarter or more of the last 40 answers, at least 3 of them, or
 * average latency is over 4× the best seen) at most once per latency period, and climbs by
 * about one request per round trip while answers come back fine.
 *
 * Why a count over the last answers and not over a time period: at a low limit a period
 * holds a handful of answers, where two stray 429s already look like 15%, so random
 * pushback (a shared gateway's, not ours to cure) cut the limit again and again — with 7%
 * random 429/503 a limit of 64 sank to 8–17. An overloaded server answers most requests
 * with 429; 10 of 40 is far outside what a few percent of strays give.
 */
export class Limiter {
  readonly max: number;
  limit: number;
  inFlight = 0;
  /** Lowest the adaptive limit has been, for reports and tests. */
  lowest: number;
  private readonly waiters: Array<{ tokens: number; resolve: (p: Permit) => void }> = [];
  private readonly now: () => number;
  private readonly rpm: Bucket | undefined;
  private readonly tpm: Bucket | undefined;
  private timer: NodeJS.Timeout | undefined;
  private lastDecrease = -Infinity;
  /** The last answers, 1 for a pushback (a ring), and how many of them are pushbacks. */
  private readonly recent = new Uint8Array(RECENT_ANSWERS);
  private recentAt = 0;
  private recentFilled = 0;
  private recentPushbacks = 0;
  private latencyAvg = 0;
  private latencyBest = Infinity;
  private draining = false;
  private idle: Array<() => void> = [];

  constructor(opts: LimiterOptions) {
    this.max = opts.concurrency;
    this.limit = opts.concurrency;
    this.lowest = opts.concurrency;
    this.now = opts.now ?? Date.now;
    // A second's worth of burst: a full minute's budget at once would trip the server's own limiter.
    if (opts.rpm) this.rpm = new Bucket(opts.rpm / 60_000, Math.max(1, opts.rpm / 60), this.now);
    if (opts.tpm) this.tpm = new Bucket(opts.tpm / 60_000, Math.max(1, opts.tpm / 60), this.now);
  }

  acquire(tokens = 0): Promise<Permit> {
    return new Promise((resolve) => {
      this.waiters.push({ tokens, resolve });
      this.pump();
    });
  }

  release(permit: Permit, outcome: Outcome, actualTokens?: number): void {
    this.inFlight -= 1;
    const now = this.now();
    const latency = now - permit.started;
    if (actualTokens !== undefined && this.tpm) this.tpm.take(actualTokens - permit.tokens);
    this.remember(outcome === "pushback");
    if (outcome === "ok") {
      this.latencyAvg = this.latencyAvg === 0 ? latency : this.latencyAvg * 0.9 + latency * 0.1;
      this.latencyBest = Math.min(this.latencyBest, this.latencyAvg);
      // Answers vary in length, so only a large, lasting rise (queueing at the server) counts.
      const slow = this.latencyAvg > this.latencyBest * 4 && this.latencyAvg - this.latencyBest > 2000;
      if (slow) this.decrease(now);
      else this.limit = Math.min(this.max, this.limit + 1 / Math.max(1, this.limit));
    } else if (outcome === "pushback") {
      // A few 429s among many answers are noise (each still waits its Retry-After); when they
      // are a quarter of the last answers, the server is at its limit.
      if (this.recentPushbacks >= MIN_PUSHBACKS && this.recentPushbacks >= PUSHBACK_SHARE * this.recentFilled) this.decrease(now);
    }
    if (this.inFlight === 0 && this.draining) for (const f of this.idle.splice(0)) f();
    this.pump();
  }

  private remember(pushback: boolean): void {
    const bit = pushback ? 1 : 0;
    if (this.recentFilled === RECENT_ANSWERS) this.recentPushbacks -= this.recent[this.recentAt]!;
    else this.recentFilled += 1;
    this.recent[this.recentAt] = bit;
    this.recentPushbacks += bit;
    this.recentAt = (this.recentAt + 1) % RECENT_ANSWERS;
  }

  /** Stops admitting requests; resolves when none is in flight. */
  drain(): Promise<void> {
    this.draining = true;
    if (this.inFlight === 0) return Promise.resolve();
    return new Promise((resolve) => this.idle.push(resolve));
  }

  private decrease(now: number): void {
    // One cut per latency period: the answers of requests already in flight report the same overload.
    const period = Math.max(250, this.latencyAvg || 1000);
    if (now - this.lastDecrease < period) return;
    this.lastDecrease = now;
    this.limit = Math.max(1, Math.floor(this.limit * 0.7));
    this.lowest = Math.min(this.lowest, this.limit);
    if (this.latencyAvg > 0) this.latencyBest = Math.min(this.latencyBest * 1.5, this.latencyAvg);
  }

  private pump(): void {
    if (this.timer) return;
    while (this.waiters.length > 0 && !this.draining && this.inFlight < Math.max(1, Math.floor(this.limit))) {
      const head = this.waiters[0]!;
      const wait = Math.max(this.rpm?.waitFor(1) ?? 0, this.tpm?.waitFor(Math.min(head.tokens, this.tpm.capacity)) ?? 0);
      if (wait > 0) {
        this.timer = setTimeout(() => {
          this.timer = undefined;
          this.pump();
        }, Math.ceil(wait));
        return;
      }
      this.waiters.shift();
      this.rpm?.take(1);
      this.tpm?.take(head.tokens);
      this.inFlight += 1;
      head.resolve({ tokens: head.tokens, started: this.now() });
    }
  }
}

const RECENT_ANSWERS = 40;
const MIN_PUSHBACKS = 3;
const PUSHBACK_SHARE = 0.25;

/** A token bucket that may go into debt (a request larger than the burst still goes, then waits are longer). */
class Bucket {
  private level: number;
  private at: number;

  constructor(
    private readonly perMs: number,
    readonly capacity: number,
    private readonly now: () => number,
  ) {
    this.level = capacity;
    this.at = now();
  }

  private refill(): void {
    const t = this.now();
    this.level = Math.min(this.capacity, this.level + (t - this.at) * this.perMs);
    this.at = t;
  }

  /** Milliseconds until `amount` is available (0 = now). */
  waitFor(amount: number): number {
    this.refill();
    return this.level >= amount ? 0 : (amount - this.level) / this.perMs;
  }

  take(amount: number): void {
    this.refill();
    this.level -= amount;
  }
}
