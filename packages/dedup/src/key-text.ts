import { canonicalJson } from "@chatmill/kit";

/**
 * Which text of a record is compared. With no --key: a dialogue's user and assistant
 * turns (one segment per turn, tagged with the role); any other record: its JSON
 * without `id`, with keys sorted. With --key PATH (repeatable): the strings the
 * paths select, one segment each.
 */
export type KeyFn = (value: Record<string, unknown>) => string[];

type Step = { kind: "field"; name: string } | { kind: "index"; index: number } | { kind: "all" };

export function parsePath(path: string): Step[] {
  let s = path.trim();
  if (s.startsWith("$")) s = s.slice(1);
  const steps: Step[] = [];
  let i = 0;
  const fail = (why: string): never => {
    throw new Error(`--key '${path}': ${why}; write a path like .persona.description or $.messages[*].content`);
  };
  while (i < s.length) {
    const c = s[i]!;
    if (c === ".") {
      i++;
      if (s[i] === "*") { steps.push({ kind: "all" }); i++; continue; }
      const m = /^[^.[\]]+/.exec(s.slice(i));
      if (!m) fail(`expected a field name at position ${i + 1}`);
      steps.push({ kind: "field", name: m![0] });
      i += m![0].length;
    } else if (c === "[") {
      const close = s.indexOf("]", i);
      if (close < 0) fail("unclosed '['");
      const inner = s.slice(i + 1, close).trim();
      if (inner === "*") steps.push({ kind: "all" });
      else if (/^-?\d+$/.test(inner)) steps.push({ kind: "index", index: Number(inner) });
      else if (/^(['"]).*\1$/.test(inner)) steps.push({ kind: "field", name: inner.slice(1, -1) });
      else fail(`cannot read '[${inner}]'`);
      i = close + 1;
    } else if (steps.length === 0 && i === 0) {
      // A bare first name: "persona.description".
      const m = /^[^.[\]]+/.exec(s)!;
      steps.push({ kind: "field", name: m[0] });
      i += m[0].length;
    } else fail(`unexpected '${c}' at position ${i + 1}`);
  }
  if (steps.length === 0) fail("the path selects nothing");
  return steps;
}

export function selectPath(value: unknown, steps: Step[]): unknown[] {
  let cur: unknown[] = [value];
  for (const step of steps) {
    const next: unknown[] = [];
    for (const v of cur) {
      if (v === null || typeof v !== "object") continue;
      if (step.kind === "field") {
        if (!Array.isArray(v) && step.name in v) next.push((v as Record<string, unknown>)[step.name]);
      } else if (step.kind === "index") {
        if (Array.isArray(v)) {
          const item = v[step.index < 0 ? v.length + step.index : step.index];
          if (item !== undefined) next.push(item);
        }
      } else if (Array.isArray(v)) next.push(...v);
      else next.push(...Object.values(v));
    }
    cur = next;
  }
  return cur;
}

export function makeKeyFn(paths: readonly string[]): KeyFn {
  if (paths.length === 0) return defaultKey;
  const parsed = paths.map(parsePath);
  return (value) => {
    const out: string[] = [];
    for (const steps of parsed) {
      for (const v of selectPath(value, steps)) {
        if (v === null || v === undefined) continue;
        out.push(typeof v === "string" ? v : typeof v === "object" ? canonicalJson(v) : String(v));
      }
    }
    return out;
  };
}

export function defaultKey(value: Record<string, unknown>): string[] {
  const messages = value.messages;
  if (Array.isArray(messages)) {
    const out: string[] = [];
    for (const m of messages) {
      if (!m || typeof m !== "object") continue;
      const { role, content } = m as { role?: unknown; content?: unknown };
      if ((role === "user" || role === "assistant") && typeof content === "string" && content.length > 0) {
        out.push(content);
      }
    }
    return out;
  }
  const { id: _id, ...rest } = value;
  return [canonicalJson(rest)];
}

