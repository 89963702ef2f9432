import { describe, expect, it } from "vitest";
import { BAKERY_NOTES, writeBakeryPack } from "../../fixtures/bakery-pack.mjs";
import type { Task, TaskEvaluation } from "@chatmill/schema";
import { judge } from "../checker/judge.js";
import { judgeDialogue } from "../checker/outcome.js";
import { loadDomain } from "../load.js";
import { meetsConstraint } from "../match.js";
import { createSession } from "../session.js";
import type { Domain } from "../contract.js";
import { deriveTask, fact } from "./derive.js";

/** The goal scenario-gen writes for an information request about one row, named by a field. */
function askAbout(service: string, table: string, field: string, value: unknown) {
  return {
    constraints: [{ field, op: "eq", value, service, table }],
    end_state: [{ type: "info_provided", service, table }],
  };
}

/** The assistant's side of a dialogue: the read it made (run for real) and what it said. */
function dialogue(domain: Domain, call: { name: string; arguments: Record<string, unknown> }, said: string) {
  const r = createSession(domain).call(call);
  return [
    { role: "user", content: "question" },
    { role: "assistant", content: null, tool_calls: [{ id: "c1", name: call.name, arguments: call.arguments }] },
    { role: "tool", tool_call_id: "c1", content: r.content },
    { role: "assistant", content: said },
  ] as never;
}

describe("an information service's task: the facts of the row the user asks about", () => {
  const ops = loadDomain("ops");
  const service = ops.services.find((s) => s.facts)!;

  it("ops declares an information service with a table, facts and the fields its answer says", () => {
    expect(service).toMatchObject({ table: expect.any(String), facts: [expect.any(String)], says: [expect.any(String)] });
  });

  it.each(service.categories)("a task of %s has the row's declared facts to communicate, and nothing to do", (category) => {
    const table = service.table!;
    const where = ops.category(category)?.where ?? [];
    const rows = ops.table(table).filter((r) => where.every((w) => meetsConstraint(r, w)));
    expect(rows.length).toBeGreaterThan(5);
    const title = ops.titleOf(table)!;
    for (const row of rows) {
      const got = deriveTask(ops, { goal: askAbout(service.name, table, title, row[title]) as never, category, reason: `Get ${String(row[title])} explained.` });
      expect(got.problem).toBeUndefined();
      const task = got.task!;
      expect(task.expected).toBe("resolved");
      expect(task.evaluation.actions).toEqual([]);
      expect(task.evaluation.communicate).toEqual(service.facts!.map((f) => fact(String(row[f]))));
      expect(task.evaluation.communicate!.every((c) => c.length > 0)).toBe(true);
      expect(task.instructions!.known).toEqual({ [`${service.name} ${title}`]: row[title] });
    }
  });

  it("the checker gives 0 and not resolved when the assistant reads the row but does not say its fact, 1 and resolved when it does", () => {
    const table = service.table!;
    const title = ops.titleOf(table)!;
    const row = ops.table(table).find((r) => r.kind === "concept")!;
    const task = deriveTask(ops, { goal: askAbout(service.name, table, title, row[title]) as never, category: service.categories[0]!, reason: "x" }).task! as Task;
    const read = { name: ops.toolsWithRole("lookup").find((t) => ops.pack.tools.find((x) => x.function.name === t)!.run.table === table)!, arguments: { [title]: String(row[title]) } };

    const vague = judgeDialogue(ops, task, dialogue(ops, read, `Good question! ${String(row[title])} is a Linux thing worth knowing about.`), []);
    expect(vague.judgement.reward).toBe(0);
    expect(vague.judgement.communicate).toEqual([{ info: task.evaluation.communicate![0], said: false }]);
    expect(vague.outcome.resolution).toBe("failed");

    const answered = judgeDialogue(ops, task, dialogue(ops, read, `Sure! ${String(row[service.says![0]!])}`), []);
    expect(answered.judgement.reward).toBe(1);
    expect(answered.outcome.resolution).toBe("resolved");
  });

  it("a fact is matched as tau-bench does: lower-case, commas ignored, anywhere in one assistant text", () => {
    const evaluation: TaskEvaluation = { actions: [], communicate: [fact("the load average over 1, 5 and 15 minutes")] };
    expect(judge(ops, evaluation, { calls: [], said: ["It shows The Load Average over 1, 5, and 15 minutes."] }).reward).toBe(1);
    expect(judge(ops, evaluation, { calls: [], said: ["It shows the load average over one, five and fifteen minutes."] }).reward).toBe(0);
    expect(judge(ops, evaluation, { calls: [], said: ["It shows the load average.", "Over 1, 5 and 15 minutes."] }).reward).toBe(0);
  });
});

describe("a user's own pack with a knowledge table gets the same task, whatever its names", () => {
  // The first two notes: the sourdough starter and proofing.
  const dir = writeBakeryPack({ notes: BAKERY_NOTES.slice(0, 2) });
  const bakery = loadDomain(dir);

  it("derives the declared fact of the row named, read with the pack's own search tool", () => {
    const got = deriveTask(bakery, { goal: askAbout("baking", "notes", "heading", "proofing") as never, category: "ask_baker", reason: "Understand proofing." });
    expect(got.task?.evaluation).toEqual({ actions: [], communicate: ["the last rise"] });
    const said = judge(bakery, got.task!.evaluation, { calls: [], said: ["Proofing is the last rise of shaped dough before it is baked."] });
    expect(said.reward).toBe(1);
    expect(judge(bakery, got.task!.evaluation, { calls: [], said: ["Proofing is a rise."] }).reward).toBe(0);
  });
});
