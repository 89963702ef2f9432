import type { ErrorObject } from "ajv";
import { sortKeys } from "./canonical.js";
import type { Call, CallContext, Domain, Row, Session, SessionOptions, ToolResult } from "./contract.js";
import { LoadedDomain } from "./domain.js";
import { loadDomain } from "./load.js";
import { LiveBackend, LiveSetupError, ReplayMissError } from "./live/backend.js";
import { runCommand } from "./ops/command.js";
import { runHttp, runReset } from "./ops/http.js";
import { runMcp, runMcpReset } from "./ops/mcp.js";
import { runAvailability, runCompare, runGet, runSearch, runSimilar } from "./ops/read.js";
import { type OpContext, type OpResult, type Run, type ToolError } from "./ops/types.js";
import { runTransact } from "./ops/transact.js";
import { runCancel, runCreate, runModify } from "./ops/write.js";
import { SessionPolicy } from "./policy.js";
import type { HttpSpec, McpSpec } from "@chatmill/schema";
import { State, type Write } from "./state.js";

export type { Write } from "./state.js";
export type Injected = NonNullable<ToolResult["injected"]>;

/** Ops whose result is a list, so an injected failure can also be an empty or a partial list. */
const LIST_OPS = new Set<Run["op"]>(["search", "filter", "list", "similar"]);

/** A Session with the extras tools need beside the contract. */
export interface ToolSession extends Session {
  readonly writes: ReadonlyArray<Write>;
  /** One row as this session sees it. */
  get(table: string, key: unknown): Row | undefined;
  /** Applies recorded writes (e.g. from a Dialogue) to this session. */
  apply(writes: ReadonlyArray<Write>): void;
  /** A fresh session starting from this one's state (same writes and identified subject), with its own options. */
  fork(opts?: SessionOptions): ToolSession;
  /** The key of the person an identity tool identified in this session (the pack's policy.identity), if any. */
  readonly subject: unknown;
  /** Runs a tool; with the conversation so far, the pack's confirmation rule is judged from it. */
  call(call: Call, context?: CallContext): ToolResult;
}

function asLoaded(domain: Domain | string): LoadedDomain {
  if (typeof domain === "string") return loadDomain(domain);
  if (domain instanceof LoadedDomain) return domain;
  throw new Error("createSession needs a domain from loadDomain() (or a domain name / pack path)");
}

/**
 * One dialogue's view of the domain's database. O(1) to create: it shares the pack's
 * read-only tables and keeps only its own writes, so bookings never leak between sessions.
 */
export function createSession(domain: Domain | string, opts: SessionOptions = {}): ToolSession {
  const loaded = asLoaded(domain);
  const live = loaded.pack.live;
  // Per-dialogue isolation: the declared reset runs as each dialogue's session starts (not on a replay of a recorded state).
  if (live?.reset && opts.backend && hasLiveTools(loaded)) {
    const reset = live.reset;
    if ("tool" in reset) runMcpReset(loaded, reset, opts.backend);
    else runReset(live, reset, opts.backend);
  }
  return new RuntimeSession(loaded, opts);
}

/** What a tool's run sends to a live backend: the `http` or `mcp` op, or a declarative run's `http` or `mcp` block. */
type LiveCall = { http: HttpSpec } | { mcp: McpSpec };
function liveOf(run: Run): LiveCall | undefined {
  if (run.op === "http") return { http: run };
  if (run.op === "mcp") return { mcp: run };
  const block = run as { http?: HttpSpec; mcp?: McpSpec };
  if (block.http) return { http: block.http };
  if (block.mcp) return { mcp: block.mcp };
  return undefined;
}

/** The pack has tools that answer from a live backend (an http or mcp op, or a run with an http or mcp block). */
export const hasLiveTools = (d: Pick<LoadedDomain, "pack">): boolean => d.pack.tools.some((t) => liveOf(t.run) !== undefined);

/**
 * A live backend is opt-in: without one from the caller (dialogue-sim --backend), a session
 * never sends a request. A declarative run with an `http` or `mcp` block runs over the pack's
 * tables (what scenario-gen validates tasks with, and what tool-annotate re-runs calls with, so
 * neither writes on the user's backend); a bare `http` or `mcp` op answers with an error saying so.
 */
const NO_BACKEND = (tool: string) => ({
  type: "no_backend",
  message: `${tool} answers from a live backend, and this session has none: run dialogue-sim with --backend live, record or replay`,
});

/** A session whose state is the given recorded writes (tool-annotate, to-rl: re-run a call on a recorded state). */
export function replay(domain: Domain | string, writes: ReadonlyArray<Write>, opts: SessionOptions = {}): ToolSession {
  const s = new RuntimeSession(asLoaded(domain), opts);
  s.apply(writes);
  return s;
}

class RuntimeSession implements ToolSession {
  private readonly state: State;
  private readonly policy: SessionPolicy;

  constructor(
    readonly domain: LoadedDomain,
    private readonly opts: SessionOptions,
  ) {
    this.state = new State(domain);
    this.policy = new SessionPolicy(domain, opts.subject);
    const rate = opts.failureRate ?? 0;
    if (!(rate >= 0 && rate <= 1)) throw new Error(`failureRate must be between 0 and 1, got ${rate}`);
    if (rate > 0 && !opts.rng) throw new Error("failure injection needs the dialogue's rng (SessionOptions.rng)");
  }

  get writes(): ReadonlyArray<Write> {
    return this.state.writes;
  }

  rows(table: string): readonly Row[] {
    return this.state.view(table).rows();
  }

  get(table: string, key: unknown): Row | undefined {
    return this.state.view(table).get(key);
  }

  digest(): string {
    return this.state.digest();
  }

  apply(writes: ReadonlyArray<Write>): void {
    this.state.apply(writes);
  }

  get subject(): unknown {
    return this.policy.subject;
  }

  fork(opts: SessionOptions = {}): ToolSession {
    return replay(this.domain, this.state.writes, { ...(this.policy.subject !== undefined ? { subject: this.policy.subject } : {}), ...opts });
  }

  call(call: Call, context?: CallContext): ToolResult {
    try {
      return this.execute(call, context);
    } catch (err) {
      // The run cannot go on as recorded, or the backend cannot work (a secret is missing, a server does not start): the caller must stop, not the assistant recover.
      if (err instanceof ReplayMissError || err instanceof LiveSetupError) throw err;
      // A pack bug must not crash a 100,000-dialogue run: report it as the API would.
      return errorResult({ type: "internal_error", message: `the tool failed: ${(err as Error).message}` });
    }
  }

  private execute(call: Call, context: CallContext | undefined): ToolResult {
    const tool = this.domain.toolSpecs.get(call.name);
    if (!tool) {
      return errorResult({
        type: "unknown_tool",
        message: `No tool named '${call.name}'. Available: ${[...this.domain.toolSpecs.keys()].join(", ")}.`,
      });
    }
    let args: unknown = call.arguments;
    if (typeof args === "string") {
      try {
        args = args.trim() ? JSON.parse(args) : {};
      } catch {
        return errorResult({ type: "bad_arguments", message: "arguments are not valid JSON", path: "$" });
      }
    }
    if (args == null) args = {};
    if (typeof args !== "object" || Array.isArray(args)) {
      return errorResult({ type: "bad_arguments", message: "arguments must be a JSON object", path: "$" });
    }
    const validate = this.domain.validator(call.name);
    if (!validate(args)) return errorResult(argumentError(validate.errors?.[0]));
    // The pack's session policy (identity, ownership, consent) refuses before anything runs.
    const refused = this.policy.before(call.name, tool, args as Record<string, unknown>, this.state, context);
    if (refused) return errorResult(refused);

    const drawn = this.drawFailure(tool.run.op);
    const injected = context?.offstage ? undefined : drawn;
    if (injected === "timeout") {
      return errorResult({ type: "timeout", message: `${call.name} did not respond within 30 s; try again.` }, injected);
    }
    if (injected === "server_error") {
      return errorResult({ type: "server_error", status: 503, message: "Service temporarily unavailable; try again shortly." }, injected);
    }
    const ctx: OpContext = { domain: this.domain, state: this.state, tool: call.name, args: args as Record<string, unknown> };
    const liveCall = liveOf(tool.run);
    const backend = this.opts.backend;
    if (liveCall && !backend && (tool.run.op === "http" || tool.run.op === "mcp")) return errorResult(NO_BACKEND(call.name));
    const out = liveCall && backend ? ("http" in liveCall ? runHttp(ctx, liveCall.http, backend) : runMcp(ctx, liveCall.mcp, backend)) : runOp(ctx, this.policy.narrow(call.name, tool.run));
    if (liveCall && backend && out.ok) this.mirror(tool.run, out.data);
    if (!out.ok) return errorResult(out.error);
    const cut = injected && out.list ? cutList(out.data, out.list, injected) : undefined;
    if (cut) return cut;
    // Only a result the caller sees whole can identify someone (an emptied list identifies no one).
    this.policy.after(call.name, out.data);
    return okResult(out.data);
  }

  /**
   * A declarative create/modify/cancel run that was sent to a live backend: the row the backend
   * answered (when it holds the table's key) is written in this session's state too, so outcome
   * checks, booking references and the state digest see what the backend did.
   */
  private mirror(run: Run, data: Record<string, unknown>): void {
    if (run.op !== "create" && run.op !== "modify" && run.op !== "cancel") return;
    if (!this.domain.tables.has(run.table)) return;
    const key = data[this.domain.keyOf(run.table)];
    if (key === undefined || key === null || typeof key === "object") return;
    this.state.apply([{ table: run.table, op: run.op === "create" ? "insert" : "update", key: String(key), row: { ...data } }]);
  }

  /** One draw per call from the dialogue's rng; a failure kind only when it fires. */
  private drawFailure(op: Run["op"]): Injected | undefined {
    const rate = this.opts.failureRate ?? 0;
    const rng = this.opts.rng;
    // A static result (ops' `none`) involves no backend, so nothing can fail.
    if (op === "static" || rate <= 0 || !rng || !rng.chance(rate)) return undefined;
    return LIST_OPS.has(op) ? rng.pick(["timeout", "server_error", "empty", "partial"] as const) : rng.pick(["timeout", "server_error"] as const);
  }
}

function runOp(ctx: OpContext, run: Run): OpResult {
  switch (run.op) {
    case "search":
    case "filter":
    case "list":
      return runSearch(ctx, run);
    case "get":
      return runGet(ctx, run);
    case "compare":
      return runCompare(ctx, run);
    case "similar":
      return runSimilar(ctx, run);
    case "availability":
      return runAvailability(ctx, run);
    case "create":
      return runCreate(ctx, run);
    case "modify":
      return runModify(ctx, run);
    case "cancel":
      return runCancel(ctx, run);
    case "command":
      return runCommand(ctx, run);
    case "static":
      return { ok: true, data: (run.result ?? {}) as Record<string, unknown> };
    case "transact":
      return runTransact(ctx, run);
    case "http":
    case "mcp":
      throw new Error(`an ${run.op} run is sent by the session, not run over tables`);
  }
}

function okResult(data: unknown): ToolResult {
  const sorted = sortKeys(data);
  return { ok: true, content: JSON.stringify(sorted), data: sorted };
}

function errorResult(error: ToolError, injected?: Injected): ToolResult {
  const sorted = sortKeys({ error });
  return {
    ok: false,
    content: JSON.stringify(sorted),
    data: sorted,
    error: { ...error },
    ...(injected ? { injected } : {}),
  };
}

/**
 * An injected empty or partial list: what a flaky backend returns. A list too short to cut in
 * half is answered as it is, not injected: labelling it a timeout would say the backend never
 * answered a request it ran (a live backend's cassette has it; audit would not re-run it).
 */
function cutList(data: Record<string, unknown>, key: string, kind: Injected): ToolResult | undefined {
  const list = Array.isArray(data[key]) ? (data[key] as unknown[]) : [];
  if (kind === "partial" && list.length < 2) return undefined;
  const kept = kind === "empty" ? [] : list.slice(0, Math.floor(list.length / 2));
  const out: Record<string, unknown> = { ...data, [key]: kept, count: kept.length };
  if (kind === "empty" && "total" in out) out.total = 0;
  if (kind === "partial") out.warning = `partial results: the backend returned ${kept.length} of ${list.length}; retry for the rest`;
  return { ...okResult(out), injected: kind };
}

/** bad_arguments with the JSON path of the offending value, worded for the caller to fix it. */
function argumentError(err: ErrorObject | undefined): ToolError {
  if (!err) return { type: "bad_arguments", message: "the arguments do not match the tool's schema", path: "$" };
  const path = toJsonPath(err.instancePath);
  const params = err.params as Record<string, unknown>;
  let message: string;
  switch (err.keyword) {
    case "required":
      message = `missing required argument '${String(params.missingProperty)}'`;
      return { type: "bad_arguments", message, path: path === "$" ? `$.${String(params.missingProperty)}` : `${path}.${String(params.missingProperty)}` };
    case "additionalProperties":
      message = `unknown argument '${String(params.additionalProperty)}'`;
      return { type: "bad_arguments", message, path: `${path}.${String(params.additionalProperty)}` };
    case "enum":
      message = `${path} must be one of ${(params.allowedValues as unknown[]).map((v) => JSON.stringify(v)).join(", ")}`;
      break;
    default:
      message = `${path} ${err.message ?? "is invalid"}`;
  }
  return { type: "bad_arguments", message, path };
}

function toJsonPath(pointer: string): string {
  if (!pointer) return "$";
  return `$${pointer
    .split("/")
    .slice(1)
    .map((p) => p.replace(/~1/g, "/").replace(/~0/g, "~"))
    .map((p) => (/^\d+$/.test(p) ? `[${p}]` : /^[A-Za-z_]\w*$/.test(p) ? `.${p}` : `[${JSON.stringify(p)}]`))
    .join("")}`;
}
