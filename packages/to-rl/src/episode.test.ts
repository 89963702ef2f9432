import { readFileSync } from "node:fs";
import { join } from "node:path";
import { readDialogue, type Dialogue } from "@chatmill/export";
import { describe, expect, it } from "vitest";
import { episodeOf } from "./episode.js";

const FIX = join(import.meta.dirname, "../../../test/fixtures/dialogues");
const first = (file: string): Dialogue => {
  const r = readDialogue(JSON.parse(readFileSync(join(FIX, file), "utf8").split("\n")[0]!));
  if ("issue" in r) throw new Error(r.issue.message);
  return r.dialogue;
};

describe("episodeOf", () => {
  it("makes one step per assistant message, rewards adding up to the outcome", () => {
    const d = first("retail.ndjson");
    const ep = episodeOf(d, undefined);
    expect(ep.steps).toHaveLength(d.messages.filter((m) => m.role === "assistant").length);
    expect(ep.steps.reduce((a, s) => a + s.reward, 0)).toBe(0.9);
    const failed = ep.steps.filter((s) => !s.ok);
    expect(failed).toHaveLength(1);
    expect(failed[0]!.quality).toBe(0);
  });
  it("uses the grades when the dialogue is annotated", () => {
    const ep = episodeOf(first("retail-annotated.ndjson"), undefined);
    expect(ep.steps[0]!.quality).toBeCloseTo((0.95 + 0.4) / 2, 12);
    expect(ep.rewardSource).toBe("outcome");
  });
  it("without an outcome, the return is the mean step quality", () => {
    const d = first("ops.ndjson");
    delete d.outcome;
    const ep = episodeOf(d, undefined);
    expect(ep.rewardSource).toBe("steps");
    expect(ep.reward).toBe(1);
    expect(ep.steps.reduce((a, s) => a + s.reward, 0)).toBe(1);
  });
  it("cuts states at message boundaries, with --system in front", () => {
    const ep = episodeOf(first("ops.ndjson"), "You are AJ.");
    expect(ep.messages[0]).toEqual({ role: "system", content: "You are AJ." });
    const s0 = ep.steps[0]!;
    expect(ep.messages[s0.stateEnd]!.role).toBe("assistant");
    expect(ep.messages.slice(s0.stateEnd, s0.nextEnd).map((m) => m.role)).toEqual(["assistant", "tool"]);
  });
});
