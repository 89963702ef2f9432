import { Rng } from "@chatmill/kit";
import { describe, expect, it } from "vitest";
import { reservedReply } from "./reserved-request.js";

// The assistant's answer to a request a person handles, in Hindi and Hinglish: often short and
// about the thing the user named, with no English article and no first-person verb.

const replies = (lang: "hi" | "mixed", more: boolean, item?: string): string[] =>
  Array.from({ length: 200 }, (_, i) => reservedReply(lang, more, new Rng(`reserved-${i}`), "return my order of the Chaz Hoodie", item));

describe("a request a person handles, answered in Hindi and Hinglish", () => {
  it("names the thing the user named, without its English article", () => {
    for (const lang of ["hi", "mixed"] as const) {
      const lines = replies(lang, false, "the OOM killer");
      expect(lines.filter((l) => l.includes("OOM killer")).length, lang).toBeGreaterThan(60);
      for (const l of lines) expect(l, lang).not.toMatch(/\bthe OOM/);
    }
  });

  it("offers the hand-off now, or at the end when the user has more to ask", () => {
    expect(replies("hi", false, "db-01").join("\n")).toMatch(/अभी/);
    const later = replies("hi", true, "db-01");
    for (const l of later) expect(l).toMatch(/आख़िर|निपटा|जाने से पहले|पहले|बातचीत पूरी|अंत/);
    for (const l of replies("mixed", true, "db-01")) expect(l).toMatch(/end|nipta|pehle|khatam/i);
  });

  it("is said briefly: at most 21 words when connecting now (issue #18: the longest lines without a result)", () => {
    for (const lang of ["hi", "mixed"] as const) for (const l of [...replies(lang, false, "db-01"), ...replies(lang, false)]) expect(l.split(/\s+/).length, l).toBeLessThanOrEqual(21);
  });

  it("without a thing named, speaks of 'this', and never leaves a slot", () => {
    for (const lang of ["hi", "mixed"] as const) for (const l of replies(lang, false)) expect(l).not.toMatch(/[{}[\]]/);
  });

  it("uses no first-person verb whose form would carry the assistant's gender", () => {
    for (const l of [...replies("hi", false, "db-01"), ...replies("hi", true)]) expect(l).not.toMatch(/रहा हूँ|रही हूँ|गया|गई/);
    for (const l of [...replies("mixed", false, "db-01"), ...replies("mixed", true)]) expect(l).not.toMatch(/raha hoon|rahi hoon|\bgaya\b|\bgayi\b/);
  });
});

describe("a request a person handles, answered in English", () => {
  const en = (more: boolean, item?: string): string[] => Array.from({ length: 300 }, (_, i) => reservedReply("en", more, new Rng(`reserved-en-${i}`), "return my order of the Chaz Hoodie", item));

  it("often names the thing the user named, in sentences that start as sentences", () => {
    const lines = en(false, "Chaz Hoodie");
    expect(lines.filter((l) => /(questions about|problems with|anything to do with|issues with) Chaz Hoodie( —|\.|;)/.test(l)).length).toBeGreaterThan(50);
    for (const l of lines) expect(l).not.toMatch(/^[.\s]|— (?!I\b)[A-Z]|[{}[\]]/);
  });

  it("is said briefly, as a person at a desk says it: at most two sentences, none past 25 words", () => {
    // The long forms (an apology, who handles it, the offer, each its own sentence) were the most repeated lines without a result (issue #18).
    for (const l of [...en(false, "Chaz Hoodie"), ...en(false)]) {
      const sentences = l.split(/(?<=[.?!])\s+/);
      expect(sentences.length, l).toBeLessThanOrEqual(2);
      expect(l.split(/\s+/).length, l).toBeLessThanOrEqual(25);
    }
  });

  it("without a thing named, is never about one", () => {
    for (const l of en(false)) expect(l).not.toMatch(/questions about|anything to do with/);
  });
});
