import { spawnSync } from "node:child_process";
import { mkdtempSync, readFileSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join, resolve } from "node:path";
import { describe, expect, it } from "vitest";

const ROOT = resolve(import.meta.dirname, "..");
const BIN = join(ROOT, "packages/mix/bin/mix.js");
const dir = mkdtempSync(join(tmpdir(), "mix-spawn-"));

function file(name: string, lines: string[]): string {
  const p = join(dir, name);
  writeFileSync(p, lines.map((l) => `${l}\n`).join(""));
  return p;
}
const records = (prefix: string, n: number) => Array.from({ length: n }, (_, i) => JSON.stringify({ id: `${prefix}${i}`, meta: { engine: "offline" } }));
const AGENTIC = file("agentic.ndjson", records("ag", 300));
const AJ = file("aj.ndjson", records("aj", 300));
const CORR = file("corrections.ndjson", records("co", 8));
const CHATS = file("chats.jsonl", records("ch", 200));

function run(args: string[], input = "") {
  const r = spawnSync(process.execPath, [BIN, ...args], { cwd: dir, input, encoding: "utf8", env: { ...process.env, CHATMILL_NO_PROGRESS: "1" } });
  return {
    code: r.status,
    out: r.stdout,
    err: r.stderr,
    get lines() {
      return r.stdout.split("\n").filter(Boolean).map((l) => JSON.parse(l) as Record<string, any>);
    },
  };
}
const bySource = (lines: Array<Record<string, any>>, field = (r: Record<string, any>) => r.meta.mix_source as string) => {
  const m: Record<string, number> = {};
  for (const r of lines) m[field(r)] = (m[field(r)] ?? 0) + 1;
  return m;
};

describe("mix (spawned)", () => {
  it("--help shows the target forms and examples; --version", () => {
    const h = run(["--help"]);
    expect(h.code).toBe(0);
    expect(h.out).toMatch(/Usage: mix \[options\] FILE\[:TARGET\]/);
    expect(h.out).toMatch(/--max-oversample X/);
    expect(h.out).toMatch(/Examples:/);
    expect(run(["--version"]).out).toMatch(/^mix \d+\.\d+\.\d+/);
  });

  it("seed 004's mix by --total and percentages, corrections oversampled, the achieved mix on stderr", () => {
    const r = run(["--total", "1000", "corrections.ndjson:0.8%", "agentic.ndjson:30%", "aj.ndjson:30%", "chats.jsonl:rest"]);
    expect(r.code).toBe(0);
    expect(bySource(r.lines)).toEqual({ corrections: 8, agentic: 300, aj: 300, chats: 392 });
    expect(r.err).toMatch(/chats\.jsonl: oversampled 1\.96×/);
    expect(r.err).toMatch(/achieved mix \(seed 0\)/);
    expect(r.err).toMatch(/corrections\s+0\.8%\s+8\s+8\s+8\s+0\.8%\s+1\.00×/);
    expect(r.lines[0]!.meta.engine).toBe("offline");
  });

  it("counts, oversampling with a warning, capped by --max-oversample", () => {
    const r = run(["aj.ndjson:30", "corrections.ndjson:80", "-n", "110"]);
    expect(bySource(r.lines)).toEqual({ aj: 30, corrections: 80 });
    expect(r.err).toMatch(/corrections\.ndjson: oversampled 10× \(8 records repeated to make 80\)/);
    const capped = run(["aj.ndjson:30", "corrections.ndjson:80", "--max-oversample", "2"]);
    expect(bySource(capped.lines)).toEqual({ aj: 30, corrections: 16 });
    expect(capped.err).toMatch(/--max-oversample 2 caps it at 16/);
  });

  it("--repeats ids (default): oversampled copies get their own ids and say what they repeat", () => {
    const r = run(["corrections.ndjson:20", "--no-shuffle"]);
    const ids = r.lines.map((l) => l.id as string);
    expect(new Set(ids).size).toBe(20);
    expect(ids.slice(0, 8)).toEqual(records("co", 8).map((l) => JSON.parse(l).id));
    expect(ids.slice(8, 16)).toEqual(ids.slice(0, 8).map((id) => `${id}~2`));
    for (const l of r.lines.slice(8)) expect(l.repeat_of).toBe((l.id as string).replace(/~\d+$/, ""));
    expect(r.lines.slice(16).every((l) => /~3$/.test(l.id))).toBe(true);
    expect(r.lines.slice(0, 8).some((l) => "repeat_of" in l)).toBe(false);
  });

  it("--repeats same repeats the records byte for byte; --repeats refuse gives none twice, and says so", () => {
    const same = run(["corrections.ndjson:16", "--no-shuffle", "--no-tag", "--repeats", "same"]);
    expect(same.out).toBe(readFileSync(CORR, "utf8").repeat(2));
    const refused = run(["corrections.ndjson:80", "aj.ndjson:5", "--repeats", "refuse"]);
    expect(bySource(refused.lines)).toEqual({ aj: 5, corrections: 8 });
    expect(refused.err).toMatch(/corrections\.ndjson: 80 records asked for, but it holds 8 and --repeats refuse gives each record once: 8/);
    expect(new Set(refused.lines.map((l) => l.id)).size).toBe(13);
  });

  it("--repeats ids warns when a repeated record has no id to rename", () => {
    const noIds = file("no-ids.ndjson", ['{"text":"a"}', '{"text":"b"}']);
    const r = run([`${noIds}:4`]);
    expect(r.lines).toHaveLength(4);
    expect(r.err).toMatch(/line 1 has no string or number id, so its repeats are identical copies/);
  });

  it("--seed makes the output reproducible and changes it", () => {
    const a = run(["--seed", "4", "aj.ndjson:20", "agentic.ndjson:20"]).out;
    expect(run(["--seed", "4", "aj.ndjson:20", "agentic.ndjson:20"]).out).toBe(a);
    expect(run(["--seed", "5", "aj.ndjson:20", "agentic.ndjson:20"]).out).not.toBe(a);
  });

  it("--no-shuffle writes the sources one after the other; --tag FIELD and --no-tag", () => {
    const r = run(["--no-shuffle", "--tag", "origin", "corrections.ndjson", "aj.ndjson:3"]);
    expect(r.lines.map((l) => l.origin)).toEqual([...Array(8).fill("corrections"), "aj", "aj", "aj"]);
    const raw = run(["--no-tag", "--no-shuffle", "corrections.ndjson"]);
    expect(raw.out).toBe(readFileSync(CORR, "utf8"));
    expect(run(["--no-tag", "--tag", "x", "corrections.ndjson"]).code).toBe(2);
  });

  it("--report FILE writes the achieved mix as JSON; -s/--source is the same as an argument", () => {
    const report = join(dir, "report.json");
    const r = run(["-s", "aj.ndjson:10", "--source", "corrections.ndjson:x2", "--report", report, "--quiet"]);
    expect(r.code).toBe(0);
    expect(r.err).toBe("");
    const rep = JSON.parse(readFileSync(report, "utf8"));
    expect(rep.written).toBe(26);
    expect(rep.sources.map((s: any) => [s.label, s.target, s.available, s.written, s.oversample])).toEqual([["aj", "10", 300, 10, 0.03], ["corrections", "x2", 8, 16, 2]]);
  });

  it("reads one source from stdin ('-', '-:TARGET')", () => {
    const r = run(["--total", "20", "-:50%", "aj.ndjson:rest"], records("in", 40).join("\n"));
    expect(bySource(r.lines)).toEqual({ stdin: 10, aj: 10 });
    expect(run(["-", "-"]).code).toBe(2);
  });

  it("empty sources: nothing written, a warning, exit 0", () => {
    const empty = file("empty.ndjson", []);
    const r = run([empty]);
    expect(r.code).toBe(0);
    expect(r.out).toBe("");
    const asked = run([`${empty}:5`]);
    expect(asked.code).toBe(0);
    expect(asked.err).toMatch(/holds no records/);
  });

  it("bad lines: reported with file and line, left out of the counts, exit 3; --on-error skip --errors FILE", () => {
    const bad = file("bad.ndjson", ['{"id":"1"}', "{oops", '{"id":"2"}', '["arr"]', `{"id":"3","pad":"${"x".repeat(300)}"}`]);
    const r = run([`${bad}:x2`, "--max-line-bytes", "200"]);
    expect(r.code).toBe(3);
    expect(r.lines.map((l) => l.id).sort()).toEqual(["1", "1~2", "2", "2~2"]);
    expect(r.err).toMatch(/mix: [^\n]*bad\.ndjson: line 2: invalid JSON/);
    expect(r.err).toMatch(/bad\.ndjson: line 4: expected a JSON object/);
    expect(r.err).toMatch(/bad\.ndjson: line 5: line is \d+ bytes/);
    const errors = join(dir, "dead.ndjson");
    const s = run([`${bad}:x2`, "--on-error", "skip", "--errors", errors]);
    expect(s.code).toBe(0);
    expect(readFileSync(errors, "utf8").trim().split("\n").map((l) => JSON.parse(l).line)).toEqual([2, 4]);
  });

  it("bad usage exits 2 with a hint", () => {
    for (const args of [[], ["aj.ndjson:30%"], ["aj.ndjson:0.3"], ["missing.ndjson:3"], ["--total", "x", "aj.ndjson"], ["aj.ndjson:60%", "chats.jsonl:60%", "-n", "10"], ["--tag", "a..b", "aj.ndjson"]]) {
      const r = run(args);
      expect(r.code, args.join(" ")).toBe(2);
      expect(r.err).toMatch(/Try 'mix --help'/);
    }
  });

  it("| head -1 ends quietly with status 0", () => {
    const r = spawnSync("bash", ["-c", `set -o pipefail; node ${BIN} aj.ndjson:x20 agentic.ndjson:x20 --max-oversample 20 | head -1`], { cwd: dir, encoding: "utf8" });
    expect(r.status).toBe(0);
    expect(r.stderr).not.toMatch(/error/i);
    expect(JSON.parse(r.stdout).meta.mix_source).toMatch(/^(aj|agentic)$/);
  });
});
