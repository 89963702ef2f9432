import { exportTransform } from "@chatmill/export";
import { UsageError, type RunContext, type Transform } from "@chatmill/kit";
import { DPO_FORMATS, dpoChecks, dpoRows, type DpoFormat, type DpoOptions } from "./dpo-rows.js";

export interface DpoFlags {
  format?: string;
  minMargin?: number;
  system?: string | undefined;
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
  return exportTransform(ctx, (d, sink) => dpoRows(d, opts, sink), dpoChecks[opts.format]);
}
