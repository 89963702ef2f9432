import type { InputRecord, RunContext, Transform } from "@chatmill/kit";

/** The dimensions of the scenario grid, and what a scenario contributes to each. */
export const GRID = ["combination", "category", "region", "emotion", "resolution"] as const;

export interface DimensionStats {
  distinct: number;
  /** Shannon entropy in bits. */
  entropy: number;
  /** entropy / log2(distinct): 1 is perfectly even. */
  evenness: number;
  counts: Record<string, number>;
}

export interface CoverageReport {
  records: number;
  dimensions: Record<string, DimensionStats>;
  grid: {
    dimensions: readonly string[];
    /** Distinct cells seen. */
    cells: number;
    /** The product of each grid dimension's distinct values: an upper bound, since categories depend on the primary service. */
    possible: number;
    entropy: number;
    evenness: number;
  };
}

function stats(counts: Map<string, number>, total: number): DimensionStats {
  let entropy = 0;
  for (const n of counts.values()) {
    const p = n / total;
    entropy -= p * Math.log2(p);
  }
  const distinct = counts.size;
  const sorted = [...counts].sort((a, b) => b[1] - a[1] || a[0].localeCompare(b[0]));
  return {
    distinct,
    entropy: round(entropy),
    evenness: distinct > 1 ? round(entropy / Math.log2(distinct)) : 1,
    counts: Object.fromEntries(sorted),
  };
}

function round(x: number): number {
  return Math.round(x * 10_000) / 10_000;
}

/** Counts scenarios by dimension and by grid cell; memory grows with distinct values, not records. */
export class CoverageCounter {
  records = 0;
  private readonly dims = new Map<string, Map<string, number>>();
  private readonly cells = new Map<string, number>();

  private bump(dim: string, value: string): void {
    let m = this.dims.get(dim);
    if (!m) this.dims.set(dim, (m = new Map()));
    m.set(value, (m.get(value) ?? 0) + 1);
  }

  /** Adds one scenario; returns a reason when it is not one. */
  add(s: Record<string, unknown>): string | undefined {
    const services = s.services;
    if (!Array.isArray(services) || services.length === 0 || !services.every((x) => typeof x === "string")) return "not a Scenario: no services list";
    const emotions = (s.emotions ?? {}) as Record<string, unknown>;
    const time = (s.time ?? {}) as Record<string, unknown>;
    const v = {
      combination: [...services].sort().join("+"),
      category: String(s.category ?? "(none)"),
      region: String(s.region ?? "(none)"),
      emotion: String(emotions.user ?? "(none)"),
      resolution: String(s.resolution ?? "(none)"),
    };
    this.records += 1;
    for (const [k, value] of Object.entries(v)) this.bump(k, value);
    this.bump("primary_service", services[0] as string);
    for (const svc of new Set(services as string[])) this.bump("service", svc);
    this.bump("size", String(services.length));
    this.bump("assistant_emotion", String(emotions.assistant ?? "(none)"));
    this.bump("slot", String(time.slot ?? "(none)"));
    const cell = GRID.map((d) => v[d]).join("\u0000");
    this.cells.set(cell, (this.cells.get(cell) ?? 0) + 1);
    return undefined;
  }

  report(): CoverageReport {
    const dimensions: Record<string, DimensionStats> = {};
    // Entropy is over each dimension's own total: for "service" (every service of a scenario
    // counted) that is the number of mentions, so evenness stays in [0, 1].
    for (const [k, m] of [...this.dims].sort((a, b) => a[0].localeCompare(b[0]))) dimensions[k] = stats(m, [...m.values()].reduce((a, b) => a + b, 0));
    const grid = stats(this.cells, this.records);
    const possible = GRID.reduce((acc, d) => acc * (this.dims.get(d)?.size ?? 0), 1);
    return {
      records: this.records,
      dimensions,
      grid: {
        dimensions: GRID,
        cells: grid.distinct,
        possible,
        entropy: grid.entropy,
        evenness: possible > 1 ? round(grid.entropy / Math.log2(Math.min(possible, Math.max(this.records, 2)))) : 1,
      },
    };
  }
}

/** A readable table of the report. */
export function formatCoverage(r: CoverageReport, top = 5): string {
  const lines = [`scenarios: ${r.records}`, ""];
  lines.push("dimension          distinct  entropy  evenness  most / least used");
  for (const [name, d] of Object.entries(r.dimensions)) {
    const entries = Object.entries(d.counts);
    const share = ([k, n]: [string, number]) => `${k} ${((100 * n) / Math.max(1, r.records)).toFixed(1)}%`;
    const most = entries.slice(0, top).map(share).join(", ");
    const least = entries.length > top ? ` … ${entries.slice(-Math.min(top, entries.length - top)).map(share).join(", ")}` : "";
    lines.push(`${name.padEnd(18)} ${String(d.distinct).padStart(8)}  ${d.entropy.toFixed(3).padStart(7)}  ${d.evenness.toFixed(3).padStart(8)}  ${most}${least}`);
  }
  lines.push("", `grid (${r.grid.dimensions.join(" × ")}): ${r.grid.cells} cells seen of at most ${r.grid.possible}; entropy ${r.grid.entropy.toFixed(3)} bits, evenness ${r.grid.evenness.toFixed(3)}`);
  lines.push("(service counts every service of a scenario, so its shares add up to more than 100%; evenness 1.000 = perfectly even)");
  return `${lines.join("\n")}\n`;
}

export interface CoverageOptions {
  format: "json" | "text";
  top?: number;
}

/** scenario-coverage as a transform: scenarios in, one report out (a record, or text lines). */
export function coverageTransform(opts: CoverageOptions, ctx: RunContext): Transform {
  return async function* coverage(input: AsyncIterable<InputRecord>) {
    const counter = new CoverageCounter();
    for await (const rec of input) {
      const reason = counter.add(rec.value);
      if (reason) ctx.reject(rec, reason, "invalid_record");
    }
    const report = counter.report();
    if (opts.format === "json") yield report;
    else {
      const { RawLine } = await import("@chatmill/kit");
      for (const line of formatCoverage(report, opts.top).trimEnd().split("\n")) yield new RawLine(line);
    }
  };
}
