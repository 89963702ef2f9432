import type { DialogueExecutor, ToolDef } from "./executor.js";
import { inferCalls } from "./infer.js";
import { offerTool } from "./offered-tools.js";
import { argsOf } from "./recorded.js";
import { isObj, type CallLike, type Domain, type Obj } from "./types.js";

/** Inserts the inferred calls (executed on the state at their point) before the replies they support. */
export function insertInferred(messages: Obj[], domain: Domain, exec: DialogueExecutor, tools: ToolDef[], setup: CallLike[]): { messages: Obj[]; count: number } {
  const found = inferCalls(messages, domain, exec);
  if (found.length === 0) return { messages, count: 0 };
  const at = new Map(found.map((f) => [f.before, f.calls]));
  const out: Obj[] = [];
  const before: CallLike[] = [...setup];
  let n = 0;
  messages.forEach((m, i) => {
    const calls = at.get(i);
    if (calls) {
      const withIds = calls.map((c) => ({ id: `inferred_${++n}`, name: c.name, arguments: c.arguments, inferred: true }));
      out.push({ role: "assistant", content: null, tool_calls: withIds, labels: { intent: "tool_call" } });
      for (const c of withIds) {
        const r = exec.run(c, before);
        if (r.ok && exec.changesSession(c.name)) before.push(c);
        out.push({ role: "tool", tool_call_id: c.id, name: c.name, content: r.content, ok: r.ok, ...(r.error ? { error: r.error } : {}), inferred: true });
        offerTool(tools, domain, c.name);
      }
    }
    // A recorded call that changed the session (a write, an identification) and ran ok is part of the state later inferred calls see.
    if (m.role === "assistant" && Array.isArray(m.tool_calls)) {
      for (const tc of m.tool_calls) {
        if (!isObj(tc) || typeof tc.name !== "string" || !exec.changesSession(tc.name)) continue;
        const tm = messages.find((x) => x.role === "tool" && x.tool_call_id === tc.id);
        if (tm && tm.ok !== false) before.push({ name: tc.name, arguments: argsOf(tc.arguments) });
      }
    }
    out.push(m);
  });
  return { messages: out, count: n };
}
