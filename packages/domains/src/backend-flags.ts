import { existsSync } from "node:fs";
import { UsageError, type ToolSpec } from "@chatmill/kit/cli";
import { BACKEND_MODES, LiveBackend, type BackendMode } from "./live/backend.js";

// `@chatmill/domains/flags`: a tool's spec (its --help) loads this module alone, not the pack loader.
export { BACKEND_MODES, type BackendMode };

/**
 * --backend and --cassette, for every tool that runs a pack's live tools: dialogue-sim (which
 * simulates against the backend, live by default) and the tools that re-run a dialogue's calls
 * (audit), which send nothing unless asked. One parser, so the combinations mean the same everywhere.
 */
export interface BackendFlagsSpec {
  /** The modes the tool accepts (a re-run has nothing to record). */
  modes: readonly BackendMode[];
  /** The mode without --backend; undefined: no backend (the session never sends a request). */
  fallback?: BackendMode;
  /** What --backend does in this tool, for --help. */
  description: string;
}

export function backendOptions(s: BackendFlagsSpec): ToolSpec["options"] {
  const writes = s.modes.includes("record");
  return [
    { name: "backend", type: "string", placeholder: "MODE", choices: [...s.modes], description: s.description },
    {
      name: "cassette",
      type: "string",
      placeholder: "FILE",
      description: writes
        ? "the NDJSON cassette --backend record writes (from empty) and --backend replay reads; secret headers are recorded by their variable's name, never their value (an MCP call by its server's name in the pack, its tool and arguments)"
        : "the NDJSON cassette --backend replay reads (one dialogue-sim --backend record wrote)",
    },
  ];
}

/** The backend the flags ask for, or undefined for none. Throws UsageError for a combination that cannot work. */
export function backendFromFlags(values: Record<string, unknown>, s: BackendFlagsSpec): LiveBackend | undefined {
  const mode = (values.backend as BackendMode | undefined) ?? s.fallback;
  const cassette = values.cassette as string | undefined;
  if (mode === undefined) {
    if (cassette !== undefined) throw new UsageError(`--cassette needs ${writes(s) ? "--backend record (to write it) or " : ""}--backend replay (to read it)`);
    return undefined;
  }
  if (!s.modes.includes(mode)) throw new UsageError(`--backend ${mode} is not one of ${s.modes.join(", ")}`);
  if (cassette !== undefined && mode === "live") throw new UsageError(`--cassette needs ${writes(s) ? "--backend record (to write it) or " : ""}--backend replay (to read it)`);
  if (mode !== "live" && cassette === undefined) throw new UsageError(`--backend ${mode} needs --cassette FILE`);
  if (mode === "replay" && !existsSync(cassette!)) throw new UsageError(`the cassette '${cassette}' does not exist: record it first with ${writes(s) ? "" : "dialogue-sim "}--backend record --cassette ${cassette}`);
  return new LiveBackend({ mode, ...(cassette !== undefined ? { cassette } : {}) });
}

const writes = (s: BackendFlagsSpec): boolean => s.modes.includes("record");
