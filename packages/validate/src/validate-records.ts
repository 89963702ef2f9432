import { IdSet, RawLine, UsageError, type InputRecord, type RunContext, type Transform } from "@chatmill/kit";
import { detectRecordType } from "@chatmill/schema/detect";
import { recordTypeCheck, schemaFileCheck, type Check } from "./validator.js";

export interface ValidateOptions {
  /** A record type, or "auto" to detect each record's type from its shape. */
  type?: string;
  /** Check against this JSON Schema file instead. */
  schemaFile?: string | undefined;
  /** Report counts by kind of failure through ctx.info at the end. */
  report?: boolean;
  /** Refuse a record whose id an earlier record already had. */
  uniqueIds?: boolean;
}

/**
 * validate as a transform: valid records come out as their original line, with its
 * line end ("\n" or "\r\n") and the BOM of the first line, so the output is
 * byte-identical to the input less the refused and blank lines (a missing final
 * newline is added); invalid ones are rejected through the context with their JSON path.
 */
export function validateTransform(opts: ValidateOptions, ctx: RunContext): Transform {
  const check = recordChecker(opts, ctx);
  const transform: Transform = async function* validate(input: AsyncIterable<InputRecord>) {
    for await (const rec of input) {
      const out = check.record(rec);
      if (out) yield out;
    }
    check.end();
  };
  // The frame runs this one record by record without a promise each (small records).
  transform.sync = check;
  return transform;
}

/** The per-record check, synchronous: the line to write, or undefined when the record was refused. */
export function recordChecker(opts: ValidateOptions, ctx: RunContext): { record(rec: InputRecord): RawLine | undefined; end(): void } {
  if (opts.schemaFile && opts.type && opts.type !== "auto") throw new UsageError("give --type or --schema, not both");
  const fixed = opts.schemaFile ? schemaFileCheck(opts.schemaFile) : opts.type && opts.type !== "auto" ? recordTypeCheck(opts.type) : undefined;
  const byType = new Map<string, Check>();
  const kinds = new Map<string, number>();
  const ids = opts.uniqueIds ? new IdSet() : undefined;
  let started = false;

  const checkerFor = (value: Record<string, unknown>): Check | undefined => {
    if (fixed) return fixed;
    const type = detectRecordType(value);
    if (!type) return undefined;
    let check = byType.get(type);
    if (!check) byType.set(type, (check = recordTypeCheck(type)));
    return check;
  };

  return {
    record(rec) {
      const id = rec.value.id;
      const fresh = !ids || (typeof id !== "string" && typeof id !== "number") || ids.add(String(id));
      const check = checkerFor(rec.value);
      const issue = check
        ? check(rec.value)
        : { path: "", message: "cannot tell the record type from its fields; pass --type or --schema", kind: "unknown type" };
      if (issue) {
        kinds.set(issue.kind, (kinds.get(issue.kind) ?? 0) + 1);
        ctx.reject(rec, issue.message, "invalid_record", issue.path);
        return undefined;
      }
      if (!fresh) {
        ctx.reject(rec, `id ${JSON.stringify(String(id))} was already used by an earlier record (--unique-ids)`, "duplicate_id", "/id");
        return undefined;
      }
      // A BOM only at the very start of the output: in the middle it would break the next reader.
      const text = rec.bom && !started ? `\uFEFF${rec.raw}` : rec.raw;
      started = true;
      return new RawLine(text, rec.lineEnd === "\r\n" ? "\r\n" : "\n");
    },
    end() {
      if (opts.report) ctx.info(formatReport(kinds));
    },
  };
}

export function formatReport(kinds: Map<string, number>): string {
  if (kinds.size === 0) return "validate report: every record is valid";
  const rows = [...kinds].sort((a, b) => b[1] - a[1]);
  const width = String(rows[0]![1]).length;
  return ["validate report: invalid records by failed check", ...rows.map(([k, n]) => `  ${String(n).padStart(width)}  ${k}`)].join("\n");
}
