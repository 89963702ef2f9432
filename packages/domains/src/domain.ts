import type { CategorySpec, CategoryTask, DomainPack, DomainTool, OfflineSpec, ToolRole, Wording } from "@chatmill/schema";
import { createRequire } from "node:module";
import type { Ajv, ValidateFunction } from "ajv";
import type { Domain, PreferencePool, Row, ServiceInfo } from "./contract.js";
import { fieldOf } from "./match.js";
import { PackError } from "./pack-error.js";
import { needsConfirmation } from "./policy.js";
import { categoryWords } from "./sayable.js";
import type { BaseTable } from "./tables.js";

type ToolDef = Domain["tools"][number];

/** A loaded, validated pack: the contract's Domain plus what the tool runtime needs. */
export class LoadedDomain implements Domain {
  readonly name: string;
  readonly services: ServiceInfo[];
  readonly generalCategories: string[];
  readonly intents: string[];
  readonly tools: ToolDef[];
  readonly persona: Domain["persona"];
  readonly offline: OfflineSpec;
  /** The pack's own phrases for the offline engine (checked at load: acts, slots, brackets); undefined: neutral wording only. */
  readonly wording: Wording | undefined;
  /** Tool name → its definition with the `run` spec. */
  readonly toolSpecs: ReadonlyMap<string, DomainTool>;
  private readonly validators = new Map<string, ValidateFunction>();
  private ajv: Ajv | undefined;
  private readonly categories: ReadonlyMap<string, CategorySpec>;
  private tableOrder: Map<string, number> | undefined;

  constructor(
    readonly pack: DomainPack,
    readonly tables: ReadonlyMap<string, BaseTable>,
    /** The pack.json this domain was loaded from. */
    readonly file: string,
    /** The folder holding it (data files are relative to it). */
    readonly dir: string,
    /** The text of the pack's policy file (policy.file), trimmed. */
    readonly policyText?: string,
  ) {
    this.name = pack.name;
    this.services = pack.services.map((s) => ({
      name: s.name,
      ...(s.description !== undefined ? { description: s.description } : {}),
      ...(s.table !== undefined ? { table: s.table } : {}),
      categories: [...s.categories],
      searchFields: [...(s.search_fields ?? [])],
      ...(s.facts ? { facts: [...s.facts], says: [...(s.says ?? s.facts)] } : {}),
      ...(s.booking
        ? {
            booking: {
              create: s.booking.create,
              ...(s.booking.modify !== undefined ? { modify: s.booking.modify } : {}),
              ...(s.booking.cancel !== undefined ? { cancel: s.booking.cancel } : {}),
              fields: [...s.booking.fields],
              ...(s.booking.values ? { values: { ...s.booking.values } } : {}),
              ...(s.booking.booked ? { booked: [...s.booking.booked] } : {}),
            },
          }
        : {}),
    }));
    this.generalCategories = [...pack.general_categories];
    this.intents = [...pack.intents];
    this.tools = pack.tools.map(({ run: _run, ...def }) => {
      const { name, description, parameters } = def.function;
      return { type: "function" as const, function: { name, ...(description !== undefined ? { description } : {}), parameters } };
    });
    this.toolSpecs = new Map(pack.tools.map((t) => [t.function.name, t]));
    this.persona = {
      preferences: (pack.persona?.preferences ?? []).map((p) => ({
        key: p.key,
        values: p.values ? [...p.values] : distinctValues(this.table(p.from!.table), p.from!.field, p.from!.top),
        pick: [p.pick[0], p.pick[1]] as [number, number],
      })) satisfies PreferencePool[],
      styles: [...(pack.persona?.styles ?? [])],
      ...(pack.persona?.budget ? { budget: { currency: pack.persona.budget.currency, byIncome: { ...pack.persona.budget.by_income } } } : {}),
    };
    this.offline = { ...(pack.offline ?? {}) };
    this.wording = pack.wording;
    this.categories = new Map(Object.entries(pack.categories));
  }

  /** The assistant's system prompt in both engines: offline.system_prompt, then the policy text. */
  get systemPrompt(): string | undefined {
    const parts = [this.offline.system_prompt, this.policyText].filter((p): p is string => !!p);
    return parts.length > 0 ? parts.join("\n\n") : undefined;
  }

  /** The one hand-off tool: policy.handoff.tool, else the only tool declared role handoff (the loader refuses two undeclared). */
  get handoffTool(): string | undefined {
    return this.pack.policy?.handoff?.tool ?? this.toolsWithRole("handoff")[0];
  }

  /** Whether the pack's policy asks for the user's yes before this call (a write of a tool in policy.confirm). */
  needsConfirmation(tool: string, args: Record<string, unknown>): boolean {
    return needsConfirmation(this, tool, args);
  }

  table(name: string): readonly Row[] {
    return this.base(name).rows;
  }

  keyOf(table: string): string {
    return this.base(table).key;
  }

  /** A table's position in the pack's database.tables (what digests and references use instead of its name); -1 if unknown. */
  tableIndex(table: string): number {
    this.tableOrder ??= new Map([...this.tables.keys()].map((t, i) => [t, i]));
    return this.tableOrder.get(table) ?? -1;
  }

  titleOf(table: string): string | undefined {
    return this.offline.display?.[table]?.title;
  }

  category(name: string): CategorySpec | undefined {
    return this.categories.get(name);
  }

  taskOf(category: string): CategoryTask | undefined {
    return this.categories.get(category)?.task;
  }

  labelOf(category: string): string {
    return categoryWords(this.categories.get(category));
  }

  roleOf(tool: string): ToolRole | undefined {
    return this.toolSpecs.get(tool)?.role;
  }

  toolsWithRole(role: ToolRole): string[] {
    return this.pack.tools.filter((t) => t.role === role).map((t) => t.function.name);
  }

  /** The service of this name, or undefined. */
  service(name: string): ServiceInfo | undefined {
    return this.services.find((s) => s.name === name);
  }

  /**
   * The compiled argument validator of a tool. Compiled on first use: ajv compiles a
   * schema in ~10 ms, and a run that loads a pack for its categories never calls a tool.
   */
  validator(tool: string): ValidateFunction {
    let v = this.validators.get(tool);
    if (!v) {
      const i = this.pack.tools.findIndex((t) => t.function.name === tool);
      if (i < 0) throw new Error(`domain '${this.name}' has no tool '${tool}'`);
      this.ajv ??= newAjv();
      try {
        v = this.ajv.compile(this.pack.tools[i]!.function.parameters);
      } catch (err) {
        throw new PackError(this.file, `tools[${i}].function.parameters`, `not a usable JSON Schema: ${(err as Error).message}`);
      }
      this.validators.set(tool, v);
    }
    return v;
  }

  /** Compiles every tool's parameters now, so a broken schema is reported at once (tests, `validate`). */
  checkTools(): void {
    for (const t of this.pack.tools) this.validator(t.function.name);
  }

  /** The table behind `table(name)`, with its key index. */
  base(name: string): BaseTable {
    const t = this.tables.get(name);
    if (!t) throw new Error(`domain '${this.name}' has no table '${name}' (it has: ${[...this.tables.keys()].join(", ")})`);
    return t;
  }
}

// ajv loads on the first tool call (≈90 ms), not when a pack is only read for its data.
const require = createRequire(import.meta.url);
function newAjv(): Ajv {
  const { Ajv: AjvClass } = require("ajv") as typeof import("ajv");
  return new AjvClass({ strict: false, allErrors: false, logger: false });
}

/** Distinct values of a field (array fields flattened), most frequent first. */
function distinctValues(rows: readonly Row[], field: string, top?: number): string[] {
  const counts = new Map<string, number>();
  const add = (v: unknown): void => {
    if (v == null || v === "" || v === "?") return;
    if (Array.isArray(v)) return v.forEach(add);
    if (typeof v === "object") return;
    const s = String(v);
    counts.set(s, (counts.get(s) ?? 0) + 1);
  };
  for (const r of rows) add(fieldOf(r, field));
  const sorted = [...counts].sort((a, b) => b[1] - a[1] || (a[0] < b[0] ? -1 : a[0] > b[0] ? 1 : 0)).map(([v]) => v);
  return top ? sorted.slice(0, top) : sorted;
}
