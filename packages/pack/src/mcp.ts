import { Client } from "@modelcontextprotocol/sdk/client/index.js";
import { StdioClientTransport } from "@modelcontextprotocol/sdk/client/stdio.js";
import { StreamableHTTPClientTransport } from "@modelcontextprotocol/sdk/client/streamableHttp.js";
import type { Transport } from "@modelcontextprotocol/sdk/shared/transport.js";
import { SourceError } from "./source-error.js";
import { cleanSchema, isList } from "./schema-tools.js";
import { slug, toolName, uniqueNames, type ImportedApi, type ImportedTool, type JsonSchema } from "./skeleton.js";

/** Where the MCP server is: a command to start (stdio) or a URL (streamable HTTP). */
export type McpTarget = { command: string; args: string[] } | { url: string };

/** An MCP tool as `tools/list` gives it. */
export interface McpTool {
  name: string;
  title?: string;
  description?: string;
  inputSchema: JsonSchema;
  outputSchema?: JsonSchema;
  annotations?: { title?: string; readOnlyHint?: boolean; destructiveHint?: boolean; idempotentHint?: boolean; openWorldHint?: boolean };
}

export interface McpListing {
  server: { name: string; version: string };
  tools: McpTool[];
}

function describeTarget(t: McpTarget): string {
  return "url" in t ? t.url : [t.command, ...t.args].join(" ");
}

/**
 * Connects to an MCP server with the official SDK and lists its tools (every page). A server
 * that does not start, closes, or does not answer within `timeoutMs` is a SourceError with the
 * reason (and what a stdio server wrote on stderr). The server is stopped before returning.
 */
export async function listMcpTools(target: McpTarget, timeoutMs: number, version = "0.0.0"): Promise<McpListing> {
  const what = describeTarget(target);
  let stderr = "";
  let transport: Transport;
  if ("url" in target) {
    let url: URL;
    try {
      url = new URL(target.url);
    } catch {
      throw new SourceError(`'${target.url}' is not a URL`);
    }
    transport = new StreamableHTTPClientTransport(url);
  } else {
    const stdio = new StdioClientTransport({ command: target.command, args: target.args, stderr: "pipe" });
    stdio.stderr?.on("data", (chunk: Buffer) => {
      if (stderr.length < 2000) stderr += chunk.toString("utf8");
    });
    transport = stdio;
  }
  const client = new Client({ name: "chatmill-pack", version });
  let closed = false;
  let timer: NodeJS.Timeout | undefined;
  // The SDK's own timeout covers requests; a server that never completes the handshake is cut here too.
  const giveUp = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(new SourceError(`the MCP server ${what} did not answer within ${timeoutMs / 1000} s`)), timeoutMs);
    // A stdio server that exits ends the wait at once; over HTTP the failed request says why.
    if (!("url" in target)) {
      transport.onclose = () => {
        closed = true;
        reject(new SourceError(`the MCP server ${what} closed the connection before listing its tools`));
      };
    }
  });
  giveUp.catch(() => {});
  try {
    const work = (async () => {
      await client.connect(transport, { timeout: timeoutMs });
      const tools: McpTool[] = [];
      let cursor: string | undefined;
      do {
        const page = await client.listTools(cursor ? { cursor } : undefined, { timeout: timeoutMs });
        tools.push(...(page.tools as McpTool[]));
        cursor = page.nextCursor;
      } while (cursor);
      const info = client.getServerVersion();
      return { server: { name: info?.name ?? "mcp", version: info?.version ?? "" }, tools };
    })();
    return await Promise.race([work, giveUp]);
  } catch (err) {
    if (err instanceof SourceError) throw withStderr(err, stderr);
    throw withStderr(new SourceError(`the MCP server ${what} could not be reached: ${reason(err)}`), stderr);
  } finally {
    clearTimeout(timer);
    if (!closed) await client.close().catch(() => {});
  }
}

function reason(err: unknown): string {
  const e = err as NodeJS.ErrnoException;
  if (e?.code === "ENOENT") return `no such command (${e.path ?? "spawn"}: ENOENT)`;
  // fetch says only "fetch failed"; its cause says why (ECONNREFUSED, ENOTFOUND, …).
  const cause = (e as { cause?: { code?: string; message?: string } } | undefined)?.cause;
  const why = cause?.code ?? cause?.message;
  return `${(e?.message ?? String(err)).split("\n")[0]!}${why ? ` (${why})` : ""}`;
}

function withStderr(err: SourceError, stderr: string): SourceError {
  const said = stderr.trim().split("\n").slice(-5).join(" | ");
  return said ? new SourceError(`${err.message}; it wrote on stderr: ${said}`) : err;
}

/** An argument that names one row: the only required argument ending in `id` (`ticket_id`, `ticketId`, `id`). */
function idArgOf(schema: JsonSchema): string | undefined {
  const req = Array.isArray(schema.required) ? (schema.required as string[]) : [];
  const ids = req.filter((a) => /(^|_|[a-z])(id|Id|ID)$/.test(a));
  return ids.length === 1 ? ids[0] : undefined;
}

/**
 * The imported form of an MCP server's tools: roles from the tool annotations
 * (readOnlyHint → a lookup when it takes an id, else a search; otherwise an act, whose
 * write is a cancel when destructiveHint is true and it names a row, a modify when it is
 * idempotent and names a row, else a create). The MCP defaults apply to absent hints:
 * not read-only, destructive.
 */
export function describeMcp(listing: McpListing, source: string): ImportedApi {
  const service = slug(listing.server.name, "mcp");
  const names = uniqueNames(listing.tools.map((t) => toolName(t.name)));
  const tools = listing.tools.map((t, i): ImportedTool => {
    const parameters = cleanSchema(t.inputSchema ?? { type: "object" }, "request");
    if (parameters.type === undefined) parameters.type = "object";
    const a = t.annotations ?? {};
    const idArg = idArgOf(parameters);
    const base = {
      name: names[i]!,
      ...(t.description ? { description: t.description } : {}),
      parameters,
      table: slug(t.name, "results"),
      service,
      source: { mcp: { server: source, tool: t.name, ...(t.annotations ? { annotations: t.annotations } : {}) } },
    };
    if (a.readOnlyHint === true) {
      const list = t.outputSchema ? isList(cleanSchema(t.outputSchema, "response")) : false;
      if (idArg && !list) return { ...base, role: "lookup", roleReason: `readOnlyHint is true and it takes an id ('${idArg}')`, idArg, single: true };
      if (idArg) return { ...base, role: "lookup", roleReason: `readOnlyHint is true, it takes an id ('${idArg}') and its outputSchema is a list`, idArg };
      return { ...base, role: "search", roleReason: "readOnlyHint is true and it takes no id" };
    }
    const hints = a.readOnlyHint === false ? "readOnlyHint is false" : "readOnlyHint is absent (MCP's default: the tool may change its environment)";
    const destructive = a.destructiveHint !== false;
    const change = idArg && destructive && a.destructiveHint === true ? "cancel" : idArg && a.idempotentHint === true ? "modify" : "create";
    const why = change === "cancel" ? `destructiveHint is true and it names a row ('${idArg}')` : change === "modify" ? `idempotentHint is true and it names a row ('${idArg}')` : destructive ? "it names no single row, or its hints say no more" : "destructiveHint is false (it only adds)";
    return {
      ...base,
      role: "act",
      roleReason: hints,
      change,
      changeReason: `read as a ${change} of '${base.table}' because ${why}: say which tables it really writes and how`,
      ...(change !== "create" ? { idArg } : {}),
    };
  });
  return {
    name: service,
    description: `Tools of the MCP server ${listing.server.name}${listing.server.version ? ` ${listing.server.version}` : ""}, imported from ${source}`,
    source: { mcp: source, server: listing.server },
    tools,
  };
}
