// Every job in examples/ runs here, small, so none rots.
import { spawn } from "node:child_process";
import { mkdtempSync, readFileSync, readdirSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { root, sh } from "./helpers/spawn.js";

const out = () => mkdtempSync(join(tmpdir(), "chatmill-example-"));
const lines = (file: string) => readFileSync(file, "utf8").split("\n").filter(Boolean).length;
const shared = join(root, "..", "shared", "data");

/**
 * tool-annotate --backend replay's output: the calls whose grade is not what the backend answered
 * (ok exactly when the recorded answer was; injected timeouts and server errors it never saw aside).
 */
function gradedOtherwise(file: string): { calls: number; otherwise: string[] } {
  type M = { role: string; tool_calls?: Array<{ id: string; name: string; grade: { ok: boolean; notes?: string[] } }>; tool_call_id?: string; ok?: boolean; injected?: string };
  let calls = 0;
  const otherwise: string[] = [];
  for (const line of readFileSync(file, "utf8").split("\n").filter(Boolean)) {
    const messages = (JSON.parse(line) as { messages: M[] }).messages;
    for (const c of messages.flatMap((m) => m.tool_calls ?? [])) {
      const answer = messages.find((m) => m.role === "tool" && m.tool_call_id === c.id);
      if (!answer || answer.injected === "timeout" || answer.injected === "server_error") continue;
      calls++;
      if (c.grade.ok !== (answer.ok !== false)) otherwise.push(`${c.name}: ${c.grade.notes?.[0]}`);
    }
  }
  return { calls, otherwise };
}

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

  it("openapi-sft/Makefile: from the shop's OpenAPI document to SFT rows against its live API, audited on the cassette, replayed byte for byte", async () => {
    const dir = out();
    const key = "sk-example-4c1d";
    const server = spawn(process.execPath, [join(root, "packages/pack/fixtures/shop-api.mjs")], { env: { ...process.env, SHOP_API_KEY: key }, stdio: ["ignore", "pipe", "inherit"] });
    try {
      const port = await new Promise<string>((resolve, reject) => {
        server.on("error", reject);
        server.stdout!.setEncoding("utf8").once("data", (d: string) => resolve(d.trim()));
      });
      const r = await sh(`make -s -C examples/openapi-sft API=http://127.0.0.1:${port} N=20 OUT=${dir}`, { SHOP_API_KEY: key });
      expect(r.code, r.stderr).toBe(0);
      expect(r.stderr).toMatch(/scenario-gen: read \d+ items rows from the backend through listItems/);
      expect(lines(join(dir, "dialogues.ndjson"))).toBe(20);
      expect(lines(join(dir, "sft.openai.jsonl"))).toBeGreaterThan(15);
      expect(readFileSync(join(dir, "audit.ndjson"), "utf8")).toBe(""); // every tool message is the API's answer
      // Every call graded on the API's answer: a create, and a cancel of the order it made, are ok.
      const graded = gradedOtherwise(join(dir, "annotated.ndjson"));
      expect(graded.calls).toBeGreaterThan(30);
      expect(graded.otherwise).toEqual([]);
      expect(lines(join(dir, "run.cassette.ndjson"))).toBeGreaterThan(40);
      for (const f of ["dialogues.ndjson", "sft.openai.jsonl", "run.cassette.ndjson", "plan.cassette.ndjson", "shop/pack.json"]) expect(readFileSync(join(dir, f), "utf8")).not.toContain(key);
      server.kill("SIGTERM");
      const replay = await sh(`make -s -C examples/openapi-sft API=http://127.0.0.1:${port} N=20 OUT=${dir} replay`, { SHOP_API_KEY: "" });
      expect(replay.code, replay.stderr).toBe(0);
    } finally {
      server.kill("SIGTERM");
    }
  });

  it("mcp-sft/Makefile: from the ticket desk's MCP server to SFT rows, planned from its tickets, audited on the cassette, replayed byte for byte", async () => {
    const dir = out();
    const r = await sh(`make -s -C examples/mcp-sft N=20 OUT=${dir}`);
    expect(r.code, r.stderr).toBe(0);
    expect(r.stderr).toMatch(/scenario-gen: read 3 tickets rows from the backend through search_tickets/);
    expect(r.stderr).toMatch(/dialogue-sim: read 3 tickets rows from the backend through search_tickets/);
    expect(lines(join(dir, "dialogues.ndjson"))).toBe(20);
    expect(lines(join(dir, "sft.openai.jsonl"))).toBeGreaterThan(15);
    expect(readFileSync(join(dir, "audit.ndjson"), "utf8")).toBe(""); // every tool message is the server's answer
    const graded = gradedOtherwise(join(dir, "annotated.ndjson"));
    expect(graded.calls).toBeGreaterThan(30);
    expect(graded.otherwise).toEqual([]);
    const calls = readFileSync(join(dir, "run.cassette.ndjson"), "utf8").split("\n").filter(Boolean).map((l) => JSON.parse(l) as { request: { tool?: string } });
    expect(calls.filter((c) => c.request.tool === "reset_desk")).toHaveLength(21); // the exploring read's session, then one per dialogue
    const replay = await sh(`make -s -C examples/mcp-sft N=20 OUT=${dir} replay`);
    expect(replay.code, replay.stderr).toBe(0);
  });

  it("llm-local-server.sh: interrupted, resumed and replayed offline byte for byte", async () => {
    const dir = out();
    const r = await sh(`N=12 OUT=${dir} bash examples/llm-local-server.sh`, { OPENAI_BASE_URL: "" });
    expect(r.code, r.stderr).toBe(0);
    expect(r.stderr).toContain("12 scenarios written by the model, replayed offline byte for byte");
    expect(r.stderr).toMatch(/llm: 4 dialogues by the model, \d+ SFT rows/);
  });
});
