/**
 * Issue #17's bars, measured: for each built-in pack, N personas → scenarios → offline dialogues
 * (the built persona-sample, scenario-gen and dialogue-sim code, default flags), each dialogue
 * measured by @chatmill/audit's measureDialogue, and per pack and per category:
 *   (a) the audit (calls re-run, outcome re-judged from scenario.task) agrees with the dialogue's outcome — bar 100%
 *   (b) "resolved" tasks whose end state is the expected one with every fact to communicate said — bar ≥ 95%
 *   (c) "failed"/"escalated" tasks whose re-run calls wrote a row the expected actions leave otherwise — bar 0
 *   (d) users shown rows meeting every goal constraint who then gave up or asked for a human — bar 0
 *   (e) users whose first two messages carry the task's intent or a value its reason names — bar 100%
 * Definitions: packages/audit/README.md ("Measures"). Offline speed: dialogues per CPU-second
 * of the simulation alone. Run after a build:
 *   npx tsx bench/tasks.ts [N]
 */
import { barsOf, measureDialogue, summarizeMeasures, type DialogueMeasures, type MeasureTotals } from "../packages/audit/dist/index.js";
import { offlineDialogue } from "../packages/dialogue-sim/dist/engine/dialogue.js";
import { createSession, loadDomain, makePersona, personaId, Rng, ScenarioMaker } from "../packages/dialogue-sim/dist/testing/deps.js";

const n = Number(process.argv[2] ?? 1000);
const SEED = 42;
const opts = { failureRate: 0.15, createSession, tool: "dialogue-sim", version: "bench", seed: 0 };

/** CPU seconds (user + system) of fn: on a shared machine wall time says little. */
function cpu<T>(fn: () => T): [T, number] {
  const a = process.cpuUsage();
  const out = fn();
  const b = process.cpuUsage(a);
  return [out, (b.user + b.system) / 1e6];
}

const pct = (x: number, d: number) => (d === 0 ? "n/a" : `${((100 * x) / d).toFixed(1)}%`);
const columns = (t: MeasureTotals) => [
  String(t.dialogues),
  String(t.withTask),
  t.withTask ? `${pct(t.agreed, t.withTask)}` : "n/a",
  t.resolvedTasks ? `${pct(t.reachedGold, t.resolvedTasks)} of ${t.resolvedTasks}` : "n/a",
  t.unresolvedTasks ? `${t.withUnexpectedWrites} of ${t.unresolvedTasks}` : "n/a",
  `${t.unhappyAfterSatisfying} of ${t.satisfyingShown}`,
  t.reasonChecked ? `${pct(t.reasonStated, t.reasonChecked)} of ${t.reasonChecked}` : "n/a",
];
const HEAD = ["category", "n", "task", "(a) agree", "(b) resolved→gold", "(c) bad writes", "(d) unhappy/shown", "(e) reason stated"];
const WIDTH = [26, 5, 5, 10, 18, 15, 18, 18];
const line = (cells: string[]) => cells.map((c, i) => (i === 0 ? c.padEnd(WIDTH[i]!) : c.padStart(WIDTH[i]!))).join(" ");

console.log(`issue #17 bars over ${n.toLocaleString("en-US")} offline dialogues per built-in pack (personas seed ${SEED}, dialogue-sim defaults: failure rate 0.15, seed 0)`);
let withoutTask = 0;
for (const name of ["retail", "travel", "ops"]) {
  const domain = loadDomain(name);
  const maker = new ScenarioMaker({ seed: SEED, domain });
  const [scenarios, genSec] = cpu(() =>
    Array.from({ length: n }, (_, i) => {
      const persona = makePersona(i, Rng.for(SEED, personaId(SEED, i, domain.name)), { seed: SEED, domain });
      return maker.make(persona, Rng.for(SEED, persona.id, "scenario", "0"), 0);
    }),
  );
  const [dialogues, simSec] = cpu(() => scenarios.map((s) => offlineDialogue(s, domain, Rng.for(0, s.id, "dialogue"), opts).dialogue));
  const [measures, measureSec] = cpu(() => dialogues.map((d) => measureDialogue(d as unknown as Record<string, unknown>, domain, name)));
  const totals = summarizeMeasures(measures as DialogueMeasures[]);
  const all = totals.get("all")!;
  withoutTask += all.dialogues - all.withTask;
  console.log(`\n${name}: ${all.withTask} of ${all.dialogues} scenarios carry a task${all.withTask < all.dialogues ? " — (a), (b), (c) and (e)'s reason values need scenario.task: n/a where it is missing" : ""}`);
  console.log(
    `  CPU: scenarios ${genSec.toFixed(2)} s · offline dialogues ${simSec.toFixed(2)} s (${Math.round(n / simSec).toLocaleString("en-US")} dialogues per CPU-second) · measuring ${measureSec.toFixed(2)} s`,
  );
  console.log(`  ${line(HEAD)}`);
  const categories = [...totals.keys()].filter((k) => k !== "all").sort();
  for (const c of categories) console.log(`  ${line([c, ...columns(totals.get(c)!)])}`);
  console.log(`  ${line(["all", ...columns(all)])}`);
  for (const b of barsOf(all)) console.log(`  ${b.holds === undefined ? "n/a " : b.holds ? "ok  " : "FAIL"} ${b.bar.padEnd(48)} ${b.figure}`);
}
if (withoutTask > 0) console.log(`\n${withoutTask} scenario(s) had no task: scenario-gen does not write scenario.task yet, so the bars that judge against it cannot be measured.`);
console.log(`(load average ${(await import("node:os")).loadavg().map((x) => x.toFixed(1)).join(" ")})`);
