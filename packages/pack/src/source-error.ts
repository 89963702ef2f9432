/**
 * An input chatmill-pack cannot use: a document it cannot read or that does not validate, an
 * MCP server that does not start or answer, a pack path that names no pack. The bin prints the
 * message alone (no stack trace) and exits 3, bad input.
 */
export class SourceError extends Error {
  override name = "SourceError";
}
