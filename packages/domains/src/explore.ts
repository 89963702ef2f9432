import { ConfigError, type RunContext } from "@chatmill/kit";
import type { Row } from "./contract.js";
import type { LoadedDomain } from "./domain.js";
import { LiveSetupError, ReplayMissError, type LiveBackend } from "./live/backend.js";
import { withRows } from "./load.js";
import { createSession } from "./session.js";

/** What one exploring call read: the table it fills, the tool that read it, the rows. */
export interface Explored {
  table: string;
  tool: string;
  rows: Row[];
}

const LIST_OPS = new Set(["search", "filter", "list"]);

/**
 * Rows for the tables a live pack ships empty, read from its backend through the pack's own
 * read-only tools: for each empty table that a service plans over, the first search tool (in
 * the pack's order) that lists that table, calls the backend (http or mcp), and needs no argument. The calls
 * go through a session on the given backend, so they start from the declared reset (the state
 * every dialogue starts from) and are recorded in, or replayed from, its cassette like every
 * other call. A table no such tool lists stays empty: the caller says so.
 */
export function exploreBackend(domain: LoadedDomain, backend: LiveBackend): Explored[] {
  const wanted = new Set(domain.services.map((s) => s.table).filter((t): t is string => t !== undefined && domain.tables.get(t)?.rows.length === 0));
  if (wanted.size === 0) return [];
  const session = createSession(domain, { backend });
  const out: Explored[] = [];
  for (const tool of domain.pack.tools) {
    const run = tool.run as { op: string; table?: string; http?: unknown; mcp?: unknown };
    if (tool.role !== "search" || !LIST_OPS.has(run.op) || run.table === undefined || !wanted.has(run.table) || (run.http === undefined && run.mcp === undefined)) continue;
    if ((tool.function.parameters as { required?: unknown[] }).required?.length) continue;
    const result = session.call({ name: tool.function.name, arguments: {} });
    if (!result.ok) continue;
    const rows = listOf(result.data, domain.tables.get(run.table)!.key);
    if (rows.length === 0) continue;
    out.push({ table: run.table, tool: tool.function.name, rows });
    wanted.delete(run.table);
  }
  return out;
}

/** The list in a result: its first array of objects that carry the table's key. */
function listOf(data: unknown, key: string): Row[] {
  if (!data || typeof data !== "object") return [];
  for (const v of Object.values(data as Record<string, unknown>)) {
    if (Array.isArray(v) && v.length > 0 && v.every((r) => r && typeof r === "object" && !Array.isArray(r) && (r as Row)[key] !== undefined)) return v as Row[];
  }
  return [];
}

/**
 * The pack with the rows its live backend holds for the tables it ships empty (exploreBackend),
 * for scenario-gen and dialogue-sim --backend: each read is said on stderr, and so is a table
 * nothing could read, since its goals cannot be planned. A run cannot go on without them: a
 * missing secret or a cassette that lacks them is a ConfigError.
 */
export function explorePack(domain: LoadedDomain, backend: LiveBackend, ctx: Pick<RunContext, "info" | "warn" | "tool">): LoadedDomain {
  // A pack without live tools (every built-in one) has nothing to explore.
  if (!domain.pack.tools.some((t) => t.run.op === "http" || t.run.op === "mcp" || (t.run as { http?: unknown }).http !== undefined || (t.run as { mcp?: unknown }).mcp !== undefined)) return domain;
  let explored: Explored[];
  try {
    explored = exploreBackend(domain, backend);
  } catch (err) {
    // A missing secret, an MCP server that does not start, a cassette without the reads.
    if (err instanceof LiveSetupError || err instanceof ReplayMissError) throw new ConfigError(err.message);
    throw err;
  }
  for (const e of explored) ctx.info(`${ctx.tool}: read ${e.rows.length} ${e.table} rows from the backend through ${e.tool}`);
  const read = new Set(explored.map((e) => e.table));
  for (const s of domain.services) {
    if (s.table && domain.tables.get(s.table)?.rows.length === 0 && !read.has(s.table)) {
      ctx.warn(`table '${s.table}' (service ${s.name}) is empty and no search tool of the pack lists it from the backend without arguments: its goals cannot be planned`);
      read.add(s.table);
    }
  }
  return explored.length > 0 ? withRows(domain, new Map(explored.map((e) => [e.table, e.rows]))) : domain;
}
