import { spawnSync } from "node:child_process";
import { mkdtempSync, readFileSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { Scenario, type Persona } from "@chatmill/schema";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { run as spawned } from "./helpers/spawn.js";
import { startFakeLlm, type FakeLlm } from "@chatmill/fake-llm";

const PKG = join(import.meta.dirname, "../packages");
const PS = join(PKG, "persona-sample/bin/persona-sample.js");
const SG = join(PKG, "scenario-gen/bin/scenario-gen.js");
const COV = join(PKG, "scenario-gen/bin/scenario-coverage.js");
const tmp = mkdtempSync(join(tmpdir(), "scenario-gen-"));

function run(bin: string, args: string[], input = "") {
  const r = spawnSync(process.execPath, [bin, ...args], { input, encoding: "utf8", maxBuffer: 1 << 28 });
  return { code: r.status, out: r.stdout, err: r.stderr, lines: r.stdout.split("\n").filter(Boolean) };
}
/** Like run, but asynchronous, so several processes can run at once (as under parallel --pipe). */
const runAsync = (bin: string, args: string[], input: string, env: NodeJS.ProcessEnv = {}) =>
  spawned(bin, args, input, env).then((r) => ({ code: r.code, out: r.stdout, err: r.stderr }));
const parse = (lines: string[]) => lines.map((l) => JSON.parse(l) as Scenario);

let travel = "";
let retail = "";

beforeAll(() => {
  travel = run(PS, ["-n", "400", "--domain", "travel", "--seed", "5", "-q"]).out;
  retail = run(PS, ["-n", "60", "--domain", "retail", "--seed", "5", "-q"]).out;
  writeFileSync(join(tmp, "travel.ndjson"), travel);
});

describe("scenario-gen", () => {
  it("gives the same scenarios through four split processes as through one (parallel --pipe)", async () => {
    const lines = travel.trim().split("\n");
    const quarter = Math.ceil(lines.length / 4);
    const args = ["--domain", "travel", "--seed", "3", "-q"];
    const [whole, ...parts] = await Promise.all([
      runAsync(SG, args, travel),
      ...[0, 1, 2, 3].map((i) => runAsync(SG, args, `${lines.slice(i * quarter, (i + 1) * quarter).join("\n")}\n`)),
    ]);
    expect(whole!.code).toBe(0);
    const wholeLines = whole!.out.split("\n").filter(Boolean);
    expect(wholeLines).toHaveLength(400);
    expect(parts.map((p) => p.code)).toEqual([0, 0, 0, 0]);
    expect(parts.map((p) => p.out).join("")).toBe(whole!.out);
    const scenarios = parse(wholeLines);
    for (const s of scenarios) expect(Scenario.safeParse(s).error).toBeUndefined();
    expect(run(SG, ["--seed", "4", "-q"], retail).out).not.toBe(run(SG, ["--seed", "3", "-q"], retail).out);
  });

  it("uses each persona's own domain when --domain is not given", () => {
    const r = run(SG, ["-q"], retail);
    expect(r.code).toBe(0);
    const scenarios = parse(r.lines);
    expect(scenarios).toHaveLength(60);
    for (const s of scenarios) {
      expect(s.domain).toBe("retail");
      expect(s.services).toEqual(["shopping"]);
      expect(s.narrative).toMatch(/\d/);
    }
  });

  it("writes nothing for empty input, and reports bad lines and non-personas by line", () => {
    const empty = run(SG, ["--domain", "retail"]);
    expect(empty.code).toBe(0);
    expect(empty.out).toBe("");
    const first = retail.split("\n")[0]!;
    const input = [first, "{not json", '{"id": "p1", "language": "en"}', '{"id": "p2", "style": "casual", "language": "en"}', ""].join("\n");
    const bad = run(SG, [], input);
    expect(bad.code).toBe(3);
    expect(bad.lines).toHaveLength(1);
    expect(bad.err).toMatch(/line 2/);
    expect(bad.err).toMatch(/scenario-gen: line 3: \/style: not a Persona/);
    expect(bad.err).toMatch(/line 4: \/domain: the persona names no domain; pass --domain/);
    const dead = join(tmp, "dead.ndjson");
    const skip = run(SG, ["--on-error", "skip", "--errors", dead, "-q"], input);
    expect(skip.code).toBe(0);
    expect(readFileSync(dead, "utf8").trim().split("\n")).toHaveLength(3);
  });

  it("honours --per-persona, turn ranges, dates, --home-share and --mix", () => {
    const r = run(SG, ["--domain", "travel", "-k", "3", "--min-turns", "3-4", "--max-turns", "4-6", "--dates", "2026-05-01..2026-05-03", "--home-share", "1",
      "--mix", "resolution=failed:1", "--mix", "slot=night:1", "--mix", "user_emotion=tired:1", "-q"], travel.split("\n").slice(0, 50).join("\n"));
    expect(r.code).toBe(0);
    const scenarios = parse(r.lines);
    expect(scenarios).toHaveLength(150);
    expect(new Set(scenarios.map((s) => s.id)).size).toBe(150);
    for (const s of scenarios) {
      expect(s.turns.min >= 3 && s.turns.min <= 4 && s.turns.max >= s.turns.min && s.turns.max <= 6).toBe(true);
      expect(["2026-05-01", "2026-05-02", "2026-05-03"]).toContain(s.time.at.slice(0, 10));
      expect(s.region).toBe((s.persona as Persona).location!.city);
      expect(s.resolution).toBe("failed");
      expect(s.time.slot).toBe("night");
      expect(Number(s.time.at.slice(11, 13))).toBeGreaterThanOrEqual(21);
      expect(s.emotions.user).toBe("tired");
    }
    const away = parse(run(SG, ["--domain", "travel", "--home-share", "0", "--mix", "region=Tokyo:1,Lima:1", "-q"], travel).lines);
    expect(new Set(away.map((s) => s.region))).toEqual(new Set(["Tokyo", "Lima"]));
  });

  it("balances combinations exactly with --balance", () => {
    const scenarios = parse(run(SG, ["--domain", "travel", "--balance", "-q"], travel).lines);
    const bySize = new Map<number, Map<string, number>>();
    for (const s of scenarios) {
      const m = bySize.get(s.services.length) ?? new Map<string, number>();
      const key = [...s.services].sort().join("+");
      m.set(key, (m.get(key) ?? 0) + 1);
      bySize.set(s.services.length, m);
    }
    for (const m of bySize.values()) expect(Math.max(...m.values()) - Math.min(...m.values())).toBeLessThanOrEqual(1);
  });

  it("refuses bad flags with exit 2", () => {
    for (const bad of [["--min-turns", "x"], ["--max-turns", "9-3"], ["--dates", "2026-13-01"], ["--domain", "no-such-pack"], ["--mix", "region=Atlantis:1"], ["--mix", "size=huge:1"], ["--home-share", "2"], ["-k", "0"]]) {
      const r = run(SG, bad, "");
      expect(r.code, bad.join(" ")).toBe(2);
      expect(r.err).toMatch(/Try 'scenario-gen --help'/);
    }
  });

  it("ends quietly under | head -1 and documents itself", () => {
    const file = join(tmp, "travel.ndjson");
    const head = spawnSync("bash", ["-o", "pipefail", "-c", `node ${SG} --domain travel -k 20 < ${file} | head -1`], { encoding: "utf8" });
    expect(head.status).toBe(0);
    expect(head.stdout.trim().split("\n")).toHaveLength(1);
    expect(head.stderr).toBe("");
    const help = run(SG, ["--help"]);
    for (const flag of ["--domain", "--per-persona", "--min-turns", "--max-turns", "--dates", "--home-share", "--mix", "--balance", "STATEFUL", "Examples:"]) expect(help.out).toContain(flag);
    expect(run(SG, ["--version"]).out).toMatch(/^scenario-gen \d+\.\d+\.\d+/);
  });
});

describe("scenario-gen --engine openai", () => {
  const written = { goal_text: "Find a warm jacket for a winter trip, under my budget.", narrative: "It's a cold Tuesday evening in Oslo and I'm packing. I need a warm jacket before Friday." };
  let good: FakeLlm;
  let broken: FakeLlm;
  beforeAll(async () => {
    good = await startFakeLlm({ script: [{ reply: { content: JSON.stringify(written) } }] });
    broken = await startFakeLlm({ script: [{ reply: { content: "not json at all" } }] });
  });
  afterAll(async () => {
    await good.close();
    await broken.close();
  });
  const env = { ...process.env, OPENAI_API_KEY: "sk-test-secret-123", OPENAI_BASE_URL: "" };

  it("has the writer role rewrite goal text and narrative, keeping every drawn fact", async () => {
    const input = retail.split("\n").slice(0, 5).join("\n");
    const [offline, online] = await Promise.all([
      runAsync(SG, ["--seed", "2", "-q"], input, env),
      runAsync(SG, ["--seed", "2", "-q", "--engine", "openai", "--base-url", good.url, "--writer-model", "fake-model"], input, env),
    ]);
    expect(online.code, online.err).toBe(0);
    const a = parse(offline.out.split("\n").filter(Boolean));
    const b = parse(online.out.split("\n").filter(Boolean));
    expect(b).toHaveLength(5);
    for (const [i, s] of b.entries()) {
      expect(Scenario.safeParse(s).error).toBeUndefined();
      expect(s.narrative).toBe(written.narrative);
      expect(s.goal.text).toBe(written.goal_text);
      expect(s.goal.constraints).toEqual(a[i]!.goal.constraints);
      expect({ ...s, goal: undefined, narrative: undefined, meta: undefined }).toEqual({ ...a[i]!, goal: undefined, narrative: undefined });
      expect((s as { meta?: { llm?: { models?: string[] } } }).meta?.llm?.models).toEqual(["fake-model"]);
    }
    expect(online.out + online.err).not.toContain("sk-test-secret-123");
  });

  it("fails a record whose answers stay malformed, and needs a model", async () => {
    const input = retail.split("\n").slice(0, 2).join("\n");
    const r = await runAsync(SG, ["--engine", "openai", "--base-url", broken.url, "--model", "m", "--repairs", "0", "--retries", "0"], input, env);
    expect(r.code).toBe(4);
    expect(r.out).toBe("");
    const noModel = await runAsync(SG, ["--engine", "openai", "--base-url", good.url], input, { ...env, CHATMILL_MODEL: "" });
    expect(noModel.code).toBe(2);
  });
});

describe("scenario-coverage", () => {
  it("reports counts and entropy of the scenario grid, as a record or a table", () => {
    const scenarios = run(SG, ["--domain", "travel", "-q"], travel).out;
    const json = run(COV, ["-q"], scenarios);
    expect(json.code).toBe(0);
    const report = JSON.parse(json.lines[0]!);
    expect(report.records).toBe(400);
    expect(Object.keys(report.dimensions)).toEqual(expect.arrayContaining(["combination", "category", "region", "emotion", "resolution", "service", "size"]));
    expect(report.dimensions.resolution.distinct).toBe(3);
    expect(report.grid.cells).toBeGreaterThan(390);
    const text = run(COV, ["--format", "text", "--top", "2", "-q"], scenarios);
    expect(text.out).toMatch(/^scenarios: 400/);
    expect(text.out).toMatch(/grid \(combination × category × region × emotion × resolution\)/);
    const bad = run(COV, [], `${scenarios}{"id": "x"}\n`);
    expect(bad.code).toBe(3);
    expect(bad.err).toMatch(/line 401: not a Scenario/);
    expect(JSON.parse(run(COV, ["-q"], "").out).records).toBe(0);
    expect(run(COV, ["--help"]).out).toContain("--format");
    expect(run(COV, ["--format", "xml"]).code).toBe(2);
  });
});
