import { UsageError } from "@chatmill/kit";
import type { SourceArg } from "./source-arg.js";

export interface PlanOptions {
  /** The base of percentages and `rest`. */
  total?: number;
  /** Largest number of times a source's records may be repeated. */
  maxOversample: number;
  /** --repeats refuse: the cap is 1× because repeats are refused, not because of --max-oversample. */
  noRepeats?: boolean;
}

export interface PlannedSource extends SourceArg {
  /** Good records in the source. */
  available: number;
  /** Records asked for, before the oversampling cap. */
  wanted: number;
  /** Records it will give. */
  target: SourceArg["target"];
  count: number;
}

/**
 * Turns targets into record counts, given how many records each source holds.
 * Percentages of --total are rounded by largest remainder, so percentages summing
 * to 100 give exactly --total. Warnings (oversampling, caps, empty sources, a mix
 * that does not add up to --total) go to `warn`.
 */
export function planCounts(sources: Array<SourceArg & { available: number }>, opts: PlanOptions, warn: (m: string) => void): PlannedSource[] {
  const needsTotal = sources.filter((s) => s.target.kind === "percent" || s.target.kind === "rest");
  if (needsTotal.length > 0 && opts.total === undefined) {
    throw new UsageError(`'${needsTotal[0]!.path}:${needsTotal[0]!.spec}' needs --total N (the size of the mix that percentages and 'rest' refer to)`);
  }
  if (sources.filter((s) => s.target.kind === "rest").length > 1) throw new UsageError("only one source can take the 'rest'");
  const total = opts.total ?? 0;
  const wanted = new Array<number>(sources.length).fill(0);

  const percents = sources.map((s, i) => ({ s, i })).filter(({ s }) => s.target.kind === "percent");
  const pctSum = percents.reduce((a, { s }) => a + (s.target as { p: number }).p, 0);
  if (pctSum > 100 + 1e-9) throw new UsageError(`the percentages add up to ${round(pctSum)}%, over 100%`);
  const exact = percents.map(({ s, i }) => ({ i, v: (total * (s.target as { p: number }).p) / 100 }));
  let floorSum = 0;
  for (const { i, v } of exact) floorSum += wanted[i] = Math.floor(v);
  let extra = Math.round((total * pctSum) / 100) - floorSum;
  for (const { i } of [...exact].sort((a, b) => (b.v % 1) - (a.v % 1) || a.i - b.i)) {
    if (extra <= 0) break;
    wanted[i]! += 1;
    extra -= 1;
  }
  sources.forEach((s, i) => {
    if (s.target.kind === "count") wanted[i] = s.target.n;
    else if (s.target.kind === "times") wanted[i] = Math.round(s.available * s.target.x);
    else if (s.target.kind === "all") wanted[i] = s.available;
  });
  const restAt = sources.findIndex((s) => s.target.kind === "rest");
  if (restAt >= 0) {
    const others = wanted.reduce((a, n, i) => (i === restAt ? a : a + n), 0);
    if (others > total) throw new UsageError(`the other sources already make ${others} records, more than --total ${total}; nothing is left for '${sources[restAt]!.path}:rest'`);
    wanted[restAt] = total - others;
  }

  const planned = sources.map((s, i) => {
    const want = wanted[i]!;
    let count = want;
    if (want > 0 && s.available === 0) {
      warn(`${s.path} holds no records; it cannot give the ${want} asked for`);
      count = 0;
    } else if (want > s.available) {
      const cap = Math.floor(s.available * opts.maxOversample);
      if (want > cap) {
        const why = opts.noRepeats ? `--repeats refuse gives each record once: ${cap}` : `--max-oversample ${opts.maxOversample} caps it at ${cap}`;
        warn(`${s.path}: ${want} records asked for, but it holds ${s.available} and ${why}`);
        count = cap;
      } else {
        warn(`${s.path}: oversampled ${round(want / s.available)}× (${s.available} records repeated to make ${want})`);
      }
    }
    return { ...s, available: s.available, wanted: want, count };
  });
  const made = planned.reduce((a, s) => a + s.count, 0);
  if (opts.total !== undefined && made !== opts.total) warn(`the mix has ${made} records, not the --total ${opts.total} asked for`);
  return planned;
}

export function round(x: number): number {
  return Math.round(x * 100) / 100;
}
