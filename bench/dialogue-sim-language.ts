// Issue 5: how varied the offline engine's language is. distinct-1/2 (distinct uni/bigrams over
// all uni/bigrams) over all user and assistant turns, and the share of unique utterances, over
// 1,000 dialogues per built-in domain (scenarios from the real persona-sample and scenario-gen).
// Run: npx turbo run build --filter=@chatmill/dialogue-sim... && npx tsx bench/dialogue-sim-language.ts [N]
import { createSession, loadDomain, Rng } from "../packages/dialogue-sim/dist/testing/deps.js";
import { offlineDialogue } from "../packages/dialogue-sim/dist/engine/dialogue.js";
import { LanguageMeter } from "../packages/dialogue-sim/dist/language-stats.js";
import { sampleScenarios } from "../packages/dialogue-sim/dist/testing/scenarios.js";

const n = Number(process.argv[2] ?? 1000);
const opts = { failureRate: 0.15, createSession, tool: "dialogue-sim", version: "bench", seed: 0 };
const pct = (x: number) => x.toFixed(3);
console.log(`language of ${n.toLocaleString("en-US")} offline dialogues per domain (seed 0, failure rate 0.15)`);
console.log("domain   role       turns   distinct-1  distinct-2  unique utterances");
for (const name of ["retail", "travel", "ops"]) {
  const domain = loadDomain(name);
  const meter = new LanguageMeter();
  const byLang = new Map<string, LanguageMeter>();
  for (const s of sampleScenarios(name, n, 21)) {
    const d = offlineDialogue(s, domain, Rng.for(0, s.id, "dialogue"), opts).dialogue;
    meter.add(d);
    const lang = s.persona.language;
    if (!byLang.has(lang)) byLang.set(lang, new LanguageMeter());
    byLang.get(lang)!.add(d);
  }
  const st = meter.stats();
  console.log(`${name.padEnd(8)} ${"all".padEnd(9)} ${String(st.turns).padStart(6)}   ${pct(st.distinct1).padStart(9)}   ${pct(st.distinct2).padStart(9)}   ${pct(st.uniqueUtterances).padStart(9)}`);
  for (const [role, r] of Object.entries(st.byRole)) {
    console.log(`${"".padEnd(8)} ${role.padEnd(9)} ${String(r.turns).padStart(6)}   ${pct(r.distinct1).padStart(9)}   ${pct(r.distinct2).padStart(9)}   ${pct(r.uniqueUtterances).padStart(9)}`);
  }
  for (const [lang, m] of [...byLang].sort()) {
    const l = m.stats();
    console.log(`${"".padEnd(8)} ${`lang=${lang}`.padEnd(9)} ${String(l.turns).padStart(6)}   ${pct(l.distinct1).padStart(9)}   ${pct(l.distinct2).padStart(9)}   ${pct(l.uniqueUtterances).padStart(9)}`);
  }
}
console.log("distinct-n falls as a corpus grows (vocabulary saturates); compare runs of the same N.");
