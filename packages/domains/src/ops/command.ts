import type { Row } from "../contract.js";
import { fieldOf, testValue } from "../match.js";
import { keyString } from "../tables.js";
import { brokenInvariant, plainScope } from "./invariants.js";
import { type OpContext, type OpResult, type RunOf, fail } from "./types.js";

type Rule = RunOf<"command">["commands"][number];
const compiled = new WeakMap<Rule, RegExp>();

function regexOf(rule: Rule): RegExp {
  let re = compiled.get(rule);
  if (!re) {
    re = new RegExp(rule.pattern);
    compiled.set(rule, re);
  }
  return re;
}

function render(template: string, row: Row, groups: readonly string[]): string {
  return template.replace(/\{\{\s*([^}]+?)\s*\}\}/g, (_, name: string) => {
    const v = name.startsWith("$") ? groups[Number(name.slice(1))] : fieldOf(row, name);
    return v == null ? "" : String(v);
  });
}

/** command: runs a command on a host by the pack's rules; rules may change state (restart a service). */
export function runCommand(ctx: OpContext, run: RunOf<"command">): OpResult {
  const view = ctx.state.view(run.table);
  const key = keyString(ctx.args[run.key_arg]);
  const host = view.get(key);
  if (!host) return fail("not_found", `No ${run.table} with ${view.key} '${key}'.`, { table: run.table });
  if (run.offline && run.offline.values.some((v) => testValue(fieldOf(host, run.offline!.field), "eq", v))) {
    return fail("timeout", `${key} did not answer within 30 s (${run.offline.field}: ${keyString(fieldOf(host, run.offline.field))}).`);
  }
  const command = String(ctx.args[run.command_arg]).trim().replace(/\s+/g, " ");
  const result = (output: string, exit_code: number): OpResult => ({
    ok: true,
    data: { [run.key_arg]: key, command, exit_code, output },
  });
  for (const rule of run.commands) {
    const m = regexOf(rule).exec(command);
    if (!m) continue;
    const groups = [...m].map((g) => g ?? "");
    const parts: string[] = [];
    if (rule.output !== undefined) parts.push(render(rule.output, host, groups));
    if (rule.each) {
      const each = rule.each;
      const other = ctx.state.view(each.table);
      const match = Object.entries(each.match).map(([f, t]) => [f, render(t, host, groups)] as const);
      const rows = other.rows().filter((r) => match.every(([f, v]) => testValue(fieldOf(r, f), "eq", v)));
      if (rows.length === 0) return result(render(each.empty ?? "", host, groups), each.empty_exit_code ?? 0);
      if (each.header) parts.push(each.header);
      for (const r of rows) {
        const line = render(each.line, { ...host, ...r }, groups);
        if (line) parts.push(line);
      }
    }
    // Every change is computed and checked against the tables' invariants before the first is written.
    const updates: Array<{ table: string; key: string; row: Row }> = [];
    for (const effect of rule.effects ?? []) {
      const other = ctx.state.view(effect.table);
      const match = Object.entries(effect.match).map(([f, t]) => [f, render(t, host, groups)] as const);
      for (const r of other.rows().filter((x) => match.every(([f, v]) => testValue(fieldOf(x, f), "eq", v)))) {
        const next: Record<string, unknown> = { ...r };
        for (const [f, v] of Object.entries(effect.set)) next[f] = typeof v === "string" ? render(v, host, groups) : v;
        const broken = brokenInvariant(ctx.domain, effect.table, next, plainScope(ctx));
        if (broken) return broken;
        updates.push({ table: effect.table, key: keyString(r[other.key]), row: next });
      }
    }
    for (const u of updates) ctx.state.update(u.table, u.key, u.row);
    return result(parts.join("\n"), rule.exit_code ?? 0);
  }
  const unknown = run.unknown ?? { output: `${command.split(" ")[0]}: command not found`, exit_code: 127 };
  return result(render(unknown.output, host, []), unknown.exit_code);
}
