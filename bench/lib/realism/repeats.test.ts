import { describe, expect, it } from "vitest";
import { byKind, repeats } from "./repeats.js";

describe("repeats", () => {
  it("names the utterances said more than once, the commonest openers and bigrams", () => {
    const r = repeats(["On it.", "on it!", "Sure, one moment.", "On it — checking now.", "Sure, one moment please"], 3, 2);
    expect(r.utterances).toBe(5);
    expect(r.duplicates).toEqual([{ text: "on it", count: 2 }]);
    expect(r.duplicateCount).toBe(1);
    expect(r.openers[0]).toEqual({ text: "on it", count: 3 });
    expect(r.bigrams.slice(0, 2)).toEqual([
      { text: "on it", count: 3 },
      { text: "one moment", count: 2 },
    ]);
  });
});

describe("byKind", () => {
  it("counts each kind's repeats of earlier utterances and bigrams, in corpus order", () => {
    const k = byKind([
      { text: "On it.", kind: "ack" },
      { text: "Here it is: a b", kind: "list" },
      { text: "On it.", kind: "ack" },
      { text: "On it, a b", kind: "list" },
    ]);
    expect(k.map((x) => x.kind)).toEqual(["list", "ack"]);
    expect(k.find((x) => x.kind === "ack")).toEqual({ kind: "ack", utterances: 2, duplicates: 1, bigrams: 2, repeatedBigrams: 1 });
    // "on it" and "a b" were said before; "it a" is new.
    expect(k.find((x) => x.kind === "list")).toEqual({ kind: "list", utterances: 2, duplicates: 0, bigrams: 7, repeatedBigrams: 2 });
  });
});
