import type { Expect, GoalView, Want } from "./progress.js";
import { isObj, type Domain, type Obj } from "./types.js";

/**
 * What the dialogue is after, as data: the scenario's goal constraints and end state, plus
 * (for imported dialogues, which have no scenario) the slot values of the latest user state.
 */
export function goalView(dialogue: Obj, domain: Domain | undefined, userState: Obj | undefined): GoalView {
  const wants: Want[] = [];
  const expects: Expect[] = [];
  const scenario = isObj(dialogue.scenario) ? dialogue.scenario : undefined;
  const goal = scenario && isObj(scenario.goal) ? scenario.goal : undefined;
  for (const c of Array.isArray(goal?.constraints) ? goal.constraints : []) {
    if (isObj(c) && typeof c.field === "string" && typeof c.op === "string") wants.push(c as unknown as Want);
  }
  for (const e of Array.isArray(goal?.end_state) ? goal.end_state : []) if (isObj(e) && typeof e.type === "string") expects.push(e as unknown as Expect);
  if (userState) wants.push(...wantsFromState(userState));
  const services = new Map<string, { table?: string; tools: string[]; roles?: Record<string, string> }>();
  for (const s of domain?.services ?? []) {
    const b = s.booking;
    const roles: Record<string, string> = {};
    if (b) for (const r of ["create", "modify", "cancel"] as const) if (typeof b[r] === "string") roles[b[r]!] = r;
    services.set(s.name, { ...(s.table !== undefined ? { table: s.table } : {}), tools: b ? [b.create, b.modify, b.cancel].filter((x): x is string => !!x) : [], roles });
  }
  // The services the scenario is about (what a call must serve to move it), when the domain knows them.
  const needs = (Array.isArray(scenario?.services) ? scenario.services : []).filter((x): x is string => typeof x === "string" && services.has(x));
  // The task's expected actions (scenario-gen's gold actions): a fixed-answer tool they call is progress.
  const task = scenario && isObj(scenario.task) && isObj(scenario.task.evaluation) ? scenario.task.evaluation : undefined;
  const actions = (Array.isArray(task?.actions) ? task.actions : []).flatMap((a) => (isObj(a) && typeof a.name === "string" ? [a.name] : []));
  return { wants, expects, services, ...(needs.length > 0 ? { needs } : {}), ...(actions.length > 0 ? { actions } : {}) };
}

/** MultiWOZ/SGD state {service: {slot_values: {"restaurant-food": ["indian"]}}} as constraints. */
export function wantsFromState(state: Obj): Want[] {
  const out: Want[] = [];
  for (const [service, s] of Object.entries(state)) {
    if (!isObj(s) || !isObj(s.slot_values)) continue;
    for (const [slot, values] of Object.entries(s.slot_values)) {
      const value = Array.isArray(values) ? values[0] : values;
      if (value === undefined || value === "dontcare" || /^book/.test(slotName(service, slot))) continue;
      out.push({ field: slotName(service, slot), op: "eq", value, service });
    }
  }
  return out;
}

export function slotName(service: string, slot: string): string {
  return slot.startsWith(`${service}-`) ? slot.slice(service.length + 1) : slot;
}
