import { existsSync, mkdirSync, readdirSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { UsageError } from "@chatmill/kit/cli";
import { addHttpRuns } from "./live-runs.js";
import type { McpTarget } from "./mcp.js";
import { addMcpRuns } from "./mcp-runs.js";
import { buildSkeleton, type ImportedApi } from "./skeleton.js";

/**
 * Writes the skeleton of an imported API as DIR/pack.json and returns that file's path.
 * A folder that already holds files is left alone unless `force`: a pack the user has
 * started filling in must not be overwritten by a second import. With `liveBaseUrl` the tools
 * also call that HTTP API (from-openapi --live); with `mcpServer`, the MCP server they were read from.
 */
export function writePack(api: ImportedApi, dir: string, force = false, liveBaseUrl?: string, mcpServer?: McpTarget): string {
  if (existsSync(dir) && readdirSync(dir).length > 0 && !force) {
    throw new UsageError(`'${dir}' is not empty; pass another --out, or --force to overwrite its pack.json`);
  }
  mkdirSync(dir, { recursive: true });
  const file = join(dir, "pack.json");
  const pack = buildSkeleton(api);
  if (liveBaseUrl !== undefined) addHttpRuns(pack as Parameters<typeof addHttpRuns>[0], liveBaseUrl);
  if (mcpServer !== undefined) addMcpRuns(pack as Parameters<typeof addMcpRuns>[0], mcpServer, dir);
  writeFileSync(file, `${JSON.stringify(pack, null, 2)}\n`);
  return file;
}
