import { mkdtempSync, readFileSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { createSession, loadDomain, loadPackFile, policyViolations } from "@chatmill/domains";
import { Rng } from "@chatmill/kit";
import { Dialogue, type Scenario } from "@chatmill/schema";
import { describe, expect, it } from "vitest";
import type { Domain } from "../../contract.js";
import { offlineDialogue } from "../dialogue.js";
import { firstPerson, isTaskScenario, taskDialogue } from "./task-dialogue.js";

type Msg = { role: string; content?: string | null; tool_calls?: Array<{ name: string; arguments: Record<string, unknown> }>; labels?: { intent?: string } };
const retail = loadDomain("retail");
const opts = { failureRate: 0, createSession: (d: Domain, o: { failureRate: number; rng: Rng }) => createSession(d as never, o), tool: "dialogue-sim", version: "0.1.0", seed: 1 };

function task(id: string, instructions: Record<string, unknown>, evaluation: Record<string, unknown>, domain = "retail"): Scenario {
  return {
    id,
    persona: { id: "p", style: "casual", language: "en" },
    domain,
    services: ["catalog"],
    category: "order_cancel",
    goal: { text: String(instructions.reason), constraints: [], end_state: [] },
    task: { instructions, evaluation },
    region: "US",
    time: { slot: "weekday", at: "2025-03-10T10:00" },
    emotions: { user: "neutral", assistant: "helpful" },
    resolution: "resolved",
    turns: { min: 2, max: 30 },
  } as unknown as Scenario;
}
const run = (s: Scenario, d: Domain = retail, failureRate = 0) => taskDialogue(s, d, Rng.for(1, s.id), { ...opts, failureRate });
const messages = (d: { messages: unknown }) => d.messages as Msg[];

/** Every value of every call's arguments appeared before the call: in a user message or an earlier tool result. */
function ungroundedArguments(ms: Msg[], exempt: string[] = []): string[] {
  const out: string[] = [];
  let visible = "";
  for (const m of ms) {
    if (m.role === "user" || m.role === "tool") visible += `\n${String(m.content ?? "")}`;
    for (const c of m.tool_calls ?? []) {
      if (exempt.includes(c.name)) continue;
      for (const v of Object.values(c.arguments)) if (!visible.includes(String(v))) out.push(`${c.name}: ${String(v)}`);
    }
  }
  return out;
}

const cancelAna = task(
  "cancel-ana",
  { reason: "You want to cancel your pending order with the Chaz Kangeroo Hoodie.", known: { name: "Ana Moreno", zip: "94107" } },
  { actions: [{ name: "find_customer_by_name_zip", arguments: { name: "Ana Moreno", zip: "94107" } }, { name: "cancel_pending_order", arguments: { order_id: "ord_1001" } }] },
);

describe("the task engine on the built-in retail pack", () => {
  it("identifies the user first, finds the order id through a read, asks before cancelling: reward 1 from the checker", () => {
    const { dialogue, trace, judgement } = run(cancelAna);
    expect(Dialogue.safeParse(dialogue).success).toBe(true);
    expect(judgement.goldErrors).toEqual([]);
    expect(dialogue.outcome).toMatchObject({ resolution: "resolved", goal_met: true, reward: 1 });
    const ms = messages(dialogue);
    const calls = ms.flatMap((m) => m.tool_calls ?? []).map((c) => c.name);
    expect(calls[0]).toBe("find_customer_by_name_zip");
    expect(calls.at(-1)).toBe("cancel_pending_order");
    expect(policyViolations(retail, ms as never)).toEqual([]);
    expect(ungroundedArguments(ms)).toEqual([]);
    // The user states its reason first, and never says the order id it was not told.
    expect(ms.find((m) => m.role === "user")?.content).toMatch(/cancel my pending order with the Chaz Kangeroo Hoodie/);
    expect(ms.filter((m) => m.role === "user").some((m) => String(m.content).includes("ord_1001"))).toBe(false);
    expect(trace).toMatchObject({ identified: true, ungrounded: [], handedOff: false });
  });

  it("a user who knows nothing to be identified by: the order id is never seen, the cancel is not made, reward 0 with the reason", () => {
    const s = task("anonymous", { reason: "You want to cancel your pending order." }, cancelAna.task!.evaluation);
    const { dialogue, trace } = run(s);
    const ms = messages(dialogue);
    expect(ms.flatMap((m) => m.tool_calls ?? []).some((c) => c.name === "cancel_pending_order")).toBe(false);
    expect(trace.ungrounded).toEqual([{ action: 1, name: "cancel_pending_order", missing: ["ord_1001"] }]);
    expect(dialogue.outcome).toMatchObject({ resolution: "failed", reward: 0, reason: expect.stringMatching(/orders ord_1001/) });
    expect(ungroundedArguments(ms)).toEqual([]);
  });

  it("says the facts a result showed; a fact no result shows is not said and the reward is 0", () => {
    const info = (id: string, communicate: string[]) =>
      task(id, { reason: "You want to know what your delivered order cost.", known: { name: "Ana Moreno", zip: "94107" } }, { actions: [{ name: "find_customer_by_name_zip", arguments: { name: "Ana Moreno", zip: "94107" } }], communicate });
    const shown = run(info("total", ["63"]));
    expect(shown.dialogue.outcome).toMatchObject({ reward: 1 });
    expect(messages(shown.dialogue).some((m) => m.role === "assistant" && /\b63\b/.test(String(m.content)))).toBe(true);
    const never = run(info("never", ["12345.67"]));
    expect(never.trace.unsaid).toEqual(["12345.67"]);
    expect(never.dialogue.outcome).toMatchObject({ reward: 0, reason: expect.stringContaining("not said: 12345.67") });
  });

  it("a gold action the policy refuses on a fresh state (no identity in the gold) is reported as a task that does not validate", () => {
    const s = task("no-identity-gold", cancelAna.task!.instructions!, { actions: [{ name: "cancel_pending_order", arguments: { order_id: "ord_1001" } }] });
    const { dialogue, judgement } = run(s);
    expect(judgement.goldErrors.map((g) => g.name)).toEqual(["cancel_pending_order"]);
    expect(dialogue.outcome?.reason).toMatch(/the task does not validate: gold action 0 \(cancel_pending_order\)/);
  });

  it("retries a call whose result says the service timed out, and still reaches the end state", () => {
    let rewarded = 0;
    for (let i = 0; i < 20; i++) rewarded += run({ ...cancelAna, id: `flaky-${i}` }, retail, 0.3).judgement.reward;
    expect(rewarded).toBeGreaterThanOrEqual(14);
  });
});

describe("the task engine with a hand-off (the domains README's shop pack)", () => {
  const readme = readFileSync(new URL("../../../../domains/README.md", import.meta.url), "utf8");
  const pack = JSON.parse(/<!-- policy-example -->\n```json\n([\s\S]*?)```/.exec(readme)![1]!) as Record<string, unknown>;
  const dir = mkdtempSync(join(tmpdir(), "task-engine-shop-"));
  writeFileSync(join(dir, "pack.json"), JSON.stringify(pack));
  writeFileSync(join(dir, "policy.md"), "# Shop policy\nVerify the customer before any order action.");
  const shop = loadPackFile(join(dir, "pack.json"));

  it("identity by email, then the declared hand-off tool when the task needs a person: escalated", () => {
    const s = task("handoff", { reason: "You want a person to look at your delivered order.", known: { email: "ana@example.com" } }, {
      actions: [{ name: "find_customer", arguments: { email: "ana@example.com" } }, { name: "transfer_to_human", arguments: { summary: "delivered order o3 needs a person" } }],
    }, "shop");
    const { dialogue, trace } = run(s, shop);
    const calls = messages(dialogue).flatMap((m) => m.tool_calls ?? []).map((c) => c.name);
    expect(calls).toEqual(["find_customer", "transfer_to_human"]);
    expect(trace.handedOff).toBe(true);
    expect(dialogue.outcome).toMatchObject({ resolution: "escalated", reward: 1 });
    expect(ungroundedArguments(messages(dialogue), ["transfer_to_human"])).toEqual([]);
  });

  it("a look-up that finds nothing: the assistant asks for another email, the user gives its second one", () => {
    const s = task("two-emails", { reason: "You want a person to look at your order.", known: { email: "old@example.com", email_2: "ana@example.com" } }, {
      actions: [{ name: "find_customer", arguments: { email: "ana@example.com" } }, { name: "transfer_to_human", arguments: { summary: "a person please" } }],
    }, "shop");
    const { dialogue, trace } = run(s, shop);
    const ms = messages(dialogue);
    expect(ms.flatMap((m) => m.tool_calls ?? []).map((c) => c.arguments.email ?? c.name)).toEqual(["old@example.com", "ana@example.com", "transfer_to_human"]);
    expect(ms.some((m) => m.role === "assistant" && /another one\?/.test(String(m.content)))).toBe(true);
    expect(trace.identified).toBe(true);
    expect(dialogue.outcome?.reward).toBe(1);
  });

  it("the user describes what it wants by name when it does not know the id; the yes comes right before the write", () => {
    const s = task("cancel-o1", { reason: "You want to cancel an order.", known: { email: "ana@example.com" } }, {
      actions: [{ name: "find_customer", arguments: { email: "ana@example.com" } }, { name: "cancel_order", arguments: { order_id: "o1" } }],
    }, "shop");
    const { dialogue } = run(s, shop);
    const ms = messages(dialogue);
    expect(dialogue.outcome).toMatchObject({ reward: 1 });
    expect(policyViolations(shop, ms as never)).toEqual([]);
    const write = ms.findIndex((m) => m.tool_calls?.some((c) => c.name === "cancel_order"));
    expect(ms[write - 1]).toMatchObject({ role: "user", labels: { intent: "confirm" } });
    expect(ms[write - 2]?.content).toMatch(/Shall I proceed\?/);
  });
});

describe("routing and wording", () => {
  it("offlineDialogue hands a task with no goal constraints to the task engine, and a goal with constraints to the scripted engine", () => {
    expect(isTaskScenario(cancelAna)).toBe(true);
    const viaHook = offlineDialogue(cancelAna, retail, Rng.for(1, cancelAna.id), { ...opts }).dialogue;
    expect((viaHook.meta as Record<string, unknown>).task_engine).toBeDefined();
    expect(viaHook.outcome?.reward).toBe(1);
    const constrained = { ...cancelAna, goal: { ...cancelAna.goal, constraints: [{ field: "price", op: "lte" as const, value: 50 }] } };
    expect(isTaskScenario(constrained)).toBe(false);
  });

  it("tau's second-person instructions become the user's first person", () => {
    expect(firstPerson("You want to exchange your keyboard; you're sure it is yours.")).toBe("I want to exchange my keyboard; I'm sure it is mine.");
    expect(firstPerson("If the agent asks you to confirm, you regret it.")).toBe("If the agent asks me to confirm, I regret it.");
  });
});
