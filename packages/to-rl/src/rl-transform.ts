import { type ExportOptions, exportTransform, formatNamed, type RowMaker, type ToolsAs } from "@chatmill/export";
import { fittingRows, type RowFitter } from "@chatmill/tokens/fit";
import { UsageError, type RunContext, type Transform } from "@chatmill/kit";
import { RL_FORMATS, type RlFormat, type RlOptions } from "./formats/index.js";

export interface RlFlags {
  format?: string;
  system?: string | undefined;
  /** text | list: how trl-grpo rows carry `tools` (default text). */
  toolsAs?: string | undefined;
  /** Yield rows as kit RawLines of their JSON text (what the CLI writes; see ExportOptions). */
  serialize?: boolean;
  /** --max-tokens: make every row fit, as this fitter counts (see @chatmill/tokens). */
  fitter?: RowFitter | undefined;
  /** A stage between the format's rows and its rules (ExportOptions.rowStage), e.g. fitting rows to a token limit. */
  rowStage?: ExportOptions["rowStage"];
}

export function rlOptions(flags: RlFlags): RlOptions & { format: RlFormat } {
  const name = flags.format ?? "transitions";
  const format = formatNamed(RL_FORMATS, name);
  if (!format) throw new UsageError(`--format must be one of ${RL_FORMATS.map((f) => f.name).join(", ")}`);
  const toolsAs = (flags.toolsAs ?? "text") as ToolsAs;
  if (toolsAs !== "text" && toolsAs !== "list") throw new UsageError("--tools-as must be text or list");
  return { format, system: flags.system, toolsAs };
}

/** to-rl as a transform over Dialogue records. */
export function rlTransform(flags: RlFlags, ctx: RunContext): Transform {
  const opts = rlOptions(flags);
  const f = opts.format;
  const rows: RowMaker = (d, sink) => f.rows(d, opts, sink);
  // --max-tokens: prompts and states lose their oldest turns; an episode over the limit is dead-lettered, never cut.
  const make = flags.fitter ? fittingRows(rows, flags.fitter, "history", (r) => f.check(r) === undefined) : rows;
  return exportTransform(ctx, make, f.check, { serialize: flags.serialize === true, rowStage: flags.rowStage, shared: f.shared !== false });
}
