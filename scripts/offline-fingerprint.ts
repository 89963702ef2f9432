// The offline engine's output, fingerprinted: a refactor that must not change a single
// sentence (issue 18's split of the engine into parts) proves it by printing the same hashes
// before and after. Per pack: 300 scenarios (the real persona-sample and scenario-gen), each
// spoken in en, hi and mixed with the default flow, and once more with --chit-chat 0.4
// --multi-turn 0.5 (the single-turn and small-talk paths); failure rate 0.15. Each dialogue
// and the engine's trace go on one NDJSON line; the sha256 of the lines is printed per pack.
// Run: npx tsx scripts/offline-fingerprint.ts [N] [--out DIR]   (DIR gets the NDJSON, to diff)
// Reads the sources (no build of dialogue-sim needed); its dependencies are their built dist.
import { createHash } from "node:crypto";
import { mkdirSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { createSession, loadDomain, Rng } from "../packages/dialogue-sim/src/testing/deps.js";
import { offlineDialogue, type OfflineOptions } from "../packages/dialogue-sim/src/engine/dialogue.js";
import { sampleScenarios } from "../packages/dialogue-sim/src/testing/scenarios.js";

const args = process.argv.slice(2);
const outAt = args.indexOf("--out");
const outDir = outAt >= 0 ? args[outAt + 1] : undefined;
const n = Number(args.find((a, i) => /^\d+$/.test(a) && i !== outAt + 1) ?? 300);
const base: OfflineOptions = { failureRate: 0.15, createSession, tool: "dialogue-sim", version: "fingerprint", seed: 0 };
const variants: Array<{ name: string; language?: string; opts: OfflineOptions }> = [
  { name: "en", language: "en", opts: base },
  { name: "hi", language: "hi", opts: base },
  { name: "mixed", language: "mixed", opts: base },
  { name: "flags", opts: { ...base, chitChat: 0.4, multiTurn: 0.5 } },
];

const traceJson = (t: unknown): unknown =>
  t && typeof t === "object" ? JSON.parse(JSON.stringify(t, (_k, v: unknown) => (v instanceof Map ? [...v] : v instanceof Set ? [...v] : v))) : null;

let all = createHash("sha256");
for (const pack of ["retail", "travel", "ops", "tau-retail", "tau-airline"]) {
  const domain = loadDomain(pack);
  const scenarios = sampleScenarios(pack, n, 7);
  const hash = createHash("sha256");
  const lines: string[] = [];
  for (const v of variants) {
    for (const s of scenarios) {
      const scenario = v.language ? { ...s, persona: { ...s.persona, language: v.language } } : s;
      const { dialogue, trace } = offlineDialogue(scenario as typeof s, domain, Rng.for(0, scenario.id, "dialogue", v.name), v.opts);
      const line = JSON.stringify({ variant: v.name, dialogue, trace: traceJson(trace) }) + "\n";
      hash.update(line);
      all.update(line);
      if (outDir) lines.push(line);
    }
  }
  if (outDir) {
    mkdirSync(outDir, { recursive: true });
    writeFileSync(join(outDir, `${pack}.ndjson`), lines.join(""));
  }
  console.log(`${pack.padEnd(12)} ${hash.digest("hex")}  (${scenarios.length * variants.length} dialogues)`);
}
console.log(`${"all".padEnd(12)} ${all.digest("hex")}`);
