import { mkdtempSync, readdirSync, readFileSync, symlinkSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { createSession, loadDomain, loadPackFile, policyViolations } from "@chatmill/domains";
import { Rng } from "@chatmill/kit";
import { describe, expect, it } from "vitest";
import { offlineDialogue } from "./engine/dialogue.js";
import { assistantSystemPrompt, userSystemPrompt } from "./llm/prompts.js";
import { sampleScenarios } from "./testing/scenarios.js";

type Msg = Record<string, any>;
const opts = { failureRate: 0.15, createSession, tool: "dialogue-sim", version: "test", seed: 1 };
const writes = (m: Msg) => m.role === "assistant" && (m.tool_calls ?? []).some((c: Msg) => /systemctl (restart|start|stop)/.test(String(c.arguments.command)));

describe("the pack's policy in the offline engine", () => {
  const ops = loadDomain("ops");
  const policyText = readFileSync(join(ops.dir, "policy.md"), "utf8").trim();
  const dialogues = sampleScenarios("ops", 300, 5).map((s) => offlineDialogue(s, ops, Rng.for(1, s.id, "dialogue"), opts).dialogue);

  it("puts the pack's prompt and its policy text in the dialogue's system message", () => {
    for (const d of dialogues) {
      expect(d.messages[0]).toMatchObject({ role: "system" });
      expect(d.messages[0]!.content).toContain(policyText);
      expect(d.messages[0]!.content).toContain(ops.offline.system_prompt!);
    }
  });

  it("asks before every command that changes a host, runs it only after a yes, and breaks no rule a checker can see", () => {
    let asked = 0;
    for (const d of dialogues) {
      const ms = d.messages as Msg[];
      expect(policyViolations(ops as never, ms as never), d.id).toEqual([]);
      expect(ms.some((m) => m.role === "tool" && m.error?.type === "confirmation_required"), d.id).toBe(false);
      ms.forEach((m, i) => {
        if (!writes(m)) return;
        asked++;
        // The last user message before the call is a yes to the assistant's read-back of that command.
        const lastUser = ms.slice(0, i).map((x, j) => [x, j] as const).filter(([x]) => x.role === "user").pop()!;
        expect(lastUser[0].labels.intent).toBe("confirm");
        const ask = ms[lastUser[1] - 1]!;
        expect(ask.role).toBe("assistant");
        expect(ask.content).toContain(m.tool_calls[0].arguments.command);
      });
    }
    expect(asked).toBeGreaterThan(0);
  });

  it("a user who says no to a read-back gets nothing run after it", () => {
    for (const d of dialogues) {
      const ms = d.messages as Msg[];
      const at = ms.findIndex((m) => m.role === "user" && m.labels?.intent === "decline");
      if (at < 0) continue;
      expect(ms[at - 1]).toMatchObject({ role: "assistant", labels: { intent: "confirm" } });
      expect(ms.slice(at).some(writes)).toBe(false);
    }
    // Every write in these dialogues came after a yes (the test above); none came after a no.
    expect(dialogues.some((d) => (d.messages as Msg[]).some(writes))).toBe(true);
  });
});

describe("the hand-off tool", () => {
  /** ops with two tools declared handoff; the policy names the one the assistant uses. */
  function twoHandoffs(): ReturnType<typeof loadPackFile> {
    const original = loadDomain("ops");
    const pack = structuredClone(original.pack) as Msg;
    const fn = (name: string) => ({ type: "function", function: { name, description: "hand over to a person", parameters: { type: "object", properties: { summary: { type: "string" } }, required: ["summary"] } }, role: "handoff", run: { op: "static", result: { transferred: true } } });
    pack.tools.push(fn("page_oncall"), fn("transfer_to_human"));
    pack.policy = { ...pack.policy, handoff: { ...pack.policy.handoff, tool: "transfer_to_human", when: "only when the user asks for a person" } };
    const dir = mkdtempSync(join(tmpdir(), "chatmill-handoff-"));
    for (const f of readdirSync(original.dir)) if (f !== "pack.json") symlinkSync(join(original.dir, f), join(dir, f));
    writeFileSync(join(dir, "pack.json"), JSON.stringify(pack));
    return loadPackFile(join(dir, "pack.json"));
  }

  it("the engines use only the declared one, and the offline engine only when the user asks for a person", () => {
    const d = twoHandoffs();
    expect(d.handoffTool).toBe("transfer_to_human");
    let handed = 0;
    for (const s of sampleScenarios("ops", 200, 5)) {
      const ms = offlineDialogue(s, d, Rng.for(1, s.id, "dialogue"), opts).dialogue.messages as Msg[];
      ms.forEach((m, i) => {
        const calls = (m.tool_calls ?? []) as Msg[];
        expect(calls.some((c) => c.name === "page_oncall")).toBe(false);
        if (!calls.some((c) => c.name === "transfer_to_human")) return;
        handed++;
        expect(ms[i - 1]).toMatchObject({ role: "user", labels: { intent: "escalate" } });
      });
      const dlg = offlineDialogue(s, d, Rng.for(1, s.id, "dialogue"), opts).dialogue as Msg;
      // Handed off only in a task the policy reserves to a person, and then the outcome says so.
      if (ms.some((m) => (m.tool_calls ?? []).length && m.tool_calls[0].name === "transfer_to_human")) expect([dlg.scenario.task.expected, dlg.outcome.resolution]).toEqual(["escalated", "escalated"]);
    }
    expect(handed).toBeGreaterThan(0);
    // The openai engine's assistant is told which tool, and when.
    expect(assistantSystemPrompt(d)).toContain("Hand the conversation to a person only with `transfer_to_human`: only when the user asks for a person.");
  });
});

describe("the openai engine's prompts", () => {
  it("the assistant's system prompt is the pack's prompt, its policy text and the policy's rules", () => {
    const retail = loadDomain("retail");
    const prompt = assistantSystemPrompt(retail);
    expect(prompt.startsWith(retail.systemPrompt!)).toBe(true);
    expect(prompt).toContain(readFileSync(join(retail.dir, "policy.md"), "utf8").trim());
    expect(prompt).toContain("identify the user with `find_customer_by_email`, `find_customer_by_name_zip`");
    expect(prompt).toContain("Before a call of `cancel_pending_order` that changes anything");
    // A pack without a policy gets no policy rules.
    expect(assistantSystemPrompt(loadDomain("travel"))).not.toContain("Before a call of");
  });

  it("the tau packs' identity rule is in their assistant's prompt, though their tools do not enforce it", () => {
    const retail = assistantSystemPrompt(loadDomain("tau-retail"));
    expect(retail).toContain("identify the user with `find_user_id_by_email`, `find_user_id_by_name_zip`; act only on that user's own records.");
    expect(retail).toContain("Before using `get_user_details`, `get_order_details`, `cancel_pending_order`");
    expect(assistantSystemPrompt(loadDomain("tau-airline"))).toContain("identify the user with `get_user_details`; act only on that user's own records.");
  });

  it("the user simulator is told to confirm only what it wants, where the pack asks for confirmation", () => {
    const [s] = sampleScenarios("ops", 1, 5);
    expect(userSystemPrompt({ scenario: s!, domain: loadDomain("ops"), bookings: [] })).toContain("say yes (intent confirm) only if that is what you want");
    const [t] = sampleScenarios("travel", 1, 5);
    expect(userSystemPrompt({ scenario: t!, domain: loadDomain("travel"), bookings: [] })).not.toContain("say yes (intent confirm)");
  });
});
