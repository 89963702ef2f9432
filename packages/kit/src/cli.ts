// The light entry point for a tool's bin and spec: only what `--help` needs, so it
// answers before the streaming machinery and the tool's own imports are loaded.
export { formatHelp, parseToolArgs } from "./args.js";
export type { OptionSpec, OptionType, ParsedArgs, ParsedValue, ToolSpec } from "./args.js";
export type { RunContext } from "./context.js";
export { RecordError, UsageError, errorMessage } from "./errors.js";
export { ConfigError, ExitCode, ResumeLater, exitCodeHelp } from "./exit-codes.js";
export { runCli } from "./run-cli.js";
export type { LoadTransform, SyncTransform, Transform } from "./run-cli.js";
export { readPackageVersion } from "./version.js";
