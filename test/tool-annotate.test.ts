import { mkdtempSync, readFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { bin, ndjson, root, run, sh } from "./helpers/spawn.js";

type Obj = Record<string, unknown>;
const annotate = bin("tool-annotate");
const fixtureFile = `${root}test/fixtures/annotate/dialogues.ndjson`;
const fixtures = readFileSync(fixtureFile, "utf8");
const records = fixtures.trim().split("\n").map((l) => JSON.parse(l) as Obj);
const lines = (s: string) => s.trim().split("\n").filter(Boolean).map((l) => JSON.parse(l) as Obj);
const calls = (d: Obj) => (d.messages as Obj[]).flatMap((m) => (Array.isArray(m.tool_calls) ? (m.tool_calls as Obj[]) : []));
const tmp = () => mkdtempSync(join(tmpdir(), "chatmill-annotate-"));

describe.concurrent("tool-annotate (built, through real pipes)", () => {
  it("--help shows the formula, the defects and examples; --version prints the version", async () => {
    const help = await run(annotate, ["--help"]);
    expect(help.code).toBe(0);
    expect(help.stdout).toMatch(/success_rate = 0\.15·schema_valid/);
    expect(help.stdout).toMatch(/plan_as_python_dict/);
    expect(help.stdout).toMatch(/Examples:/);
    const v = await run(annotate, ["--version"]);
    expect(v.stdout).toMatch(/^tool-annotate \d+\.\d+\.\d+/);
  });

  it("annotates every call, with a grade and K alternatives, and validates as an annotated dialogue", async () => {
    const r = await sh(`node ${annotate} -k 2 < ${fixtureFile} | node ${bin("validate")} --type annotated-dialogue`);
    expect(r.code).toBe(0);
    const out = lines(r.stdout);
    expect(out.map((d) => d.id)).toEqual(records.map((d) => d.id));
    for (const d of out) for (const c of calls(d)) {
      expect(c.grade).toBeDefined();
      expect((c.alternatives as Obj[]).length).toBeLessThanOrEqual(3);
      expect((c.alternatives as Obj[]).length).toBeGreaterThan(0);
    }
    expect(r.stderr).toMatch(/calls graded 5 · inferred 1 · alternatives \d+ · swapped 0/);
  });

  it("handles empty input", async () => {
    const r = await run(annotate, [], "");
    expect(r.code).toBe(0);
    expect(r.stdout).toBe("");
  });

  it("reports a bad line and a record that is not a dialogue by line number, exits 3, and goes on", async () => {
    const input = `${JSON.stringify(records[0])}\n{oops\n${JSON.stringify({ id: "x", turns: [] })}\n${JSON.stringify(records[2])}\n`;
    const r = await run(annotate, [], input);
    expect(r.code).toBe(3);
    expect(lines(r.stdout).map((d) => d.id)).toEqual([records[0]!.id, records[2]!.id]);
    expect(r.stderr).toMatch(/line 2:/);
    expect(r.stderr).toMatch(/line 3: \/messages: a dialogue needs messages/);
  });

  it("--on-error skip with --errors FILE sets bad records aside and exits 0", async () => {
    const dir = tmp();
    const r = await run(annotate, ["--on-error", "skip", "--errors", join(dir, "bad.ndjson")], `{oops\n${JSON.stringify(records[1])}\n`);
    expect(r.code).toBe(0);
    expect(lines(r.stdout)).toHaveLength(1);
    expect(lines(readFileSync(join(dir, "bad.ndjson"), "utf8"))[0]).toMatchObject({ line: 1 });
  });

  it("| head -1 ends quietly with status 0", async () => {
    const r = await sh(`cat ${fixtureFile} ${fixtureFile} ${fixtureFile} | node ${annotate} | head -1; echo "status \${PIPESTATUS[1]}"`);
    expect(r.stdout).toMatch(/status 0\s*$/);
    expect(lines(r.stdout.split("\n")[0]!)[0]!.id).toBe(records[0]!.id);
  });

  it("--defects keeps only the listed defects; an unknown one is a usage error", async () => {
    const r = await run(annotate, ["--defects", "wrong_count,action_key_instead_of_tool", "-k", "5"], fixtures);
    expect(r.code).toBe(0);
    for (const d of lines(r.stdout)) for (const c of calls(d)) for (const a of c.alternatives as Obj[]) expect(["wrong_count", "action_key_instead_of_tool"]).toContain(a.defect);
    for (const d of lines(r.stdout)) for (const m of d.messages as Obj[]) expect(m.recovery).toBeUndefined();
    const bad = await run(annotate, ["--defects", "typo"], fixtures);
    expect(bad.code).toBe(2);
    expect(bad.stderr).toMatch(/unknown defect 'typo'/);
    expect(bad.stderr).toMatch(/reports_success/);
  });

  it("--defects takes recovery defects too: a reaction to a failed result gets only those; -k bounds them", async () => {
    const r = await run(annotate, ["--defects", "reports_success,gives_up", "-k", "1"], fixtures);
    expect(r.code).toBe(0);
    expect(r.stderr).toMatch(/recovery alternatives [1-9]/);
    const recoveries = lines(r.stdout).flatMap((d) => (d.messages as Obj[]).flatMap((m) => (m.recovery ? [m.recovery as { alternatives: Obj[] }] : [])));
    expect(recoveries.length).toBeGreaterThan(0);
    for (const rec of recoveries) {
      expect(rec.alternatives).toHaveLength(1);
      expect(["reports_success", "gives_up"]).toContain(rec.alternatives[0]!.defect);
    }
    for (const d of lines(r.stdout)) for (const c of calls(d)) expect(c.alternatives).toEqual([]);
  });

  it("--no-infer leaves dialogues without calls as they are; --domain forces a domain and rejects an unknown one", async () => {
    const r = await run(annotate, ["--no-infer"], ndjson([records[1]]));
    expect(calls(lines(r.stdout)[0]!)).toHaveLength(0);
    const forced = await run(annotate, ["--domain", "retail"], ndjson([{ ...records[1], domain: "nowhere" }]));
    expect(forced.code).toBe(0);
    expect(calls(lines(forced.stdout)[0]!)[0]).toMatchObject({ inferred: true });
    const bad = await run(annotate, ["--domain", "nowhere"], fixtures);
    expect(bad.code).toBe(2);
    expect(bad.stderr).toMatch(/unknown domain 'nowhere'/);
    const perRecord = await run(annotate, [], ndjson([{ ...records[1], domain: "nowhere" }]));
    expect(perRecord.code).toBe(3);
    expect(perRecord.stderr).toMatch(/cannot load its domain/);
  });

  it("--seed makes output reproducible, and another seed draws other alternatives", async () => {
    const [a, b, c] = await Promise.all([run(annotate, ["--seed", "5"], fixtures), run(annotate, ["--seed", "5"], fixtures), run(annotate, ["--seed", "6"], fixtures)]);
    expect(a.stdout).toBe(b.stdout);
    expect(c.stdout).not.toBe(a.stdout);
  });

  it("-k 0 grades without alternatives", async () => {
    const r = await run(annotate, ["-k", "0"], fixtures);
    for (const d of lines(r.stdout)) for (const c of calls(d)) expect(c.alternatives).toEqual([]);
  });
});

describe("tool-annotate --engine openai (against the fake LLM server)", () => {
  it("adds the LLM's proposals as executed, graded alternatives and its grounding view as a note; the checks decide the grades", async () => {
    const { startFakeLlm } = await import("@chatmill/fake-llm");
    const answer = {
      alternatives: [
        { defect: "wrong_args", name: "filter_items", arguments: { category: "tees", colors: ["Green"], price_range: [null, 35] }, why: "wrong color" },
        { defect: "hallucinated_id", name: "check_availability", arguments: { item_id: "ZZ999" } },
      ],
      reply_grounded: true,
    };
    const fake = await startFakeLlm({ script: [{ reply: { content: JSON.stringify(answer) } }] });
    try {
      const env = { OPENAI_API_KEY: "sk-secret-789", OPENAI_BASE_URL: "" };
      const r = await run(annotate, ["-k", "1", "--engine", "openai", "--base-url", fake.url, "--model", "fake-model"], ndjson([records[0]]), env);
      expect(r.code, r.stderr).toBe(0);
      expect(r.stdout + r.stderr).not.toMatch(/sk-secret-789/);
      const d = lines(r.stdout)[0]!;
      const first = calls(d)[0]!;
      const fromLlm = (first.alternatives as Obj[]).filter((a) => a.source === "llm");
      expect(fromLlm.map((a) => a.defect).sort()).toEqual(["hallucinated_id", "wrong_args"]);
      const ghost = fromLlm.find((a) => a.defect === "hallucinated_id")!;
      expect(ghost).toMatchObject({ ok: false, error: { type: "not_found" } });
      expect((ghost.grade as Obj).ok).toBe(false);
      expect(((first.grade as Obj).notes as string[]).join(" ")).toMatch(/LLM judge: the reply is grounded/);
      expect(d.annotated).toMatchObject({ engine: "openai", llm: { engine: "openai" } });
    } finally {
      await fake.close();
    }
  });
});
