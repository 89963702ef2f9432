import type { DomainPack } from "@chatmill/schema";
import { existsSync, statSync } from "node:fs";
import { resolve } from "node:path";
import { fieldOf } from "./match.js";
import { PackError } from "./pack-error.js";
import type { BaseTable } from "./tables.js";

type Tool = DomainPack["tools"][number];

/** Ops whose addressed rows a scoped tool's `owner` can be checked on (see policy.ts). */
export const OWNER_OPS = new Set(["get", "modify", "cancel", "command", "create", "search", "filter", "list"]);

/**
 * Checks the pack's `policy` section against the rest of the pack: every tool it names
 * exists and can play its part, tables and fields exist, the policy file is there.
 * Errors name the file and the JSON path, like the other reference checks.
 */
export function checkPolicy(pack: DomainPack, tables: ReadonlyMap<string, BaseTable>, file: string, dir: string): void {
  const policy = pack.policy;
  if (!policy) return;
  const fail = (path: string, detail: string): never => {
    throw new PackError(file, path, detail);
  };
  const byName = new Map(pack.tools.map((t) => [t.function.name, t]));
  const toolNames = [...byName.keys()].join(", ");
  const needTool = (name: string, path: string): Tool => byName.get(name) ?? fail(path, `no tool named '${name}' in tools (it has: ${toolNames})`);
  const hasField = (table: string, field: string): boolean => {
    const rows = tables.get(table)?.rows ?? [];
    // Tables that start empty have no fields to check against.
    return rows.length === 0 || rows.some((r) => fieldOf(r, field) !== undefined);
  };

  if (policy.file !== undefined) {
    const path = resolve(dir, policy.file);
    if (!existsSync(path) || !statSync(path).isFile()) fail("policy.file", `no file '${policy.file}' beside the pack (looked for ${path}); write the policy there or fix the name`);
  }

  const id = policy.identity;
  if (id) {
    if (!tables.has(id.table)) fail("policy.identity.table", `no table '${id.table}' in database.tables (it has: ${[...tables.keys()].join(", ")})`);
    id.tools.forEach((name, j) => {
      const t = needTool(name, `policy.identity.tools[${j}]`);
      if (t.role !== "lookup" && t.role !== "search") fail(`policy.identity.tools[${j}]`, `an identity tool finds a person: '${name}' is declared '${t.role}' (declare it lookup or search)`);
      // A transact run reads the tables its refs and row sources name (find_user_id_by_email: a ref over users).
      if (t.run.op === "transact") {
        const read = tablesNamed(t.run);
        if (!read.has(id.table)) fail(`policy.identity.tools[${j}]`, `'${name}' reads ${read.size > 0 ? `tables ${[...read].map((x) => `'${x}'`).join(", ")}` : "no table"}, not the identity table '${id.table}'`);
        return;
      }
      const table = (t.run as { table?: string }).table;
      if (table !== id.table) fail(`policy.identity.tools[${j}]`, `'${name}' reads table '${table ?? "(none)"}', not the identity table '${id.table}'`);
      const project = (t.run as { project?: string[] }).project;
      const key = tables.get(id.table)!.key;
      if (project && !project.includes(key)) fail(`policy.identity.tools[${j}]`, `'${name}' projects away '${key}', the key that names the subject; add it to run.project`);
    });
    if (id.enforced !== false && id.refusal === undefined) fail("policy.identity.refusal", "give the error message a user-scoped tool returns before identification (or declare \"enforced\": false, when the tools must not refuse)");
    const seen = new Set<string>();
    id.scoped.forEach((s, j) => {
      const at = `policy.identity.scoped[${j}]`;
      const t = needTool(s.tool, `${at}.tool`);
      if (seen.has(s.tool)) fail(`${at}.tool`, `'${s.tool}' is listed twice`);
      seen.add(s.tool);
      if (id.tools.includes(s.tool)) fail(`${at}.tool`, `'${s.tool}' is an identity tool; it cannot also need identification`);
      if (s.owner === undefined) return;
      if (id.enforced === false) fail(`${at}.owner`, `the runtime checks owners only for an enforced identity rule, and this one declares "enforced": false: remove owner (the system prompt already says to act only on the user's own records) or enforce the rule`);
      if (id.not_owner === undefined) fail("policy.identity.not_owner", `'${s.tool}' declares an owner field: give the error message for a row of someone else's in policy.identity.not_owner`);
      const table = ownedTable(t);
      if (!OWNER_OPS.has(t.run.op) || table === undefined) {
        fail(`${at}.owner`, `'${s.tool}' (op ${t.run.op}) does not address rows by key nor list them; owner applies to ops ${[...OWNER_OPS].join(", ")} (a create needs a run.ref)`);
      }
      if (!hasField(table!, s.owner)) fail(`${at}.owner`, `no row of table '${table}' has a field '${s.owner}'`);
    });
  }

  const confirm = policy.confirm;
  if (confirm) {
    confirm.tools.forEach((name, j) => {
      const t = needTool(name, `policy.confirm.tools[${j}]`);
      if (t.role !== "act" && !(t.changes && t.changes.length > 0)) fail(`policy.confirm.tools[${j}]`, `'${name}' never writes (role ${t.role}); confirmation is asked before a write, so list only tools that change data`);
    });
    const intent = confirm.consent_intent ?? "confirm";
    if (!pack.intents.includes(intent)) fail(confirm.consent_intent !== undefined ? "policy.confirm.consent_intent" : "policy.confirm", `the consent intent '${intent}' is not one of the pack's intents (${pack.intents.join(", ")})`);
  }

  const handoff = policy.handoff;
  if (handoff) {
    const t = needTool(handoff.tool, "policy.handoff.tool");
    if (t.role !== "handoff") fail("policy.handoff.tool", `'${handoff.tool}' is declared '${t.role}'; the hand-off tool must be declared "role": "handoff"`);
  } else {
    const handoffs = pack.tools.filter((t) => t.role === "handoff").map((t) => t.function.name);
    if (handoffs.length > 1) fail("policy", `${handoffs.length} tools are declared handoff (${handoffs.join(", ")}): name the one the assistant uses in policy.handoff.tool`);
  }
}

/** The table whose rows a tool addresses (by key, by its ref, or by listing), for the owner check. */
export function ownedTable(t: Tool): string | undefined {
  const run = t.run as { op: string; table?: string; ref?: { table: string } };
  if (run.op === "create") return run.ref?.table;
  return run.table;
}

/** The tables a transact run reads: its refs', its row sources' (`{"rows": {"table"}}`) and its look-ups' (`{"lookup"}`). */
function tablesNamed(run: unknown): Set<string> {
  const out = new Set<string>();
  const walk = (v: unknown): void => {
    if (Array.isArray(v)) return v.forEach(walk);
    if (!v || typeof v !== "object") return;
    const o = v as Record<string, unknown>;
    if (typeof o.table === "string") out.add(o.table);
    if (typeof o.lookup === "string") out.add(o.lookup);
    // A literal expression ({"value": …} alone) is data, not a read.
    const keys = Object.keys(o);
    if (keys.length === 1 && keys[0] === "value") return;
    Object.values(o).forEach(walk);
  };
  walk(run);
  return out;
}
