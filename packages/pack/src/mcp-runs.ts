import { relative } from "node:path";
import { UsageError } from "@chatmill/kit/cli";
import type { McpTarget } from "./mcp.js";

type PackJson = Record<string, unknown> & { name: string; tools: Array<Record<string, unknown>> };

/**
 * from-mcp: every tool's run gets an `mcp` block calling the server's tool of the same source
 * (`source.mcp.tool`), and the pack's live.mcp names the server the tools were read from: the
 * command and its arguments, started in the directory from-mcp ran in (written relative to the
 * pack, so the pair can move together), or the URL. The declarative part of each run stays for
 * the engines to plan with; `dialogue-sim --backend live|record|replay` sends the calls.
 */
export function addMcpRuns(pack: PackJson, target: McpTarget, packDir: string, cwd = process.cwd()): void {
  const server = pack.name;
  let spec: Record<string, unknown>;
  if ("url" in target) {
    const url = new URL(target.url);
    if (url.username || url.password) throw new UsageError("put no credentials in the MCP server's URL (they would be written in the pack); send them as a header from an environment variable, see the pack's live.mcp headers");
    spec = { url: target.url };
  } else {
    spec = { command: target.command, ...(target.args.length > 0 ? { args: target.args } : {}), cwd: relative(packDir, cwd) || "." };
  }
  for (const tool of pack.tools) {
    const src = (tool.source as { mcp?: { tool?: string } } | undefined)?.mcp;
    if (!src?.tool) continue;
    (tool.run as Record<string, unknown>).mcp = { server, tool: src.tool };
    const inferred = tool.inferred as Record<string, string> | undefined;
    if (inferred) inferred.run = `calls ${src.tool} on the MCP server '${server}' (run.mcp, live.mcp.${server}); the declarative part (op ${(tool.run as { op: string }).op} over '${String((tool.run as { table?: string }).table)}') is what the engines plan with: fill the table with rows like the server's`;
  }
  pack.live = { mcp: { [server]: spec } };
}
