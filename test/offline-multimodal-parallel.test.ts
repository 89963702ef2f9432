import { beforeAll, describe, expect, it } from "vitest";
import { bin, run, sh } from "./helpers/spawn.js";

// Issue 18 (deliverables 4 and 5) through the built tools: dialogues with a shared photo and
// with two tool calls in one message pass validate and audit, and the exporters carry both.

type Msg = { role: string; content?: string | null; images?: Array<{ url: string }>; tool_calls?: Array<{ id: string; name: string }> };
const lines = (s: string) => s.split("\n").filter(Boolean).map((l) => JSON.parse(l) as Record<string, unknown>);
const messages = (d: Record<string, unknown>) => d.messages as Msg[];

let ops = "";
let retail = "";

beforeAll(async () => {
  const pipeline = (pack: string, n: number) => `persona-sample -n ${n} --domain ${pack} --seed 3 -q | scenario-gen --domain ${pack} -q | dialogue-sim --domain ${pack} -q`;
  const [o, r] = await Promise.all([sh(pipeline("ops", 40)), sh(pipeline("retail", 120))]);
  expect(o.code).toBe(0);
  expect(r.code).toBe(0);
  ops = o.stdout;
  retail = r.stdout;
}, 120_000);

describe("two tool calls in one assistant message (ops: two hosts at once)", () => {
  it("the sample has such messages", () => {
    const multi = lines(ops).flatMap(messages).filter((m) => (m.tool_calls?.length ?? 0) > 1);
    expect(multi.length).toBeGreaterThanOrEqual(1);
  });

  it("validate accepts every dialogue and audit re-runs every call with no difference", async () => {
    const v = await run(bin("validate"), ["-q"], ops);
    expect(v.code).toBe(0);
    expect(lines(v.stdout)).toHaveLength(40);
    const a = await run(bin("audit"), ["--domain", "ops", "-q"], ops);
    expect(a.code).toBe(0);
    const reports = lines(a.stdout);
    expect(reports.reduce((n, r) => n + Number(r.mismatched), 0)).toBe(0);
  });

  it("openai keeps both calls on one message; hermes writes both <tool_call> blocks in one turn; trl splits them and keeps both", async () => {
    const openai = await run(bin("to-sft"), ["--format", "openai", "-q"], ops);
    expect(openai.code).toBe(0);
    expect(lines(openai.stdout).flatMap(messages).filter((m) => (m.tool_calls?.length ?? 0) === 2).length).toBeGreaterThanOrEqual(1);
    const hermes = await run(bin("to-sft"), ["--format", "hermes", "-q"], ops);
    expect(hermes.code).toBe(0);
    const turns = lines(hermes.stdout).flatMap((r) => r.conversations as Array<{ from: string; value: string }>);
    expect(turns.filter((t) => t.from === "gpt" && (t.value.match(/<tool_call>/g) ?? []).length === 2).length).toBeGreaterThanOrEqual(1);
    const trl = await run(bin("to-sft"), ["--format", "trl", "-q"], ops);
    expect(trl.code).toBe(0);
    const source = lines(ops).flatMap(messages).flatMap((m) => m.tool_calls ?? []).length;
    expect(lines(trl.stdout).flatMap(messages).flatMap((m) => m.tool_calls ?? []).length).toBe(source);
  });
});

describe("a photo on the user's message (retail)", () => {
  it("validate and audit accept it, and a text export keeps its link", async () => {
    const shared = lines(retail).flatMap(messages).filter((m) => m.role === "user" && m.images);
    expect(shared.length).toBeGreaterThanOrEqual(3);
    const v = await run(bin("validate"), ["-q"], retail);
    expect(v.code).toBe(0);
    expect(lines(v.stdout)).toHaveLength(120);
    const a = await run(bin("audit"), ["--domain", "retail", "-q"], retail);
    expect(a.code).toBe(0);
    expect(lines(a.stdout).reduce((n, r) => n + Number(r.mismatched), 0)).toBe(0);
    const openai = await run(bin("to-sft"), ["--format", "openai", "-q"], retail);
    expect(openai.code).toBe(0);
    const users = lines(openai.stdout).flatMap(messages).filter((m) => m.role === "user").map((m) => String(m.content));
    for (const m of shared) expect(users.some((u) => u.includes(m.images![0]!.url))).toBe(true);
  });
});
