import type { Converted } from "./convert-turns.js";
import type { ServiceTools } from "./frames-schema.js";
import { isObj, kindOf, shapeError, type Obj } from "./shape.js";
import type { FunctionTool } from "./tools.js";

/** System dialogue acts (SGD / MultiWOZ) as chatmill's assistant intents. */
const SYSTEM_ACT_INTENT: Record<string, string> = {
  OFFER: "recommend", OFFER_INTENT: "recommend", INFORM: "inform", INFORM_COUNT: "search",
  REQUEST: "clarify", CONFIRM: "confirm", NOTIFY_SUCCESS: "confirm", NOTIFY_FAILURE: "failure",
  REQ_MORE: "offer_help", GOODBYE: "farewell",
};

/**
 * A MultiWOZ 2.2 or SGD dialogue ({dialogue_id, services, turns[{speaker, utterance,
 * frames}]}). USER turns keep the dialogue state of their frames on the message
 * (`state`, by service) and the active intent in labels.intent; SGD SYSTEM frames'
 * service_call / service_results become an assistant tool call and its tool result
 * before the system's utterance. MultiWOZ has no calls: tool-annotate can infer them
 * from `state`.
 */
export function convertFrames(value: unknown, schemaTools?: ServiceTools): Converted {
  if (!isObj(value)) throw shapeError("", `expected a dialogue object, got ${kindOf(value)}`);
  const { dialogue_id: dialogueId, turns, services, ...rest } = value;
  if (typeof dialogueId !== "string" && typeof dialogueId !== "number") throw shapeError("/dialogue_id", "a MultiWOZ/SGD dialogue needs a dialogue_id");
  if (!Array.isArray(turns)) throw shapeError("/turns", `a MultiWOZ/SGD dialogue needs turns (an array), got ${kindOf(turns)}`);
  if (turns.length === 0) throw shapeError("/turns", "the dialogue has no turns");
  if (services !== undefined && !(Array.isArray(services) && services.every((s) => typeof s === "string"))) {
    throw shapeError("/services", "services must be a list of service names");
  }
  const serviceList = (services as string[] | undefined) ?? [];
  const messages: Obj[] = [];
  const used = new Map<string, { service: string; params: Set<string> }>();
  let calls = 0;
  const previousState = new Map<string, string>();

  turns.forEach((turn, i) => {
    const path = `/turns/${i}`;
    if (!isObj(turn)) throw shapeError(path, `a turn must be an object, got ${kindOf(turn)}`);
    if (turn.speaker !== "USER" && turn.speaker !== "SYSTEM") throw shapeError(`${path}/speaker`, `speaker must be "USER" or "SYSTEM", got ${JSON.stringify(turn.speaker)}`);
    if (typeof turn.utterance !== "string") throw shapeError(`${path}/utterance`, `a turn needs its utterance as a string, got ${kindOf(turn.utterance)}`);
    const frames = turn.frames ?? [];
    if (!Array.isArray(frames)) throw shapeError(`${path}/frames`, `frames must be an array, got ${kindOf(frames)}`);
    frames.forEach((f, j) => {
      if (!isObj(f) || typeof f.service !== "string") throw shapeError(`${path}/frames/${j}/service`, "every frame needs its service name");
    });
    const fs = frames as Obj[];
    const acts = uniqueActs(fs, path);

    if (turn.speaker === "USER") {
      const state: Obj = {};
      const current: string[] = [];
      for (const f of fs) {
        if (f.state === undefined) continue;
        if (!isObj(f.state)) throw shapeError(`${path}/frames/${fs.indexOf(f)}/state`, `state must be an object, got ${kindOf(f.state)}`);
        const s = f.state;
        const active = typeof s.active_intent === "string" ? s.active_intent : "NONE";
        const slotValues = isObj(s.slot_values) ? s.slot_values : {};
        const requested = Array.isArray(s.requested_slots) ? s.requested_slots : [];
        const service = f.service as string;
        // A frame is what the user talks about when it has acts or slots, or (MultiWOZ
        // copies carry neither) when its state changed since the user's last turn.
        let touched = (Array.isArray(f.actions) && f.actions.length > 0) || (Array.isArray(f.slots) && f.slots.length > 0);
        if (!touched && (active !== "NONE" || Object.keys(slotValues).length > 0)) {
          const key = JSON.stringify([active, slotValues, requested]);
          touched = previousState.get(service) !== key;
          previousState.set(service, key);
        }
        if (active === "NONE" && Object.keys(slotValues).length === 0 && requested.length === 0) continue;
        state[service] = { active_intent: active, requested_slots: requested, slot_values: slotValues };
        if (touched && active !== "NONE") current.push(active);
      }
      const anyActive = Object.values(state).map((s) => (s as Obj).active_intent as string).find((a) => a !== "NONE");
      const intent = current[0] ?? anyActive;
      const labels: Obj = { ...(intent ? { intent } : {}), ...(acts.length > 0 ? { acts } : {}) };
      messages.push({
        role: "user",
        content: turn.utterance,
        ...(Object.keys(labels).length > 0 ? { labels } : {}),
        ...(Object.keys(state).length > 0 ? { state } : {}),
      });
      return;
    }

    const toolCalls: Obj[] = [];
    const results: Obj[] = [];
    fs.forEach((f, j) => {
      if (f.service_call === undefined) return;
      const cpath = `${path}/frames/${j}/service_call`;
      const call = f.service_call;
      if (!isObj(call) || typeof call.method !== "string" || call.method === "") throw shapeError(`${cpath}/method`, "a service_call needs its method name");
      const params = call.parameters ?? {};
      if (!isObj(params)) throw shapeError(`${cpath}/parameters`, `service_call parameters must be an object, got ${kindOf(params)}`);
      const name = toolName(f.service as string, call.method, used);
      for (const p of Object.keys(params)) used.get(name)!.params.add(p);
      calls += 1;
      const id = `call_${calls}`;
      toolCalls.push({ id, name, arguments: params });
      const res = f.service_results ?? [];
      if (!Array.isArray(res)) throw shapeError(`${path}/frames/${j}/service_results`, `service_results must be an array, got ${kindOf(res)}`);
      results.push({ role: "tool", tool_call_id: id, name, content: JSON.stringify(res), ok: true });
    });
    if (toolCalls.length > 0) messages.push({ role: "assistant", content: null, tool_calls: toolCalls }, ...results);
    const intent = acts.map((a) => SYSTEM_ACT_INTENT[a]).find((x) => x !== undefined);
    const labels: Obj = { ...(intent ? { intent } : {}), ...(acts.length > 0 ? { acts } : {}) };
    messages.push({ role: "assistant", content: turn.utterance, ...(Object.keys(labels).length > 0 ? { labels } : {}) });
  });

  return {
    messages,
    tools: toolsFor(serviceList, used, schemaTools),
    rest: { ...rest, ...(serviceList.length > 0 ? { services: serviceList } : {}) },
    sourceId: String(dialogueId),
  };
}

function uniqueActs(frames: Obj[], path: string): string[] {
  const acts: string[] = [];
  frames.forEach((f, j) => {
    if (f.actions === undefined) return;
    if (!Array.isArray(f.actions)) throw shapeError(`${path}/frames/${j}/actions`, `actions must be an array, got ${kindOf(f.actions)}`);
    for (const a of f.actions) if (isObj(a) && typeof a.act === "string" && !acts.includes(a.act)) acts.push(a.act);
  });
  return acts;
}

/** The method's name, qualified by its service only when two services of one dialogue share it. */
function toolName(service: string, method: string, used: Map<string, { service: string; params: Set<string> }>): string {
  const prior = used.get(method);
  const name = !prior || prior.service === service ? method : `${service}_${method}`;
  if (!used.has(name)) used.set(name, { service, params: new Set() });
  return name;
}

/** The schema's tools for the dialogue's services, else tools described from the calls seen. */
function toolsFor(services: string[], used: Map<string, { service: string; params: Set<string> }>, schemaTools?: ServiceTools): FunctionTool[] {
  const tools: FunctionTool[] = [];
  const have = new Set<string>();
  if (schemaTools) {
    for (const s of services) {
      for (const t of schemaTools.get(s) ?? []) {
        if (have.has(t.function.name)) continue;
        have.add(t.function.name);
        tools.push(t);
      }
    }
  }
  for (const [name, { service, params }] of used) {
    if (have.has(name)) continue;
    have.add(name);
    const properties: Obj = {};
    for (const p of params) properties[p] = { type: "string" };
    tools.push({
      type: "function",
      function: { name, description: `${service} service call (described from the calls seen; pass --schema for full definitions)`, parameters: { type: "object", properties } },
    });
  }
  return tools;
}
