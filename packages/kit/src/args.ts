import { parseArgs } from "node:util";
import { UsageError } from "./errors.js";
import { exitCodeHelp } from "./exit-codes.js";
import { parseShard } from "./shard.js";

export type OptionType = "string" | "boolean" | "int" | "number";

export interface OptionSpec {
  /** Long name without dashes, e.g. "on-error". */
  name: string;
  short?: string;
  type: OptionType;
  description: string;
  /** Shown in help: `--seed N`. */
  placeholder?: string;
  default?: string | number | boolean;
  choices?: readonly string[];
  multiple?: boolean;
  min?: number;
  max?: number;
}

export interface ToolSpec {
  name: string;
  version: string;
  summary: string;
  /** Usage line after the tool's name; default "[options] [FILE ...]". */
  usage?: string;
  /** A paragraph or two: what goes in, what comes out. */
  description?: string;
  options: OptionSpec[];
  examples: Array<{ cmd: string; what: string }>;
  /** "ndjson" tools read records; "none" tools generate from flags only. */
  input: "ndjson" | "none" | "optional";
  /** Which of the common options apply (default: all). */
  common?: Partial<Record<"seed" | "errors" | "shard", boolean>>;
  /** Exit statuses of this tool beyond the common ones, as help lines ("75  …"). */
  exitCodes?: string[];
}

export const commonOptions: OptionSpec[] = [
  { name: "seed", type: "int", placeholder: "N", default: 0, description: "seed for all randomness; each record's stream derives from the seed and its id" },
  { name: "on-error", type: "string", placeholder: "MODE", choices: ["fail", "skip"], default: "fail", description: "fail: report each bad record on stderr and exit non-zero at the end; skip: drop it quietly (counted in the summary and in --errors)" },
  { name: "errors", type: "string", placeholder: "FILE", description: "dead-letter file: each bad or failed record as NDJSON with its source, line number and reason" },
  { name: "max-line-bytes", type: "int", placeholder: "N", default: 16 * 1024 * 1024, min: 1, description: "longest input line accepted; longer lines are reported, not loaded" },
  { name: "max-depth", type: "int", placeholder: "N", default: 512, min: 1, description: "deepest nesting of objects and arrays accepted in a record; deeper records are reported (far above real records, well below what overflows the stack)" },
  { name: "shard", type: "string", placeholder: "I/N", description: "do only the I-th of N parts of the work (I from 0): input line k (non-blank, over all inputs), or generated record k with no input, belongs to part k mod N; the N parts' outputs together are one process's output, record for record" },
  { name: "quiet", short: "q", type: "boolean", description: "print nothing on stderr but errors (no progress, no summary)" },
  { name: "help", short: "h", type: "boolean", description: "show this help and exit" },
  { name: "version", type: "boolean", description: "print the version and exit" },
];

export function allOptions(spec: ToolSpec): OptionSpec[] {
  const common = commonOptions.filter((o) => {
    if (o.name === "seed") return spec.common?.seed !== false;
    if (o.name === "errors" || o.name === "on-error") return spec.common?.errors !== false;
    if (o.name === "max-line-bytes" || o.name === "max-depth") return spec.input !== "none";
    if (o.name === "shard") return spec.common?.shard === true;
    return true;
  });
  return [...spec.options, ...common];
}

export type ParsedValue = string | number | boolean | string[] | number[] | undefined;
export interface ParsedArgs {
  values: Record<string, ParsedValue>;
  positionals: string[];
}

export function parseToolArgs(spec: ToolSpec, argv: string[]): ParsedArgs {
  const options = allOptions(spec);
  const config: Record<string, { type: "string" | "boolean"; short?: string; multiple?: boolean }> = {};
  for (const o of options) {
    config[o.name] = {
      type: o.type === "boolean" ? "boolean" : "string",
      ...(o.short ? { short: o.short } : {}),
      ...(o.multiple ? { multiple: true } : {}),
    };
  }
  let parsed: ReturnType<typeof parseArgs>;
  try {
    parsed = parseArgs({ args: argv, options: config, allowPositionals: true, strict: true });
  } catch (err) {
    throw new UsageError(cleanParseError((err as Error).message));
  }
  const values: Record<string, ParsedValue> = {};
  for (const o of options) {
    const raw = parsed.values[o.name] as string | boolean | string[] | undefined;
    if (raw === undefined) {
      values[o.name] = o.default;
      continue;
    }
    values[o.name] = Array.isArray(raw)
      ? (raw.map((r) => convert(o, r)) as string[] | number[])
      : convert(o, raw);
  }
  if (typeof values.shard === "string") parseShard(values.shard); // a bad I/N is a usage error before any work
  if (spec.input === "none" && parsed.positionals.length > 0) {
    throw new UsageError(`unexpected argument '${parsed.positionals[0]}' (${spec.name} reads no input files)`);
  }
  return { values, positionals: parsed.positionals };
}

function convert(o: OptionSpec, raw: string | boolean): string | number | boolean {
  if (o.type === "boolean" || typeof raw === "boolean") return raw;
  if (o.type === "int" || o.type === "number") {
    const n = Number(raw);
    if (raw.trim() === "" || !Number.isFinite(n) || (o.type === "int" && !Number.isInteger(n))) {
      throw new UsageError(`--${o.name} expects ${o.type === "int" ? "an integer" : "a number"}, got '${raw}'`);
    }
    if (o.min !== undefined && n < o.min) throw new UsageError(`--${o.name} must be at least ${o.min}, got ${n}`);
    if (o.max !== undefined && n > o.max) throw new UsageError(`--${o.name} must be at most ${o.max}, got ${n}`);
    return n;
  }
  if (o.choices && !o.choices.includes(raw)) {
    throw new UsageError(`--${o.name} must be one of ${o.choices.join(", ")}; got '${raw}'`);
  }
  return raw;
}

function cleanParseError(message: string): string {
  // node's messages mention "To specify a positional argument starting with a '-'..."; keep the first sentence.
  const first = message.split(". ")[0] ?? message;
  return first.replace(/^Unknown option '(.+)'$/, "unknown option '$1'");
}

export function formatHelp(spec: ToolSpec): string {
  const lines: string[] = [];
  lines.push(`${spec.name} ${spec.version} — ${spec.summary}`, "");
  lines.push(`Usage: ${spec.name} ${spec.usage ?? (spec.input === "none" ? "[options]" : "[options] [FILE ...]")}`);
  if (spec.input !== "none") lines.push("Reads NDJSON from the FILEs, or from stdin when none is given ('-' is stdin). Writes NDJSON to stdout.");
  if (spec.description) lines.push("", spec.description.trim());
  lines.push("", "Options:", ...optionLines(spec.options));
  lines.push("", "Common options:", ...optionLines(allOptions(spec).filter((o) => !spec.options.includes(o))));
  if (spec.examples.length > 0) {
    lines.push("", "Examples:");
    for (const ex of spec.examples) lines.push(`  # ${ex.what}`, `  ${ex.cmd}`, "");
    lines.pop();
  }
  lines.push("", exitCodeHelp, ...(spec.exitCodes ?? []).map((l) => `  ${l}`), "");
  return lines.join("\n");
}

function optionLines(options: OptionSpec[]): string[] {
  const heads = options.map((o) => {
    const flag = `${o.short ? `-${o.short}, ` : "    "}--${o.name}`;
    return o.type === "boolean" ? flag : `${flag} ${o.placeholder ?? (o.type === "string" ? "VALUE" : "N")}`;
  });
  const width = Math.min(34, Math.max(...heads.map((h) => h.length)) + 2);
  return options.map((o, i) => {
    const head = heads[i]!;
    let text = o.description;
    if (o.choices && !text.includes(o.choices[0]!)) text += ` (${o.choices.join("|")})`;
    if (o.default !== undefined && o.default !== false) text += ` [default: ${o.default}]`;
    if (o.multiple) text += " (repeatable)";
    return head.length + 2 > width ? `  ${head}\n  ${" ".repeat(width)}${text}` : `  ${head.padEnd(width)}${text}`;
  });
}
