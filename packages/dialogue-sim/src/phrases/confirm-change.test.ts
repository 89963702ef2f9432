import { Rng } from "@chatmill/kit";
import { describe, expect, it } from "vitest";
import { say } from "./grammar.js";
import { PackWording } from "./wording.js";

// The read-back before a change and the answer after it, said of an order ("cancel AP7LZ2M9U9") and
// of a change as said ("at 13:30"): "So that's cancel …" read as stiff, "is updated to at 13:30"
// was no sentence (session 24's reader).

const words = new PackWording(undefined, "en", "neutral", "neutral");
const lines = (act: "confirm_first" | "modified", slots: Record<string, string>): string[] =>
  Array.from({ length: 400 }, (_, i) => say(words.assistant(act), new Rng(`change-${i}`), slots));

describe("reading a change back, and saying it is done", () => {
  it("an order read back is never 'that's cancel …'", () => {
    for (const l of lines("confirm_first", { what: "cancel AP7LZ2M9U9" })) expect(l).not.toMatch(/that's cancel/i);
  });

  it("a change made is said with its new value as a sentence says it", () => {
    const said = lines("modified", { ref: "AP7LZ2M9U9", summary: "at 13:30" });
    for (const l of said) expect(l).not.toMatch(/\b(to|reads|shows) at 13:30/);
    expect(said.some((l) => /AP7LZ2M9U9 is now at 13:30|it's now at 13:30/.test(l))).toBe(true);
  });
});
