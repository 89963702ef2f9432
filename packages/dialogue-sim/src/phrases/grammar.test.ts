import { describe, expect, it } from "vitest";
import { joinSentences, tidy, meets } from "./grammar.js";

describe("joinSentences", () => {
  it("ends a sentence before the next one starts, once", () => {
    expect(joinSentences(["Here are three", "Want more?"], "en")).toBe("Here are three. Want more?");
    expect(joinSentences(["Found it (about $5)", "Shall I book it?"], "en")).toBe("Found it (about $5). Shall I book it?");
    // A mark inside the bracket already ends the sentence.
    expect(joinSentences(["Two shown (5 matches in all.)", "Would you like the rest?"], "en")).toBe("Two shown (5 matches in all.) Would you like the rest?");
    expect(joinSentences(["Done!", "", "Anything else?"], "en")).toBe("Done! Anything else?");
  });

  it("uses the danda in Hindi", () => {
    expect(joinSentences(["यह मिल गया", "और कुछ?"], "hi")).toBe("यह मिल गया। और कुछ?");
  });
});

describe("tidy", () => {
  it("leaves no comma before a mark an empty alternative brought next to it", () => {
    // "[Chhata saath rakhna], [haha|]!" with the empty alternative drawn.
    expect(tidy("Chhata saath rakhna, !")).toBe("Chhata saath rakhna!");
    expect(tidy("Right , , so — ready?")).toBe("Right, so — ready?");
    expect(tidy("hi ,  there")).toBe("hi, there");
    expect(tidy("1,000 items, 2 left")).toBe("1,000 items, 2 left");
  });
});

describe("meets", () => {
  it("finds two parts where the second starts on the word the first ends with, across marks and case", () => {
    expect(meets("Ok.", "ok, HAT221 hi chahiye")).toBe(true);
    expect(meets("many thanks", "thanks for explaining")).toBe(true);
    expect(meets("Any time at all.", "All the best!")).toBe(true);
    expect(meets("ठीक।", "ठीक है, चलिए")).toBe(true);
  });

  it("is false for other words, a word inside a longer one, ids with digits and empty parts", () => {
    expect(meets("Sounds good.", "Thanks!")).toBe(false);
    expect(meets("go for", "fortune")).toBe(false);
    expect(meets("TR1809", "TR1809 leaves at 19:48")).toBe(false);
    expect(meets("", "anything")).toBe(false);
  });
});
