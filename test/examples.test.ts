// Every job in examples/ runs here, small, so none rots.
import { mkdtempSync, readFileSync, readdirSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { root, sh } from "./helpers/spawn.js";

const out = () => mkdtempSync(join(tmpdir(), "chatmill-example-"));
const lines = (file: string) => readFileSync(file, "utf8").split("\n").filter(Boolean).length;
const shared = join(root, "..", "shared", "data");

describe.concurrent("examples/", () => {
  it("covers every script in the folder", () => {
    const scripts = readdirSync(join(root, "examples")).filter((f) => f.endsWith(".sh"));
    expect(scripts.sort()).toEqual(["import-multiwoz.sh", "llm-local-server.sh", "ops-corrections.sh", "sharded-parallel.sh", "travel-dpo-with-failures.sh"]);
  });

  it("retail-sft/Makefile builds an SFT set stage by stage", async () => {
    const dir = out();
    const r = await sh(`make -s -C examples/retail-sft N=20 OUT=${dir}`);
    expect(r.code, r.stderr).toBe(0);
    expect(lines(join(dir, "sft.openai.jsonl"))).toBeGreaterThan(10);
    expect(lines(join(dir, "sft.trl.jsonl"))).toBeGreaterThan(20);
    expect(JSON.parse(readFileSync(join(dir, "stats.json"), "utf8"))).toBeTypeOf("object");
  });

  it("travel-dpo-with-failures.sh makes DPO pairs from failures and alternatives", async () => {
    const dir = out();
    const r = await sh(`N=20 OUT=${dir} bash examples/travel-dpo-with-failures.sh`);
    expect(r.code, r.stderr).toBe(0);
    expect(lines(join(dir, "dpo.trl.jsonl"))).toBeGreaterThan(5);
    expect(lines(join(dir, "dpo.openai.jsonl"))).toBeGreaterThan(5);
  });

  it("ops-corrections.sh makes pairs whose rejected side is a seed-004 format error", async () => {
    const dir = out();
    const r = await sh(`N=15 OUT=${dir} bash examples/ops-corrections.sh`);
    expect(r.code, r.stderr).toBe(0);
    const rows = readFileSync(join(dir, "corrections.muse.jsonl"), "utf8").split("\n").filter(Boolean).map((l) => JSON.parse(l));
    expect(rows.length).toBeGreaterThan(3);
    const defects = new Set(rows.map((r) => r.rejected.defect));
    for (const d of defects) expect(["action_key_instead_of_tool", "tool_none", "plan_as_python_dict", "wrong_count", "failed_call", undefined]).toContain(d);
  });

  it("import-multiwoz.sh imports, infers and executes calls, and exports", async () => {
    const dir = out();
    const r = await sh(`MULTIWOZ=${shared}/multiwoz22 OUT=${dir} bash examples/import-multiwoz.sh`);
    expect(r.code, r.stderr).toBe(0);
    expect(r.stderr).toMatch(/multiwoz: [1-9]\d* inferred calls/);
    expect(lines(join(dir, "sft.trl.jsonl"))).toBeGreaterThan(0);
  });

  it("sharded-parallel.sh: four shards give the same dialogues as one process", async () => {
    const dir = out();
    const r = await sh(`N=60 JOBS=4 OUT=${dir} bash examples/sharded-parallel.sh`);
    expect(r.code, r.stderr).toBe(0);
    expect(r.stderr).toContain("4 shards gave the same 60 dialogues");
  });

  it("llm-local-server.sh: interrupted, resumed and replayed offline byte for byte", async () => {
    const dir = out();
    const r = await sh(`N=12 OUT=${dir} bash examples/llm-local-server.sh`, { OPENAI_BASE_URL: "" });
    expect(r.code, r.stderr).toBe(0);
    expect(r.stderr).toContain("12 scenarios written by the model, replayed offline byte for byte");
    expect(r.stderr).toMatch(/llm: 4 dialogues by the model, \d+ SFT rows/);
  });
});
