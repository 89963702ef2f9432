// The `mcp` op's side of the live worker: one MCP client per server for the whole run (connected
// on its first call with the official SDK, closed at the end), tool calls cut at their timeout.
// Loaded by live-worker.mjs; the SDK itself is imported on the first MCP call, so a run whose
// tools are all http never loads it.

/** @type {Map<string, {client: any, stderr: () => string}>} connections by server (name and settings) */
const connections = new Map();
/** @type {Promise<any> | undefined} the SDK's classes, once loaded */
let sdk;

const loadSdk = () =>
  (sdk ??= Promise.all([
    import("@modelcontextprotocol/sdk/client/index.js"),
    import("@modelcontextprotocol/sdk/client/stdio.js"),
    import("@modelcontextprotocol/sdk/client/streamableHttp.js"),
    import("@modelcontextprotocol/sdk/types.js"),
  ]).then(([client, stdio, http, types]) => ({ Client: client.Client, StdioClientTransport: stdio.StdioClientTransport, StreamableHTTPClientTransport: http.StreamableHTTPClientTransport, ErrorCode: types.ErrorCode })));

/** Why a connection attempt failed, in one line (no stack). */
function reason(err) {
  if (err?.code === "ENOENT") return `no such command (${err.path ?? "spawn"}: ENOENT)`;
  // fetch says only "fetch failed"; its cause says why (ECONNREFUSED, ENOTFOUND, …).
  // The SDK's streamable HTTP errors carry the HTTP status as their code.
  const status = typeof err?.code === "number" && err.code >= 100 && err.code < 600 ? `HTTP ${err.code}` : undefined;
  const why = status ?? err?.cause?.code ?? err?.cause?.message;
  return `${String(err?.message ?? err).split("\n")[0]}${why ? ` (${why})` : ""}`;
}

/** Connects to the server (stdio: starts it). Throws an Error whose message says why, with what a stdio server wrote on stderr. */
async function connect(spec, timeoutMs) {
  const { Client, StdioClientTransport, StreamableHTTPClientTransport } = await loadSdk();
  let stderr = "";
  let transport;
  if (spec.url !== undefined) {
    transport = new StreamableHTTPClientTransport(new URL(spec.url), { requestInit: { headers: spec.headers ?? {} } });
  } else {
    transport = new StdioClientTransport({ command: spec.command, args: spec.args ?? [], env: spec.env ?? {}, cwd: spec.cwd, stderr: "pipe" });
    // Kept (the last 2000 characters) to say why a server stopped; never passed on as it is, it may hold secrets.
    transport.stderr?.on("data", (chunk) => {
      stderr = (stderr + chunk.toString("utf8")).slice(-2000);
    });
  }
  const client = new Client({ name: "chatmill", version: "0" });
  try {
    await client.connect(transport, { timeout: timeoutMs });
  } catch (err) {
    await client.close().catch(() => {});
    const said = stderr.trim().split("\n").slice(-5).join(" | ");
    throw new Error(`${reason(err)}${said ? `; it wrote on stderr: ${said}` : ""}`);
  }
  return { client, stderr: () => stderr };
}

/**
 * One tool call: `{result}` (the CallToolResult: content, structuredContent, isError), or no
 * result: `{error: "timeout"}`, `{error: "network", message}` (the connection dropped; the next
 * call connects again), `{error: "rpc", code, message}` (the server refused the call), or
 * `{error: "start", message}` when the server cannot be reached at all.
 */
export async function mcpCall(msg) {
  const key = JSON.stringify(msg.spec);
  let conn = connections.get(key);
  if (!conn) {
    try {
      conn = await connect(msg.spec, msg.timeoutMs);
    } catch (err) {
      return { error: "start", message: err.message };
    }
    connections.set(key, conn);
    conn.client.onclose = () => connections.delete(key);
  }
  const { ErrorCode } = await loadSdk();
  try {
    const result = await conn.client.callTool({ name: msg.tool, arguments: msg.arguments }, undefined, { timeout: msg.timeoutMs });
    return { result: { content: result.content ?? [], ...(result.structuredContent !== undefined ? { structuredContent: result.structuredContent } : {}), ...(result.isError ? { isError: true } : {}) } };
  } catch (err) {
    if (err?.code === ErrorCode.RequestTimeout) return { error: "timeout" };
    if (err?.code === ErrorCode.ConnectionClosed || !conn.client.transport) {
      connections.delete(key);
      const said = conn.stderr().trim().split("\n").slice(-3).join(" | ");
      return { error: "network", message: `the server closed the connection${said ? ` (it wrote on stderr: ${said})` : ""}` };
    }
    if (typeof err?.code === "number") return { error: "rpc", code: err.code, message: String(err.message ?? "").replace(/^(MCP error -?\d+: )+/, "") };
    return { error: "network", message: reason(err) };
  }
}

/** Closes every connection (a stdio server is stopped). */
export async function closeMcp() {
  const all = [...connections.values()];
  connections.clear();
  await Promise.all(all.map((c) => c.client.close().catch(() => {})));
  return { closed: all.length };
}
