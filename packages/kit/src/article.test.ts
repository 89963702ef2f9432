import { describe, expect, it } from "vitest";
import { article, withArticle } from "./article.js";

describe("article", () => {
  it("takes 'an' before a vowel sound and 'a' before a consonant sound", () => {
    for (const w of ["architecture", "entertainment", "expensive", "internet", "orange", "umbrella", "eyewear", "earrings", "Eco Friendly"]) expect(article(w), w).toBe("an");
    for (const w of ["restaurant", "hotel", "black dress", "yoga class", "wool", "cheap room"]) expect(article(w), w).toBe("a");
  });

  it("goes by sound where the letter misleads", () => {
    for (const w of ["one", "one-way ticket", "once-a-year sale", "user", "unique find", "university", "uniform", "usual spot", "utility room", "European city", "euro note", "ukulele", "U-turn"]) expect(article(w), w).toBe("a");
    for (const w of ["hour", "honest answer", "honour", "heir", "hourly rate", "uninstalled app", "unimportant detail", "usher", "utter mess", "urban hotel", "urgent fix", "onerous task", "Ubuntu box"]) expect(article(w), w).toBe("an");
  });

  it("reads initialisms and single letters letter by letter, acronyms said as words as words", () => {
    for (const w of ["SUV", "MRI", "XL", "M", "S", "L", "HTML page", "FBI agent", "NHS hospital", "X-ray"]) expect(article(w), w).toBe("an");
    for (const w of ["USB cable", "DB server", "CPU spike"]) expect(article(w), w).toBe("a");
    for (const w of ["NASA probe", "SIM card", "SKU", "UNESCO site"]) expect(article(w), w).toBe("a");
  });

  it("says numbers as they are spoken", () => {
    for (const w of ["8-hour shift", "80", "800", "11", "18", "11,000", "18500"]) expect(article(w), w).toBe("an");
    for (const w of ["1", "3-star hotel", "100", "1,100", "110", "2"]) expect(article(w), w).toBe("a");
  });

  it("skips leading punctuation and handles an empty phrase", () => {
    expect(article('"orange" one')).toBe("an");
    expect(article("")).toBe("a");
    expect(withArticle("architecture museum")).toBe("an architecture museum");
    expect(withArticle("unique piece")).toBe("a unique piece");
  });
});
