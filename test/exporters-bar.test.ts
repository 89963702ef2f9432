// The exporters' bar (issue 19), as a spawn test of the built bins: the default pipeline
// (persona-sample | scenario-gen | dialogue-sim | tool-annotate) over the three built-in
// domains, at the default failure rate and at --failure-rate 0.2, through every exporter,
// format and granularity the format tables list: exit 0, at most 1% of the dialogues
// dead-lettered, and every written row passes its format's rules again, checked here.
// Build first (npx pnpm build).
import { spawnSync } from "node:child_process";
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { DPO_FORMATS } from "@chatmill/to-dpo";
import { RL_FORMATS } from "@chatmill/to-rl";
import { SFT_FORMATS } from "@chatmill/to-sft";
import { bin, runSync } from "./helpers/spawn.js";

/** Dialogues per domain and failure rate: 3 domains × 2 rates × 40 = 240 dialogues. */
const PER_DOMAIN = 40;
const RATES = [undefined, 0.2] as const;

const dir = mkdtempSync(join(tmpdir(), "exporters-bar-"));
const inputs = new Map<string, { file: string; n: number }>();

beforeAll(() => {
  for (const rate of RATES) {
    const file = join(dir, `dialogues-${rate ?? "default"}.ndjson`);
    const parts: string[] = [];
    for (const domain of ["retail", "travel", "ops"]) {
      const r = spawnSync(
        "bash",
        [
          "-c",
          `set -o pipefail; node ${bin("persona-sample")} -n ${PER_DOMAIN} --domain ${domain} --seed 19 | node ${bin("scenario-gen")} | node ${bin("dialogue-sim")} ${rate === undefined ? "" : `--failure-rate ${rate}`} | node ${bin("tool-annotate")}`,
        ],
        { encoding: "utf8", maxBuffer: 1 << 28 },
      );
      if (r.status !== 0) throw new Error(`the pipeline failed for ${domain}: ${r.stderr}`);
      parts.push(r.stdout);
    }
    const text = parts.join("");
    writeFileSync(file, text);
    inputs.set(String(rate ?? "default"), { file, n: text.split("\n").filter(Boolean).length });
  }
}, 300_000);

afterAll(() => rmSync(dir, { recursive: true, force: true }));

interface Case {
  tool: string;
  args: string[];
  check: (row: unknown) => unknown;
}

const cases: Case[] = [
  ...SFT_FORMATS.flatMap((f) => f.granularities.map((g) => ({ tool: "to-sft", args: ["-f", f.name, "-g", g], check: f.check }))),
  ...DPO_FORMATS.map((f) => ({ tool: "to-dpo", args: ["-f", f.name], check: f.check })),
  ...RL_FORMATS.map((f) => ({ tool: "to-rl", args: ["-f", f.name], check: f.check })),
];

describe("the default pipeline through every exporter and format", () => {
  for (const rate of RATES) {
    const label = rate === undefined ? "default failure rate" : `--failure-rate ${rate}`;
    it(`${label}: exit 0, ≤ 1% of dialogues dead-lettered, every row passes its format's rules`, () => {
      const { file, n } = inputs.get(String(rate ?? "default"))!;
      expect(n).toBe(3 * PER_DOMAIN);
      const report: string[] = [];
      for (const c of cases) {
        const errors = join(dir, `errors-${c.tool}-${c.args.join("")}.ndjson`);
        const r = runSync(bin(c.tool), [...c.args, "--errors", errors, file]);
        const name = `${c.tool} ${c.args.join(" ")}`;
        expect(r.status, `${name}: ${r.stderr}`).toBe(0);
        let dead = 0;
        try {
          dead = new Set(readFileSync(errors, "utf8").split("\n").filter(Boolean).map((l) => (JSON.parse(l) as { id?: string }).id)).size;
        } catch {
          // no dead-letter file: nothing was rejected
        }
        expect(dead, `${name}: ${dead} of ${n} dialogues dead-lettered`).toBeLessThanOrEqual(n * 0.01);
        const rows = r.rows;
        expect(rows.length, name).toBeGreaterThan(0);
        for (const row of rows) expect(c.check(row), name).toBeUndefined();
        report.push(`${name}: ${rows.length} rows, ${dead} dead-lettered`);
      }
      expect(report).toHaveLength(cases.length);
    }, 300_000);
  }
});
