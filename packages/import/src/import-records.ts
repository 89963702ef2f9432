import { RecordError, stableId, type RunContext } from "@chatmill/kit";
import { Dialogue } from "@chatmill/schema";
import { convertFrames } from "./convert-frames.js";
import { convertGlaiveText } from "./convert-glaive-text.js";
import { convertTurns, type Converted } from "./convert-turns.js";
import { DATASETS, FORMAT_SHAPES, detectFormat, type Format } from "./detect-format.js";
import type { ServiceTools } from "./frames-schema.js";
import type { SourceItem } from "./read-sources.js";
import { isObj, type Obj } from "./shape.js";
import { importTauTask, type TauFormat, type TauPackInfo } from "./tau-tasks.js";

export interface ImportOptions {
  /** A format, or "auto" to detect each record's format from its fields; tau-bench and tau2 task lists become Scenarios (never detected: name them). */
  from: Format | "auto" | TauFormat;
  /** For tau-bench / tau2: the pack each task's tau domain is for (tauPackInfo). */
  tauPack?: (tauDomain: string) => TauPackInfo;
  /** source.dataset for records that do not name one (default: the format's dataset). */
  dataset?: string;
  /** source.license for records that do not name one. */
  license?: string;
  /** Tools by service from an SGD / MultiWOZ schema.json. */
  schemaTools?: ServiceTools;
  /** Check each record against the Dialogue schema (on by default). */
  check?: boolean;
}

/** Converts one source record into a Dialogue record; throws RecordError naming the field when it cannot. */
export function importRecord(value: unknown, opts: ImportOptions, ctx: Pick<RunContext, "tool" | "version">): Obj {
  if (opts.from === "tau-bench" || opts.from === "tau2") {
    if (!opts.tauPack) throw new Error("importRecord: --from tau-bench|tau2 needs opts.tauPack (tauPackInfo())");
    return importTauTask(value, opts.from, { pack: opts.tauPack }, ctx);
  }
  const format = opts.from === "auto" ? detectFormat(value) : opts.from;
  if (!format) {
    throw new RecordError(
      "cannot tell the record's format: expected 'messages', 'conversations' or 'conversation' (a list of turns), 'dialogue_id' with 'turns' (MultiWOZ/SGD), or an array of turns; or pass --from (tau-bench and tau2 task lists: --from tau-bench|tau2)",
      "unknown_shape",
      "",
    );
  }
  const converted = convert(format, value, opts);
  const info = DATASETS[format];
  const { source: ownSource, meta: ownMeta, ...rest } = converted.rest;
  const src: Obj = isObj(ownSource) ? { ...ownSource } : {};
  if (src.dataset === undefined) src.dataset = opts.dataset ?? info.dataset;
  if (src.id === undefined && converted.sourceId !== undefined) src.id = converted.sourceId;
  const license = opts.license ?? info.license;
  if (src.license === undefined && license !== undefined) src.license = license;
  const id = recordId(format, value, converted);
  const record: Obj = {
    id,
    ...rest,
    source: src,
    tools: converted.tools,
    messages: converted.messages,
    meta: { ...(isObj(ownMeta) ? ownMeta : {}), engine: "import", tool: ctx.tool, version: ctx.version, from: format },
  };
  if (opts.check !== false) checkDialogue(record);
  return record;
}

function convert(format: Format, value: unknown, opts: ImportOptions): Converted {
  try {
    if (format === "multiwoz" || format === "sgd") return convertFrames(value, opts.schemaTools);
    // glaive comes as ShareGPT rows (LLaMA-Factory's conversion) or as glaive's own system/chat text.
    if (format === "glaive" && isObj(value) && typeof value.chat === "string" && !Array.isArray(value.conversations)) return convertGlaiveText(value);
    return convertTurns(value);
  } catch (err) {
    if (err instanceof RecordError && opts.from !== "auto") {
      throw new RecordError(`${err.message} (--from ${format} expects ${FORMAT_SHAPES[format]})`, err.kind, err.path);
    }
    throw err;
  }
}

/**
 * The source's own id when it has one (MultiWOZ/SGD ids get the dataset as prefix,
 * since each corpus numbers its dialogues its own way), else a hash of the content.
 */
function recordId(format: Format, value: unknown, c: Converted): string {
  const prefix = DATASETS[format].prefix;
  if (c.sourceId !== undefined) {
    return format === "multiwoz" || format === "sgd" ? `${prefix}-${c.sourceId.replace(/\.json$/, "")}` : c.sourceId;
  }
  return stableId(prefix, JSON.stringify(value));
}

function checkDialogue(record: Obj): void {
  const result = Dialogue.safeParse(record);
  if (result.success) return;
  const issue = result.error.issues[0]!;
  const path = `/${issue.path.map(String).join("/")}`;
  throw new RecordError(`the imported record is not a valid Dialogue: ${issue.message}`, "invalid_dialogue", path);
}

/** The import transform over source items: each becomes a Dialogue or is rejected with its line and field. */
export async function* importItems(items: AsyncIterable<SourceItem>, opts: ImportOptions, ctx: RunContext): AsyncGenerator<Obj> {
  const tau = opts.from === "tau-bench" || opts.from === "tau2";
  for await (const item of items) {
    // A task list on one line (a compact JSON array, as json.dump writes it) is its tasks, one by one.
    const values = tau && Array.isArray(item.value) ? item.value : [item.value];
    for (const [i, value] of values.entries()) {
      try {
        yield importRecord(value, opts, ctx);
      } catch (err) {
        if (!(err instanceof RecordError)) throw err;
        ctx.reject(item, err.message, err.kind, values === item.value ? `/${i}${err.path}` : err.path);
      }
    }
  }
}
