import type { Domain } from "@chatmill/domains";
import { UsageError, errorMessage, mapConcurrent, type InputRecord, type RunContext, type Transform } from "@chatmill/kit";
import type { Llm } from "@chatmill/llm";
import { Persona, type Scenario } from "@chatmill/schema";
import { CombinationBalancer } from "./combinations.js";
import { ScenarioMaker, type ScenarioOptions } from "./scenario.js";

export interface GenerateOptions extends Omit<ScenarioOptions, "domain" | "balancer"> {
  /** The domain for every persona; without it, each persona's own `domain` field is loaded. */
  domain?: Domain;
  /** Loads a domain by name or path (for personas that name their own). */
  loadDomain?: (nameOrPath: string) => Domain | Promise<Domain>;
  /** Scenarios per persona. */
  perPersona?: number;
  /** Exact balancing across service combinations: stateful, so output depends on input order and split. */
  balance?: boolean;
  /** --engine openai: the writer role rewrites each scenario's goal text and narrative. */
  llm?: Llm;
}

/**
 * scenario-gen as a transform: Persona records in, `perPersona` Scenario records out for each.
 * A persona that is not a valid Persona is rejected with the JSON path of what is wrong.
 */
export function scenarioTransform(opts: GenerateOptions, ctx: RunContext): Transform {
  if (opts.balance && ctx.shard && ctx.shard.count > 1) {
    throw new UsageError("--balance balances across all the records one process sees, so shards would not add up to one run: use it without --shard");
  }
  const balancer = opts.balance ? new CombinationBalancer() : undefined;
  const makers = new Map<string, ScenarioMaker | Error>();
  const makerFor = async (domain: Domain | string): Promise<ScenarioMaker | Error> => {
    const name = typeof domain === "string" ? domain : domain.name;
    let maker = makers.get(name);
    if (!maker) {
      try {
        const d = typeof domain === "string" ? await opts.loadDomain!(domain) : domain;
        maker = new ScenarioMaker({ ...opts, domain: d, ...(balancer ? { balancer } : {}) });
      } catch (err) {
        maker = new Error(`cannot load domain '${name}': ${errorMessage(err)}`);
      }
      makers.set(name, maker);
    }
    return maker;
  };
  const perPersona = opts.perPersona ?? 1;

  /** The scenarios of one input record, or undefined when it was rejected. */
  const scenariosOf = async (rec: InputRecord): Promise<Scenario[] | undefined> => {
    {
      const parsed = Persona.safeParse(rec.value);
      if (!parsed.success) {
        const issue = parsed.error.issues[0]!;
        ctx.reject(rec, `not a Persona: ${issue.message}`, "invalid_record", `/${issue.path.join("/")}`);
        return undefined;
      }
      const persona = rec.value as Persona; // the record as given: its unknown fields pass through
      const domain = opts.domain ?? (persona.domain && opts.loadDomain ? persona.domain : undefined);
      if (!domain) {
        ctx.reject(rec, "the persona names no domain; pass --domain NAME|PATH", "no_domain", "/domain");
        return undefined;
      }
      const maker = await makerFor(domain);
      if (maker instanceof Error) {
        ctx.reject(rec, `${maker.message}; pass --domain with a pack name or path`, "unknown_domain", "/domain");
        return undefined;
      }
      const out: Scenario[] = [];
      for (let k = 0; k < perPersona; k++) {
        try {
          out.push(maker.make(persona, ctx.rng(persona.id, "scenario", String(k)), k));
        } catch (err) {
          ctx.fail(rec, errorMessage(err), "task_invalid");
        }
      }
      return out;
    }
  };

  /** The summary's line on tasks drawn again because they did not validate (or allowed another ending than the one drawn). */
  const reportRedrawn = (): void => {
    let n = 0;
    const why = new Map<string, number>();
    for (const m of makers.values()) {
      if (m instanceof Error) continue;
      n += m.redrawn;
      for (const [k, c] of m.redrawnBy) why.set(k, (why.get(k) ?? 0) + c);
    }
    if (n === 0) return;
    // The commonest reasons, so a pack's author sees which category and data to look at.
    const top = [...why].sort((a, b) => b[1] - a[1] || (a[0] < b[0] ? -1 : 1)).slice(0, 3);
    ctx.info(`${n} task(s) drawn again (each scenario is still written; a draw that does not validate, or whose data allows another ending than the one drawn, is replaced); most often: ${top.map(([k, c]) => `${c}× ${k}`).join("; ")}`);
  };

  const llm = opts.llm;
  if (!llm) {
    return async function* generate(input: AsyncIterable<InputRecord>) {
      for await (const rec of input) yield* (await scenariosOf(rec)) ?? [];
      reportRedrawn();
    };
  }
  return async function* generateWithLlm(input: AsyncIterable<InputRecord>) {
    // Loaded only with --engine openai, so the offline engine never pays for the LLM layer.
    const { writeWithLlm, llmFailure } = await import("./llm-writer.js");
    // The first error that stops the run (a refused key…) ends it; the others in flight stay quiet.
    let stopped = false;
    const written = async (rec: InputRecord): Promise<Scenario[]> => {
      const offline = (await scenariosOf(rec)) ?? [];
      try {
        return await Promise.all(offline.map((s) => writeWithLlm(llm, s)));
      } catch (err) {
        const failure = llmFailure(err);
        if (failure) {
          ctx.fail(rec, failure.message, failure.kind);
          return [];
        }
        if (stopped) return [];
        stopped = true;
        throw err;
      }
    };
    try {
      for await (const list of mapConcurrent(input, written, { concurrency: () => llm.concurrency, ordered: llm.ordered })) yield* list;
      reportRedrawn();
    } finally {
      llm.close();
    }
  };
}
