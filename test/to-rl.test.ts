// Spawn tests of the built to-rl bin (run `turbo run build --filter=@chatmill/to-rl...` first).
import { spawnSync } from "node:child_process";
import { mkdtempSync, readFileSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join, resolve } from "node:path";
import { Context, fromValues } from "@chatmill/kit";
import { describe, expect, it } from "vitest";
import { rowTexts, ndjsonValues } from "./helpers/row-texts.js";
import { runSync } from "./helpers/spawn.js";
import { Ajv2020 } from "ajv/dist/2020.js";
import { checkOpenAIRftRow } from "@chatmill/export";
import { RL_FORMATS, rlTransform, type RlFlags } from "@chatmill/to-rl";

const ROOT = resolve(import.meta.dirname, "..");
const BIN = join(ROOT, "packages/to-rl/bin/to-rl.js");
const FIX = join(ROOT, "test/fixtures/dialogues");
const CLEAN = join(FIX, "all-clean.ndjson");
const EDGE = join(FIX, "edge-cases.ndjson");

const run = (args: string[], input = "") => runSync(BIN, args, input);

const lines = (files: string[]) => files.flatMap((f) => readFileSync(f, "utf8").split("\n").filter(Boolean).map((l) => JSON.parse(l) as Record<string, unknown>));

async function inProcess(flags: RlFlags, values: object[]): Promise<Array<Record<string, unknown>>> {
  const ctx = new Context();
  const rows: Array<Record<string, unknown>> = [];
  for await (const row of rlTransform(flags, ctx)(fromValues(values), ctx)) rows.push(row as Record<string, unknown>);
  expect(ctx.issues).toEqual([]);
  return rows;
}

describe("to-rl: the command", () => {
  it("prints help with the reward formula and examples", () => {
    const h = run(["--help"]);
    expect(h.status).toBe(0);
    for (const s of ["transitions", "episodes", "trl-grpo", "openai-rft", "R·q_i/Σq", "db_digest", "Examples:"]) expect(h.stdout).toContain(s);
  });
  it("handles empty input, bad lines, bad flags and | head -1", () => {
    expect(run([], "").stdout).toBe("");
    const bad = run([], '{"id": 1}\n');
    expect(bad.status).toBe(3);
    expect(bad.stderr).toContain("/id");
    expect(run(["-f", "sarsa"]).status).toBe(2);
    const dir = mkdtempSync(join(tmpdir(), "to-rl-"));
    const big = join(dir, "big.ndjson");
    writeFileSync(big, readFileSync(CLEAN, "utf8").repeat(300));
    const r = spawnSync("bash", ["-c", `set -o pipefail; node ${BIN} ${big} | head -1`], { encoding: "utf8" });
    expect(r.status).toBe(0);
    expect(r.stdout.trim().split("\n")).toHaveLength(1);
  });
  it("writes every format, with --system (muse states are the conversation only)", () => {
    for (const f of RL_FORMATS.map((x) => x.name)) {
      const r = run(["-f", f, "--system", "You are AJ.", CLEAN]);
      expect(r.status, r.stderr).toBe(0);
      if (f !== "muse") expect(r.stdout).toContain("You are AJ.");
      else expect(r.stdout.length).toBeGreaterThan(100);
    }
  });
});

describe("to-rl rewards and states", () => {
  const dialogues = lines([CLEAN, EDGE]);
  it("step rewards sum exactly to each episode's outcome reward (transitions and episodes)", async () => {
    const rows = await inProcess({ format: "transitions" }, dialogues);
    const byEpisode = new Map<string, number[]>();
    for (const r of rows) byEpisode.set(r.episode_id as string, [...(byEpisode.get(r.episode_id as string) ?? []), r.reward as number]);
    expect(byEpisode.size).toBe(dialogues.length);
    for (const d of dialogues) {
      const rewards = byEpisode.get(d.id as string)!;
      expect(rewards.reduce((a, b) => a + b, 0)).toBe((d.outcome as { reward: number }).reward);
    }
    for (const e of await inProcess({ format: "episodes" }, dialogues)) {
      expect((e.steps as Array<{ reward: number }>).reduce((a, s) => a + s.reward, 0)).toBe(e.return);
    }
  });
  it("...also for many synthetic episodes with random rewards", async () => {
    const base = dialogues[4]!; // annotated retail: graded, with a failed call
    const many = Array.from({ length: 300 }, (_, i) => ({ ...base, id: `syn-${i}`, outcome: { resolution: "resolved", goal_met: i % 3 !== 0, reward: ((i * 7919) % 1000) / 999 } }));
    const episodes = await inProcess({ format: "episodes" }, many);
    for (const [i, e] of episodes.entries()) expect((e.steps as Array<{ reward: number }>).reduce((a, s) => a + s.reward, 0)).toBe(many[i]!.outcome.reward);
  });
  it("rewards the failed call less than the steps around it", async () => {
    const rows = await inProcess({ format: "transitions" }, [dialogues[0]!]);
    const failed = rows.find((r) => JSON.stringify(r.action).includes("DR-1178"))!;
    const recovered = rows.find((r) => JSON.stringify(r.action).includes("DR-1187") && (r.action as { tool_calls: unknown[] }).tool_calls.length > 0)!;
    expect(failed.reward as number).toBeLessThan(recovered.reward as number);
  });
  it("states are the conversation so far plus a digest that changes only with tool results", async () => {
    const rows = await inProcess({ format: "transitions" }, [dialogues[3]!]); // ops: call, reply, reply
    expect(rows.map((r) => r.done)).toEqual([false, false, true]);
    const [s0, s1, s2] = rows as Array<{ state: { messages: unknown[]; db_digest: string }; next_state: { messages: unknown[]; db_digest: string } }>;
    expect(s0!.next_state.db_digest).not.toBe(s0!.state.db_digest);
    expect(s1!.state).toEqual(s0!.next_state);
    expect(s2!.state.db_digest).toBe(s1!.next_state.db_digest);
    expect(s2!.next_state.messages.length).toBe(s2!.state.messages.length + 1);
    const again = await inProcess({ format: "transitions" }, [dialogues[3]!]);
    expect(again).toEqual(rows);
  });
  it("prompt rows for GRPO and RFT end with the user's message and carry the reference", async () => {
    const ajv = new Ajv2020({ strict: true, allErrors: true });
    for (const f of ["trl-grpo", "openai-rft"] as const) {
      const validate = ajv.compile(JSON.parse(readFileSync(join(ROOT, `packages/export/schemas/rl-${f}.schema.json`), "utf8")) as object);
      const rows = await inProcess({ format: f }, lines([CLEAN]));
      expect(rows.length).toBe(20); // one per answered user message
      for (const row of rows) {
        expect(validate(row), ajv.errorsText(validate.errors)).toBe(true);
        const msgs = (row.prompt ?? row.messages) as Array<{ role: string }>;
        expect(msgs[msgs.length - 1]!.role).toBe("user");
        if (f === "openai-rft") expect(checkOpenAIRftRow(row)).toBeUndefined();
      }
      const compare = rows.find((r) => JSON.stringify(r.reference_tool_calls).includes("compare_items"))!;
      expect(compare.reference_tool_calls).toEqual([{ name: "compare_items", arguments: { item_ids: ["DR-1042", "DR-1187"] } }]);
      expect(compare.environment).toBe("retail");
    }
    const grpo = await inProcess({ format: "trl-grpo" }, lines([CLEAN]));
    expect(new Set(grpo.map((r) => Object.keys(r).join(","))).size).toBe(1);
  });
  it("transitions and episodes match their JSON Schemas", async () => {
    const ajv = new Ajv2020({ strict: true, allErrors: true });
    for (const f of ["transitions", "episodes"] as const) {
      const validate = ajv.compile(JSON.parse(readFileSync(join(ROOT, `packages/export/schemas/rl-${f}.schema.json`), "utf8")) as object);
      for (const row of await inProcess({ format: f }, dialogues)) expect(validate(row), ajv.errorsText(validate.errors)).toBe(true);
    }
  });
});

describe("to-rl: rows as text", () => {
  it("writes each row as exactly JSON.stringify of the library's row object, in every format", async () => {
    const values = ndjsonValues([CLEAN, EDGE, join(FIX, "travel-annotated.ndjson"), join(FIX, "retail-annotated.ndjson")]);
    const rows = (flags: RlFlags) => rowTexts(rlTransform, flags, values);
    for (const format of RL_FORMATS.map((f) => f.name)) {
      for (const system of [undefined, "Be brief."]) {
        const objects = await rows({ format, system });
        expect(objects.length).toBeGreaterThan(0);
        expect(await rows({ format, system, serialize: true })).toEqual(objects);
      }
    }
  });
});

describe("to-rl --format muse (seed 000)", () => {
  it("writes seed 000's RL rows exactly: state and next_state text, one {tool, args} action, reward", async () => {
    const rows = await inProcess({ format: "muse" }, lines([CLEAN]));
    expect(rows.length).toBeGreaterThan(5);
    for (const row of rows) {
      expect(Object.keys(row)).toEqual(["state", "action", "reward", "next_state"]);
      expect(typeof row.state).toBe("string");
      expect(typeof row.next_state).toBe("string");
      expect(Object.keys(row.action as object)).toEqual(["tool", "args"]);
      expect(typeof row.reward).toBe("number");
      expect((row.next_state as string).startsWith(row.state as string)).toBe(true);
    }
    // The next state holds what the environment answered the call.
    expect(rows.some((r) => /\nTool [a-z_]+: /.test(r.next_state as string))).toBe(true);
    expect(rows[0]!.state).toMatch(/^User: /);
  });
  it("keeps the app's context as a line of its own", async () => {
    const d = lines([CLEAN])[0]!;
    const msgs = d.messages as Array<Record<string, unknown>>;
    const withContext = { ...d, messages: [msgs[0], { role: "assistant", name: "context_provider", content: "Local time 19:55, New York." }, ...msgs.slice(1)] };
    const rows = await inProcess({ format: "muse" }, [withContext]);
    expect(rows[0]!.state).toContain("Context: Local time 19:55, New York.");
  });
});
