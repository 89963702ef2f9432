import { createSession, loadDomain } from "@chatmill/domains";
import { errorMessage, stableId, type InputRecord, type RunContext, type Transform } from "@chatmill/kit";
import { Persona, Scenario } from "@chatmill/schema";
import { ScenarioMaker, type ScenarioOptions } from "@chatmill/scenario-gen";
import type { Domain } from "./contract.js";
import { offlineDialogue } from "./engine/dialogue.js";

export interface SimulateOptions {
  /** The domain for every record; without it, each record's own `domain` field is loaded. */
  domain?: string;
  failureRate?: number;
  /** Flags for Persona input, as scenario-gen takes them (min/max turns, dates, mix, home share). */
  scenario?: Omit<ScenarioOptions, "domain" | "seed" | "balancer">;
}

/**
 * dialogue-sim as a transform: Scenario (or Persona) records in, Dialogue records out.
 * A Persona first gets its scenario from scenario-gen's own code, with the same seed
 * derivation, so `dialogue-sim` on personas equals `scenario-gen | dialogue-sim`.
 */
export function simulateTransform(opts: SimulateOptions, ctx: RunContext): Transform {
  const domains = new Map<string, Domain | Error>();
  const makers = new Map<string, ScenarioMaker>();
  const domainFor = (name: string): Domain | Error => {
    let d = domains.get(name);
    if (!d) {
      try {
        d = loadDomain(name);
      } catch (err) {
        d = new Error(`cannot load domain '${name}': ${errorMessage(err)}; pass --domain with a pack name or path`);
      }
      domains.set(name, d);
    }
    return d;
  };
  const failureRate = opts.failureRate ?? 0.15;

  return async function* simulate(input: AsyncIterable<InputRecord>) {
    for await (const rec of input) {
      const value = rec.value as Record<string, unknown>;
      let scenario: Scenario;
      let domain: Domain | Error;
      if (value && typeof value === "object" && "goal" in value) {
        const parsed = Scenario.safeParse(value);
        if (!parsed.success) {
          const issue = parsed.error.issues[0]!;
          ctx.reject(rec, `not a Scenario: ${issue.message}`, "invalid_record", `/${issue.path.join("/")}`);
          continue;
        }
        scenario = value as Scenario; // as given: unknown fields pass through
        domain = domainFor(opts.domain ?? scenario.domain);
      } else {
        const parsed = Persona.safeParse(value);
        if (!parsed.success) {
          const issue = parsed.error.issues[0]!;
          ctx.reject(rec, `neither a Scenario (no goal) nor a Persona: ${issue.message}`, "invalid_record", `/${issue.path.join("/")}`);
          continue;
        }
        const persona = value as Persona;
        const name = opts.domain ?? persona.domain;
        if (!name) {
          ctx.reject(rec, "the persona names no domain; pass --domain NAME|PATH", "no_domain", "/domain");
          continue;
        }
        domain = domainFor(name);
        if (domain instanceof Error) {
          ctx.reject(rec, domain.message, "unknown_domain", "/domain");
          continue;
        }
        let maker = makers.get(name);
        if (!maker) makers.set(name, (maker = new ScenarioMaker({ ...opts.scenario, seed: ctx.seed, domain })));
        scenario = maker.make(persona, ctx.rng(persona.id, "scenario", "0"), 0);
      }
      if (domain instanceof Error) {
        ctx.reject(rec, domain.message, "unknown_domain", "/domain");
        continue;
      }
      try {
        const { dialogue } = offlineDialogue(scenario, domain, ctx.rng(scenario.id, "dialogue"), {
          failureRate,
          createSession: (d, o) => createSession(d, o),
          tool: ctx.tool,
          version: ctx.version,
          seed: ctx.seed,
        });
        dialogue.id = stableId("dialogue", ctx.seed, scenario.id);
        yield dialogue;
      } catch (err) {
        ctx.fail(rec, `could not simulate this scenario: ${errorMessage(err)}`, "simulation_error");
      }
    }
  };
}
