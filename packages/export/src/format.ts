import type { Dialogue } from "./types.js";
import type { RowSink } from "./emit.js";
import type { RowCheck } from "./rules/issue.js";

/**
 * One output format of an exporter: its row maker and its rules, in one module. Each
 * exporter lists its formats in one array (to-sft/src/formats/index.ts, …) that --help,
 * the flag's choices, the docs and the tests read, so a new format is one file and one line.
 */
export interface ExportFormat<O> {
  name: string;
  /** The row's shape and its target, for --help (the first line is the summary; more lines may follow). */
  help: string;
  /** The target's rules: a row that breaks one is dead-lettered, never written. */
  check: RowCheck;
  rows(d: Dialogue, opts: O, sink: RowSink): Iterable<unknown>;
  /** The rows of a dialogue share objects (prefixes, tools), so serialising shared parts once pays (RowSerializer). Default true. */
  shared?: boolean;
}

/** The formats' help lines, aligned, for a tool's --help description. */
export function formatsHelp(formats: ReadonlyArray<{ name: string; help: string }>): string {
  const width = Math.max(...formats.map((f) => f.name.length)) + 2;
  return formats
    .map((f) => {
      const [first, ...rest] = f.help.split("\n");
      return [`  ${f.name.padEnd(width)}${first}`, ...rest.map((l) => `  ${" ".repeat(width)}${l}`)].join("\n");
    })
    .join("\n");
}

/** The format named `name`, or undefined (the caller reports the usage error with the names). */
export function formatNamed<F extends { name: string }>(formats: readonly F[], name: string): F | undefined {
  return formats.find((f) => f.name === name);
}
