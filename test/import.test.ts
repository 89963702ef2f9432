import { spawnSync } from "node:child_process";
import { existsSync, mkdtempSync, readFileSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join, resolve } from "node:path";
import { describe, expect, it } from "vitest";

const ROOT = resolve(import.meta.dirname, "..");
const BIN = join(ROOT, "packages/import/bin/chatmill-import.js");
const VALIDATE = join(ROOT, "packages/validate/bin/validate.js");
const DATA = process.env.CHATMILL_SHARED_DATA ?? resolve(ROOT, "../shared/data");
const GLAIVE = join(DATA, "glaive-function-calling/glaive_toolcall_en_demo.rows000-199.jsonl");
const SGD = join(DATA, "sgd/train");
const MWOZ = join(DATA, "multiwoz22");
const tmp = mkdtempSync(join(tmpdir(), "import-spawn-"));

function run(args: string[], input?: string) {
  const r = spawnSync(process.execPath, [BIN, ...args], { input: input ?? "", encoding: "utf8", maxBuffer: 64 * 1024 * 1024, env: { ...process.env, CHATMILL_NO_PROGRESS: "1" } });
  return {
    code: r.status,
    out: r.stdout,
    err: r.stderr,
    get lines() {
      return r.stdout.split("\n").filter(Boolean).map((l) => JSON.parse(l) as Record<string, any>);
    },
  };
}
function sh(cmd: string) {
  const r = spawnSync("bash", ["-c", `set -o pipefail; ${cmd}`], { encoding: "utf8", maxBuffer: 64 * 1024 * 1024 });
  return { code: r.status, out: r.stdout, err: r.stderr };
}

const chatLines = [
  '{"messages":[{"role":"user","content":"hi"},{"role":"assistant","content":"hello"}]}',
  '{"messages":[{"role":"user","content":"hi"},{"role":"wizard","content":"x"}]}',
  '[{"speaker":"user","text":"yo"},{"speaker":"bot","text":"hey"}]',
].join("\n");

describe("chatmill-import (spawned)", () => {
  it("--help shows the formats, the examples and why the command is not called import; --version", () => {
    const h = run(["--help"]);
    expect(h.code).toBe(0);
    expect(h.out).toMatch(/--from FORMAT/);
    expect(h.out).toMatch(/Examples:/);
    expect(h.out).toMatch(/ImageMagick/);
    expect(run(["--version"]).out).toMatch(/^chatmill-import \d+\.\d+\.\d+/);
  });

  it("empty input: no output, exit 0", () => {
    const r = run([]);
    expect(r.code).toBe(0);
    expect(r.out).toBe("");
    expect(r.err).toMatch(/read 0 · written 0/);
  });

  it("a bad record names its line and field, the others are written, exit 3", () => {
    const r = run([], `${chatLines}\nnot json\n`);
    expect(r.code).toBe(3);
    expect(r.lines).toHaveLength(2);
    expect(r.err).toMatch(/chatmill-import: line 2: \/messages\/1\/role: unknown speaker 'wizard'/);
    expect(r.err).toMatch(/line 4: invalid JSON/);
  });

  it("--on-error skip --errors FILE: exit 0, the bad lines dead-lettered with line, path and reason", () => {
    const errors = join(tmp, "bad.ndjson");
    const r = run(["--on-error", "skip", "--errors", errors], chatLines);
    expect(r.code).toBe(0);
    const dead = readFileSync(errors, "utf8").trim().split("\n").map((l) => JSON.parse(l));
    expect(dead).toEqual([expect.objectContaining({ line: 2, path: "/messages/1/role", kind: "unknown_shape" })]);
  });

  it("--quiet prints no summary; --from that does not fit says what it expected", () => {
    const q = run(["--quiet"], chatLines.split("\n")[0]);
    expect(q.code).toBe(0);
    expect(q.err).toBe("");
    const f = run(["--from", "sgd"], chatLines.split("\n")[0]);
    expect(f.code).toBe(3);
    expect(f.err).toMatch(/line 1: \/dialogue_id: .*--from sgd expects/);
  });

  it("--dataset and --license fill source; ids are stable across runs", () => {
    const a = run(["--dataset", "support-logs", "--license", "CC0-1.0"], chatLines.split("\n")[0]);
    expect(a.lines[0]!.source).toEqual({ dataset: "support-logs", license: "CC0-1.0" });
    expect(run([], chatLines.split("\n")[0]).lines[0]!.id).toBe(a.lines[0]!.id);
  });

  it("reads a JSON document from stdin (a pretty-printed array of turns is one conversation)", () => {
    const r = run(["--from", "chat"], '[\n {"role": "user", "content": "a"},\n {"role": "assistant", "content": "b"}\n]\n');
    expect(r.code).toBe(0);
    expect(r.lines).toHaveLength(1);
    expect(r.lines[0]!.messages).toHaveLength(2);
  });

  it("--from glaive also reads glaive's own system/chat text rows", () => {
    const row = {
      system: 'SYSTEM: You can use -\n{"name": "get_rate", "parameters": {"type": "object", "properties": {}}}\n',
      chat: 'USER: rate?\n\n\nASSISTANT: <functioncall> {"name": "get_rate", "arguments": \'{}\'} <|endoftext|>\n\n\nFUNCTION RESPONSE: {"rate": 1.1}\n\n\nASSISTANT: It is 1.1. <|endoftext|>\n',
    };
    const r = run(["--from", "glaive"], JSON.stringify(row));
    expect(r.code, r.err).toBe(0);
    expect(r.lines[0]!.messages.map((m: any) => m.role)).toEqual(["system", "user", "assistant", "tool", "assistant"]);
    expect(r.lines[0]!.tools[0].function.name).toBe("get_rate");
  });

  it("--max-line-bytes rejects longer lines with their line number", () => {
    const r = run(["--max-line-bytes", "100"], `${chatLines.split("\n")[0]}\n{"messages":[{"role":"user","content":"${"x".repeat(200)}"}]}\n`);
    expect(r.code).toBe(3);
    expect(r.lines).toHaveLength(1);
    expect(r.err).toMatch(/line 2: line is \d+ bytes/);
  });

  it("bad usage exits 2: unknown format, missing file, unreadable --schema", () => {
    expect(run(["--from", "csv"]).code).toBe(2);
    expect(run([join(tmp, "nope.json")]).err).toMatch(/cannot read/);
    const s = run(["--schema", join(tmp, "nope.json")], chatLines.split("\n")[0]);
    expect(s.code).toBe(2);
    expect(s.err).toMatch(/cannot read --schema/);
  });
});

describe.skipIf(!existsSync(DATA))(`chatmill-import on the shared samples (${DATA})`, () => {
  it.each([
    ["glaive", `--from glaive ${GLAIVE}`, 200],
    ["SGD with --schema", `--from sgd --schema ${SGD}/schema.json ${SGD}/dialogues_001.json ${SGD}/dialogues_045.json`, 256],
    ["SGD detected, tools from the calls", `${SGD}/dialogues_045.json`, 128],
    ["MultiWOZ 2.2 with --schema", `--from multiwoz --schema ${MWOZ}/schema.json ${MWOZ}/train_sample_dialogstudio5.json`, 5],
  ])("every imported record passes validate --type dialogue (the JSON Schema): %s", (_name, args, count) => {
    const r = sh(`node ${BIN} ${args} | node ${VALIDATE} --type dialogue | wc -l`);
    expect(r.code, r.err).toBe(0);
    expect(Number(r.out.trim())).toBe(count);
    expect(r.err).toMatch(new RegExp(`validate: read ${count} · written ${count} · dropped 0`));
  });

  it("SGD service calls become tool calls with their results", () => {
    const r = run(["--schema", `${SGD}/schema.json`, `${SGD}/dialogues_001.json`]);
    expect(r.code).toBe(0);
    const d = r.lines[0]!;
    expect(d.meta).toMatchObject({ engine: "import", tool: "chatmill-import", from: "sgd" });
    const call = d.messages.find((m: any) => m.tool_calls);
    const result = d.messages[d.messages.indexOf(call) + 1];
    expect(result).toMatchObject({ role: "tool", tool_call_id: call.tool_calls[0].id, name: call.tool_calls[0].name, ok: true });
    expect(Array.isArray(JSON.parse(result.content))).toBe(true);
  });

  it("| head -1 ends quietly with status 0", () => {
    const r = sh(`node ${BIN} ${SGD}/dialogues_001.json ${GLAIVE} | head -1`);
    expect(r.code).toBe(0);
    expect(r.err).toBe("");
    expect(JSON.parse(r.out).id).toMatch(/^sgd-/);
  });

  it("round trip: glaive rows → import → to-sft --format sharegpt give back the same conversations", () => {
    const rows = readFileSync(GLAIVE, "utf8").trim().split("\n").map((l) => JSON.parse(l) as ShareGptRow);
    const imported = run(["--from", "glaive", GLAIVE]);
    expect(imported.code).toBe(0);
    let back: ShareGptRow[];
    if (existsSync(join(ROOT, "packages/to-sft/dist/cli.js"))) {
      const r = spawnSync(process.execPath, [join(ROOT, "packages/to-sft/bin/to-sft.js"), "--format", "sharegpt", "--quiet"], { input: imported.out, encoding: "utf8", maxBuffer: 64 * 1024 * 1024 });
      expect(r.status, r.stderr).toBe(0);
      back = r.stdout.trim().split("\n").map((l) => JSON.parse(l) as ShareGptRow);
    } else {
      back = imported.lines.map(temporaryToShareGpt);
    }
    expect(back).toHaveLength(rows.length);
    rows.forEach((row, i) => {
      expect(normalise(back[i]!), `row ${i}`).toEqual(normalise(row));
    });
  });
});

describe("chatmill-import --from tau-bench|tau2 (spawned)", () => {
  const TAU = join(DATA, "tau-tasks-train");
  const SIM = join(ROOT, "packages/dialogue-sim/bin/dialogue-sim.js");

  it("the shared task files: 520 tau-bench retail and 74 + 30 tau2 tasks become Scenarios, 0 dead letters", () => {
    const bench = run(["--from", "tau-bench", join(TAU, "tau-bench-retail-tasks_train.json"), join(TAU, "tau-bench-retail-tasks_dev.json")]);
    expect(bench.code).toBe(0);
    expect(bench.lines).toHaveLength(520);
    expect(bench.err).toMatch(/read 520 · written 520 · dropped 0/);
    const tau2 = run(["--from", "tau2", join(TAU, "tau2-retail-train.json"), join(TAU, "tau2-airline-train.json")]);
    expect(tau2.code).toBe(0);
    const lines = tau2.lines;
    expect(lines.filter((s) => s.domain === "tau-retail")).toHaveLength(74);
    expect(lines.filter((s) => s.domain === "tau-airline")).toHaveLength(30);
    expect(new Set(lines.map((s) => s.id)).size).toBe(104);
    const v = sh(`node ${JSON.stringify(BIN)} --from tau2 ${JSON.stringify(join(TAU, "tau2-airline-train.json"))} | node ${JSON.stringify(VALIDATE)} --type scenario --quiet`);
    expect(v.code, v.err).toBe(0);
  });

  it("--domain: the pack every task is for; gold actions calling tools it lacks are dead letters with the reason; a pack that does not exist is a configuration error", () => {
    const r = run(["--from", "tau2", "--domain", "retail", join(TAU, "tau2-airline-train.json")]);
    expect(r.code).toBe(3);
    expect(r.err).toMatch(/gold action 0 calls 'get_reservation_details', which the pack 'retail' does not have/);
    expect(r.lines.every((s) => s.domain === "retail" && s.meta.pack_checked === true)).toBe(true);
    expect(run(["--from", "tau2", "--domain", "no-such-pack"], "{}").code).toBe(5);
    expect(run(["--domain", "retail"], "").code).toBe(2);
  });

  it("tau2 retail tasks through dialogue-sim with the tau-retail pack: the task engine reaches tau's expected state", () => {
    const first = (JSON.parse(readFileSync(join(TAU, "tau2-retail-train.json"), "utf8")) as unknown[]).slice(0, 6);
    const file = join(tmp, "tau2-retail-first6.json");
    writeFileSync(file, JSON.stringify(first));
    const r = sh(`node ${JSON.stringify(BIN)} --from tau2 ${JSON.stringify(file)} | node ${JSON.stringify(SIM)} --quiet`);
    expect(r.code, r.err).toBe(0);
    const dialogues = r.out.trim().split("\n").map((l) => JSON.parse(l) as Record<string, any>);
    expect(dialogues).toHaveLength(6);
    expect(dialogues.map((d) => d.scenario.meta.pack_checked)).toEqual(Array(6).fill(true));
    // (tau2's gold for tasks 2-4 reads a product id its database lacks: the reason says the task does not fully validate; reads change nothing.)
    expect(dialogues.map((d) => [d.scenario.id, d.outcome.reward, d.outcome.checks.find((c: { name: string }) => c.name === "end state").passed])).toEqual(dialogues.map((d) => [d.scenario.id, 1, true]));
  });

  it("every tau2 train task through dialogue-sim: an assistant turn is one message (no two assistant messages in a row, a call goes with the words before it)", () => {
    const r = sh(`node ${JSON.stringify(BIN)} --from tau2 ${JSON.stringify(join(TAU, "tau2-retail-train.json"))} ${JSON.stringify(join(TAU, "tau2-airline-train.json"))} | node ${JSON.stringify(SIM)} --quiet`);
    expect(r.code, r.err).toBe(0);
    const dialogues = r.out.trim().split("\n").map((l) => JSON.parse(l) as { id: string; messages: Array<{ role: string; content: string | null; tool_calls?: unknown[] }> });
    expect(dialogues).toHaveLength(104);
    const inARow = dialogues.flatMap((d) => d.messages.flatMap((m, i) => (m.role === "assistant" && d.messages[i + 1]?.role === "assistant" ? [`${d.id}#${i}`] : [])));
    expect(inARow).toEqual([]);
    // The words said before a call stay with it: some calls carry text (the hand-off, a call right after "Done.").
    expect(dialogues.some((d) => d.messages.some((m) => m.role === "assistant" && typeof m.content === "string" && (m.tool_calls?.length ?? 0) > 0))).toBe(true);
  });

  it("a tau-bench task for the built-in retail pack, through dialogue-sim: the task engine reaches the expected state", () => {
    const task = {
      annotator: "test",
      user_id: "cus_001",
      instruction: "Your name is Ana Moreno and your zip code is 94107. You are calm. Cancel your pending order with the Chaz Kangeroo Hoodie.",
      actions: [
        { name: "find_customer_by_name_zip", kwargs: { name: "Ana Moreno", zip: "94107" } },
        { name: "cancel_pending_order", kwargs: { order_id: "ord_1001" } },
      ],
      outputs: ["94"],
    };
    const r = sh(`echo '${JSON.stringify(task)}' | node ${JSON.stringify(BIN)} --from tau-bench --domain retail | node ${JSON.stringify(SIM)} --quiet`);
    expect(r.code, r.err).toBe(0);
    const d = JSON.parse(r.out) as Record<string, any>;
    expect(d.outcome).toMatchObject({ reward: 1, goal_met: true, resolution: "resolved" });
    expect(d.messages.flatMap((m: { tool_calls?: Array<{ name: string }> }) => m.tool_calls ?? []).map((c: { name: string }) => c.name)).toContain("cancel_pending_order");
  });
});

interface ShareGptRow {
  conversations: Array<{ from: string; value: string }>;
  tools?: string;
  system?: string;
}

/** Same conversation: same turns and text; JSON values (calls, results, tools) compared as JSON. */
function normalise(row: ShareGptRow) {
  const json = (s: string) => {
    try {
      return JSON.parse(s) as unknown;
    } catch {
      return s;
    }
  };
  const tools = ((row.tools ? json(row.tools) : []) as Array<Record<string, unknown>>).map((t) => (t.function as Record<string, unknown> | undefined) ?? t);
  return {
    system: row.system ?? "",
    conversations: row.conversations.map((t) => ({ from: t.from, value: t.from === "function_call" || t.from === "observation" ? json(t.value) : t.value })),
    tools,
  };
}

/**
 * TEMPORARY: used only while packages/to-sft is not built. A minimal Dialogue →
 * LLaMA-Factory ShareGPT conversion, so the round trip is still checked; delete it
 * once to-sft --format sharegpt is in every build.
 */
function temporaryToShareGpt(d: Record<string, any>): ShareGptRow {
  const conversations: ShareGptRow["conversations"] = [];
  let system: string | undefined;
  for (const m of d.messages) {
    if (m.role === "system") system = m.content;
    else if (m.role === "user") conversations.push({ from: "human", value: m.content });
    else if (m.role === "tool") conversations.push({ from: "observation", value: m.content });
    else if (m.tool_calls) for (const c of m.tool_calls) conversations.push({ from: "function_call", value: JSON.stringify({ name: c.name, arguments: c.arguments }) });
    else conversations.push({ from: "gpt", value: m.content });
  }
  return { conversations, tools: JSON.stringify(d.tools), ...(system !== undefined ? { system } : {}) };
}
