/** A mistake in the command line: reported with a hint and exit status 2. */
export class UsageError extends Error {
  override name = "UsageError";
}

/**
 * Thrown by a record-level function when a record is not usable as input.
 * The frame sends it to the dead-letter file with the line number and carries on.
 */
export class RecordError extends Error {
  override name = "RecordError";
  constructor(
    message: string,
    /** A short machine-readable reason, counted in the summary (e.g. "invalid_record"). */
    readonly kind: string = "invalid_record",
    /** JSON pointer of the offending field, when known. */
    readonly path?: string,
  ) {
    super(message);
  }
}

export function errorMessage(err: unknown): string {
  return err instanceof Error ? err.message : String(err);
}
