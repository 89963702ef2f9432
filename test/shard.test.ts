import { mkdtempSync, readFileSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { startFake, type FakeProcess } from "./llm-helpers.js";
import { bin, runSync, sh } from "./helpers/spawn.js";

// --shard I/N on every generating tool: the N parts' outputs (and dead letters) together
// are one process's output, record for record and byte for byte.
const dir = mkdtempSync(join(tmpdir(), "chatmill-shard-"));
let fake: FakeProcess;
beforeAll(async () => {
  fake = await startFake();
});
afterAll(async () => {
  await fake.stop();
});

const personas = runSync(bin("persona-sample"), ["-n", "17", "--domain", "retail", "--seed", "3", "--quiet"]).stdout;
const scenarios = runSync(bin("scenario-gen", "scenario-gen"), ["-k", "2", "--quiet"], personas).stdout;
const dialogues = runSync(bin("dialogue-sim"), ["--quiet", "--failure-rate", "0.3"], scenarios.split("\n").slice(0, 12).join("\n")).stdout;
// One bad line among the inputs: exactly one shard must report it.
const withBad = (text: string) => {
  const rows = text.trim().split("\n");
  rows.splice(5, 0, '{"id": "broken"');
  return `${rows.join("\n")}\n`;
};

interface Case {
  tool: string;
  pkg?: string;
  args: string[];
  input?: string;
  env?: () => Record<string, string>;
}
const cases: Case[] = [
  { tool: "persona-sample", args: ["-n", "23", "--domain", "travel", "--seed", "5"] },
  { tool: "scenario-gen", args: ["-k", "2"], input: withBad(personas) },
  { tool: "dialogue-sim", args: ["--failure-rate", "0.2"], input: withBad(scenarios) },
  { tool: "tool-annotate", args: ["--alternatives", "2"], input: withBad(dialogues) },
  { tool: "augment", args: ["--variants", "2"], input: withBad(dialogues) },
  {
    tool: "llm-map",
    args: ["--model", "fake", "--prompt", "Say {{id}}", "--field", "said", "--no-meta"],
    input: withBad(personas),
    env: () => ({ OPENAI_BASE_URL: fake.url, OPENAI_API_KEY: "test-key" }),
  },
];

async function runPart(c: Case, shard: string | undefined, tag: string) {
  const inFile = join(dir, `${c.tool}.in.ndjson`);
  if (c.input !== undefined) writeFileSync(inFile, c.input);
  const errFile = join(dir, `${c.tool}-${tag}.errors.ndjson`);
  const args = [...c.args, ...(shard ? ["--shard", shard] : []), "--errors", errFile].map((a) => `'${a}'`).join(" ");
  const stdin = c.input !== undefined ? `< '${inFile}'` : "";
  const r = await sh(`"${process.execPath}" "${bin(c.tool, c.pkg)}" ${args} ${stdin}`, c.env?.() ?? {});
  const errors = readFileSync(errFile, "utf8").split("\n").filter(Boolean);
  return { ...r, out: r.stdout.split("\n").filter(Boolean), errors };
}

describe.each(cases)("$tool --shard", (c) => {
  it("the parts at N = 1, 3 and 8 add up to one process's output and dead letters", async () => {
    const whole = await runPart(c, undefined, "whole");
    expect(whole.out.length).toBeGreaterThan(5);
    if (c.input !== undefined) expect(whole.errors).toHaveLength(1);
    for (const n of [1, 3, 8]) {
      const parts = await Promise.all(Array.from({ length: n }, (_, i) => runPart(c, `${i}/${n}`, `${i}-of-${n}`)));
      expect(parts.flatMap((p) => p.out).sort(), `${n} shards`).toEqual([...whole.out].sort());
      expect(parts.flatMap((p) => p.errors).sort(), `${n} shards' dead letters`).toEqual([...whole.errors].sort());
      // Each part does only its share of the work.
      if (n > 1) expect(Math.max(...parts.map((p) => p.out.length))).toBeLessThan(whole.out.length);
      // Only the part that met the bad line reports it and exits 3.
      for (const p of [whole, ...parts]) expect(p.code).toBe(p.errors.length > 0 ? 3 : 0);
    }
  }, 300_000);
});

describe("--shard flag", () => {
  it("refuses a bad I/N with exit 2 and a hint", async () => {
    for (const bad of ["3/3", "x", "1/0"]) {
      const r = await sh(`"${process.execPath}" "${bin("persona-sample")}" -n 2 --shard '${bad}'`);
      expect(r.code).toBe(2);
      expect(r.stderr).toMatch(/--shard/);
    }
  });
  it("is refused with scenario-gen --balance, whose output depends on the split", async () => {
    const r = await sh(`"${process.execPath}" "${bin("scenario-gen")}" --balance --shard 0/2 < /dev/null`);
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(/--balance/);
  });
  it("counts the lines it left to other shards", async () => {
    const r = await sh(`printf '{"id":"a"}\\n{"id":"b"}\\n{"id":"c"}\\n' | "${process.execPath}" "${bin("scenario-gen")}" --shard 1/3 --domain retail --on-error skip`);
    expect(r.stderr).toMatch(/read 1 .*lines of other shards 2/);
  });
});
