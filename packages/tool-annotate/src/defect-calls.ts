// The defects that call the wrong thing: another offered tool (wrong_tool), an earlier call
// again (unnecessary_call), tool "none", and a reply that miscounts the result (wrong_count).
import type { AltContext, Proposal } from "./alt-context.js";
import { sameOutcome } from "./alt-context.js";
import { sameCall } from "./canonical.js";
import { idsFrom } from "./defect-ids.js";
import type { ToolInfo } from "./tool-info.js";
import type { Obj } from "./types.js";

export function wrongTool(c: AltContext): Proposal | undefined {
  // Only a tool the model was offered: a call to one it never saw is not a mistake it could make.
  const others = c.executor.offered().filter((t) => t.name !== c.call.name && t.name !== "none" && !equivalent(t, c.info));
  const same = others.filter((t) => c.info?.table !== undefined && t.table === c.info.table);
  const order = [...c.rng.shuffle(same), ...c.rng.shuffle(others.filter((t) => !same.includes(t)))];
  for (const t of order) {
    const args = fillArgs(t, c);
    if (!args) continue;
    const call = { name: t.name, arguments: args };
    // Another tool that gives the chosen call's own result is an equivalent, not a defect.
    if (sameOutcome(c, call)) continue;
    return { defect: "wrong_tool", call, detail: `calls ${t.name} instead of ${c.call.name}` };
  }
  return undefined;
}

/** Two tools the pack declares alike: the same operation on the same table (find_bus and find_train on trains). */
function equivalent(t: ToolInfo, chosen: ToolInfo | undefined): boolean {
  const a = t.run as Obj | undefined;
  const b = chosen?.run as Obj | undefined;
  if (!a || !b || a.op !== b.op || a.table !== b.table) return false;
  return JSON.stringify(a.filters ?? null) === JSON.stringify(b.filters ?? null) || a.op === "create" || a.op === "modify" || a.op === "cancel";
}

/**
 * Arguments for another tool from the chosen call's arguments and the ids the dialogue showed
 * before the call (not the chosen result's: a call cannot name what only its own result shows);
 * undefined when a required one has no value.
 */
function fillArgs(t: ToolInfo, c: AltContext): Obj | undefined {
  const args: Obj = {};
  for (const p of Object.keys(t.properties)) if (p in c.call.arguments) args[p] = c.call.arguments[p];
  for (const id of t.idArgs) {
    if (id.arg in args) continue;
    const known = idsFrom(c, id.table);
    if (known.length === 0) continue;
    args[id.arg] = id.many ? known.slice(0, 2) : known[0];
    if (id.many && known.length < 2) delete args[id.arg];
  }
  if (t.required.some((r) => !(r in args))) return undefined;
  return args;
}

export function unnecessaryCall(c: AltContext): Proposal | undefined {
  for (let i = c.earlier.length - 1; i >= 0; i--) {
    const e = c.earlier[i]!;
    if (c.executor.writes(e.name) || sameCall(e, c.call)) continue;
    return { defect: "unnecessary_call", call: { name: e.name, arguments: e.arguments }, detail: `repeats the earlier ${e.name} call instead of what the user asked now` };
  }
  return undefined;
}

export function toolNone(c: AltContext): Proposal | undefined {
  if (c.call.name === "none") return undefined;
  const offered = c.executor.info("none");
  if (!offered) {
    // Where the domain has no "none" tool, the seed-004 failure is text: a JSON plan
    // naming tool "none" that the executor cannot run (it breaks execution).
    return {
      defect: "tool_none",
      text: JSON.stringify({ tool: "none", args: {} }),
      detail: `emits tool "none", which is not a tool, when ${c.call.name} was needed`,
    };
  }
  return {
    defect: "tool_none",
    call: { name: "none", arguments: "reason" in offered.properties ? { reason: "no tool needed" } : {} },
    detail: `answers with tool "none" when ${c.call.name} was needed`,
  };
}

export function wrongCount(c: AltContext): Proposal | undefined {
  const n = c.rows?.length;
  if (n === undefined || n === 0) return undefined;
  // The defect is in the reply: with no reply to compare, the pair's two sides would not differ.
  const reply = c.reply?.trim();
  if (!reply) return undefined;
  const options = [n + 1, n + 2, n + 3, n - 1].filter((x) => x > 0 && x !== n && x !== c.total);
  const m = c.rng.pick(options);
  const noun = m === 1 ? "option" : "options";
  const text = `I found ${m} ${noun} for you. ${reply}`;
  return { defect: "wrong_count", call: { name: c.call.name, arguments: c.call.arguments }, text, detail: `says ${m} where the result lists ${n}` };
}
