import { createSession, loadDomain } from "@chatmill/domains";
import { Rng } from "@chatmill/kit";
import { describe, expect, it } from "vitest";
import { sampleScenarios } from "../../testing/scenarios.js";
import { offlineDialogue } from "../dialogue.js";

const ops = loadDomain("ops");
const opts = { failureRate: 0, createSession, tool: "dialogue-sim", version: "test", seed: 1 };

describe("an ops command on a service", () => {
  it("names a service the host runs (its members, as the look-up showed them), never one it does not have", () => {
    const runs = new Map<string, Set<string>>();
    for (const s of ops.table("services")) runs.set(String(s.agent_id), new Set([...(runs.get(String(s.agent_id)) ?? []), String(s.name)]));
    const commandTool = ops.pack.tools.find((t) => t.run.op === "command")!;
    const { key_arg: hostArg, command_arg: cmdArg } = commandTool.run as { key_arg: string; command_arg: string };
    const seen: string[] = [];
    for (const s of sampleScenarios("ops", 300, 7)) {
      const d = offlineDialogue(s, ops, Rng.for(1, s.id, "dialogue"), opts).dialogue;
      for (const m of d.messages) {
        for (const c of m.role === "assistant" ? (m.tool_calls ?? []) : []) {
          if (c.name !== commandTool.function.name) continue;
          const service = /^systemctl (?:restart|status) (\S+)$/.exec(String(c.arguments[cmdArg]))?.[1];
          if (!service) continue;
          seen.push(service);
          expect(runs.get(String(c.arguments[hostArg])), `${c.arguments[cmdArg]} on ${c.arguments[hostArg]}`).toContain(service);
        }
      }
    }
    // Commands on services were run, and not always on the same one.
    expect(new Set(seen).size).toBeGreaterThan(2);
  });

  it("reads a command back as an order before running it, never 'I'll … I'll run'", () => {
    // English read-backs (Hindi and Hinglish say "`cmd` → host").
    const backs: string[] = [];
    for (const s of sampleScenarios("ops", 300, 7)) {
      const d = offlineDialogue(s, ops, Rng.for(1, s.id, "dialogue"), { ...opts, seed: 2 }).dialogue;
      for (const m of d.messages) {
        const labels = (m as { labels?: { intent?: string; variation?: string } }).labels;
        if (m.role === "assistant" && labels?.intent === "confirm" && labels.variation === "clarification" && typeof m.content === "string" && m.content.includes("`") && !m.content.includes("→")) backs.push(m.content);
      }
    }
    expect(backs.length).toBeGreaterThan(3);
    for (const b of backs) {
      expect(b).toMatch(/\brun `[^`]+` on \S+/);
      expect(b).not.toMatch(/I'll run/);
    }
  });
});
