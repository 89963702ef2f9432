import type { Domain } from "../contract.js";

/**
 * The pack's tools read from their declared `run` specs, and how a search is asked for a set of
 * constraints: shared by the task derivation (which finds the row a search shows first) and the
 * offline engine (which runs that search), so both see the same rows in the same order.
 */

/** A condition on a row, as a goal states it (the engine's Constraint and the schema's fit it). */
export interface Constraint {
  field: string;
  op: string;
  value?: unknown;
}

type Run = Record<string, unknown> & { op: string; table?: string };
export interface Filter {
  arg: string;
  field: string;
  op: string;
}

/** One of the pack's tools, read from its declarative `run` spec: what it does and to which table. */
export interface ToolInfo {
  name: string;
  /** The declared role (lookup, search, act, handoff, think, none). */
  role: string;
  /** For a lookup whose rows describe rows of another table (reviews of an item): that table. */
  about?: string;
  op: string;
  table?: string;
  run: Run;
  filters: Filter[];
  /** Free-text argument and the fields it searches. */
  text?: { arg: string; fields: string[] };
  /** Argument naming one row (get, similar, availability, modify, cancel, command host). */
  keyArg?: string;
  /** For create: the argument naming the venue/item, and its table. */
  ref?: { arg: string; table: string };
  properties: Record<string, Record<string, unknown>>;
  required: string[];
}

/**
 * The domain's tools as the assistant policy sees them, so the policy works on any pack
 * (built in or a user's own) without knowing tool names: it chooses by operation and table.
 */
export class ToolIndex {
  readonly all: ToolInfo[];
  private static readonly cache = new WeakMap<Domain, ToolIndex>();

  /** One index per loaded domain: packs are read-only, so every dialogue can share it. */
  static of(domain: Domain): ToolIndex {
    let idx = ToolIndex.cache.get(domain);
    if (!idx) ToolIndex.cache.set(domain, (idx = new ToolIndex(domain)));
    return idx;
  }

  constructor(readonly domain: Domain) {
    this.all = domain.pack.tools.map((t) => {
      const run = t.run as Run;
      const params = t.function.parameters as { properties?: Record<string, Record<string, unknown>>; required?: string[] };
      const filters = ((run.filters as Filter[] | undefined) ?? []).map((f) => ({ arg: f.arg, field: f.field, op: f.op ?? "eq" }));
      const text = run.text as { arg: string; fields: string[] } | undefined;
      const keyArg = (run.key_arg as string | undefined) ?? (run.anchor as { arg?: string } | undefined)?.arg ?? (run.keys_arg as string | undefined);
      const refSpec = run.ref as { arg?: string; table?: string } | undefined;
      const info: ToolInfo = {
        name: t.function.name,
        role: t.role,
        ...(t.about !== undefined ? { about: t.about } : {}),
        op: run.op,
        filters,
        run,
        properties: params.properties ?? {},
        required: params.required ?? [],
      };
      if (typeof run.table === "string") info.table = run.table;
      if (text) info.text = text;
      if (keyArg) info.keyArg = keyArg;
      if (refSpec?.arg && refSpec.table) info.ref = { arg: refSpec.arg, table: refSpec.table };
      return info;
    });
  }

  byName(name: string): ToolInfo | undefined {
    return this.all.find((t) => t.name === name);
  }

  /** The tools the pack declares with this role, in pack order. */
  withRole(role: string): ToolInfo[] {
    return this.all.filter((t) => t.role === role);
  }

  /** Tools of these operations over a table, best first (more filters first for searches). */
  find(ops: readonly string[], table?: string): ToolInfo[] {
    return this.all
      .filter((t) => ops.includes(t.op) && (table === undefined || t.table === table || t.ref?.table === table))
      .sort((a, b) => ops.indexOf(a.op) - ops.indexOf(b.op) || b.filters.length - a.filters.length);
  }

  /** A search tool over a table and arguments for the constraints it can express. */
  searchFor(table: string, constraints: readonly Constraint[], exclude: readonly string[] = []): SearchPlan | undefined {
    let best: SearchPlan | undefined;
    for (const tool of this.find(["search", "filter", "list"], table)) {
      if (exclude.includes(tool.name)) continue;
      const plan = planSearch(tool, constraints);
      if (!plan) continue;
      if (!best || plan.covered > best.covered) best = plan;
    }
    return best;
  }

  /**
   * How to read the row the constraints name: the search plan that covers most of them, else a
   * get tool over the table whose key (or its `by` field) a constraint gives exactly. The task's
   * derivation and the offline assistant both read an information service's row this way.
   */
  readFor(table: string, constraints: readonly Constraint[]): SearchPlan | undefined {
    const search = this.searchFor(table, constraints);
    if (search) return search;
    for (const tool of this.find(["get"], table)) {
      if (tool.table !== table || !tool.keyArg) continue;
      const field = typeof tool.run.by === "string" ? tool.run.by : this.domain.keyOf(table);
      const c = constraints.find((x) => x.field === field && (x.op === "eq" || x.op === undefined) && x.value !== undefined);
      if (c) return { tool, args: { [tool.keyArg]: argValue(tool.properties[tool.keyArg], c.value) }, covered: 1 };
    }
    return undefined;
  }
}

/** Fields behind a search tool's required arguments: what the user must say before it can run. */
export function requiredFields(tool: ToolInfo): string[] {
  return tool.required.map((r) => tool.filters.find((f) => f.arg === r)?.field).filter((f): f is string => !!f);
}

export interface SearchPlan {
  tool: ToolInfo;
  args: Record<string, unknown>;
  /** How many constraints became arguments. */
  covered: number;
}

const opFits = (filterOp: string, c: Constraint): boolean => {
  if (filterOp === c.op) return true;
  // "leaving at 07:34" is asked as "leaving after 07:34": the tool sorts, the exact one comes first.
  // "arriving by 20:54" is asked as "arriving at or before 20:54"; planSearch widens the page.
  if (c.op === "eq") return ["eq", "contains", "match", "in", "gte", "lte"].includes(filterOp);
  if (c.op === "contains") return ["eq", "contains", "match", "in"].includes(filterOp);
  if (c.op === "lt") return filterOp === "lte";
  if (c.op === "gt") return filterOp === "gte";
  return false;
};

function planSearch(tool: ToolInfo, constraints: readonly Constraint[]): SearchPlan | undefined {
  const args: Record<string, unknown> = {};
  let covered = 0;
  const words: string[] = [];
  for (const c of constraints) {
    const f = tool.filters.find((x) => x.field === c.field && opFits(x.op, c) && args[x.arg] === undefined);
    if (f) {
      args[f.arg] = argValue(tool.properties[f.arg], c.value);
      covered++;
      // An exact value asked as an upper bound comes last in an ascending list: ask for the longest page.
      const limitArg = tool.run.limit_arg;
      if (c.op === "eq" && f.op === "lte" && typeof limitArg === "string" && tool.properties[limitArg]) {
        const max = tool.properties[limitArg]!.maximum;
        args[limitArg] = typeof max === "number" ? max : 20;
      }
    } else if (tool.text && tool.text.fields.includes(c.field) && (typeof c.value === "string" || typeof c.value === "number")) {
      words.push(String(c.value));
      covered++;
    }
  }
  if (tool.text && words.length > 0) args[tool.text.arg] = words.join(" ");
  for (const r of tool.required) if (args[r] === undefined) return undefined;
  return { tool, args, covered };
}

/** A constraint value typed as the argument's JSON Schema asks. */
export function argValue(schema: Record<string, unknown> | undefined, value: unknown): unknown {
  const type = schema?.type;
  if ((type === "number" || type === "integer") && typeof value === "string" && /^-?\d+(\.\d+)?$/.test(value)) return Number(value);
  if (type === "string" && typeof value === "number") return String(value);
  if (type === "array" && !Array.isArray(value)) return [value];
  if (type === "boolean" && typeof value === "string") return value === "yes" || value === "true";
  if (Array.isArray(schema?.enum) && typeof value === "string") {
    const hit = (schema.enum as unknown[]).find((e) => typeof e === "string" && e.toLowerCase() === value.toLowerCase());
    if (hit !== undefined) return hit;
  }
  return value;
}
