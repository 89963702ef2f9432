import { createSession } from "@chatmill/domains";
import { openPack } from "./check.js";

/** One call's line of output: what was called and what the tool returned (its JSON, or its text). */
export interface CallResult {
  name: string;
  arguments: Record<string, unknown>;
  ok: boolean;
  result: unknown;
}

/** A line that is not a call: where, and what is wrong with it. */
export interface CallProblem {
  line: number;
  message: string;
}

const isObj = (v: unknown): v is Record<string, unknown> => typeof v === "object" && v !== null && !Array.isArray(v);

/** A call as a line gives it: {"name", "arguments"} (or OpenAI's {"function": {name, arguments}}, arguments an object or its JSON text). */
export function readCall(text: string): { name: string; arguments: Record<string, unknown> } {
  let v: unknown;
  try {
    v = JSON.parse(text);
  } catch (err) {
    throw new Error(`not JSON (${(err as Error).message}): give {"name": TOOL, "arguments": {...}}`);
  }
  const c = isObj(v) && isObj(v.function) ? v.function : v;
  if (!isObj(c) || typeof c.name !== "string" || c.name === "") throw new Error(`a call is {"name": TOOL, "arguments": {...}}; got ${text.length > 80 ? `${text.slice(0, 77)}...` : text}`);
  let args = c.arguments ?? {};
  if (typeof args === "string") {
    try {
      args = JSON.parse(args);
    } catch {
      throw new Error(`'${c.name}': arguments is a string that is not JSON`);
    }
  }
  if (!isObj(args)) throw new Error(`'${c.name}': arguments must be an object`);
  return { name: c.name, arguments: args };
}

/**
 * Runs calls in order on one session of the pack (its initial data, no injected failures; the
 * pack's policy applies, so an identity tool must come first where the policy asks for one), as
 * the tools would answer a dialogue. Lines that are not calls are reported and skipped.
 */
export function runCalls(pack: string, lines: readonly string[]): { results: CallResult[]; problems: CallProblem[] } {
  const domain = openPack(pack);
  const session = createSession(domain, { failureRate: 0 });
  const results: CallResult[] = [];
  const problems: CallProblem[] = [];
  lines.forEach((text, i) => {
    if (text.trim() === "") return;
    let call: ReturnType<typeof readCall>;
    try {
      call = readCall(text);
    } catch (err) {
      problems.push({ line: i + 1, message: (err as Error).message });
      return;
    }
    const r = session.call(call);
    let result: unknown = r.content;
    try {
      result = JSON.parse(r.content);
    } catch {
      /* a text result stays text */
    }
    results.push({ name: call.name, arguments: call.arguments, ok: r.ok, result });
  });
  return { results, problems };
}
