import { rowsOf, type LiveBackend, type SetupCall } from "@chatmill/domains";
import { LiveStates } from "./live-states.js";
import { checkArguments } from "./schema-check.js";
import { infoFromDefinition, toolInfos, type ToolInfo } from "./tool-info.js";
import { isObj, type CallLike, type Domain, type Obj, type OpenSession, type Session, type ToolResult } from "./types.js";

/** Error types meaning the call never ran (as opposed to ran and failed, e.g. not_found). */
export const NOT_EXECUTED = new Set(["unknown_tool", "bad_arguments", "format_error"]);

/** Errors that are the call's own fault (so a better call exists), not the environment's. */
export const CALL_FAULTS = new Set(["bad_arguments", "unknown_tool", "not_found", "invalid_state"]);

/** Errors of the environment: the call was right, the host or service did not answer. */
export const ENVIRONMENT_FAULTS = new Set(["timeout", "server_error", "unreachable"]);

export interface ToolDef {
  type?: string;
  function: { name: string; description?: string; parameters?: unknown };
}

/**
 * Runs calls of one dialogue on the database state at a point of the dialogue. The state
 * at a point is the initial database plus the earlier successful state-changing calls,
 * replayed on a fresh session (no failure injection), so re-running any call, chosen or
 * alternative, gives the same result every time.
 * Tools the domain does not have (e.g. SGD services) run against the dialogue's own
 * transcript: the rows its recorded results of that tool showed, filtered by the arguments.
 * With a live backend's re-run (`live`, tool-annotate --backend), a call the dialogue made on
 * that state gets the backend's answer, and every other call runs over the tables on the state
 * the backend was in there (LiveStates).
 */
export class DialogueExecutor {
  private readonly infos: Map<string, ToolInfo>;
  private readonly readSessions = new Map<string, Session>();
  private readonly transcript = new Map<string, Obj[]>();
  /** The tools the dialogue offered the model (its `tools`), when it lists any. */
  private readonly offeredNames: ReadonlySet<string>;
  private readonly live: LiveStates | undefined;

  constructor(
    readonly domain: Domain | undefined,
    private readonly openSession: OpenSession | undefined,
    dialogueTools: readonly ToolDef[],
    messages: readonly Obj[],
    /** tool-annotate --backend: the dialogue's calls re-run on the backend first (throws ReplayMissError, LiveSetupError). */
    onBackend?: { backend: LiveBackend; setup: readonly SetupCall[] },
  ) {
    this.infos = new Map(domain && openSession ? toolInfos(domain) : []);
    this.offeredNames = new Set(dialogueTools.flatMap((t) => (isObj(t) && isObj(t.function) && typeof t.function.name === "string" ? [t.function.name] : [])));
    for (const t of dialogueTools) {
      if (isObj(t) && isObj(t.function) && typeof t.function.name === "string" && !this.infos.has(t.function.name)) {
        this.infos.set(t.function.name, infoFromDefinition(t));
      }
    }
    // The transcript table of a tool: rows of every recorded result of it (ok ones).
    for (const m of messages) {
      if (m.role !== "tool" || typeof m.name !== "string" || m.ok === false || this.runsInDomain(m.name)) continue;
      const rows = rowsOf(parseJson(m.content), this.infos.get(m.name)?.rowsAt);
      const list = this.transcript.get(m.name) ?? [];
      for (const r of rows) if (!list.some((x) => JSON.stringify(x) === JSON.stringify(r))) list.push(r);
      this.transcript.set(m.name, list);
    }
    this.live = onBackend && domain && openSession ? new LiveStates(domain, onBackend.backend, messages, onBackend.setup, (name) => this.changesSession(name)) : undefined;
  }

  info(name: string): ToolInfo | undefined {
    return this.infos.get(name);
  }

  tools(): ToolInfo[] {
    return [...this.infos.values()];
  }

  /** The tools the model could have called: the dialogue's offered ones (all the pack's when it lists none). */
  offered(): ToolInfo[] {
    const all = this.tools();
    return this.offeredNames.size === 0 ? all : all.filter((t) => this.offeredNames.has(t.name));
  }

  runsInDomain(name: string): boolean {
    return Boolean(this.domain && this.openSession && this.domain.pack.tools.some((t) => t.function.name === name));
  }

  writes(name: string): boolean {
    return this.infos.get(name)?.writes ?? false;
  }

  /**
   * A call whose success changes what later calls may do: a write, or one of the pack's
   * identity tools (policy.identity) when the runtime enforces the rule, after which
   * user-scoped tools answer. Such calls are replayed before a later call is re-run, so it meets
   * the session it met live. An identity rule declared `enforced: false` refuses nothing, so its
   * identity calls change nothing and are not replayed.
   */
  changesSession(name: string): boolean {
    const identity = this.runsInDomain(name) ? this.domain!.pack.policy?.identity : undefined;
    return this.writes(name) || (identity !== undefined && identity.enforced !== false && identity.tools.includes(name));
  }

  /** Runs `call` after replaying `before` (the earlier successful calls that changed the session, in order). */
  run(call: CallLike, before: readonly CallLike[]): ToolResult {
    if (this.runsInDomain(call.name)) return this.runInDomain(call, before);
    const info = this.infos.get(call.name);
    if (!info) return failure("unknown_tool", `no tool named '${call.name}' is offered in this dialogue`);
    const bad = checkArguments(info.parameters, call.arguments);
    if (bad) return failure("bad_arguments", bad);
    return this.runOnTranscript(call);
  }

  private runInDomain(call: CallLike, before: readonly CallLike[]): ToolResult {
    const answered = this.live?.answer(call, before);
    if (answered) return answered;
    const clean = { name: call.name, arguments: call.arguments };
    if (this.changesSession(call.name)) return this.sessionAt(before).call(clean);
    const key = JSON.stringify(before.map((c) => [c.name, c.arguments]));
    let s = this.readSessions.get(key);
    if (!s) this.readSessions.set(key, (s = this.sessionAt(before)));
    return s.call(clean);
  }

  private sessionAt(before: readonly CallLike[]): Session {
    const live = this.live?.sessionAt(before);
    if (live) return live;
    const s = this.openSession!(this.domain!, { failureRate: 0 });
    for (const c of before) s.call({ name: c.name, arguments: c.arguments });
    return s;
  }

  private runOnTranscript(call: CallLike): ToolResult {
    const rows = (this.transcript.get(call.name) ?? []).filter((r) => matchesArgs(r, call.arguments));
    const content = JSON.stringify(rows);
    return { ok: true, content, data: rows };
  }
}

export function failure(type: string, message: string): ToolResult {
  const error = { type, message };
  return { ok: false, content: JSON.stringify({ error }), data: { error }, error };
}

/** Row matches when every scalar argument naming one of its fields has that value (case-insensitive). */
function matchesArgs(row: Obj, args: Obj): boolean {
  for (const [k, v] of Object.entries(args)) {
    if (!(k in row) || v === null || typeof v === "object") continue;
    if (String(row[k]).toLowerCase() !== String(v).toLowerCase()) return false;
  }
  return true;
}

export function parseJson(text: unknown): unknown {
  if (typeof text !== "string") return text;
  try {
    return JSON.parse(text);
  } catch {
    return undefined;
  }
}

/** The result's list when it shows one (a search), undefined for a single record or an error. */
export function listOf(data: unknown, rowsAt: string | undefined): Obj[] | undefined {
  if (Array.isArray(data)) return rowsOf(data);
  if (!isObj(data) || isObj(data.error)) return undefined;
  const rows = rowsOf(data, rowsAt);
  return rows.length === 1 && rows[0] === data ? undefined : rows;
}

/** Every object anywhere in a result (an item's variants, a comparison's items…). */
export function objectsIn(data: unknown, out: Obj[] = []): Obj[] {
  if (Array.isArray(data)) for (const v of data) objectsIn(v, out);
  else if (isObj(data)) {
    out.push(data);
    for (const v of Object.values(data)) if (typeof v === "object" && v !== null) objectsIn(v, out);
  }
  return out;
}
