import { ChatTemplate, checkRendering, exportTransform, type RowCheck, type RowMaker } from "@chatmill/export";
import { UsageError, type RunContext, type Transform } from "@chatmill/kit";
import { fittingRows, type RowFitter } from "@chatmill/tokens/fit";
import { SFT_FORMATS, sftChecks, sftRows, type Granularity, type SftFormat, type SftOptions } from "./sft-rows.js";

export interface SftFlags {
  format?: string;
  granularity?: string | undefined;
  system?: string | undefined;
  /** Chat template files every trl row must render through (without errors or double-encoded arguments). */
  checkTemplates?: string[] | undefined;
  /** Yield rows as kit RawLines of their JSON text (what the CLI writes; see ExportOptions). */
  serialize?: boolean;
  /** --max-tokens: make every row fit, as this fitter counts (see @chatmill/tokens). */
  fitter?: RowFitter | undefined;
}

/** Resolves the flags: muse rows are turn-level by definition; the others default to conversation. */
export function sftOptions(flags: SftFlags): SftOptions {
  const format = (flags.format ?? "openai") as SftFormat;
  if (!SFT_FORMATS.includes(format)) throw new UsageError(`--format must be one of ${SFT_FORMATS.join(", ")}`);
  if (format === "muse" && flags.granularity === "conversation") {
    throw new UsageError("--format muse is turn-level (one row per assistant reply); drop --granularity or use --granularity turn");
  }
  const granularity = (flags.granularity ?? (format === "muse" ? "turn" : "conversation")) as Granularity;
  return { format, granularity, system: flags.system };
}

/** to-sft as a transform over Dialogue records. */
export function sftTransform(flags: SftFlags, ctx: RunContext): Transform {
  const opts = sftOptions(flags);
  const check = withTemplates(sftChecks[opts.format], opts.format, flags.checkTemplates ?? []);
  const rows: RowMaker = (d, sink) => sftRows(d, opts, sink);
  // --max-tokens: a conversation is cut at its end, a per-turn row loses its oldest turns.
  const make = flags.fitter ? fittingRows(rows, flags.fitter, opts.granularity === "turn" ? "history" : "end", (r) => check(r) === undefined) : rows;
  return exportTransform(ctx, make, check, {
    serialize: flags.serialize === true,
    // MUSe rows share no objects (each has its own context lines).
    shared: opts.format !== "muse",
  });
}

/** Adds "renders through each template" to a format's rules (trl rows only). */
export function withTemplates(check: RowCheck, format: SftFormat, files: string[]): RowCheck {
  if (files.length === 0) return check;
  if (format !== "trl") throw new UsageError("--check-template renders trl rows; use it with --format trl");
  const templates = files.map((f) => {
    try {
      return ChatTemplate.fromFile(f);
    } catch (err) {
      throw new UsageError(`cannot use chat template '${f}': ${(err as Error).message}`);
    }
  });
  return (row) => check(row) ?? first(templates, (t) => checkRendering(t, row as Record<string, unknown>));
}

function first<T, R>(items: T[], f: (t: T) => R | undefined): R | undefined {
  for (const t of items) {
    const r = f(t);
    if (r !== undefined) return r;
  }
  return undefined;
}
