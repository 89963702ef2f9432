import { existsSync } from "node:fs";
import { BACKEND_MODES, LiveBackend, type BackendMode } from "@chatmill/domains";
import { UsageError, type ToolSpec } from "@chatmill/kit/cli";

/** --backend and --cassette: where a pack's http and mcp tools send their calls (packs without them ignore both). */
export const backendOptions: ToolSpec["options"] = [
  {
    name: "backend",
    type: "string",
    placeholder: "MODE",
    choices: [...BACKEND_MODES],
    description:
      "for packs whose tools call a live backend (http, or mcp: a tool on an MCP server, connected once per run): live sends every request (default), record sends them and writes each request and answer to --cassette, replay answers from --cassette alone (no network, no server started; the same output byte for byte); a request replay does not find fails its record (replay_miss); an MCP server that does not start stops the run (exit 5)",
  },
  { name: "cassette", type: "string", placeholder: "FILE", description: "the NDJSON cassette --backend record writes (from empty) and --backend replay reads; secret headers are recorded by their variable's name, never their value (an MCP call by its server's name in the pack, its tool and arguments)" },
];

/**
 * The backend the flags ask for: live (nothing recorded) without --backend, since simulating a
 * pack's live tools is dialogue-sim's job (a session has no backend unless given one, so the
 * other tools never send requests). Throws UsageError for a combination that cannot work.
 */
export function backendFromFlags(values: Record<string, unknown>): LiveBackend {
  const mode = (values.backend as BackendMode | undefined) ?? "live";
  const cassette = values.cassette as string | undefined;
  if (cassette !== undefined && mode === "live") throw new UsageError("--cassette needs --backend record (to write it) or --backend replay (to read it)");
  if (mode !== "live" && cassette === undefined) throw new UsageError(`--backend ${mode} needs --cassette FILE`);
  if (mode === "replay" && !existsSync(cassette!)) throw new UsageError(`the cassette '${cassette}' does not exist: record it first with --backend record --cassette ${cassette}`);
  return new LiveBackend({ mode, ...(cassette !== undefined ? { cassette } : {}) });
}
