import { mkdtempSync, readFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { beforeAll, describe, expect, it } from "vitest";
import { bin, lines, ndjson, run, sh } from "./helpers/spawn.js";

// audit re-judges dialogues from their messages (and their scenario's task) alone: the
// offline engine's own dialogues must all agree, and a record changed after the fact must not.
const audit = bin("audit");
const dir = mkdtempSync(join(tmpdir(), "chatmill-audit-"));
type Obj = Record<string, any>; // eslint-disable-line @typescript-eslint/no-explicit-any
let travel: Obj[] = [];

beforeAll(async () => {
  const r = await sh(`persona-sample -q -n 40 --domain travel --seed 4 | scenario-gen -q | dialogue-sim -q > '${dir}/travel.ndjson'`);
  expect(r.code, r.stderr).toBe(0);
  travel = readFileSync(`${dir}/travel.ndjson`, "utf8").split("\n").filter(Boolean).map((l) => JSON.parse(l) as Obj);
}, 300_000);

/** The dialogue's successful calls that wrote (a booking made, changed, cancelled): what a task for it would expect. */
function writingCalls(d: Obj): Array<{ name: string; arguments: Obj }> {
  const ok = new Set(d.messages.filter((m: Obj) => m.role === "tool" && m.ok && /"status":"(confirmed|cancelled)"/.test(m.content)).map((m: Obj) => m.tool_call_id));
  return d.messages.flatMap((m: Obj) => (m.tool_calls ?? []).filter((c: Obj) => ok.has(c.id)).map((c: Obj) => ({ name: c.name, arguments: c.arguments })));
}

describe("audit (built, through real pipes)", () => {
  it("confirms every tool message of the offline engine's dialogues, setup calls included", async () => {
    const r = await run(audit, [`${dir}/travel.ndjson`], "", { CHATMILL_NO_PROGRESS: "" });
    expect(r.code, r.stderr).toBe(0);
    const reports = lines(r.stdout);
    expect(reports).toHaveLength(travel.length);
    expect(reports.filter((x) => !x.agrees)).toEqual([]);
    const compared = reports.reduce((n, x) => n + (x.compared as number), 0);
    expect(compared).toBeGreaterThan(travel.length);
    expect(travel.some((d) => d.meta?.setup)).toBe(true);
    expect(r.stderr).toMatch(new RegExp(`audit: ${travel.length} dialogues · ${compared} tool results re-run · 0 differ · ${travel.length} judged from their task · 0 disagree`));
    // Every offline dialogue carries its task, and its outcome is the one the audit computes.
    expect(reports.every((x) => x.judged && x.recorded && (x.recorded as { goal_met: boolean }).goal_met === ((x.judged as { reward: number }).reward === 1))).toBe(true);
  });

  it("re-runs ops' confirmed restarts with the conversation before them, as the pack's policy saw it live", async () => {
    const r = await sh(`persona-sample -q -n 60 --domain ops --seed 4 | scenario-gen -q | dialogue-sim -q | tee '${dir}/ops.ndjson' | audit -q`);
    expect(r.code, r.stderr).toBe(0);
    const reports = lines(r.stdout);
    expect(reports.filter((x) => !x.agrees)).toEqual([]);
    // Dialogues where a write needed the user's yes: without the conversation, the re-run could not tell.
    expect(readFileSync(`${dir}/ops.ndjson`, "utf8")).toMatch(/"labels":\{"intent":"confirm"/);
  });

  it("catches a tool message changed after the fact, and --only-disagreements writes only that one", async () => {
    const d = structuredClone(travel.find((x) => writingCalls(x).length > 0)!);
    const tool = d.messages.find((m: Obj) => m.role === "tool" && m.ok && !m.injected);
    tool.content = tool.content.replace(/"(\w+)":("?)([^",}]+)/, '"$1":$2$3x');
    const input = ndjson([travel[0], d]);
    const r = await run(audit, ["--only-disagreements"], input);
    expect(r.code, r.stderr).toBe(0);
    const [report, ...rest] = lines(r.stdout);
    expect(rest).toEqual([]);
    expect(report).toMatchObject({ id: d.id, agrees: false, mismatched: 1 });
    expect((report!.issues as string[])[0]).toMatch(/1 tool result\(s\) differ from a re-run/);
  });

  it("judges a dialogue's task: agrees when the expected actions are what it did, not when they are something else", async () => {
    const d = structuredClone(travel.find((x) => writingCalls(x).length > 0 && x.outcome.goal_met)!);
    const right = { ...d, scenario: { ...d.scenario, task: { evaluation: { actions: writingCalls(d) } } } };
    const actions = writingCalls(d);
    const changed = actions.map((a, i) => (i === actions.length - 1 ? { ...a, arguments: { ...a.arguments, people: ((a.arguments.people as number) ?? 1) + 1 } } : a));
    const wrong = { ...d, id: `${d.id}-wrong`, scenario: { ...d.scenario, task: { evaluation: { actions: changed } } } };
    const r = await run(audit, [], ndjson([right, wrong]));
    expect(r.code, r.stderr).toBe(0);
    const [a, b] = lines(r.stdout);
    expect(a).toMatchObject({ agrees: true, judged: { reward: 1, state_match: true }, recorded: { goal_met: true } });
    expect(b).toMatchObject({ agrees: false, judged: { reward: 0, state_match: false } });
    expect((b!.issues as string[]).join(" ")).toMatch(/recorded goal_met true, judged reward 0 \(\d+ row\(s\) differ/);
  });

  it("--bars: one line per pack and category with the bars' totals; the task-judged bars only where scenarios carry a task", async () => {
    const d = structuredClone(travel.find((x) => writingCalls(x).length > 0 && x.outcome.goal_met)!);
    const withTask = { ...d, scenario: { ...d.scenario, resolution: "resolved", task: { evaluation: { actions: writingCalls(d) } } } };
    const r = await run(audit, ["--bars"], ndjson([withTask, ...travel]));
    expect(r.code, r.stderr).toBe(0);
    const out = lines(r.stdout);
    // Every simulated dialogue carries its scenario's task (scenario-gen writes one), and one more is hand-made.
    const n = travel.length + 1;
    expect(out[0]).toMatchObject({ domain: "travel", category: "all", dialogues: n, with_task: n, audit_agrees: n });
    expect(out[0]!.resolved_tasks as number).toBeGreaterThan(0);
    expect(out[0]!.resolved_reached_gold as number).toBeLessThanOrEqual(out[0]!.resolved_tasks as number);
    const categories = new Set(travel.map((x) => x.scenario.category));
    expect(out.slice(1).map((x) => x.category)).toEqual([...categories].sort());
    expect(out.slice(1).reduce((n, x) => n + (x.dialogues as number), 0)).toBe(travel.length + 1);
    const bars = out[0]!.bars as Obj[];
    expect(bars.map((b) => b.bar)).toEqual(expect.arrayContaining([expect.stringMatching(/^\(a\)/), expect.stringMatching(/^\(e\)/)]));
    expect(bars[0]).toMatchObject({ figure: `100.0% (${n}/${n})`, holds: true });
    // Without a task there is nothing to judge the outcome against: the bar is not measured, not passed.
    const noTask = travel.map((x) => ({ ...x, scenario: { ...x.scenario, task: undefined } }));
    const none = lines((await run(audit, ["--bars"], ndjson(noTask))).stdout);
    expect(none[0]).toMatchObject({ with_task: 0 });
    expect((none[0]!.bars as Obj[])[0]).toMatchObject({ figure: "n/a" });
    expect((none[0]!.bars as Obj[])[0]!.holds).toBeUndefined();
    const both = await run(audit, ["--bars", "--only-disagreements"], "");
    expect(both.code).toBe(2);
    expect(both.stderr).toMatch(/drop --only-disagreements/);
  });

  it("rejects what it cannot judge: a record without messages, a pack it cannot load; --domain must load", async () => {
    const r = await run(audit, [], ndjson([{ id: "x", tools: [] }, { id: "y", domain: "no-such-pack", tools: [], messages: [{ role: "user", content: "hi" }] }]));
    expect(r.code).toBe(3);
    expect(r.stderr).toMatch(/not a dialogue: it has no messages array/);
    expect(r.stderr).toMatch(/cannot load domain 'no-such-pack'/);
    const bad = await run(audit, ["--domain", "no-such-pack"], "");
    expect(bad.code).toBe(2);
    expect(bad.stderr).toMatch(/--domain: /);
  });
});
