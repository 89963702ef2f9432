import { exportTransform, type RowMaker } from "@chatmill/export";
import { fittingRows, type RowFitter } from "@chatmill/tokens/fit";
import { UsageError, type RunContext, type Transform } from "@chatmill/kit";
import { RL_FORMATS, rlChecks, rlRows, type RlFormat, type RlOptions } from "./rl-rows.js";

export interface RlFlags {
  format?: string;
  system?: string | undefined;
  /** Yield rows as kit RawLines of their JSON text (what the CLI writes; see ExportOptions). */
  serialize?: boolean;
  /** --max-tokens: make every row fit, as this fitter counts (see @chatmill/tokens). */
  fitter?: RowFitter | undefined;
}

export function rlOptions(flags: RlFlags): RlOptions {
  const format = (flags.format ?? "transitions") as RlFormat;
  if (!RL_FORMATS.includes(format)) throw new UsageError(`--format must be one of ${RL_FORMATS.join(", ")}`);
  return { format, system: flags.system };
}

/** to-rl as a transform over Dialogue records. */
export function rlTransform(flags: RlFlags, ctx: RunContext): Transform {
  const opts = rlOptions(flags);
  const check = rlChecks[opts.format];
  const rows: RowMaker = (d, sink) => rlRows(d, opts, sink);
  // --max-tokens: prompts and states lose their oldest turns; an episode over the limit is dead-lettered, never cut.
  const make = flags.fitter ? fittingRows(rows, flags.fitter, "history", (r) => check(r) === undefined) : rows;
  return exportTransform(ctx, make, check, { serialize: flags.serialize === true });
}
