// How a task's gold actions are found from the pack's declared tools: what the user must state
// (agendaOf), the row the search shows first that meets it, a booking call's arguments, and an
// ops command that changes the host.
import type { TaskAction } from "@chatmill/schema";
import type { Domain, Row, ServiceInfo } from "../contract.js";
import { meetsConstraint } from "../match.js";
import { nameOf } from "../names.js";
import { createSession, type ToolSession } from "../session.js";
import type { GoalInput } from "./derive.js";
import { toolRows } from "./rows-of.js";
import { ToolIndex, argValue, requiredFields, type Constraint, type SearchPlan } from "./tool-index.js";

/**
 * The constraints the user states: the goal's, plus each value the search tool cannot run
 * without (a train's day), taken from the row the goal was grounded in.
 */
export function agendaOf(
  domain: Domain,
  tools: ToolIndex,
  service: ServiceInfo,
  table: string,
  constraints: ReadonlyArray<Constraint>,
  targets: GoalInput["targets"],
): Constraint[] {
  const out: Constraint[] = constraints.map((c) => ({ ...c }));
  const search = tools.find(["search", "filter", "list"], table).find((t) => t.table === table);
  const missing = search ? requiredFields(search).filter((f) => !out.some((c) => c.field === f)) : [];
  if (missing.length === 0) return out;
  const t = targets?.find((x) => x.table === table && x.service === service.name) ?? targets?.find((x) => x.table === table);
  const key = domain.keyOf(table);
  const row = t ? domain.table(table).find((r) => String(r[key]) === String(t.id)) : domain.table(table).find((r) => out.every((c) => meetsConstraint(r, c)));
  if (!row) return out;
  for (const f of missing) if (row[f] !== undefined && row[f] !== "?") out.push({ field: f, op: "eq", value: row[f], service: service.name, table } as Constraint);
  return out;
}

/** The first row of the search's result, in the tool's own order, whose full row meets every constraint. */
export function firstMeeting(domain: Domain, session: ToolSession, plan: SearchPlan, table: string, constraints: ReadonlyArray<Constraint>): Row | undefined {
  const r = session.call({ name: plan.tool.name, arguments: plan.args });
  if (!r.ok) return undefined;
  const key = domain.keyOf(table);
  const all = session.rows(table);
  for (const seen of toolRows(domain, plan.tool.name, r.data)) {
    const k = seen[key];
    const row = k === undefined ? seen : all.find((x) => String(x[key]) === String(k)) ?? seen;
    if (constraints.every((c) => meetsConstraint(row, c))) return row;
  }
  return undefined;
}

/**
 * A create call's arguments: the found row as its reference, the goal's booking values, and the
 * Missing: a required argument the goal gives no value for.
 */
export function bookingArgs(domain: Domain, service: ServiceInfo, toolName: string, match: Record<string, unknown>, target: Row | undefined): { args: Record<string, unknown> } | { missing: string } {
  const tool = ToolIndex.of(domain).byName(toolName)!;
  const args: Record<string, unknown> = {};
  const venueKey = service.table ? domain.keyOf(service.table) : undefined;
  if (tool.ref) {
    const v = target && venueKey ? target[venueKey] : (venueKey ? match[venueKey] : undefined) ?? match[tool.ref.arg];
    if (v !== undefined) args[tool.ref.arg] = argValue(tool.properties[tool.ref.arg], v);
  }
  for (const [k, v] of Object.entries(match)) {
    if (k === venueKey || args[k] !== undefined || v === undefined) continue;
    if (tool.properties[k]) args[k] = argValue(tool.properties[k], v);
  }
  for (const req of tool.required) {
    if (args[req] !== undefined) continue;
    return { missing: req };
  }
  return { args };
}

/**
 * For a category that declares commands, over a table whose rows belong to a host (a service on
 * an agent): the first declared command that changes the host, with {{service}} the first row
 * that meets the constraints, on its host. Undefined when none of the commands writes.
 */
export function commandAction(domain: Domain, tools: ToolIndex, category: string, table: string, constraints: ReadonlyArray<Constraint>): TaskAction | undefined {
  const tool = tools.find(["command"])[0];
  const commands = domain.category(category)?.commands ?? [];
  const cmdArg = tool?.run.command_arg;
  if (!tool?.keyArg || typeof cmdArg !== "string" || commands.length === 0) return undefined;
  // Only a row reached through its host (no look-up of its own) names the service a command is about.
  if (tools.find(["get", "list", "search"], table).length > 0) return undefined;
  // The rows the category is about (its declared `where`), as scenario-gen grounds its requests in them.
  const where = domain.category(category)?.where ?? [];
  const target = domain.table(table).find((r) => where.every((w) => meetsConstraint(r, w)) && constraints.every((c) => meetsConstraint(r, c)));
  const owner = target ? ownerOf(domain, tools, target, table) : undefined;
  const service = target ? nameOf(target, domain.titleOf(table)) : undefined;
  if (!owner || !service) return undefined;
  const patterns = ((tool.run.commands as Array<{ pattern: string }> | undefined) ?? []).map((c) => new RegExp(c.pattern));
  for (const template of commands) {
    const command = template.replaceAll("{{service}}", service);
    if (!patterns.some((p) => p.test(command))) continue;
    const call = { name: tool.name, arguments: { [tool.keyArg]: owner, [cmdArg]: command } };
    const scratch = createSession(domain);
    if (scratch.call(call).ok && scratch.writes.length > 0) return call;
  }
  return undefined;
}

/** The key of the row a row belongs to, from a get tool that includes this table's rows (`include: [{table, field}]`). */
function ownerOf(domain: Domain, tools: ToolIndex, row: Row, table: string): string | undefined {
  for (const tool of tools.find(["get"])) {
    if (!tool.table) continue;
    for (const inc of (tool.run.include as Array<{ table: string; field: string }> | undefined) ?? []) {
      if (inc.table !== table) continue;
      const v = row[inc.field];
      const key = domain.keyOf(tool.table);
      const hit = v == null ? undefined : domain.table(tool.table).find((r) => String(r[key]) === String(v));
      if (hit) return String(hit[key]);
    }
  }
  return undefined;
}
