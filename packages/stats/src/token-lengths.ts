import type { TokenCounter } from "@chatmill/tokens";

/** Row counts above these lengths are reported (the max_length / cutoff_len values trainers are run with). */
export const TOKEN_LIMITS = [2048, 4096, 8192, 16384, 32768] as const;
const PERCENTILES = [50, 90, 95, 99] as const;
/** Bucket widths of the histogram: the smallest that gives at most 24 buckets. */
const WIDTHS = [16, 32, 64, 128, 256, 512, 1024, 2048, 4096, 8192, 16384, 32768, 65536];

export interface FileTokenReport {
  /** Rows counted (records holding a conversation). */
  rows: number;
  /** Records without a conversation (left out of the figures). */
  not_rows: number;
  /** Rows the chat template could not render (left out of the figures); the first error. */
  unrenderable: number;
  first_error?: string;
  /** Row shapes (sft, dpo, rl, dialogue) and the layouts they were recognised by. */
  shapes: Record<string, number>;
  layouts: Record<string, number>;
  tokens: { total: number; mean: number | null; min: number | null; p50: number | null; p90: number | null; p95: number | null; p99: number | null; max: number | null };
  /** Rows longer than each limit. */
  over: Record<string, number>;
  histogram: { bucket_width: number; buckets: Record<string, number> };
}

export interface TokenReport {
  tokenizer: string;
  models: string;
  template: string;
  /** What one row's length is. */
  counted: string;
  /** Per input file (`-` or the name the kit gives stdin for standard input). */
  files: Record<string, FileTokenReport>;
}

class FileLengths {
  /** Rows per exact length: bounded by the longest row, not by the number of rows. */
  readonly byLength = new Map<number, number>();
  rows = 0;
  notRows = 0;
  unrenderable = 0;
  firstError: string | undefined;
  total = 0;
  readonly shapes = new Map<string, number>();
  readonly layouts = new Map<string, number>();

  add(n: number, shape: string, layout: string): void {
    this.rows++;
    this.total += n;
    this.byLength.set(n, (this.byLength.get(n) ?? 0) + 1);
    this.shapes.set(shape, (this.shapes.get(shape) ?? 0) + 1);
    this.layouts.set(layout, (this.layouts.get(layout) ?? 0) + 1);
  }

  report(): FileTokenReport {
    const lengths = [...this.byLength].sort((a, b) => a[0] - b[0]);
    const n = this.rows;
    /** Nearest rank: the smallest length at least p% of the rows do not exceed. */
    const pct = (p: number): number | null => {
      if (n === 0) return null;
      const rank = Math.ceil((p / 100) * n);
      let seen = 0;
      for (const [len, c] of lengths) if ((seen += c) >= rank) return len;
      return lengths[lengths.length - 1]![0];
    };
    const max = n > 0 ? lengths[lengths.length - 1]![0] : null;
    const width = WIDTHS.find((w) => (max ?? 0) / w < 24) ?? WIDTHS[WIDTHS.length - 1]!;
    const buckets: Record<string, number> = {};
    if (max !== null) {
      for (let from = 0; from <= max; from += width) buckets[`${from}-${from + width - 1}`] = 0;
      for (const [len, c] of lengths) {
        const from = Math.floor(len / width) * width;
        buckets[`${from}-${from + width - 1}`]! += c;
      }
    }
    const p = Object.fromEntries(PERCENTILES.map((q) => [`p${q}`, pct(q)])) as Record<"p50" | "p90" | "p95" | "p99", number | null>;
    return {
      rows: n,
      not_rows: this.notRows,
      unrenderable: this.unrenderable,
      ...(this.firstError ? { first_error: this.firstError } : {}),
      shapes: Object.fromEntries(this.shapes),
      layouts: Object.fromEntries(this.layouts),
      tokens: { total: this.total, mean: n > 0 ? Math.round((this.total / n) * 10) / 10 : null, min: n > 0 ? lengths[0]![0] : null, ...p, max },
      over: Object.fromEntries(TOKEN_LIMITS.map((l) => [String(l), lengths.reduce((a, [len, c]) => a + (len > l ? c : 0), 0)])),
      histogram: { bucket_width: width, buckets },
    };
  }
}

/** Token lengths of exported rows, per input file, with one tokenizer (see @chatmill/tokens for what is counted). */
export class TokenLengths {
  private readonly files = new Map<string, FileLengths>();

  constructor(readonly counter: TokenCounter) {}

  add(source: string, value: unknown): void {
    let f = this.files.get(source);
    if (!f) this.files.set(source, (f = new FileLengths()));
    let row;
    try {
      row = this.counter.countRow(value);
    } catch (err) {
      f.unrenderable++;
      f.firstError ??= (err as Error).message;
      return;
    }
    if (row) f.add(row.tokens, row.shape, row.layout);
    else f.notRows++;
  }

  report(): TokenReport {
    const info = this.counter.info;
    return {
      tokenizer: info.name,
      models: info.models,
      template: info.template,
      counted: "each row's conversation rendered with the chat template (tools included, no generation prompt), then tokenized with special tokens; a DPO row: the longer of prompt+chosen and prompt+rejected",
      files: Object.fromEntries([...this.files].map(([k, v]) => [k, v.report()])),
    };
  }
}
