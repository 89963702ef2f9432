import { exportTransform } from "@chatmill/export";
import { UsageError, type RunContext, type Transform } from "@chatmill/kit";
import { RL_FORMATS, rlChecks, rlRows, type RlFormat, type RlOptions } from "./rl-rows.js";

export interface RlFlags {
  format?: string;
  system?: string | undefined;
  /** Yield rows as kit RawLines of their JSON text (what the CLI writes; see ExportOptions). */
  serialize?: boolean;
}

export function rlOptions(flags: RlFlags): RlOptions {
  const format = (flags.format ?? "transitions") as RlFormat;
  if (!RL_FORMATS.includes(format)) throw new UsageError(`--format must be one of ${RL_FORMATS.join(", ")}`);
  return { format, system: flags.system };
}

/** to-rl as a transform over Dialogue records. */
export function rlTransform(flags: RlFlags, ctx: RunContext): Transform {
  const opts = rlOptions(flags);
  return exportTransform(ctx, (d, sink) => rlRows(d, opts, sink), rlChecks[opts.format], { serialize: flags.serialize === true });
}
