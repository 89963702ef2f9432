/**
 * persona-sample and scenario-gen, offline engine, in process: personas per second, scenarios
 * per second, and each against a baseline measured in the same run (JSON.stringify of the same
 * records, i.e. what writing them out costs at least). Times are CPU time of this process, as
 * other work on the machine inflates wall time. Run after a build:
 *   npx tsx bench/scenario-gen.ts [N]
 */
import { Rng } from "@chatmill/kit";
import { loadDomain } from "../packages/domains/dist/index.js";
import { makePersona, personaId } from "../packages/persona-sample/dist/index.js";
import { ScenarioMaker } from "../packages/scenario-gen/dist/index.js";

const n = Number(process.argv[2] ?? 10_000);

/** CPU milliseconds (user + system) of fn: on a shared, loaded machine wall time says little. */
function time<T>(fn: () => T): [T, number] {
  const c0 = process.cpuUsage();
  const out = fn();
  const c = process.cpuUsage(c0);
  return [out, (c.user + c.system) / 1000];
}

for (const name of ["travel", "retail", "ops"]) {
  const [domain, loadMs] = time(() => loadDomain(name));
  const [personas, personaMs] = time(() => Array.from({ length: n }, (_, i) => makePersona(i, Rng.for(7, personaId(7, i, domain.name)), { seed: 7, domain })));
  const maker = new ScenarioMaker({ seed: 7, domain });
  const [scenarios, scenarioMs] = time(() => personas.map((p) => maker.make(p, Rng.for(7, p.id, "scenario", "0"))));
  const [json, jsonMs] = time(() => scenarios.map((s) => JSON.stringify(s)).join("\n"));
  const [, personaJsonMs] = time(() => personas.map((p) => JSON.stringify(p)).join("\n"));
  const rate = (ms: number) => `${Math.round((n / ms) * 1000).toLocaleString("en-US")}/s`;
  console.log(
    `${name.padEnd(7)} load ${loadMs.toFixed(0)} ms | ${n} personas ${personaMs.toFixed(0)} ms (${rate(personaMs)}, ${(personaMs / personaJsonMs).toFixed(1)}x stringify) | ` +
      `${n} scenarios ${scenarioMs.toFixed(0)} ms (${rate(scenarioMs)}, ${(scenarioMs / jsonMs).toFixed(1)}x stringify; ${(json.length / 1e6).toFixed(1)} MB)`,
  );
}
console.log(`(CPU time; load average ${(await import("node:os")).loadavg().map((x) => x.toFixed(1)).join(" ")})`);
