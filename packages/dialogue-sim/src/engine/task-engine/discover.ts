import { canonicalJson, type ToolSession } from "@chatmill/domains";
import type { Call, Domain } from "../../contract.js";
import type { Seen } from "./seen.js";

/**
 * How the task engine finds the ids it needs through the pack's read tools. Every call it
 * considers takes only values already seen; it tries them on a fork of the dialogue's session
 * (nobody sees the tries) and makes, for real, the one whose result shows the most of the
 * values still needed. This is where the offline assistant is an oracle: it knows which
 * values the task needs; the calls it makes are still only those a reader of the
 * transcript could have made.
 */
export interface ReadTool {
  name: string;
  required: Array<{ name: string; type: string | undefined }>;
}

/** The pack's look-ups and searches whose required parameters are scalars. */
export function readTools(domain: Domain): ReadTool[] {
  const out: ReadTool[] = [];
  for (const t of domain.tools) {
    const role = domain.roleOf(t.function.name);
    if (role !== "lookup" && role !== "search") continue;
    const params = t.function.parameters as { properties?: Record<string, { type?: string }>; required?: string[] };
    const required = (params.required ?? []).map((name) => ({ name, type: params.properties?.[name]?.type }));
    if (required.some((p) => p.type === "array" || p.type === "object")) continue;
    out.push({ name: t.function.name, required });
  }
  return out;
}

const MAX_PER_PARAM = 40;
const MAX_CALLS_PER_TOOL = 200;

/** Calls of `tool` from seen values: values seen under the parameter's name; for a one-parameter tool, else any id-like value. */
export function candidateCalls(tool: ReadTool, seen: Seen): Call[] {
  const lists: Array<Array<string | number>> = [];
  for (const p of tool.required) {
    let values = seen.candidates(p.name);
    if (values.length === 0 && tool.required.length === 1) values = seen.idLike();
    values = values.filter((v) => fits(v, p.type)).slice(0, MAX_PER_PARAM);
    if (values.length === 0) return [];
    lists.push(values);
  }
  const out: Call[] = [];
  const build = (i: number, args: Record<string, unknown>): void => {
    if (out.length >= MAX_CALLS_PER_TOOL) return;
    if (i === tool.required.length) {
      out.push({ name: tool.name, arguments: { ...args } });
      return;
    }
    for (const v of lists[i]!) build(i + 1, { ...args, [tool.required[i]!.name]: coerce(v, tool.required[i]!.type) });
  };
  build(0, {});
  return out;
}

function fits(v: string | number, type: string | undefined): boolean {
  if (type === "integer") return Number.isInteger(Number(v));
  if (type === "number") return Number.isFinite(Number(v));
  return true;
}

function coerce(v: string | number, type: string | undefined): string | number {
  if (type === "integer" || type === "number") return Number(v);
  return type === "string" ? String(v) : v;
}

/** The leaves of a value (a call's arguments): what must each have been seen. */
export function leaves(v: unknown, out: unknown[] = []): unknown[] {
  if (Array.isArray(v)) for (const x of v) leaves(x, out);
  else if (v && typeof v === "object") for (const x of Object.values(v)) leaves(x, out);
  else out.push(v);
  return out;
}

export function callKey(call: Call): string {
  return `${call.name}\u0000${canonicalJson(call.arguments)}`;
}

/**
 * The next read to make: the candidate whose result shows the most still-needed values, or,
 * when none shows one, the first whose result enables a second call that does (two steps).
 * Undefined when no read from the seen values gets closer.
 */
export function nextRead(domain: Domain, session: ToolSession, seen: Seen, tools: ReadTool[], needed: unknown[], made: ReadonlySet<string>): Call | undefined {
  const missing = needed.filter((v) => !seen.has(v));
  if (missing.length === 0) return undefined;
  let best: { call: Call; score: number } | undefined;
  const opened: Array<{ call: Call; data: unknown }> = [];
  const tried = new Set<string>();
  for (const tool of tools) {
    for (const call of candidateCalls(tool, seen)) {
      if (made.has(callKey(call))) continue;
      tried.add(callKey(call));
      const r = session.fork().call(call);
      if (!r.ok) continue;
      const shown = new Set(leafStrings(r.data));
      const score = missing.filter((v) => shown.has(String(v))).length;
      if (score > (best?.score ?? 0)) best = { call, score };
      else if (score === 0) opened.push({ call, data: r.data });
    }
  }
  if (best) return best.call;
  // Two steps: a read that shows nothing needed yet, but whose result lets a second read show
  // it; the pair that shows the most wins (a fact found in the user's own order, not by chance elsewhere).
  let bestPair: { call: Call; score: number } | undefined;
  for (const first of opened.slice(0, 60)) {
    const probe = seen.clone();
    probe.addResult("", first.data);
    let after: ToolSession | undefined;
    for (const tool of tools) {
      for (const call of candidateCalls(tool, probe)) {
        // Only the calls the first one's result makes possible.
        if (made.has(callKey(call)) || tried.has(callKey(call)) || callKey(call) === callKey(first.call)) continue;
        if (!after) {
          after = session.fork();
          after.call(first.call);
        }
        const r = after.fork().call(call);
        if (!r.ok) continue;
        const shown = new Set(leafStrings(r.data));
        const score = missing.filter((v) => shown.has(String(v))).length;
        if (score > (bestPair?.score ?? 0)) bestPair = { call: first.call, score };
      }
    }
  }
  if (bestPair) return bestPair.call;
  return undefined;
}

/** Every scalar of a result, and the id-like keys of its maps, as text. */
export function leafStrings(v: unknown, out: string[] = []): string[] {
  if (Array.isArray(v)) for (const x of v) leafStrings(x, out);
  else if (v && typeof v === "object") {
    for (const [k, x] of Object.entries(v)) {
      out.push(k);
      leafStrings(x, out);
    }
  } else if (v !== null && v !== undefined) out.push(String(v));
  return out;
}
