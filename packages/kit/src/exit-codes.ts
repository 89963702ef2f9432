/** Exit statuses shared by every chatmill tool; `--help` of each tool lists them. */
export const ExitCode = {
  ok: 0,
  /** An unexpected error: a bug, or an I/O error that is not about the data. */
  internal: 1,
  /** Bad flags or arguments. */
  usage: 2,
  /** Bad input data: lines that are not JSON objects, or records that fail their schema. */
  badData: 3,
  /** Records that were well-formed but could not be processed (e.g. LLM calls kept failing). */
  failed: 4,
} as const;

export type ExitCode = (typeof ExitCode)[keyof typeof ExitCode];

export const exitCodeHelp = `Exit status:
  0  success (with --on-error skip, also when records were skipped)
  2  bad usage: unknown flag, missing or malformed value
  3  bad input data: some lines were not valid records (see stderr or --errors)
  4  some records could not be processed (see stderr or --errors)
  1  unexpected internal error`;
