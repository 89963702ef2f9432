import { type ExportOptions, exportTransform, formatNamed, type RowMaker, type ToolsAs } from "@chatmill/export";
import { fittingRows, type RowFitter } from "@chatmill/tokens/fit";
import { Counters, UsageError, type InputRecord, type RunContext, type Transform } from "@chatmill/kit";
import type { Dialogue } from "@chatmill/export";
import { DPO_FORMATS, type DpoFormat, type DpoOptions } from "./formats/index.js";
import { needsGrading } from "./grading.js";
import { annotate, annotatorLoaded, loadAnnotator } from "./preference-rows.js";

export interface DpoFlags {
  format?: string;
  minMargin?: number;
  system?: string | undefined;
  /** text | list: how trl rows carry `tools` (default text). */
  toolsAs?: string | undefined;
  /** Yield rows as kit RawLines of their JSON text (what the CLI writes; see ExportOptions). */
  serialize?: boolean;
  /** --max-tokens: make every row fit, as this fitter counts (see @chatmill/tokens). */
  fitter?: RowFitter | undefined;
  /** A stage between the format's rows and its rules (ExportOptions.rowStage), e.g. fitting rows to a token limit. */
  rowStage?: ExportOptions["rowStage"];
}

export function dpoOptions(flags: DpoFlags): DpoOptions & { format: DpoFormat } {
  const name = flags.format ?? "trl";
  const format = formatNamed(DPO_FORMATS, name);
  if (!format) throw new UsageError(`--format must be one of ${DPO_FORMATS.map((f) => f.name).join(", ")}`);
  const minMargin = flags.minMargin ?? 0.1;
  if (!(minMargin >= 0 && minMargin <= 1)) throw new UsageError("--min-margin is a success-rate difference in [0, 1]");
  const toolsAs = (flags.toolsAs ?? "text") as ToolsAs;
  if (toolsAs !== "text" && toolsAs !== "list") throw new UsageError("--tools-as must be text or list");
  return { format, minMargin, system: flags.system, toolsAs };
}

/** to-dpo as a transform over Dialogue records. */
export function dpoTransform(flags: DpoFlags, ctx: RunContext): Transform {
  const opts = { ...dpoOptions(flags), seed: ctx.seed };
  const f = opts.format;
  const rows: RowMaker = (d, sink) => f.rows(d, opts, sink);
  // --max-tokens: a pair over the limit keeps its decision and loses the oldest turns of its history.
  const make = flags.fitter ? fittingRows(rows, flags.fitter, "history", (r) => f.check(r) === undefined) : rows;
  const exporter = exportTransform(ctx, make, f.check, { serialize: flags.serialize === true, rowStage: flags.rowStage, shared: f.shared !== false });
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
