import { readFileSync } from "node:fs";

/** The version in the package.json next to a module's `dist/` (pass `import.meta.url`). */
export function readPackageVersion(moduleUrl: string): string {
  const pkg = JSON.parse(readFileSync(new URL("../package.json", moduleUrl), "utf8")) as { version?: string };
  return pkg.version ?? "0.0.0";
}
