import { relative } from "node:path";
import { ExitCode } from "@chatmill/kit/cli";
import { runCalls } from "./call.js";
import { checkPack, formatFinding } from "./check.js";
import { describeMcp, listMcpTools, type McpTarget } from "./mcp.js";
import { importOpenApi } from "./openapi.js";
import type { ImportedApi } from "./skeleton.js";
import { writePack } from "./write-pack.js";

type Source = { openapi: string } | { mcp: McpTarget; timeoutMs: number };
interface ImportOptions {
  out: string | undefined;
  force: boolean;
  info: (line: string) => void;
  version: string;
  /** from-openapi --live BASE_URL: tools call the API there (run.http). */
  live?: string | undefined;
}

/** What a stdio target or a URL is called in the pack's `source` (a URL without its credentials or query). */
function mcpSourceName(t: McpTarget): string {
  if ("command" in t) return [t.command, ...t.args].join(" ");
  const u = new URL(t.url);
  return `${u.protocol}//${u.host}${u.pathname}`;
}

/** from-openapi / from-mcp: reads the source, writes DIR/pack.json, prints its path. Throws SourceError or UsageError. */
export async function runImport(source: Source, opts: ImportOptions): Promise<number> {
  let api: ImportedApi;
  if ("openapi" in source) api = await importOpenApi(source.openapi);
  else api = describeMcp(await listMcpTools(source.mcp, source.timeoutMs, opts.version), mcpSourceName(source.mcp));
  const dir = opts.out ?? api.name;
  const file = writePack(api, dir, opts.force, opts.live, "mcp" in source ? source.mcp : undefined);
  process.stdout.write(`${file}\n`);
  const roles = ["search", "lookup", "act"].map((r) => [r, api.tools.filter((t) => t.role === r).length] as const).filter(([, n]) => n > 0);
  const services = new Set(api.tools.map((t) => t.service)).size;
  opts.info(
    `wrote ${file}: ${api.tools.length} tool${api.tools.length === 1 ? "" : "s"} (${roles.map(([r, n]) => `${n} ${r}`).join(", ")}), ${services} service${services === 1 ? "" : "s"}; ` +
      `roles, changes, services and categories are inferred: run 'chatmill-pack check ${relative(process.cwd(), dir) || "."}' for what to confirm and fill in`,
  );
  return ExitCode.ok;
}

/** check: findings on stdout; a pack that cannot load throws its PackError (exit 3 in the bin). */
export function runCheck(pack: string, json: boolean, info: (line: string) => void): number {
  const { domain, findings } = checkPack(pack);
  for (const f of findings) process.stdout.write(`${json ? JSON.stringify(f) : formatFinding(f)}\n`);
  info(`${domain.file} loads (${domain.pack.tools.length} tool${domain.pack.tools.length === 1 ? "" : "s"}, ${domain.pack.services.length} service${domain.pack.services.length === 1 ? "" : "s"}); ${findings.length} finding${findings.length === 1 ? "" : "s"}`);
  return ExitCode.ok;
}

/**
 * call: each call (NDJSON lines, or one TOOL and its JSON arguments) run in order on one session
 * of the pack; one line of {name, arguments, ok, result} each on stdout. A line that is not a
 * call is reported by line number and skipped (exit 3 at the end).
 */
export function runCall(pack: string, lines: readonly string[], say: (line: string) => void, info: (line: string) => void): number {
  const { results, problems } = runCalls(pack, lines);
  for (const r of results) process.stdout.write(`${JSON.stringify(r)}\n`);
  for (const p of problems) say(`line ${p.line}: ${p.message}`);
  const failed = results.filter((r) => !r.ok).length;
  info(`${results.length} call${results.length === 1 ? "" : "s"} run, ${failed} answered with an error${problems.length > 0 ? `; ${problems.length} line${problems.length === 1 ? "" : "s"} not a call` : ""}`);
  return problems.length > 0 ? ExitCode.badData : ExitCode.ok;
}
