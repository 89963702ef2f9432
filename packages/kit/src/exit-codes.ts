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
  /** The settings cannot work: a key the server refuses, an unknown model, an endpoint that cannot be reached. */
  config: 5,
  /** The run stopped where it resumes from, waiting for work done outside it (sysexits' EX_TEMPFAIL): run it again later. */
  resumeLater: 75,
} as const;

export type ExitCode = (typeof ExitCode)[keyof typeof ExitCode];

/**
 * A failure no record can get past because of how the tool is set up, not because of the
 * data or a bug: the server refuses the API key (401/403), does not know the model (404),
 * cannot be reached at all. The CLI frame prints the message (which says what to check)
 * and exits with status 5, so a script can tell "fix the settings" from a crash (1).
 */
export class ConfigError extends Error {
  override name = "ConfigError";
}

/**
 * The run stopped at a point it resumes from, because it waits for work done outside it
 * (llm-map --batch-dir: a round's requests answered by the user's own batch runner). The
 * frame prints the message, which says what to do, and exits 75 (EX_TEMPFAIL), so a
 * script can loop until the status is 0.
 */
export class ResumeLater extends Error {
  override name = "ResumeLater";
}

export const exitCodeHelp = `Exit status:
  0  success (with --on-error skip, also when records were skipped)
  2  bad usage: unknown flag, missing or malformed value
  3  bad input data: some lines were not valid records (see stderr or --errors)
  4  some records could not be processed (see stderr or --errors)
  5  configuration or authentication failure: API key refused or missing, unknown
     model, endpoint unreachable (the message says which of OPENAI_API_KEY,
     --base-url or --model to check)
  1  unexpected internal error`;
