import { z } from "zod";
import { name } from "./common.js";

// A pack's live backend: the http and mcp runs, the servers they reach, and the per-dialogue reset.

/** A header value: literal text (may hold `{arg}`), or a secret read from the environment, never printed or recorded. */
export const HeaderValue = z.union([z.string(), z.strictObject({ env: z.string().regex(/^[A-Za-z_][A-Za-z0-9_]*$/).describe("environment variable holding the value") })]);

/**
 * A request to a live backend: what the `http` op sends (and what a declarative run with an
 * `http` block sends instead of running over the pack's tables).
 */
export const HttpSpec = z.strictObject({
  method: z.enum(["GET", "POST", "PUT", "PATCH", "DELETE"]),
  url: z.string().min(1).describe("URL template: {arg} is the argument, URL-encoded; a path starting with / is joined to live.base_url"),
  query: z.array(name).optional().describe("arguments sent as query parameters (when given)"),
  body: z.array(name).optional().describe("arguments sent as the JSON body's fields (when given)"),
  body_arg: name.optional().describe("an argument sent as the whole JSON body"),
  headers: z.record(z.string(), HeaderValue).optional().describe("request headers; {env: NAME} values are secrets"),
  timeout_ms: z.number().int().min(1).optional().describe("default live.timeout_ms, else 10000"),
});
export type HttpSpec = z.infer<typeof HttpSpec>;

// Loose like the other runs (the union is read through fields some runs lack, e.g. `table`).
export const HttpRun = z.looseObject({ ...HttpSpec.shape, op: z.literal("http") });

/**
 * A tool on an MCP server: what the `mcp` op calls (and what a declarative run with an `mcp`
 * block calls instead of running over the pack's tables). The tool's arguments are sent as
 * they are, unless `args` renames them.
 */
export const McpSpec = z.strictObject({
  server: name.describe("the server, by its name in live.mcp"),
  tool: name.describe("the tool's name on the server (as tools/list gives it)"),
  args: z.record(z.string(), name).optional().describe("the server tool's argument name → the pack tool's argument it takes (default: every argument under its own name); arguments not listed are not sent"),
  timeout_ms: z.number().int().min(1).optional().describe("default live.timeout_ms, else 10000"),
});
export type McpSpec = z.infer<typeof McpSpec>;

export const McpRun = z.looseObject({ ...McpSpec.shape, op: z.literal("mcp") });

/** An MCP server started as a child process, spoken to over its stdin and stdout. */
export const McpStdioServer = z.strictObject({
  command: name.describe("the program to start (found on PATH, or a path)"),
  args: z.array(z.string()).optional().describe("its arguments"),
  env: z.record(z.string(), HeaderValue).optional().describe("environment variables set for it (beside HOME, PATH and the like): text, or {env: NAME}, a secret read from chatmill's environment, never printed or recorded"),
  cwd: z.string().min(1).optional().describe("the directory it starts in, relative to the pack's directory (default: the pack's directory)"),
});

/** An MCP server already running, spoken to over streamable HTTP. */
export const McpHttpServer = z.strictObject({
  url: z.string().url().describe("its streamable HTTP endpoint, e.g. http://127.0.0.1:3000/mcp"),
  headers: z.record(z.string(), HeaderValue).optional().describe("headers sent with every request; {env: NAME} values are secrets"),
});

export const McpServerSpec = z.union([McpStdioServer, McpHttpServer]);
export type McpServerSpec = z.infer<typeof McpServerSpec>;

const HttpReset = z.strictObject({
  method: z.enum(["GET", "POST", "PUT", "PATCH", "DELETE"]).describe("the reset request's method"),
  url: z.string().min(1).describe("its URL; a path starting with / is joined to live.base_url"),
  body: z.unknown().optional().describe("its JSON body"),
});

const McpReset = z.strictObject({
  server: name.describe("the server, by its name in live.mcp"),
  tool: name.describe("the server's tool that puts its state back"),
  arguments: z.record(z.string(), z.unknown()).optional().describe("the arguments it is called with (default none)"),
});

/** The pack's live backend: where relative URLs go, headers for every request, MCP servers, per-dialogue isolation. */
export const LiveSpec = z.strictObject({
  base_url: z.string().url().optional().describe("where the http tools' relative URLs go"),
  headers: z.record(z.string(), HeaderValue).optional().describe("headers sent with every http request; {env: NAME} values are secrets"),
  mcp: z.record(name, McpServerSpec).optional().describe("the MCP servers the mcp tools call, by name: a command to start (stdio) or a URL (streamable HTTP); each is connected once per run, on its first call"),
  reset: z
    .union([HttpReset, McpReset])
    .optional()
    .describe("run when each dialogue's session starts, so every dialogue sees the same backend state: a request ({method, url, body}) or an MCP tool call ({server, tool, arguments})"),
  read_only: z.boolean().optional().describe("refuse every act tool (error type read_only) without sending it: dialogues cannot change the backend"),
  timeout_ms: z.number().int().min(1).optional().describe("a request or MCP call that takes longer is cut and becomes a timeout result (default 10000)"),
  rate_limit: z
    .strictObject({ rpm: z.number().positive().describe("requests (and MCP calls) per minute, per base URL or MCP server") })
    .optional()
    .describe("a pace the backend asks for: calls wait for their turn (the LLM layer's limiter: a second's burst, then an even pace); a replay never waits"),
});
export type LiveSpec = z.infer<typeof LiveSpec>;

