import { spawnSync } from "node:child_process";
import { mkdtempSync, readFileSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { loadDomain } from "@chatmill/domains";
import { Persona } from "@chatmill/schema";
import { describe, expect, it } from "vitest";
import { sh, run as spawned } from "./helpers/spawn.js";
import { startFakeLlm } from "@chatmill/fake-llm";

const BIN = join(import.meta.dirname, "../packages/persona-sample/bin/persona-sample.js");
const tmp = mkdtempSync(join(tmpdir(), "persona-sample-"));

function run(args: string[], input = "") {
  const r = spawnSync(process.execPath, [BIN, ...args], { input, encoding: "utf8", maxBuffer: 1 << 28 });
  return { code: r.status, out: r.stdout, err: r.stderr, lines: r.stdout.split("\n").filter(Boolean) };
}
/** Asynchronous run, so the fake LLM server in this process can answer the child. */
const runAsync = (args: string[], env: NodeJS.ProcessEnv) => spawned(BIN, args, "", env).then((r) => ({ code: r.code, out: r.stdout, err: r.stderr }));
const parse = (lines: string[]) => lines.map((l) => JSON.parse(l) as Persona);

describe("persona-sample", () => {
  it("gives identical output for the same seed, different output for another, and valid records", () => {
    const a = run(["-n", "1000", "--seed", "7"]);
    const b = run(["-n", "1000", "--seed", "7"]);
    const c = run(["-n", "1000", "--seed", "8"]);
    expect(a.code).toBe(0);
    expect(a.lines).toHaveLength(1000);
    expect(b.out).toBe(a.out);
    expect(c.out).not.toBe(a.out);
    const personas = parse(a.lines);
    for (const p of personas) expect(Persona.safeParse(p).error).toBeUndefined();
    expect(new Set(personas.map((p) => p.id)).size).toBe(1000);
    expect(new Set(personas.map((p) => p.location?.city)).size).toBe(54);
    const styles = new Set(personas.map((p) => p.style));
    for (const s of ["casual", "senior_engineer", "stressed", "learner", "executive"]) expect(styles.has(s)).toBe(true);
    expect(a.err).toMatch(/written 1000/);
  });

  it("without --domain, spreads personas evenly over the built-in packs, so the whole pipeline accepts them", async () => {
    const r = run(["-n", "300", "--seed", "4", "-q"]);
    const personas = parse(r.lines);
    const byDomain = personas.reduce<Record<string, number>>((acc, p) => ({ ...acc, [String(p.domain)]: (acc[String(p.domain)] ?? 0) + 1 }), {});
    expect(byDomain).toEqual({ retail: 100, travel: 100, ops: 100 });
    // Each block of three uses every pack once, and not always in the same order.
    for (let i = 0; i < 300; i += 3) expect(new Set(personas.slice(i, i + 3).map((p) => p.domain)).size).toBe(3);
    expect(new Set(Array.from({ length: 100 }, (_, b) => personas.slice(3 * b, 3 * b + 3).map((p) => p.domain).join())).size).toBeGreaterThan(1);
    // The domain's own data is used: preferences from its pools.
    expect(personas.filter((p) => p.preferences !== undefined).length).toBeGreaterThan(200);
    const pipe = await sh(`persona-sample -n 20 --seed 2 | scenario-gen | dialogue-sim | validate > "${join(tmp, "piped.ndjson")}"; echo "status=\${PIPESTATUS[*]}" >&2`);
    expect(pipe.stderr).toContain("status=0 0 0 0");
    expect(pipe.stderr).toMatch(/validate: read 20 · written 20 · dropped 0 · failed 0/);
  });

  it("draws preferences, budgets and history from the domain's real data", () => {
    const r = run(["-n", "300", "--domain", "retail", "--seed", "3", "-q"]);
    expect(r.code).toBe(0);
    expect(r.err).toBe("");
    const retail = loadDomain("retail");
    const items = new Set(retail.table("items").map((row) => String(row.id)));
    const pools = new Map(retail.persona.preferences.map((p) => [p.key, new Set(p.values)]));
    for (const p of parse(r.lines)) {
      expect(Persona.safeParse(p).error).toBeUndefined();
      expect(p.domain).toBe("retail");
      // A customer of the retail pack: money in the pack's currency, whatever the city's.
      expect(p.budget?.currency).toBe("USD");
      for (const [key, values] of Object.entries(p.preferences ?? {})) for (const v of values as string[]) expect(pools.get(key)?.has(v)).toBe(true);
      for (const h of p.history ?? []) expect(items.has(h.item_id!)).toBe(true);
    }
  });

  it("samples a PersonaHub-style corpus, reporting bad lines by number", () => {
    const file = join(tmp, "hub.jsonl");
    writeFileSync(file, ['{"persona": "A sports journalist who has interviewed Michael Jordan"}', "{oops", '{"persona": "A retired nurse from Lagos who loves gardening"}', '{"name": "no text"}', ""].join("\n"));
    const failed = run(["-n", "4", "--from", file]);
    expect(failed.code).toBe(3);
    expect(failed.err).toMatch(/line 2/);
    expect(failed.err).toContain(`persona-sample: ${file}: line 4: no persona text`);
    // The corpus's four lines (the blank fifth aside) are what it read; two were bad.
    expect(failed.err).toMatch(/persona-sample: read 4 · written 4 · dropped 2 \(invalid_json: 1, invalid_record: 1\) · failed 0/);
    const dead = join(tmp, "dead.ndjson");
    const r = run(["-n", "4", "--from", file, "--on-error", "skip", "--errors", dead, "-q"]);
    expect(r.code).toBe(0);
    expect(readFileSync(dead, "utf8").trim().split("\n")).toHaveLength(2);
    const personas = parse(r.lines);
    expect(personas.map((p) => p.source?.index).sort()).toEqual([0, 0, 2, 2]);
    const nurse = personas.find((p) => p.source?.index === 2)!;
    expect(nurse).toMatchObject({ occupation: "retired nurse", age_range: "65+", description: "A retired nurse from Lagos who loves gardening" });
    expect(nurse.location?.city).toBe("Lagos");
  });

  it("draws evenly across FinePersonas clusters, or summaries", () => {
    const file = join(tmp, "fine.jsonl");
    const rows = [
      ...Array.from({ length: 2 }, (_, i) => ({ persona: `A chemist number ${i}`, cluster_label: 1, summary_label: '["Science"]' })),
      ...Array.from({ length: 30 }, (_, i) => ({ persona: `A teacher number ${i}`, cluster_label: 2, summary_label: "['Education', 'Arts']" })),
      ...Array.from({ length: 8 }, (_, i) => ({ persona: `A baker number ${i}`, cluster_label: 3, summary_label: '["Food"]' })),
    ];
    writeFileSync(file, rows.map((r) => JSON.stringify(r)).join("\n"));
    const count = (ps: Persona[], key: "cluster" | "summary") => ps.reduce<Record<string, number>>((acc, p) => ({ ...acc, [p.source![key]!]: (acc[p.source![key]!] ?? 0) + 1 }), {});
    const byCluster = parse(run(["-n", "30", "--from", file, "-q"]).lines);
    expect(count(byCluster, "cluster")).toEqual({ 1: 10, 2: 10, 3: 10 });
    expect(byCluster[0]!.source!.dataset).toBe("finepersonas");
    const bySummary = parse(run(["-n", "30", "--from", file, "--stratify", "summary", "-q"]).lines);
    expect(count(bySummary, "summary")).toEqual({ "Arts | Education": 10, Food: 10, Science: 10 });
    const none = parse(run(["-n", "40", "--from", file, "--stratify", "none", "-q"]).lines);
    expect(new Set(none.map((p) => p.source!.index)).size).toBe(40);
  });

  it("reads Synthetic-Persona-Chat persona facts", () => {
    const r = run(["-n", "50", "--from", "/work/shared/data/synthetic-persona-chat/personas_unique.jsonl", "--domain", "ops", "-q"]);
    expect(r.code).toBe(0);
    for (const p of parse(r.lines)) {
      expect(Persona.safeParse(p).error).toBeUndefined();
      expect(p.source?.dataset).toBe("synthetic-persona-chat");
      expect(p.description!.length).toBeGreaterThan(10);
    }
  });

  it("overrides distributions with --mix and refuses bad ones", () => {
    const r = run(["-n", "100", "--mix", "style=stressed:1", "--mix", "language=hi:1,mixed:1", "--mix", "city=Delhi:1", "-q"]);
    const ps = parse(r.lines);
    expect(new Set(ps.map((p) => p.style))).toEqual(new Set(["stressed"]));
    expect(new Set(ps.map((p) => p.language))).toEqual(new Set(["hi", "mixed"]));
    expect(new Set(ps.map((p) => p.location?.city))).toEqual(new Set(["Delhi"]));
    for (const bad of [["--mix", "colour=red"], ["--mix", "city=Atlantis:1"], ["--mix", "style=casual:-1"], ["--domain", "no-such-pack"], ["--stratify", "both"], ["-n", "x"], ["extra-arg"]]) {
      const b = run(["-n", "1", ...bad]);
      expect(b.code, bad.join(" ")).toBe(2);
      expect(b.err).toMatch(/Try 'persona-sample --help'/);
    }
    expect(run(["-n", "1", "--from", join(tmp, "missing.jsonl")]).code).toBe(2);
    expect(run(["-n", "1", "--from", join(tmp, "fine.jsonl"), "--stratify", "cluster"]).code).toBe(0);
  });

  it("with --engine openai, has the writer role read corpus text into fields", async () => {
    const fields = { age: 52, gender: "male", occupation: "Lighthouse Keeper", city: "Lima", country: null, income_level: "low", traits: ["Patient"], style: "learner" };
    const fake = await startFakeLlm({ script: [{ reply: { content: JSON.stringify(fields) } }] });
    try {
      const env = { ...process.env, OPENAI_API_KEY: "sk-secret-456", OPENAI_BASE_URL: "" };
      const corpus = join(tmp, "llm.jsonl");
      writeFileSync(corpus, '{"persona": "A man who has kept the same lighthouse for thirty years"}\n{"persona": "Someone curious about how ships navigate"}\n');
      const r = await runAsync(["-n", "6", "--from", corpus, "-q", "--engine", "openai", "--base-url", fake.url, "--model", "fake-model"], env);
      expect(r.code, r.err).toBe(0);
      const personas = parse(r.out.split("\n").filter(Boolean));
      expect(personas).toHaveLength(6);
      for (const p of personas) {
        expect(Persona.safeParse(p).error).toBeUndefined();
        expect(p).toMatchObject({ age: 52, age_range: "45-54", gender: "male", occupation: "lighthouse keeper", income_level: "low", style: "learner" });
        expect(p.location?.city).toBe("Lima");
        expect(p.traits?.[0]).toBe("patient"); // then filled to 2-3 from the distribution
        expect((p as { meta?: { llm?: unknown } }).meta?.llm).toBeDefined();
      }
      expect(r.out + r.err).not.toContain("sk-secret-456");
      const noCorpus = await runAsync(["-n", "2", "--engine", "openai", "--base-url", fake.url, "--model", "m"], env);
      expect(noCorpus.code).toBe(2);
      expect(noCorpus.err).toMatch(/give --from FILE/);
    } finally {
      await fake.close();
    }
  });

  it("writes nothing for -n 0, ends quietly under | head -1, and documents itself", () => {
    const zero = run(["-n", "0"]);
    expect(zero.code).toBe(0);
    expect(zero.out).toBe("");
    const head = spawnSync("bash", ["-o", "pipefail", "-c", `node ${BIN} -n 200000 | head -1`], { encoding: "utf8" });
    expect(head.status).toBe(0);
    expect(head.stdout.trim().split("\n")).toHaveLength(1);
    expect(head.stderr).toBe("");
    const help = run(["--help"]);
    expect(help.code).toBe(0);
    for (const flag of ["--count", "--domain", "--from", "--stratify", "--mix", "--seed", "Examples:"]) expect(help.out).toContain(flag);
    expect(run(["--version"]).out).toMatch(/^persona-sample \d+\.\d+\.\d+/);
  });
});
