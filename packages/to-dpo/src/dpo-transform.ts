import { exportTransform, type RowMaker } from "@chatmill/export";
import { fittingRows, type RowFitter } from "@chatmill/tokens/fit";
import { Counters, UsageError, type InputRecord, type RunContext, type Transform } from "@chatmill/kit";
import type { Dialogue } from "@chatmill/export";
import { DPO_FORMATS, annotate, annotatorLoaded, dpoChecks, dpoRows, loadAnnotator, type DpoFormat, type DpoOptions } from "./dpo-rows.js";
import { needsGrading } from "./grading.js";

export interface DpoFlags {
  format?: string;
  minMargin?: number;
  system?: string | undefined;
  /** Yield rows as kit RawLines of their JSON text (what the CLI writes; see ExportOptions). */
  serialize?: boolean;
  /** --max-tokens: make every row fit, as this fitter counts (see @chatmill/tokens). */
  fitter?: RowFitter | undefined;
}

export function dpoOptions(flags: DpoFlags): DpoOptions {
  const format = (flags.format ?? "trl") as DpoFormat;
  if (!DPO_FORMATS.includes(format)) throw new UsageError(`--format must be one of ${DPO_FORMATS.join(", ")}`);
  const minMargin = flags.minMargin ?? 0.1;
  if (!(minMargin >= 0 && minMargin <= 1)) throw new UsageError("--min-margin is a success-rate difference in [0, 1]");
  return { format, minMargin, system: flags.system };
}

/** to-dpo as a transform over Dialogue records. */
export function dpoTransform(flags: DpoFlags, ctx: RunContext): Transform {
  const opts = { ...dpoOptions(flags), seed: ctx.seed };
  const check = dpoChecks[opts.format];
  const rows: RowMaker = (d, sink) => dpoRows(d, opts, sink);
  // --max-tokens: a pair over the limit keeps its decision and loses the oldest turns of its history.
  const make = flags.fitter ? fittingRows(rows, flags.fitter, "history", (r) => check(r) === undefined) : rows;
  const exporter = exportTransform(ctx, make, check, { serialize: flags.serialize === true, shared: opts.format !== "muse" });
  return (input) => exporter(gradingOnTheWay(input, ctx));
}

/**
 * Grades the records that arrive without tool-annotate's grades, as they come in: before the
 * exporter reads them (and merges assistant runs), so the grader sees exactly what
 * `tool-annotate` would, and `dialogue-sim | to-dpo` equals `dialogue-sim | tool-annotate | to-dpo`.
 * The hook (tool-annotate, the domains, ajv) is loaded before the first record that needs it.
 */
async function* gradingOnTheWay(input: AsyncIterable<InputRecord>, ctx: RunContext): AsyncGenerator<InputRecord> {
  for await (const rec of input) {
    if (!needsGrading(rec.value)) {
      yield rec;
      continue;
    }
    if (!annotatorLoaded()) await loadAnnotator();
    let graded: ReturnType<typeof annotate> | undefined;
    try {
      graded = annotate(rec.value as Dialogue, ctx.seed);
    } catch {
      // Not a dialogue the grader can read: the exporter reports what is wrong with it.
    }
    if (graded?.annotated) {
      Counters.bump(ctx.counters.notes, "dialogues graded on the way");
      yield { ...rec, value: graded.dialogue };
    } else yield rec;
  }
}
