import { type ExportOptions, ChatTemplate, checkRendering, exportTransform, formatNamed, type RowCheck, type RowMaker, type RowSink, type ToolsAs } from "@chatmill/export";
import { Counters, UsageError, type RunContext, type Transform } from "@chatmill/kit";
import { SFT_FORMATS, type Granularity, type OnMistake, type SftFormat, type SftOptions } from "./formats/index.js";
import { fittingRows, type RowFitter } from "@chatmill/tokens/fit";

export interface SftFlags {
  format?: string;
  granularity?: string | undefined;
  system?: string | undefined;
  /** cut | drop | mask: what a dialogue with an assistant mistake becomes (default: mask where the format weighs messages, else cut). */
  onMistake?: string | undefined;
  /** text | list: how trl rows carry `tools` (default text). */
  toolsAs?: string | undefined;
  /** Chat template files every trl row must render through (without errors or double-encoded arguments). */
  checkTemplates?: string[] | undefined;
  /** Yield rows as kit RawLines of their JSON text (what the CLI writes; see ExportOptions). */
  serialize?: boolean;
  /** --max-tokens: make every row fit, as this fitter counts (see @chatmill/tokens). */
  fitter?: RowFitter | undefined;
  /** A stage between the format's rows and its rules (ExportOptions.rowStage), e.g. fitting rows to a token limit. */
  rowStage?: ExportOptions["rowStage"];
}

const ON_MISTAKE: readonly OnMistake[] = ["cut", "drop", "mask"];

/** Resolves the flags against the format table. */
export function sftOptions(flags: SftFlags): SftOptions & { format: SftFormat } {
  const name = flags.format ?? "openai";
  const format = formatNamed(SFT_FORMATS, name);
  if (!format) throw new UsageError(`--format must be one of ${SFT_FORMATS.map((f) => f.name).join(", ")}`);
  const granularity = (flags.granularity ?? format.granularities[0]!) as Granularity;
  if (!format.granularities.includes(granularity)) {
    throw new UsageError(`--format ${name} has ${format.granularities.join(" or ")} granularity${format.granularities.length === 1 ? ` only; drop --granularity or use --granularity ${format.granularities[0]}` : ""}`);
  }
  const onMistake = (flags.onMistake ?? (granularity === "turn" || format.weights ? "mask" : "cut")) as OnMistake;
  if (!ON_MISTAKE.includes(onMistake)) throw new UsageError(`--on-mistake must be one of ${ON_MISTAKE.join(", ")}`);
  if (onMistake === "mask" && granularity === "conversation" && !format.weights) {
    throw new UsageError(`--format ${name} has no per-message loss weight, so a mistake cannot be masked inside a conversation row: use --on-mistake cut or drop, or --granularity turn`);
  }
  const toolsAs = (flags.toolsAs ?? "text") as ToolsAs;
  if (toolsAs !== "text" && toolsAs !== "list") throw new UsageError("--tools-as must be text or list");
  return { format, granularity, system: flags.system, onMistake, toolsAs };
}

/** to-sft as a transform over Dialogue records. */
export function sftTransform(flags: SftFlags, ctx: RunContext): Transform {
  const opts = sftOptions(flags);
  const f = opts.format;
  const note = (name: string, by = 1) => Counters.bump(ctx.counters.notes, name, by);
  const check = withTemplates(f.check, f.name, flags.checkTemplates ?? [], note);
  const rows: RowMaker = (d, sink: RowSink) => f.rows(d, opts, sink);
  // --max-tokens: a conversation is cut at its end, a per-turn row loses its oldest turns.
  const make = flags.fitter ? fittingRows(rows, flags.fitter, opts.granularity === "turn" ? "history" : "end", (r) => check(r) === undefined) : rows;
  return exportTransform(ctx, make, check, {
    serialize: flags.serialize === true,
    rowStage: flags.rowStage,
    shared: f.shared !== false,
  });
}

/**
 * Adds "renders through each template" to a format's rules (trl rows only), and counts per
 * template the assistant text beside a tool call that the template leaves out.
 */
export function withTemplates(check: RowCheck, format: string, files: string[], note: (name: string, by?: number) => void = () => {}): RowCheck {
  if (files.length === 0) return check;
  if (format !== "trl") throw new UsageError("--check-template renders trl rows; use it with --format trl");
  const templates = files.map((f) => {
    try {
      return ChatTemplate.fromFile(f);
    } catch (err) {
      throw new UsageError(`cannot use chat template '${f}': ${(err as Error).message}`);
    }
  });
  const label = (t: ChatTemplate) => `call text dropped by ${t.name.replace(/^.*[\\/]/, "")}`;
  return (row) => {
    const bad = check(row);
    if (bad) return bad;
    for (const t of templates) {
      const r = checkRendering(t, row as Record<string, unknown>, (n) => note(label(t), n));
      if (r) return r;
    }
    return undefined;
  };
}
