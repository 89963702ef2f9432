// Prints offline dialogues for one pack and language as a reader sees them (issue #18): the same
// dialogues as bench/realism.ts (seed 42, dialogue-sim defaults), so a bank's author can read the
// lines the figures are measured on. bench/realism-repeats.ts says what repeats; this shows it in place.
// Run: npx turbo run build --filter=@chatmill/dialogue-sim... && npx tsx bench/realism-samples.ts <pack> <en|hi|mixed> [FIRST] [COUNT]
import { fileURLToPath } from "node:url";
import { createSession, loadDomain, makePersona, personaId, Rng, ScenarioMaker } from "../packages/dialogue-sim/dist/testing/deps.js";
import { offlineDialogue } from "../packages/dialogue-sim/dist/engine/dialogue.js";

const [packArg = "ops", language = "hi", firstArg = "0", countArg = "5"] = process.argv.slice(2);
if (!["en", "hi", "mixed"].includes(language)) {
  console.error(`language must be en, hi or mixed (got ${language})`);
  process.exit(2);
}
const SEED = 42;
const pack = packArg === "dental" ? fileURLToPath(new URL("./packs/dental", import.meta.url)) : packArg;
const domain = loadDomain(pack);
const opts = { failureRate: 0.15, createSession, tool: "dialogue-sim", version: "bench", seed: 0 };
const maker = new ScenarioMaker({ seed: SEED, domain });
const mix = new Map([["language", { [language]: 1 }]]);
const first = Number(firstArg);
for (let i = 0; i < first + Number(countArg); i++) {
  const persona = makePersona(i, Rng.for(SEED, personaId(SEED, i, domain.name)), { seed: SEED, domain, mix: mix as never });
  const scenario = maker.make(persona, Rng.for(SEED, persona.id, "scenario", "0"), 0);
  if (i < first) continue;
  const p = persona as { gender?: string; style?: string };
  console.log(`\n=== ${domain.name}/${language} #${i} (persona ${p.gender ?? "?"}, ${p.style ?? "?"})`);
  for (const m of offlineDialogue(scenario, domain, Rng.for(0, scenario.id, "dialogue"), opts).dialogue.messages) {
    const calls = (m as { tool_calls?: Array<{ function?: { name?: string }; name?: string }> }).tool_calls ?? [];
    const call = calls.length ? `  [→ ${calls.map((c) => c.function?.name ?? c.name ?? "?").join(", ")}]` : "";
    if (m.role === "tool") console.log(`   (tool result)`);
    else if (m.role === "user" || m.role === "assistant") console.log(`${m.role === "user" ? "U" : "A"}: ${typeof m.content === "string" ? m.content : ""}${call}`);
  }
}
