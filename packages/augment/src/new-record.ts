// The new dialogue record augment writes: the source's own fields anonymised around the new
// persona and messages, and its outcome, judged as every engine judges one.
import { judgedOutcome, type Domain, type TranscriptMessage } from "@chatmill/domains";
import { Task, type Persona } from "@chatmill/schema";
import type { Anonymiser } from "./anonymise.js";
import { isObj, type Obj } from "./source-skeleton.js";

/** The new record: the source's own fields (anonymised), the new persona and messages. */
export function assemble(source: Obj, messages: Obj[], anon: Anonymiser, persona: Persona, setup: Array<{ name: string; arguments: Obj }>, version: string): Obj {
  const { id: _id, messages: _m, meta, scenario, persona: _p, annotated: _a, outcome: _o, source: src, ...rest } = source;
  const out: Obj = { ...anon.value(rest) };
  if (isObj(scenario)) out.scenario = { ...anon.value(scenario), persona };
  else out.persona = persona;
  out.messages = messages;
  out.source = { ...(isObj(src) ? anon.value(src) : {}), augmented_from: String(source.id) };
  out.meta = { engine: "offline", tool: "augment", version, ...(isObj(meta) ? { source_meta: { engine: meta.engine, tool: meta.tool } } : {}), ...(setup.length > 0 ? { setup } : {}) };
  return out;
}

/** The outcome as for any dialogue: the checker on the scenario's task, else the skeleton's last calls. */
export function outcomeOf(source: Obj, dialogue: Obj, messages: Obj[], domain: Domain | undefined, setup: Array<{ name: string; arguments: Obj }>): Obj {
  const scenario = isObj(dialogue.scenario) ? dialogue.scenario : undefined;
  const task = scenario?.task !== undefined ? Task.safeParse(scenario.task) : undefined;
  if (task?.success && domain) {
    // The outcome every engine gives a dialogue with a task (judgedOutcome), so audit agrees with it.
    return judgedOutcome(domain, task.data, messages as unknown as TranscriptMessage[], setup) as unknown as Obj;
  }
  const why = task && !task.success ? "the scenario's task is not a valid task" : task && !domain ? "the scenario has a task but no pack to judge it on" : "the source has no scenario task to judge";
  const prior = isObj(source.outcome) ? source.outcome : undefined;
  if (prior && typeof prior.goal_met === "boolean" && typeof prior.reward === "number" && typeof prior.resolution === "string") {
    // The calls re-ran to the results the source was judged on, so its end state — and its outcome — hold.
    return { resolution: prior.resolution, goal_met: prior.goal_met, reward: prior.reward, reason: `not judged (${why}): the source's outcome is kept: its calls give the results it was judged on` };
  }
  // No task and no outcome (an import): the goal is the skeleton's, met when the last attempt of every tool succeeded.
  const lastOk = new Map<string, boolean>();
  const names = new Map<string, string>();
  for (const m of messages) {
    if (m.role === "assistant" && Array.isArray(m.tool_calls)) for (const c of m.tool_calls as Obj[]) names.set(String(c.id), String(c.name));
    if (m.role === "tool") lastOk.set(names.get(String(m.tool_call_id)) ?? String(m.name), m.ok !== false);
  }
  const failed = [...lastOk].filter(([, ok]) => !ok).map(([n]) => n);
  const goal = failed.length === 0;
  return {
    resolution: goal ? "resolved" : "failed",
    goal_met: goal,
    reward: goal ? 1 : 0,
    reason: `not judged (${why}): goal_met = the last call of each of the ${lastOk.size} tool(s) succeeded${failed.length ? `; failed: ${failed.join(", ")}` : ""}`,
  };
}
