// docs/tools.md is generated from the built tools' real `--help` (as Miller does), so the
// reference cannot drift from the code; test/docs.test.ts fails when it is stale.
// Run: pnpm build && npx tsx scripts/tool-docs.ts
import { execFileSync } from "node:child_process";
import { existsSync, readdirSync, writeFileSync } from "node:fs";
import { fileURLToPath } from "node:url";

const root = fileURLToPath(new URL("../", import.meta.url));

/** Every tool bin of the workspace: [tool name, path of its bin shim]. */
export function toolBins(): Array<[string, string]> {
  const out: Array<[string, string]> = [];
  for (const pkg of readdirSync(`${root}packages`).sort()) {
    const dir = `${root}packages/${pkg}/bin`;
    if (!existsSync(dir)) continue;
    for (const file of readdirSync(dir).sort()) if (file.endsWith(".js")) out.push([file.slice(0, -3), `${dir}/${file}`]);
  }
  return out;
}

export function renderToolDocs(): string {
  const parts = [
    "# Tool reference",
    "",
    "Generated from each tool's `--help` by `npx tsx scripts/tool-docs.ts`; do not edit by hand.",
    "",
  ];
  for (const [tool, bin] of toolBins()) {
    const help = execFileSync(process.execPath, [bin, "--help"], { encoding: "utf8" }).replace(/^(\S+) \d+\.\d+\.\d+\S* — /, "$1 — ");
    parts.push(`## ${tool}`, "", "```text", help.trimEnd(), "```", "");
  }
  return parts.join("\n");
}

if (process.argv[1] && fileURLToPath(import.meta.url) === process.argv[1]) {
  writeFileSync(`${root}docs/tools.md`, renderToolDocs());
  console.error(`wrote docs/tools.md (${toolBins().length} tools)`);
}
