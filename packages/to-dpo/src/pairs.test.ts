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
