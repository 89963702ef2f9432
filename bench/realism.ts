// Issue #18's realism bars: how the offline engine's text compares with human dialogues, and
// the zero-count checks (assistant texts in a row, raw names, phrases from another pack, HTML
// entities, a/an, doubled words), Hindi/Hinglish first-person gender, and the retail tools a task needs.
// 1,000 offline dialogues (default flags) per pack — retail, travel, ops and bench/packs/dental,
// a pack written as a new user would — and per language (en, hi, mixed = Hinglish), against
// Schema-Guided Dialogue's human train dialogues measured by the same code at the same
// utterance count. The metric functions are in bench/lib/realism/ (with their tests).
// Run: npx turbo run build --filter=@chatmill/dialogue-sim... && npx tsx bench/realism.ts [N] [--json]
import { readFileSync } from "node:fs";
import { fileURLToPath } from "node:url";
import { createSession, loadDomain, makePersona, personaId, Rng, ScenarioMaker } from "../packages/dialogue-sim/dist/testing/deps.js";
import { offlineDialogue } from "../packages/dialogue-sim/dist/engine/dialogue.js";
import { NameFinder } from "./lib/realism/checks.js";
import { around, CorpusMeter, type DialogueLike, type Tally } from "./lib/realism/measure.js";
import { varietyAt, type VarietyStats } from "./lib/realism/metrics.js";
import { declaredNames, sayableText, toolNames, type PackLike } from "./lib/realism/pack-names.js";
import { LeakFinder, ownGrams, packPhraseStrings, packProseStrings } from "./lib/realism/phrases.js";
import { sgdUtterances } from "./lib/realism/sgd.js";

const argv = process.argv.slice(2);
const json = argv.includes("--json");
const n = Number(argv.find((a) => /^\d+$/.test(a)) ?? 1000);
const SEED = 42;
const LANGUAGES = ["en", "hi", "mixed"] as const;
const here = (p: string) => fileURLToPath(new URL(p, import.meta.url));
const PACKS = ["retail", "travel", "ops", here("./packs/dental")];
const SGD = ["dialogues_001.json", "dialogues_045.json"].map((f) => here(`../../shared/data/sgd/train/${f}`));
// dialogue-sim's defaults (failure rate 0.15, the engine's own chit-chat and multi-turn mix).
const opts = { failureRate: 0.15, createSession, tool: "dialogue-sim", version: "bench", seed: 0 };
// The retail categories whose goal asks for a photo match ("find something that looks like a
// photo I have of …") or for "something similar to …" (the pack's `asks`), and the tool each
// needs. Read from the scenario's category, a structured field, not from its text.
const NEEDS: Record<string, Record<string, string>> = { retail: { visual_search: "visual_search", similar_items: "recommend_similar" } };

const started = process.cpuUsage();
const domains = PACKS.map((p) => loadDomain(p));
const packOf = (d: (typeof domains)[number]) => d as unknown as PackLike;
// The engine's neutral lines are everyone's: a 4-gram they say is no pack's own.
const { neutralLines } = await import("../packages/dialogue-sim/dist/phrases/wording.js");
const leakFinder = new LeakFinder(
  ownGrams(new Map(domains.map((d) => [d.name, packPhraseStrings(packOf(d).pack)])), await neutralLines()),
  undefined,
  new Map(domains.map((d) => [d.name, packProseStrings(packOf(d).pack, packOf(d).tables)])),
);

interface Corpus {
  pack: string;
  language: string;
  meter: CorpusMeter;
}
const corpora: Corpus[] = [];
for (const domain of domains) {
  const names = new NameFinder(declaredNames(packOf(domain)), sayableText(packOf(domain)), toolNames(packOf(domain)));
  const maker = new ScenarioMaker({ seed: SEED, domain });
  for (const language of LANGUAGES) {
    // The same as `persona-sample --mix language=<language>`: only the language is forced.
    const mix = new Map([["language", { [language]: 1 }]]);
    const meter = new CorpusMeter(domain.name, names, leakFinder, new Map(Object.entries(NEEDS[domain.name] ?? {})));
    for (let i = 0; i < n; i++) {
      const persona = makePersona(i, Rng.for(SEED, personaId(SEED, i, domain.name)), { seed: SEED, domain, mix: mix as never });
      const scenario = maker.make(persona, Rng.for(SEED, persona.id, "scenario", "0"), 0);
      meter.add(offlineDialogue(scenario, domain, Rng.for(0, scenario.id, "dialogue"), opts).dialogue as unknown as DialogueLike);
    }
    corpora.push({ pack: domain.name, language, meter });
  }
}
const sgdAll = sgdUtterances(SGD);
const sgdDialogues = SGD.map((f) => (JSON.parse(readFileSync(f, "utf8")) as unknown[]).length).reduce((a, b) => a + b, 0);
const simSeconds = (() => {
  const u = process.cpuUsage(started);
  return (u.user + u.system) / 1e6;
})();

// --- variety at the same utterance count ------------------------------------------------------
type Role = "assistant" | "user";
const ROLES: Role[] = ["assistant", "user"];
interface Variety {
  n: number;
  chatmill: (VarietyStats & { blocks: number }) | null;
  sgd: VarietyStats | null;
}
const variety = (c: Corpus, role: Role): Variety => {
  const mine = c.meter[role];
  const size = Math.min(mine.length, sgdAll[role].length);
  return { n: size, chatmill: varietyAt(mine, size), sgd: varietyAt(sgdAll[role].slice(0, size), size) };
};
const rows = corpora.map((c) => ({ c, v: { assistant: variety(c, "assistant"), user: variety(c, "user") } }));

// --- bars ---------------------------------------------------------------------------------------
interface Bar {
  bar: string;
  where: string;
  value: string;
  pass: boolean;
}
const bars: Bar[] = [];
const f3 = (x: number) => x.toFixed(3);
for (const { c, v } of rows) {
  const where = `${c.pack}/${c.language}`;
  for (const role of ROLES) {
    const { chatmill: me, sgd } = v[role];
    if (!me || !sgd) continue;
    bars.push({ bar: `${role} distinct-2 ≥ 0.95 × SGD`, where, value: `${f3(me.distinct2)} vs ${f3(0.95 * sgd.distinct2)}`, pass: me.distinct2 >= 0.95 * sgd.distinct2 });
    bars.push({ bar: `${role} unique ≥ 0.95 × SGD`, where, value: `${f3(me.unique)} vs ${f3(0.95 * sgd.unique)}`, pass: me.unique >= 0.95 * sgd.unique });
    bars.push({ bar: `${role} opener share ≤ 1.2 × SGD`, where, value: `${f3(me.openerShare)} vs ${f3(1.2 * sgd.openerShare)}`, pass: me.openerShare <= 1.2 * sgd.openerShare });
  }
  const zero = (name: string, t: Tally) => bars.push({ bar: `zero ${name}`, where, value: `${t.count} in ${t.dialogues} dialogues`, pass: t.count === 0 });
  zero("assistant messages in a row", c.meter.consecutive);
  zero("raw field/category names in user text", c.meter.names);
  zero("phrases from another pack", c.meter.leaks);
  zero("HTML entities", c.meter.entities);
  zero("a/an before the wrong sound", c.meter.articles);
  zero("doubled words", c.meter.doubled);
  if (c.language !== "en") {
    const g = c.meter.gender;
    const share = g.carrying === 0 ? 1 : g.agreeing / g.carrying;
    bars.push({ bar: "first-person gender agrees ≥ 98%", where, value: `${(100 * share).toFixed(1)}% of ${g.carrying} messages (${g.skipped} of non-binary personas not judged)`, pass: g.carrying > 0 && share >= 0.98 });
  }
  for (const [category, need] of c.meter.needed) {
    const share = need.dialogues === 0 ? 0 : need.called / need.dialogues;
    bars.push({ bar: `${need.tool} called ≥ 90% (${category} tasks)`, where, value: `${(100 * share).toFixed(1)}% of ${need.dialogues}`, pass: share >= 0.9 });
  }
}

// --- leaks: top offenders ---------------------------------------------------------------------
const offenders = new Map<string, { phrase: string; matched: string; origin: string; source: string; where: Map<string, number>; dialogues: Set<string>; example: string }>();
for (const c of corpora) {
  for (const l of c.meter.leakList) {
    const key = `${l.phrase}\u0000${l.origin}`;
    let o = offenders.get(key);
    if (!o) offenders.set(key, (o = { phrase: l.phrase, matched: l.matched, origin: l.origin, source: l.source, where: new Map(), dialogues: new Set(), example: l.text }));
    const at = `${c.pack}/${c.language}`;
    const id = `${at}\u0000${l.dialogue}`;
    if (!o.dialogues.has(id)) o.where.set(at, (o.where.get(at) ?? 0) + 1);
    o.dialogues.add(id);
  }
}
const topOffenders = [...offenders.values()].sort((a, b) => b.dialogues.size - a.dialogues.size || (a.phrase < b.phrase ? -1 : 1)).slice(0, 15);

if (json) {
  console.log(
    JSON.stringify({
      dialogues_per_corpus: n,
      seed: SEED,
      sgd_files: SGD.map((f) => f.replace(/.*\/shared\//, "../shared/")),
      corpora: rows.map(({ c, v }) => ({
        pack: c.pack,
        language: c.language,
        dialogues: c.meter.dialogues,
        utterances: { assistant: c.meter.assistant.length, user: c.meter.user.length },
        variety: v,
        zero: { consecutive_assistant: c.meter.consecutive, raw_names: c.meter.names, other_pack_phrases: c.meter.leaks, html_entities: c.meter.entities, articles: c.meter.articles, doubled_words: c.meter.doubled },
        gender: c.meter.gender,
        needed_tools: Object.fromEntries(c.meter.needed),
      })),
      bars,
      top_offenders: topOffenders.map((o) => ({ phrase: o.phrase, matched: o.matched, origin: o.origin, source: o.source, dialogues: o.dialogues.size, where: Object.fromEntries(o.where), example: around(o.example, o.matched) })),
      cpu_seconds: simSeconds,
    }),
  );
  process.exit(0);
}

// --- the table ------------------------------------------------------------------------------------
// One SGD column when every corpus is compared at the same N (per role); else a SGD row under each metric.
const sameN = ROLES.every((role) => new Set(rows.map(({ v }) => v[role].n)).size === 1);
const cols = [...(sameN ? ["SGD"] : []), ...rows.map(({ c }) => `${c.pack}/${c.language === "mixed" ? "hinglish" : c.language}`)];
const pad = (s: string, w: number) => s.padStart(w);
const W = Math.max(9, ...cols.map((c) => c.length)) + 1;
const line = (label: string, cells: string[], sgd = "") => console.log(label.padEnd(30) + [...(sameN ? [sgd] : []), ...cells].map((s) => pad(s, W)).join(""));
console.log(`realism of the offline engine (issue #18): ${n.toLocaleString("en-US")} dialogues per pack × language, seed ${SEED}, dialogue-sim defaults (failure rate 0.15)`);
console.log(`SGD: ${SGD.map((f) => f.replace(/.*\/shared\//, "../shared/")).join(" + ")} (${sgdAll.assistant.length} system / ${sgdAll.user.length} user utterances), first N per role in file order`);
console.log(`each figure at N utterances per role (N = the chatmill corpus's count, capped by SGD's); chatmill's is the mean over its full blocks of N consecutive utterances\n`);
line("", cols.slice(sameN ? 1 : 0), sameN ? "SGD" : "");
line("dialogues", rows.map(({ c }) => String(c.meter.dialogues)), String(sgdDialogues));
for (const role of ROLES) line(`${role} utterances (all)`, rows.map(({ c }) => String(c.meter[role].length)), String(sgdAll[role].length));
for (const role of ROLES) line(`N ${role} (blocks)`, rows.map(({ v }) => `${v[role].n} (${v[role].chatmill?.blocks ?? 0})`), `${rows[0]?.v[role].n ?? 0} (1)`);
for (const role of ROLES) {
  for (const [key, label] of [["distinct2", "distinct-2"], ["unique", "unique"], ["openerShare", "opener share"]] as const) {
    const sgdCell = (v: Variety) => (v.sgd ? f3(v.sgd[key]) : "-");
    line(`${role} ${label}`, rows.map(({ v }) => (v[role].chatmill ? f3(v[role].chatmill![key]) : "-")), rows[0] ? sgdCell(rows[0].v[role]) : "");
    if (!sameN) line(`  SGD at the same N`, rows.map(({ v }) => sgdCell(v[role])));
  }
}
const countCell = (t: Tally) => `${t.count}/${t.dialogues}d`;
line("assistant msgs in a row", rows.map(({ c }) => countCell(c.meter.consecutive)));
line("raw names in user text", rows.map(({ c }) => countCell(c.meter.names)));
line("other packs' phrases", rows.map(({ c }) => countCell(c.meter.leaks)));
line("HTML entities (messages)", rows.map(({ c }) => countCell(c.meter.entities)));
line("a/an errors", rows.map(({ c }) => countCell(c.meter.articles)));
line("doubled words", rows.map(({ c }) => countCell(c.meter.doubled)));
line("1st-person gender agrees", rows.map(({ c }) => (c.language === "en" ? "" : c.meter.gender.carrying === 0 ? "none" : `${((100 * c.meter.gender.agreeing) / c.meter.gender.carrying).toFixed(1)}%/${c.meter.gender.carrying}`)));
line("visual_search/similar tasks",  rows.map(({ c }) => [...c.meter.needed.values()].map((x) => `${x.called}/${x.dialogues}`).join(" ")));
console.log("(counts: occurrences/dialogues with any; gender: agreeing share/user messages carrying a form; tasks: dialogues calling the tool/dialogues whose category needs it, visual_search then similar_items)\n");

console.log("bars:");
for (const b of bars) console.log(`  ${b.pass ? "PASS" : "FAIL"}  ${b.bar.padEnd(44)} ${b.where.padEnd(16)} ${b.value}`);
console.log(`  ----  offline speed ≥ half of today's: measured by bench/dialogue-sim.ts (node --expose-gc --import tsx bench/dialogue-sim.ts)`);
const failed = bars.filter((b) => !b.pass).length;
console.log(`${bars.length - failed} of ${bars.length} bars pass\n`);

console.log("examples of what failed (up to 3 per check and corpus):");
for (const { c } of rows) {
  const show = (name: string, examples: string[]) => {
    if (examples.length === 0) return;
    console.log(`  ${c.pack}/${c.language} · ${name}:`);
    for (const e of examples) console.log(`    ${e}`);
  };
  show("assistant messages in a row", c.meter.consecutive.examples);
  show("raw names in user text", c.meter.names.examples);
  show("other packs' phrases", c.meter.leaks.examples);
  show("HTML entities", c.meter.entities.examples);
  show("a/an", c.meter.articles.examples);
  show("doubled words", c.meter.doubled.examples);
  if (c.meter.gender.carrying > 0 && c.meter.gender.agreeing / c.meter.gender.carrying < 0.98) show("gender", c.meter.gender.examples);
}
console.log("\ntop offenders, phrases from another pack (phrase · pack of origin · source · dialogues · where found):");
for (const o of topOffenders) {
  const said = o.source === "4-gram" ? ` (matched "${o.matched}")` : "";
  console.log(`  ${JSON.stringify(o.phrase)}${said} · ${o.origin} · ${o.source} · ${o.dialogues.size} · ${[...o.where].map(([k, v]) => `${k} ${v}`).join(", ")}`);
  console.log(`      e.g. "${around(o.example, o.matched)}"`);
}
console.log(`\n${(n * corpora.length).toLocaleString("en-US")} dialogues simulated and measured in ${simSeconds.toFixed(1)} s CPU`);
