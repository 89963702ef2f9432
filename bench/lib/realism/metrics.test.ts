import { describe, expect, it } from "vitest";
import { distinct2, openerShare, uniqueShare, varietyAt, varietyStats } from "./metrics.js";
import { ngrams, words } from "./tokenize.js";

describe("words", () => {
  it("keeps letters, marks, digits and apostrophes, lower-cased; everything else separates", () => {
    expect(words("Hi — I'm LOOKING for 2 tees, please!")).toEqual(["hi", "i'm", "looking", "for", "2", "tees", "please"]);
    expect(words("you’re booked")).toEqual(["you’re", "booked"]);
    expect(words("`df -h`; TL;DR")).toEqual(["df", "h", "tl", "dr"]);
  });

  it("keeps Devanagari vowel signs and the candrabindu inside the word", () => {
    // हूँ is ह + ू (a mark) + ँ (a mark): one word, not "ह".
    expect(words("मैं देख रहा हूँ।")).toEqual(["मैं", "देख", "रहा", "हूँ"]);
    expect(words("चाहिए?")).toEqual(["चाहिए"]);
  });
});

describe("distinct-2", () => {
  it("is distinct bigrams over all bigrams, never across utterances", () => {
    // "a b c" → ab, bc; "a b" → ab: 2 distinct of 3.
    expect(distinct2([["a", "b", "c"], ["a", "b"]])).toBeCloseTo(2 / 3);
    // "c a" would be a bigram only if utterances were joined.
    expect(distinct2([["a", "b", "c"], ["a", "d"]])).toBe(1);
    expect(ngrams(["x", "y", "z"], 2)).toEqual(["x y", "y z"]);
  });

  it("is 0 for a corpus without bigrams", () => {
    expect(distinct2([["hi"], []])).toBe(0);
  });
});

describe("unique share", () => {
  it("counts utterances equal as words once", () => {
    expect(uniqueShare([["ok"], ["ok"], ["thanks"], ["ok", "thanks"]])).toBe(3 / 4);
  });
});

describe("opener share", () => {
  it("is the share of utterances whose first four words are among the top openers", () => {
    const u = (s: string) => words(s);
    const corpus = [
      u("can you help me find a tee"),
      u("can you help me book"),
      u("can you help me please"),
      u("i need a taxi"),
      u("where is the station"),
    ];
    // top 1: "can you help me" covers 3 of 5.
    expect(openerShare(corpus, 1)).toBeCloseTo(3 / 5);
    // top 2 adds one of the single openers (tie broken by text: "i need a taxi" < "where is the station").
    expect(openerShare(corpus, 2)).toBeCloseTo(4 / 5);
    expect(openerShare(corpus, 10)).toBe(1);
  });

  it("takes a short utterance whole as its opener", () => {
    expect(openerShare([["yes"], ["yes"], ["no", "thanks"]], 1)).toBeCloseTo(2 / 3);
  });
});

describe("variety at a size", () => {
  it("averages over full blocks of n and ignores the remainder", () => {
    const texts = ["a b", "a b", "c d", "e f", "leftover"];
    // blocks: [a b, a b] unique 0.5; [c d, e f] unique 1 → mean 0.75.
    const v = varietyAt(texts, 2)!;
    expect(v.blocks).toBe(2);
    expect(v.unique).toBeCloseTo(0.75);
    expect(varietyAt(texts, 6)).toBeNull();
    expect(varietyStats(["a b", "a b"]).distinct2).toBe(0.5);
  });
});
