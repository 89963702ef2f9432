import { formatHelp, parseToolArgs, type ParsedArgs, type ToolSpec } from "./args.js";
import type { RunContext } from "./context.js";
import { UsageError, errorMessage } from "./errors.js";
import { ConfigError, ExitCode, ResumeLater } from "./exit-codes.js";
import type { InputRecord } from "./input-record.js";
import { whenWritten } from "./write-ndjson.js";

/** A tool's record transform: input records in, output records (objects or RawLine) out. */
export type Transform = ((input: AsyncIterable<InputRecord>, ctx: RunContext) => AsyncIterable<unknown>) & {
  /** The same work, when it is synchronous record by record (see SyncTransform). */
  sync?: SyncTransform;
};

/**
 * A transform whose work per record is synchronous and one record in gives at most one
 * out may offer it this way too: the frame then calls `record` for each record of a
 * chunk in a plain loop, without the promises an async iterator costs per record
 * (which dominate on small records). Its output must be the generator's, record for record.
 */
export interface SyncTransform {
  /** The output for one record, or undefined when there is none (refused, dropped). */
  record(rec: InputRecord): unknown;
  /** After the last record. */
  end?(): void;
}

/**
 * Builds the transform from the parsed flags. It is loaded only after the flags
 * are parsed, so `--help` and usage errors never pay for the tool's imports.
 * Throw UsageError for a bad combination of flags.
 */
export type LoadTransform = (args: ParsedArgs, ctx: RunContext) => Promise<Transform>;

/**
 * Runs a tool as a command: flags, stdin/files, stdout, stderr, exit status. Never returns.
 * This module stays small: `--help`, `--version` and usage errors answer before the
 * streaming machinery (and the tool's own imports) are loaded.
 */
export async function runCli(spec: ToolSpec, load: LoadTransform, argv = process.argv.slice(2)): Promise<never> {
  let args: ParsedArgs;
  try {
    args = parseToolArgs(spec, argv);
  } catch (err) {
    return usageExit(spec, err);
  }
  if (args.values.help) {
    process.stdout.write(formatHelp(spec));
    return exit(ExitCode.ok);
  }
  if (args.values.version) {
    process.stdout.write(`${spec.name} ${spec.version}\n`);
    return exit(ExitCode.ok);
  }
  try {
    const { runTool } = await import("./run-tool.js");
    return exit(await runTool(spec, args, load));
  } catch (err) {
    if (err instanceof UsageError) return usageExit(spec, err);
    if (err instanceof ResumeLater) {
      process.stderr.write(`${spec.name}: ${err.message}\n`);
      return exit(ExitCode.resumeLater);
    }
    if (err instanceof ConfigError) {
      process.stderr.write(`${spec.name}: ${err.message}\n`);
      return exit(ExitCode.config);
    }
    process.stderr.write(`${spec.name}: error: ${errorMessage(err)}\n`);
    if (process.env.CHATMILL_DEBUG && err instanceof Error && err.stack) process.stderr.write(`${err.stack}\n`);
    return exit(ExitCode.internal);
  }
}

function usageExit(spec: ToolSpec, err: unknown): never {
  process.stderr.write(`${spec.name}: ${errorMessage(err)}\nTry '${spec.name} --help' for the options and examples.\n`);
  return exit(ExitCode.usage);
}

function exit(code: number): never {
  // Let pending stdout writes (pipes may be async) finish before exiting.
  process.exitCode = code;
  void whenWritten(process.stdout).then(() => process.exit(code));
  return undefined as never;
}
