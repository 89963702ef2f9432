import { mkdirSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { formatSchemas } from "./format-schemas.js";

/** Writes every format schema as DIR/<name>.schema.json (stable text, so git diffs stay small). */
export function writeFormatSchemas(dir: string): string[] {
  mkdirSync(dir, { recursive: true });
  return formatSchemas.map(([name, s]) => {
    const file = join(dir, `${name}.schema.json`);
    writeFileSync(file, `${JSON.stringify(s, null, 2)}\n`);
    return file;
  });
}

if (process.argv[1] && import.meta.url.endsWith(process.argv[1].replace(/^.*\//, "/"))) {
  const dir = process.argv[2];
  if (!dir) {
    process.stderr.write("usage: node dist/write-format-schemas.js DIR\n");
    process.exit(2);
  }
  for (const f of writeFormatSchemas(dir)) process.stdout.write(`${f}\n`);
}
