import { readFileSync } from "node:fs";
import { Context, fromValues, type RawLine, type RunContext, type Transform } from "@chatmill/kit";

/** The records of NDJSON files, parsed. */
export function ndjsonValues(files: readonly string[]): object[] {
  return files.flatMap((f) => readFileSync(f, "utf8").split("\n").filter(Boolean)).map((l) => JSON.parse(l) as object);
}

/**
 * Each row an exporter yields, as text: with `serialize`, the RawLine's own text; without,
 * JSON.stringify of the row object (the two modes must agree).
 */
export async function rowTexts<F extends { serialize?: boolean }>(make: (flags: F, ctx: RunContext) => Transform, flags: F, values: readonly object[]): Promise<string[]> {
  const ctx = new Context();
  const out: string[] = [];
  for await (const row of make(flags, ctx)(fromValues([...values]), ctx)) out.push(flags.serialize ? (row as RawLine).text : JSON.stringify(row));
  return out;
}
