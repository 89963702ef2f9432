// Issue 5 bars: 1,000 offline dialogues in < 2 s of CPU (per built-in domain), with the ratio to
// the bare parse-and-stringify loop over the same output records; memory flat over 100,000.
// Run: npx turbo run build --filter=@chatmill/dialogue-sim... && node --expose-gc --import tsx bench/dialogue-sim.ts [N_MEMORY]
// (with --expose-gc the live heap is measured after a full collection, beside RSS)
import { createSession, loadDomain, makePersona, personaId, Rng, ScenarioMaker } from "../packages/dialogue-sim/dist/testing/deps.js";
import { offlineDialogue } from "../packages/dialogue-sim/dist/engine/dialogue.js";
import { sampleScenarios } from "../packages/dialogue-sim/dist/testing/scenarios.js";

const opts = { failureRate: 0.15, createSession, tool: "dialogue-sim", version: "bench", seed: 0 };
const cpu = (f: () => void): number => {
  const a = process.cpuUsage();
  f();
  const b = process.cpuUsage(a);
  return (b.user + b.system) / 1e6;
};

console.log("CPU for 1,000 offline dialogues (simulate + JSON.stringify), per domain; best of 5");
for (const name of ["retail", "travel", "ops"]) {
  const domain = loadDomain(name);
  const scenarios = sampleScenarios(name, 1000, 42);
  let out: string[] = [];
  const simulate = () => {
    out = scenarios.map((s) => JSON.stringify(offlineDialogue(s, domain, Rng.for(0, s.id, "dialogue"), opts).dialogue));
  };
  simulate(); // warm-up: JIT and the domain's lazily built indexes
  const sim = Math.min(...[0, 1, 2, 3, 4].map(() => cpu(simulate)));
  const baseline = Math.min(...[0, 1, 2].map(() => cpu(() => out.forEach((l) => JSON.stringify(JSON.parse(l)))))); // the same records
  const bytes = out.reduce((n, l) => n + Buffer.byteLength(l) + 1, 0);
  console.log(
    `${name.padEnd(7)} ${sim.toFixed(3)} s CPU (${(1000 / sim).toFixed(0)} dialogues/s, ${(bytes / 1000 / 1024).toFixed(1)} KB each) · parse+stringify loop ${baseline.toFixed(3)} s · ratio ${(sim / baseline).toFixed(1)}×`,
  );
}
console.log("bar: < 2 s CPU per 1,000 dialogues");

// Memory: a stream of N personas → scenario → dialogue → string, nothing kept; RSS sampled.
const n = Number(process.argv[2] ?? 100_000);
const domains = ["retail", "travel", "ops"].map((d) => loadDomain(d));
const makers = domains.map((domain) => new ScenarioMaker({ seed: 9, domain }));
const gc = (globalThis as { gc?: () => void }).gc;
const mem = () => {
  gc?.();
  const m = process.memoryUsage();
  return `RSS ${(m.rss / 1048576).toFixed(0)} MB${gc ? ` · live heap ${(m.heapUsed / 1048576).toFixed(0)} MB` : ""}`;
};
const marks = new Set([1_000, 10_000, 50_000, 100_000, n]);
let bytes = 0;
const started = Date.now();
console.log(`\nmemory over ${n.toLocaleString("en-US")} dialogues (retail/travel/ops in turn), streaming:`);
for (let i = 0; i < n; i++) {
  const k = i % 3;
  const domain = domains[k]!;
  const persona = makePersona(i, Rng.for(9, personaId(9, i, domain.name)), { seed: 9, domain });
  const scenario = makers[k]!.make(persona, Rng.for(9, persona.id, "scenario", "0"), 0);
  bytes += JSON.stringify(offlineDialogue(scenario, domain, Rng.for(9, scenario.id, "dialogue"), opts).dialogue).length;
  if (marks.has(i + 1)) console.log(`  after ${(i + 1).toLocaleString("en-US").padStart(7)}: ${mem()} · ${((Date.now() - started) / 1000).toFixed(1)} s · ${(bytes / 1e6).toFixed(0)} MB written`);
}
console.log("bar: memory at 100k ≈ memory at 10k (flat)");
