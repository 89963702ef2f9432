import { loadDomain } from "@chatmill/domains";
import { Rng } from "@chatmill/kit";
import { describe, expect, it } from "vitest";
import type { Shown } from "../present.js";
import type { Dialog } from "./context.js";
import { lookupText } from "./realize-results.js";

// Issue #18: an item with no reviews or no stock was said by one fixed line per language (the
// commonest repeat in Hinglish), and Hindi said "stock nahi hai" in Hinglish.
const retail = loadDomain("retail");
const item = { name: "Radiant Tee", table: "items", seen: { id: "WS12", name: "Radiant Tee" } } as unknown as Shown;

function said(lang: "en" | "hi" | "mixed", act: "reviews" | "availability"): Set<string> {
  const d = { lang, rng: new Rng(`nothing/${lang}/${act}`), currency: "USD", domain: retail, voice: { offer: () => "", style: "neutral", assistant: () => "" } } as unknown as Dialog;
  return new Set(Array.from({ length: 60 }, () => lookupText(d, act, item, [], act === "reviews" ? "reviews" : "variants")));
}

describe("an item with nothing to show", () => {
  it("is said several ways in each language, naming the item", () => {
    for (const lang of ["en", "hi", "mixed"] as const) {
      for (const act of ["reviews", "availability"] as const) {
        const lines = said(lang, act);
        expect(lines.size, `${lang} ${act}`).toBeGreaterThan(1);
        for (const l of lines) expect(l).toContain("Radiant Tee");
      }
    }
  });

  it("is said in Devanagari in Hindi", () => {
    for (const act of ["reviews", "availability"] as const) for (const l of said("hi", act)) expect(l.replace("Radiant Tee", "")).not.toMatch(/[A-Za-z]/);
  });
});
