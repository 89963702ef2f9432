import { mkdirSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { allJsonSchemas } from "./json-schema.js";

/** Writes every record type's JSON Schema into `dir`; returns the file names. */
export function writeJsonSchemas(dir: string): string[] {
  mkdirSync(dir, { recursive: true });
  const files = allJsonSchemas();
  for (const [name, schema] of Object.entries(files)) {
    writeFileSync(join(dir, name), `${JSON.stringify(schema, null, 2)}\n`);
  }
  return Object.keys(files);
}

// Run as a script by the package build: `node dist/write-json-schemas.js dist/json`.
if (process.argv[1] && import.meta.url === new URL(`file://${process.argv[1]}`).href) {
  writeJsonSchemas(process.argv[2] ?? "dist/json");
}
