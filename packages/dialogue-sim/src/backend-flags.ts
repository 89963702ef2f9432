import type { LiveBackend } from "@chatmill/domains";
import { BACKEND_MODES, backendFromFlags as parseBackend, backendOptions as backendFlags, type BackendFlagsSpec } from "@chatmill/domains/flags";

/**
 * Simulating a pack's live tools is dialogue-sim's job, so its backend is live (nothing recorded)
 * without --backend; the tools that re-run calls (audit) send nothing unless asked.
 */
const flags: BackendFlagsSpec = {
  modes: BACKEND_MODES,
  fallback: "live",
  description:
    "for packs whose tools call a live backend (http, or mcp: a tool on an MCP server, connected once per run): live sends every request (default), record sends them and writes each request and answer to --cassette, replay answers from --cassette alone (no network, no server started; the same output byte for byte); a request replay does not find fails its record (replay_miss); an MCP server that does not start stops the run (exit 5). With a backend, a live pack's empty tables are first read from it through its search tools (as scenario-gen --backend does), so tasks are judged over the API's rows",
};

export const backendOptions = backendFlags(flags);

export const backendFromFlags = (values: Record<string, unknown>): LiveBackend => parseBackend(values, flags)!;
