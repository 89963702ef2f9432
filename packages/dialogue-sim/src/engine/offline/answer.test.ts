import { createSession, loadDomain } from "@chatmill/domains";
import { Rng } from "@chatmill/kit";
import type { Dialogue, Scenario } from "@chatmill/schema";
import { describe, expect, it } from "vitest";
import { writeBakeryPack } from "../../../../domains/fixtures/bakery-pack.mjs";
import type { Domain } from "../../contract.js";
import { offlineDialogue } from "../dialogue.js";
import { sampleScenarios } from "../../testing/scenarios.js";

// An information service (the pack declares the service's `facts`): the user names the row it
// asks about in its first two messages, the assistant reads that row with the pack's tool and
// answers from it, and the checker finds the row's facts in the answer. The tool, table and
// fields are the pack's own: a user's pack with other names gets the same conversation.

const opts = { failureRate: 0, createSession, tool: "dialogue-sim", version: "test", seed: 5 };
const run = (s: Scenario, domain: Domain): Dialogue => offlineDialogue(s, domain, Rng.for(5, s.id, "dialogue"), opts).dialogue;
const userTexts = (d: Dialogue) => d.messages.filter((m) => m.role === "user").map((m) => String(m.content));
const calls = (d: Dialogue) => d.messages.flatMap((m) => (m.role === "assistant" && m.tool_calls ? m.tool_calls : []));

function checkAnswers(domain: Domain, scenarios: Scenario[]): number {
  const service = domain.services.find((s) => s.facts)!;
  const readers = new Set(domain.pack.tools.filter((t) => (t.role === "lookup" || t.role === "search") && (t.run as { table?: string }).table === service.table).map((t) => t.function.name));
  let n = 0;
  for (const s of scenarios) {
    if (s.services[0] !== service.name || s.task?.expected !== "resolved") continue;
    n++;
    const d = run(s, domain);
    const topic = String(s.goal.constraints.find((c) => c.service === service.name)!.value);
    // The user says what it wants explained within its first two messages.
    expect(userTexts(d).slice(0, 2).some((t) => t.includes(topic)), `${s.id}: ${userTexts(d).slice(0, 2).join(" / ")}`).toBe(true);
    // The assistant reads the row with the pack's own read tool, by what the user named.
    expect(calls(d).some((c) => readers.has(c.name) && JSON.stringify(c.arguments).includes(topic)), s.id).toBe(true);
    // Its answer holds the row's facts: the checker says so.
    expect(s.task!.evaluation.communicate?.length, s.id).toBeGreaterThan(0);
    expect(d.outcome, s.id).toMatchObject({ resolution: "resolved", reward: 1 });
  }
  return n;
}

describe("ops' learning categories are answered from the pack's notes", () => {
  const ops = loadDomain("ops");
  it("the user names the topic at once, the assistant looks it up and says its facts", () => {
    expect(checkAnswers(ops, sampleScenarios("ops", 240, 7))).toBeGreaterThanOrEqual(10);
  });

  it("the answer fails the checker when the answer field does not hold the fact (the checker can fail)", () => {
    const s = sampleScenarios("ops", 240, 7).find((x) => x.services[0] === "learning" && x.task?.expected === "resolved")!;
    const unsaid = { ...s, task: { ...s.task!, evaluation: { ...s.task!.evaluation, communicate: ["words no answer holds"] } } };
    expect(run(unsaid, ops).outcome).toMatchObject({ resolution: "failed", reward: 0 });
  });
});

describe("a user's own pack with a knowledge table gets the same conversation", () => {
  const dir = writeBakeryPack({ asks: ["understand {thing}"] });

  it("asks about a note by its heading, reads it with read_note and says its point", () => {
    expect(checkAnswers(loadDomain(dir), sampleScenarios(dir, 40, 3))).toBeGreaterThanOrEqual(10);
  });

  it("a search that comes back empty is asked again once, and the answer then holds the point", () => {
    const bakery = loadDomain(dir);
    const flaky = { ...opts, failureRate: 0.6 };
    let retried = 0;
    for (const s of sampleScenarios(dir, 60, 4)) {
      const d = offlineDialogue(s, bakery, Rng.for(5, s.id, "dialogue"), flaky).dialogue;
      const tools = d.messages.filter((m) => m.role === "tool") as Array<{ injected?: string }>;
      if (tools[0]?.injected !== "empty" || tools.length < 2 || tools[1]!.injected !== undefined) continue;
      retried++;
      expect(d.outcome, s.id).toMatchObject({ resolution: "resolved", reward: 1 });
    }
    expect(retried).toBeGreaterThan(0);
  });
});
