// The offline dialogues the realism benches read: one pack (a built-in name, or `dental` for
// bench/packs/dental) in one language, seed 42, dialogue-sim's defaults — the same dialogues
// bench/realism.ts measures, so bench/realism-repeats.ts and bench/realism-samples.ts show what
// its figures are made of.
import { fileURLToPath } from "node:url";
import { createSession, loadDomain, makePersona, personaId, Rng, ScenarioMaker } from "../../../packages/dialogue-sim/dist/testing/deps.js";
import { offlineDialogue } from "../../../packages/dialogue-sim/dist/engine/dialogue.js";

export const SEED = 42;
export const LANGUAGES = ["en", "hi", "mixed"] as const;
/** dialogue-sim's defaults (failure rate 0.15, the engine's own chit-chat and multi-turn mix). */
export const SIM_OPTIONS = { failureRate: 0.15, createSession, tool: "dialogue-sim", version: "bench", seed: 0 };

/** The pack a bench argument names: `dental` is the user-written pack under bench/packs. */
export function packPath(name: string): string {
  return name === "dental" ? fileURLToPath(new URL("../../packs/dental", import.meta.url)) : name;
}

/** The language argument, or exit 2 naming the choices. */
export function languageArg(language: string): (typeof LANGUAGES)[number] {
  if ((LANGUAGES as readonly string[]).includes(language)) return language as (typeof LANGUAGES)[number];
  console.error(`language must be en, hi or mixed (got ${language})`);
  process.exit(2);
}

export interface CorpusDialogue {
  index: number;
  persona: { gender?: string; style?: string };
  messages: Array<{ role: string; content?: unknown; tool_calls?: unknown[]; labels?: { intent?: string; variation?: string } }>;
}

/** Dialogues `first` … `first + count - 1` of the pack's corpus in that language (the ones before are made too: each persona draws from the seed in turn). */
export function* offlineCorpus(pack: string, language: string, count: number, first = 0): Generator<CorpusDialogue & { domain: string }> {
  const domain = loadDomain(packPath(pack));
  const maker = new ScenarioMaker({ seed: SEED, domain });
  // The same as `persona-sample --mix language=<language>`: only the language is forced.
  const mix = new Map([["language", { [language]: 1 }]]);
  for (let i = 0; i < first + count; i++) {
    const persona = makePersona(i, Rng.for(SEED, personaId(SEED, i, domain.name)), { seed: SEED, domain, mix: mix as never });
    const scenario = maker.make(persona, Rng.for(SEED, persona.id, "scenario", "0"), 0);
    if (i < first) continue;
    const { messages } = offlineDialogue(scenario, domain, Rng.for(0, scenario.id, "dialogue"), SIM_OPTIONS).dialogue;
    yield { index: i, domain: domain.name, persona: persona as CorpusDialogue["persona"], messages: messages as CorpusDialogue["messages"] };
  }
}
