import { readFileSync } from "node:fs";

/** A chat template shipped in templates/ (beside src/ and dist/). */
export function readTemplate(file: string): string {
  return readFileSync(new URL(`../templates/${file}`, import.meta.url), "utf8");
}
