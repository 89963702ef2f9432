import { createSession, loadDomain, makePersona, personaId, Rng, ScenarioMaker } from "../packages/dialogue-sim/dist/testing/deps.js";
import { offlineDialogue } from "../packages/dialogue-sim/dist/engine/dialogue.js";
const [packArg, language, kind] = process.argv.slice(2);
const domain = loadDomain(packArg === "dental" ? "/work/wt/voice-hi/bench/packs/dental" : packArg!);
const opts = { failureRate: 0.15, createSession, tool: "dialogue-sim", version: "bench", seed: 0 };
const maker = new ScenarioMaker({ seed: 42, domain });
const mix = new Map([["language", { [language!]: 1 }]]);
let k = 0;
for (let i = 0; i < 1000; i++) {
  const persona = makePersona(i, Rng.for(42, personaId(42, i, domain.name)), { seed: 42, domain, mix: mix as never });
  const scenario = maker.make(persona, Rng.for(42, persona.id, "scenario", "0"), 0);
  for (const m of offlineDialogue(scenario, domain, Rng.for(0, scenario.id, "dialogue"), opts).dialogue.messages) {
    const l = (m as { labels?: { intent?: string } }).labels;
    if (m.role === (process.argv[5] ?? "assistant") && l?.intent === kind && !(m as { tool_calls?: unknown[] }).tool_calls?.length && (k++ % Number(process.argv[6] ?? 25) === 0)) console.log("-", String(m.content).replace(/\n/g, " ⏎ ").slice(0, 230));
  }
}
