import { loadDomain } from "@chatmill/domains";
import { Rng } from "@chatmill/kit";
import { makePersona, personaId } from "@chatmill/persona-sample";
import { ScenarioMaker } from "@chatmill/scenario-gen";
import type { Scenario } from "@chatmill/schema";

/**
 * Scenarios for tests and benchmarks, made by the real persona-sample and scenario-gen code
 * (the pipeline's own first two stages), so the engine is measured on what users will feed it.
 */
export function sampleScenarios(domainName: string, n: number, seed = 1, mix?: Map<string, Map<string, number>>): Scenario[] {
  const domain = loadDomain(domainName);
  const maker = new ScenarioMaker({ seed, domain, ...(mix ? { mix: mix as never } : {}) });
  const out: Scenario[] = [];
  for (let i = 0; i < n; i++) {
    const persona = makePersona(i, Rng.for(seed, personaId(seed, i, domain.name)), { seed, domain });
    out.push(maker.make(persona, Rng.for(seed, persona.id, "scenario", "0"), 0));
  }
  return out;
}
