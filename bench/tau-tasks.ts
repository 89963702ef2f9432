// tau-bench and tau2 train tasks through chatmill: imported (chatmill-import's converter),
// simulated offline by dialogue-sim's task engine with the matching pack, judged by the one
// checker. A task succeeds when it ends in the expected database state AND every
// communicate_info / output is said (whatever the task's reward basis). Issue #17's bar: ≥ 95%
// of the 104 tau2 train tasks; the 520 tau-bench retail tasks (train + dev) are reported.
// Per task kind (the gold tools that change data) and the reasons of the failures; and how many
// dialogues kept the pack's policy, judged from the transcript (policyViolations), which counts
// the tau packs' identity rule although their tools do not enforce it.
//
// When a tau pack (tau-retail, tau-airline) is not installed, the bench says so and gives no
// figure for it. It then measures instead, clearly labelled PROXY, the same tasks on a
// bench-local stand-in (bench/lib/tau-proxy-pack.ts: tau-bench's real databases and tool
// schemas, reads as plain look-ups, every write recorded as a row of its arguments): there the
// end state matches when exactly the gold writes were made with the gold arguments, which is
// what the engine's grounding decides, but not tau's write logic. It also measures the engine
// on tasks built from the built-in retail pack (every order of every customer: cancel a pending
// one, ask what another cost, try to cancel one that cannot be).
//
// Run: npx tsx --conditions chatmill-src bench/tau-tasks.ts
import { mkdtempSync, readFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { createSession, loadDomain, loadPackFile, policyViolations, resolvePackFile, type Domain } from "@chatmill/domains";
import { importTauTask, tauPackInfo, type TauFormat } from "@chatmill/import";
import { Rng } from "@chatmill/kit";
import type { Scenario } from "@chatmill/schema";
import { taskDialogue } from "../packages/dialogue-sim/src/engine/task-engine/task-dialogue.js";
import { writeTauProxyPack } from "./lib/tau-proxy-pack.js";

const here = fileURLToPath(new URL(".", import.meta.url));
const data = process.env.CHATMILL_SHARED_DATA ?? `${here}../../shared/data`;
const TASKS = `${data}/tau-tasks-train`;

interface TaskSet {
  name: string;
  files: string[];
  format: TauFormat;
  pack: string;
  bar?: number;
}
const sets: TaskSet[] = [
  { name: "tau2 retail (train)", files: ["tau2-retail-train.json"], format: "tau2", pack: "tau-retail" },
  { name: "tau2 airline (train)", files: ["tau2-airline-train.json"], format: "tau2", pack: "tau-airline" },
  { name: "tau-bench retail (train + dev)", files: ["tau-bench-retail-tasks_train.json", "tau-bench-retail-tasks_dev.json"], format: "tau-bench", pack: "tau-retail" },
];

interface Result {
  id: string;
  kind: string;
  ok: boolean;
  reasons: string[];
  /** Facts said and amounts used with a working the engine searched for among shown numbers (may match by chance). */
  searched: string[];
  /** Facts said and amounts used with a working derived from what was seen (derive.ts), by kind. */
  derived: string[];
  /** The pack's policy rules the dialogue broke (policyViolations: identity, confirmation), once each. */
  breaches: string[];
  /** The rules the pack's policy has (identity, confirmation), so a pack without one is not said to keep it. */
  rules: string[];
}

const opts = { failureRate: 0, createSession: (d: Domain, o: { failureRate: number; rng: Rng }) => createSession(d as never, o), tool: "bench", version: "0", seed: 1 };

function simulate(scenarios: Scenario[], domain: Domain): { results: Result[]; cpuSeconds: number } {
  const cpu = process.cpuUsage();
  const results = scenarios.map((s) => {
    const { dialogue, judgement, trace } = taskDialogue(s, domain, Rng.for(1, s.id, "dialogue"), opts);
    // Judged from the transcript, so a rule the tools do not enforce (the tau packs' identity) counts too.
    const breaches = [...new Set(policyViolations(domain as never, dialogue.messages as never).map((v) => v.rule))];
    const reasons: string[] = [];
    for (const g of judgement.goldErrors) reasons.push(`task does not validate: ${g.name}: ${g.error.slice(0, 80)}`);
    for (const u of trace.ungrounded) reasons.push(`never seen, so not called: ${u.name} (${u.missing.length} value(s))`);
    for (const r of trace.refused) reasons.push(`refused: ${r.name}: ${r.error.slice(0, 80)}`);
    for (const f of judgement.communicate.filter((c) => !c.said)) reasons.push("a fact no result showed (communicate not said)");
    if (!judgement.state.match && reasons.length === 0) reasons.push(`end state differs (${judgement.state.differences.map((d) => d.table).join(", ")})`);
    const ok = judgement.state.match && judgement.communicate.every((c) => c.said);
    return { id: s.id, kind: kindOf(s, domain), ok, reasons: ok ? [] : reasons, searched: trace.searched, derived: trace.derived.map((d) => d.kind), breaches, rules: policyRulesOf(domain) };
  });
  const used = process.cpuUsage(cpu);
  return { results, cpuSeconds: (used.user + used.system) / 1e6 };
}

function policyRulesOf(domain: Domain): string[] {
  const policy = domain.pack.policy;
  return [...(policy?.identity ? ["identity"] : []), ...(policy?.confirm ? ["confirmation"] : [])];
}

/** The task's kind on this pack: the gold tools that change data or hand off. */
function kindOf(s: Scenario, domain: Domain): string {
  const acting = s.task!.evaluation.actions.filter((a) => ["act", "handoff"].includes(domain.roleOf(a.name) ?? "")).map((a) => a.name);
  return acting.length > 0 ? [...new Set(acting)].join("+") : s.task!.evaluation.communicate?.length ? "facts only" : "no_change";
}

function report(title: string, results: Result[], cpuSeconds: number, bar?: number): number {
  const ok = results.filter((r) => r.ok).length;
  const share = results.length > 0 ? ok / results.length : 0;
  console.log(`\n## ${title}: ${ok}/${results.length} = ${(100 * share).toFixed(1)}% end in the expected state with every fact said${bar !== undefined ? ` (bar ≥ ${100 * bar}%: ${share >= bar ? "met" : "NOT met"})` : ""}`);
  console.log(`   ${(results.length / Math.max(cpuSeconds, 1e-9)).toFixed(0)} tasks per CPU-second (simulation + judgement)`);
  // Both figures: a working searched against the known target may match by chance, so the
  // tasks that needed one are also left out (counted as failures) in the second figure.
  const searched = results.filter((r) => r.searched.length > 0);
  const strict = results.filter((r) => r.ok && r.searched.length === 0).length;
  console.log(`   with searched workings: ${ok}/${results.length} (${(100 * share).toFixed(1)}%); without (a task that needed one counts as failed): ${strict}/${results.length} (${((100 * strict) / Math.max(results.length, 1)).toFixed(1)}%)`);
  if (searched.length > 0) {
    console.log(`   ${searched.reduce((n, r) => n + r.searched.length, 0)} fact(s)/amount(s) in ${searched.length} task(s) worked out from a working searched among shown numbers (with the pack's calculator when its numbers are grounded); ${searched.filter((r) => r.ok).length} of those tasks succeed`);
    // Which tasks, and which values: what a grounded derivation has yet to cover.
    console.log(`   tasks with a searched working: ${searched.map((r) => `${r.id} (${r.searched.join(", ")})`).join("; ")}`);
  }
  const kept = (rule: string, what: string) => {
    const under = results.filter((r) => r.rules.includes(rule));
    return under.length > 0 ? [`${under.filter((r) => !r.breaches.includes(rule)).length}/${under.length} ${what}`] : [];
  };
  const policy = [...kept("identity", "identify the user before any user-scoped call"), ...kept("confirmation", "have the user's yes before each write that needs one")];
  if (policy.length > 0) console.log(`   policy kept (policyViolations on the transcript): ${policy.join("; ")}`);
  const derived = results.filter((r) => r.derived.length > 0);
  if (derived.length > 0) {
    const byKind = new Map<string, number>();
    for (const k of derived.flatMap((r) => r.derived)) byKind.set(k, (byKind.get(k) ?? 0) + 1);
    console.log(`   ${derived.reduce((n, r) => n + r.derived.length, 0)} fact(s)/amount(s) in ${derived.length} task(s) derived from what was seen (${[...byKind].map(([k, n]) => `${n} ${k}`).join(", ")}); ${derived.filter((r) => r.ok).length} of those tasks succeed`);
  }
  const kinds = new Map<string, { n: number; ok: number }>();
  for (const r of results) {
    const k = kinds.get(r.kind) ?? { n: 0, ok: 0 };
    k.n++;
    if (r.ok) k.ok++;
    kinds.set(r.kind, k);
  }
  console.log("   by kind:");
  for (const [kind, k] of [...kinds].sort((a, b) => b[1].n - a[1].n)) console.log(`     ${String(k.ok).padStart(4)}/${String(k.n).padEnd(4)} ${kind}`);
  const reasons = new Map<string, string[]>();
  for (const r of results) for (const why of new Set(r.reasons)) reasons.set(why, [...(reasons.get(why) ?? []), r.id]);
  if (reasons.size > 0) {
    console.log("   failures, by reason (a task may have several):");
    for (const [why, ids] of [...reasons].sort((a, b) => b[1].length - a[1].length)) console.log(`     ${String(ids.length).padStart(4)}  ${why}   e.g. ${ids.slice(0, 3).join(", ")}`);
  }
  return share;
}

function installed(pack: string): Domain | string {
  try {
    resolvePackFile(pack);
  } catch (err) {
    return (err as Error).message;
  }
  return loadDomain(pack);
}

const packInfo = await tauPackInfo();
const tau2All: Result[] = [];
const proxyTau2: Result[] = [];
let tau2Missing = false;
let cpuTau2 = 0;
let cpuProxy = 0;
const proxies = new Map<string, Domain>();
const proxyFor = (pack: string): Domain => {
  let d = proxies.get(pack);
  if (!d) proxies.set(pack, (d = loadPackFile(writeTauProxyPack(data, pack === "tau-airline" ? "airline" : "retail", mkdtempSync(join(tmpdir(), `${pack}-proxy-`))))));
  return d;
};
for (const set of sets) {
  const rows = set.files.flatMap((f) => JSON.parse(readFileSync(`${TASKS}/${f}`, "utf8")) as unknown[]);
  const scenarios: Scenario[] = [];
  const dead: string[] = [];
  for (const [i, row] of rows.entries()) {
    try {
      scenarios.push(importTauTask(row, set.format, { pack: packInfo }, { tool: "bench", version: "0" }) as unknown as Scenario);
    } catch (err) {
      dead.push(`#${i}: ${(err as Error).message}`);
    }
  }
  console.log(`\n# ${set.name}: ${rows.length} tasks read, ${scenarios.length} imported, ${dead.length} dead letters${dead.length > 0 ? `: ${dead.slice(0, 3).join(" | ")}` : ""}`);
  const domain = installed(set.pack);
  if (typeof domain === "string") {
    console.log(`   NOT SIMULATED ON ${set.pack}: the pack is not installed (${domain}). No tau-pack figure for these tasks.`);
    if (set.format === "tau2") tau2Missing = true;
    const { results, cpuSeconds } = simulate(scenarios, proxyFor(set.pack));
    report(`PROXY (bench stand-in for ${set.pack}, writes recorded as calls) — ${set.name}`, results, cpuSeconds);
    if (set.format === "tau2") {
      proxyTau2.push(...results);
      cpuProxy += cpuSeconds;
    }
    continue;
  }
  const { results, cpuSeconds } = simulate(scenarios, domain);
  report(set.name, results, cpuSeconds);
  if (set.format === "tau2") {
    tau2All.push(...results);
    cpuTau2 += cpuSeconds;
  }
}
if (tau2Missing) {
  console.log("\n## tau2 train (104 tasks): NO FIGURE ON THE TAU PACKS ALONE — a tau pack is missing (see above); the ≥ 95% bar cannot be checked.");
  report(`MIXED tau2 train: ${tau2All.length} task(s) on installed tau packs + ${proxyTau2.length} on the PROXY stand-in (not the bar)`, [...tau2All, ...proxyTau2], cpuTau2 + cpuProxy);
} else report("tau2 train, retail + airline", tau2All, cpuTau2, 0.95);

// The built-in retail pack: tasks built from its own customers and orders, so the engine is measured even without the tau packs.
const retail = loadDomain("retail");
const retailTasks = builtinRetailTasks(retail);
const { results, cpuSeconds } = simulate(retailTasks, retail);
report(`built-in retail, ${retailTasks.length} tasks built from its customers and orders`, results, cpuSeconds);

function builtinRetailTasks(domain: Domain): Scenario[] {
  const customers = domain.table("customers");
  const orders = domain.table("orders");
  const items = new Map(domain.table("items").map((r) => [String(r.id), String(r.name)]));
  const out: Scenario[] = [];
  customers.forEach((c, ci) => {
    // Half identify by email, half by name and zip.
    const byEmail = ci % 2 === 0;
    const known = byEmail ? { email: String(c.email) } : { name: String(c.name), zip: String(c.zip) };
    const identity = byEmail ? { name: "find_customer_by_email", arguments: { email: c.email } } : { name: "find_customer_by_name_zip", arguments: { name: c.name, zip: c.zip } };
    for (const o of orders.filter((r) => r.customer_id === c.id)) {
      const what = (o.items as string[]).map((i) => items.get(i) ?? i).join(" and ");
      const base = (id: string, kind: string, reason: string, actions: unknown[], communicate: string[] = []): Scenario =>
        ({
          id,
          persona: { id: String(c.id), name: String(c.name), style: "casual", language: "en" },
          domain: "retail",
          services: [domain.services[0]!.name],
          category: kind,
          goal: { text: reason, constraints: [], end_state: [] },
          task: { instructions: { reason, known }, evaluation: { actions, communicate } },
          region: "US",
          time: { slot: "weekday", at: "2025-03-10T10:00" },
          emotions: { user: "neutral", assistant: "helpful" },
          resolution: "resolved",
          turns: { min: 2, max: 30 },
        }) as unknown as Scenario;
      if (o.status === "pending") out.push(base(`cancel-${String(o.id)}`, "cancel_pending_order", `You want to cancel your order of ${what}.`, [identity, { name: "cancel_pending_order", arguments: { order_id: o.id } }]));
      else out.push(base(`cannot-cancel-${String(o.id)}`, "no_change", `You want to cancel your order of ${what}, which is ${String(o.status)}.`, [identity]));
      out.push(base(`total-${String(o.id)}`, "info", `You want to know what your order of ${what} cost.`, [identity], [String(o.total)]));
    }
  });
  return out;
}
