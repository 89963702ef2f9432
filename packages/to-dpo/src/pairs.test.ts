import { readFileSync } from "node:fs";
import { join } from "node:path";
import { readDialogue, type Dialogue } from "@chatmill/export";
import { describe, expect, it } from "vitest";
import { preferencePairs, sameOutput } from "./pairs.js";

const FIX = join(import.meta.dirname, "../../../test/fixtures/dialogues");
const load = (file: string): Dialogue[] =>
  readFileSync(join(FIX, file), "utf8")
    .split("\n")
    .filter(Boolean)
    .map((l) => {
      const r = readDialogue(JSON.parse(l));
      if ("issue" in r) throw new Error(r.issue.message);
      return r.dialogue;
    });

describe("preferencePairs", () => {
  it("pairs the failed compare call with the call that recovered, on the same prompt", () => {
    const [retail] = load("retail.ndjson");
    const pairs = preferencePairs(retail!);
    expect(pairs).toHaveLength(1);
    const p = pairs[0]!;
    expect(p.source).toBe("recovery");
    expect(retail!.messages[p.promptEnd - 1]!.role).toBe("user");
    expect(p.rejected.calls[0]!.arguments).toEqual({ item_ids: ["DR-1042", "DR-1178"] });
    expect(p.chosen.calls[0]!.arguments).toEqual({ item_ids: ["DR-1042", "DR-1187"] });
    expect([p.chosen.success_rate, p.rejected.success_rate, p.margin]).toEqual([1, 0, 1]);
    expect(p.chosen.reply).toMatch(/^Both are midi/);
    expect(sameOutput(p)).toBe(false);
  });
  it("pairs each graded call with each of its alternatives, margins from the grades", () => {
    const [travel] = load("travel-annotated.ndjson");
    const pairs = preferencePairs(travel!);
    expect(pairs.map((p) => [p.defect, Number(p.margin.toFixed(2))])).toEqual([
      ["wrong_args", 0.6],
      ["missing_arg", 0.92],
      ["wrong_args", 0.8],
    ]);
    // The parallel search message: each call is paired alone, with the text beside the calls on both sides.
    expect(pairs[0]!.chosen.content).toBe("Sure — looking up both.");
    expect(pairs[0]!.rejected.content).toBe("Sure — looking up both.");
  });
  it("gives no pairs for a dialogue without failures or grades", () => {
    expect(preferencePairs(load("ops.ndjson")[0]!)).toEqual([]);
  });
});

describe("reaction and reply pairs", () => {
  const grade = (success_rate: number) => ({ schema_valid: true, executed: true, ok: true, grounded: true, progress: 1, success_rate });
  const d: Dialogue = {
    id: "r",
    tools: [],
    messages: [
      { role: "user", content: "Anything in Blue?" },
      { role: "assistant", content: null, tool_calls: [{ id: "c1", name: "search_items", arguments: { color: "Blue" }, grade: grade(0.9), alternatives: [] }] },
      { role: "tool", tool_call_id: "c1", name: "search_items", content: '{"error":{"type":"timeout","message":"t"}}', ok: false, error: { type: "timeout", message: "t" }, injected: "timeout" },
      {
        role: "assistant",
        content: "Trying again.",
        tool_calls: [{ id: "c2", name: "search_items", arguments: { color: "Blue" }, grade: grade(1), alternatives: [{ defect: "wrong_count", call: { name: "search_items", arguments: { color: "Blue" } }, text: "I found 9 options for you. Two blue tanks.", result: "[]", ok: true, grade: grade(0.8) }] }],
        recovery: { after: "c1", failure: "timeout", alternatives: [{ defect: "reports_success", text: "I found 2 options for you.", result: null, ok: false, grade: { ...grade(0), executed: false, ok: false, grounded: false } }] },
      },
      { role: "tool", tool_call_id: "c2", name: "search_items", content: '[{"id":"MT11"},{"id":"MT12"}]', ok: true },
      { role: "assistant", content: "Two blue tanks." },
    ],
  };
  it("a reaction to a failure is paired with each bad reaction, on the prompt that ends with the failed result", () => {
    const p = preferencePairs(d).find((x) => x.source === "reaction")!;
    expect(p).toMatchObject({ promptEnd: 3, defect: "reports_success", margin: 1 });
    expect(p.chosen.calls).toEqual([{ name: "search_items", arguments: { color: "Blue" } }]);
    expect(p.rejected).toMatchObject({ calls: [], content: "I found 2 options for you." });
    expect(sameOutput(p)).toBe(false);
  });
  it("wrong_count is paired on the reply after the result, where the two sides differ", () => {
    const p = preferencePairs(d).find((x) => x.defect === "wrong_count")!;
    expect(p.promptEnd).toBe(5);
    expect(p.chosen).toMatchObject({ calls: [], content: "Two blue tanks.", success_rate: 1 });
    expect(p.rejected).toMatchObject({ calls: [], content: "I found 9 options for you. Two blue tanks.", success_rate: 0.8 });
    expect(sameOutput(p)).toBe(false);
  });
});
