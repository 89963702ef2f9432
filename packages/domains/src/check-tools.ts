import { HttpSpec, McpSpec, type DomainPack } from "@chatmill/schema";
import type { z } from "zod";
import { explainIssue } from "./zod-issue.js";
import { RuleChecker } from "./check-rules.js";
import { ONE_ROW, opRowsPlace } from "./tasks/rows-of.js";

/*
 * What a pack's tools declare against what their runs do: a tool's role and its declared
 * writes (checkRole), and the backends a live run calls (checkHttp, checkMcp). Part of
 * checkReferences (check-pack.ts).
 */

export type Run = DomainPack["tools"][number]["run"];
export type Fail = (path: string, detail: string) => never;
export type NeedTable = (name: string | undefined, path: string) => void;
type Change = NonNullable<DomainPack["tools"][number]["changes"]>[number];

/** The writes a run makes, as `table → change`: what an act must declare, no more and no less. */
function writesOf(run: Run): Change[] {
  switch (run.op) {
    case "create":
    case "modify":
    case "cancel":
      return [{ table: run.table, change: run.op }];
    case "command": {
      const tables = [...new Set(run.commands.flatMap((c) => (c.effects ?? []).map((e) => e.table)))];
      return tables.map((table) => ({ table, change: "update" as const }));
    }
    case "transact":
      return RuleChecker.writes(run);
    default:
      return [];
  }
}

/**
 * A run's backend request: the run itself when its op is `key`, else its `key` block (a
 * declarative run's `http` or `mcp`), checked against `schema` — the first problem fails with
 * its path under `${at}.run.${key}`. Undefined when the run calls no such backend.
 */
function backendSpec<T>(run: Run & Record<string, unknown>, key: "http" | "mcp", schema: z.ZodType<T>, at: string, fail: Fail): T | undefined {
  if (run.op === key) return run as unknown as T;
  if (run[key] === undefined) return undefined;
  const parsed = schema.safeParse(run[key]);
  if (!parsed.success) {
    const { path, message } = explainIssue(parsed.error.issues[0]!);
    fail(`${at}.run.${key}${path.map((p) => (typeof p === "number" ? `[${p}]` : `.${String(p)}`)).join("")}`, message);
  }
  return parsed.data;
}

/**
 * An http request (the op, or a declarative run's `http` block): its arguments are declared,
 * a relative URL has a base. What it writes on the backend cannot be read from it: for the
 * `http` op the declared `changes` are taken as they are.
 */
export function checkHttp(run: Run & Record<string, unknown>, at: string, needArg: (arg: string | undefined, path: string) => void, fail: Fail, pack: DomainPack): void {
  const spec = backendSpec(run, "http", HttpSpec, at, fail);
  if (!spec) return;
  // needArg paths are under `${at}.run.`
  const sub = run.op === "http" ? "" : "http.";
  for (const m of spec.url.matchAll(/\{([A-Za-z_][\w.-]*)\}/g)) needArg(m[1], `${sub}url`);
  spec.query?.forEach((q, j) => needArg(q, `${sub}query[${j}]`));
  spec.body?.forEach((b, j) => needArg(b, `${sub}body[${j}]`));
  needArg(spec.body_arg, `${sub}body_arg`);
  if (!/^https?:\/\//i.test(spec.url) && !pack.live?.base_url) fail(`${at}.run.${sub}url`, `'${spec.url}' is relative: give the pack live.base_url (or an absolute URL)`);
}

/** A server an mcp tool or the reset names is declared in live.mcp. */
export function needServer(pack: DomainPack, server: string, path: string, fail: Fail): void {
  const servers = Object.keys(pack.live?.mcp ?? {});
  if (!servers.includes(server)) fail(path, `no MCP server '${server}' in live.mcp (it has: ${servers.join(", ") || "none"}); declare it: "live": {"mcp": {"${server}": {"command": …, "args": […]} or {"url": …}}}`);
}

/**
 * An MCP tool call (the op, or a declarative run's `mcp` block): its server is declared and
 * the arguments it maps are declared. What it writes cannot be read from it: for the `mcp`
 * op the declared `changes` are taken as they are.
 */
export function checkMcp(run: Run & Record<string, unknown>, at: string, needArg: (arg: string | undefined, path: string) => void, fail: Fail, pack: DomainPack): void {
  const spec = backendSpec(run, "mcp", McpSpec, at, fail);
  if (!spec) return;
  const sub = run.op === "mcp" ? "" : "mcp.";
  if (run.http !== undefined) fail(`${at}.run.mcp`, "a run sends its call to one backend: give it an http block or an mcp block, not both");
  needServer(pack, spec.server, `${at}.run.${sub}server`, fail);
  for (const [param, arg] of Object.entries(spec.args ?? {})) needArg(arg, `${sub}args.${param}`);
}

const LIVE_OPS = new Set(["http", "mcp"]);
/** The roles of tools that read the pack's tables. */
export const READ_ROLES = new Set(["lookup", "search"]);

/**
 * A tool's declared role must fit what its run does: a tool that writes is an act (or a
 * hand-off that records something) and declares exactly the writes its run makes; a tool
 * that reads is a lookup or a search; `none` and `think` read nothing.
 */
export function checkRole(tool: DomainPack["tools"][number], at: string, needTable: NeedTable, fail: Fail): void {
  const run = tool.run;
  const writes = LIVE_OPS.has(run.op) ? (tool.changes ?? []) : writesOf(run);
  const declared = tool.changes ?? [];
  declared.forEach((c, j) => needTable(c.table, `${at}.changes[${j}].table`));
  if (tool.about !== undefined) {
    needTable(tool.about, `${at}.about`);
    if (tool.role !== "lookup" && tool.role !== "search") fail(`${at}.about`, `only a lookup or a search is about another table; '${tool.function.name}' is declared '${tool.role}'`);
  }
  // An op that builds its own result has its rows in one place: a declaration may only repeat it.
  const fixed = opRowsPlace(run.op);
  if (tool.result_rows !== undefined && fixed !== undefined && tool.result_rows !== fixed) {
    fail(`${at}.result_rows`, `op ${run.op} returns its rows ${fixed === ONE_ROW ? `as the result itself ("${ONE_ROW}")` : `under "${fixed}"`}; remove result_rows or write "${fixed}"`);
  }
  const key = (c: Change) => `${c.table}\u0000${c.change}`;
  const said = (cs: Change[]) => cs.map((c) => `${c.change} ${c.table}`).join(", ");
  if (writes.length > 0) {
    if (tool.role !== "act" && tool.role !== "handoff") fail(`${at}.role`, `'${tool.function.name}' writes (${said(writes)}) but is declared '${tool.role}'; declare "role": "act" and its "changes"`);
    const missing = writes.filter((w) => !declared.some((d) => key(d) === key(w)));
    if (missing.length > 0) fail(`${at}.changes`, `declare every write of '${tool.function.name}': missing ${missing.map((m) => JSON.stringify(m)).join(", ")}`);
  }
  const extra = declared.findIndex((d) => !writes.some((w) => key(w) === key(d)));
  if (extra >= 0) fail(`${at}.changes[${extra}]`, `'${tool.function.name}' declares ${said([declared[extra]!])}, which its run (op ${run.op}) does not do`);
  if (tool.role === "act" && writes.length === 0) fail(`${at}.role`, `'${tool.function.name}' is declared 'act' but its run (op ${run.op}) changes nothing; declare what it is: ${[...READ_ROLES].join(", ")}, think or none`);
  // A think tool may compute from its arguments alone (a calculator: a transact with no refs and no effects).
  const computes = tool.role === "think" && run.op === "transact" && (run.refs ?? []).length === 0 && writes.length === 0;
  if ((tool.role === "none" || tool.role === "think") && run.op !== "static" && !LIVE_OPS.has(run.op) && !computes) fail(`${at}.role`, `a '${tool.role}' tool reads no data; '${tool.function.name}' runs op ${run.op} (give it op static, or declare lookup/search)`);
  if (READ_ROLES.has(tool.role) && run.op === "static") fail(`${at}.role`, `'${tool.function.name}' is declared '${tool.role}' but returns a fixed result (op static); declare none, think or handoff`);
}

