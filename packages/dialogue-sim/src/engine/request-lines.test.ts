import { Rng } from "@chatmill/kit";
import { describe, expect, it } from "vitest";
import { askFor, reservedAsk } from "./reserved-request.js";

const REASON = "Dispute the invoice for my booking at Dr Tomasz Nowak.";

describe("a request in Hindi and Hinglish (request-lines)", () => {
  for (const lang of ["hi", "mixed"] as const) {
    it(`${lang}: names the thing, in several shapes, and ends a sentence`, () => {
      const lines = Array.from({ length: 200 }, (_, i) => reservedAsk(REASON, lang, Rng.for(7, "ask", String(i)), { item: "Dr Tomasz Nowak" }));
      for (const l of lines) {
        expect(l).toContain("Dr Tomasz Nowak");
        expect(l).toMatch(lang === "hi" ? /[?!।]$/u : /[?!.]$/u);
        // The English reason is never said in these languages, and a {slot} never shows.
        expect(l).not.toMatch(/invoice|\{|\}/);
      }
      // Not one skeleton: the thing is said at the start of some lines and after "मुझे/mujhe" in others.
      const startsWithItem = lines.filter((l) => /^(Dr Tomasz Nowak|मामला|बात|Matter|Baat)/.test(l)).length;
      expect(startsWithItem).toBeGreaterThan(10);
      expect(lines.length - startsWithItem).toBeGreaterThan(10);
      expect(new Set(lines).size).toBeGreaterThan(120);
    });

    it(`${lang}: a later request drops the greeting`, () => {
      const later = Array.from({ length: 60 }, (_, i) => askFor("get help", lang, Rng.for(3, String(i)), false, { item: "web-01" }));
      for (const l of later) expect(l).not.toMatch(/^(नमस्ते|नमस्कार|हैलो|Hello|Hi,|Namaste|Excuse me)/);
    });
  }

  it("Hinglish agreement: 'baat' takes ki, 'matter' takes ka", () => {
    const lines = Array.from({ length: 300 }, (_, i) => reservedAsk(REASON, "mixed", Rng.for(11, String(i)), { item: "celery" }));
    expect(lines.some((l) => /^Baat celery ki hai/.test(l))).toBe(true);
    expect(lines.every((l) => !/baat celery ka\b/i.test(l))).toBe(true);
  });
});

describe("Hindi and Hinglish user lines about one thing or two (user-local-banks)", async () => {
  const { USER_LOCAL } = await import("../phrases/user-local-banks.js");
  const { GENDER_SLOT, say } = await import("../phrases/grammar.js");
  for (const lang of ["hi", "mixed"] as const) {
    it(`${lang}: each act has lines, every slot filled, first person by the persona's gender`, () => {
      for (const [act, lines] of Object.entries(USER_LOCAL[lang])) {
        expect(lines!.length, act).toBeGreaterThanOrEqual(3);
        for (let i = 0; i < 40; i++) {
          const m = say(lines!, Rng.for(5, act, String(i)), { item: "X1", item2: "Y2", c: "C3", [GENDER_SLOT]: "m" });
          const f = say(lines!, Rng.for(5, act, String(i)), { item: "X1", item2: "Y2", c: "C3", [GENDER_SLOT]: "f" });
          expect(m, act).not.toMatch(/[{}[\]|]/);
          if (act !== "thanks_done") expect(m, act).toContain("X1");
          // The same draw said by a woman uses feminine forms where the man's line has masculine ones.
          if (/रहा हूँ|उलझा|गया,/.test(m)) expect(f).toMatch(/रही हूँ|उलझी|गई,/);
        }
      }
    });
  }
});

describe("an English first request", () => {
  it("says the reason's clause whole, in short shapes too, never as a bare order", () => {
    const what = "ask why I was billed twice for my booking at Dr Chen Wei";
    const lines = Array.from({ length: 300 }, (_, i) => askFor(what, "en", Rng.for(9, String(i)), true));
    for (const l of lines) {
      expect(l).toContain(what);
      expect(l.charAt(0)).toBe(l.charAt(0).toUpperCase());
      expect(l).not.toMatch(/^Ask why/);
    }
    // Some say only the request with a few words around it ("I'm writing to …", "Could I …?").
    const short = lines.filter((l) => l.split(/\s+/).length <= what.split(/\s+/).length + 4);
    expect(short.length).toBeGreaterThan(40);
  });
});
