import { loadDomain } from "@chatmill/domains";
import { Rng } from "@chatmill/kit";
import type { Persona } from "@chatmill/schema";
import { describe, expect, it } from "vitest";
import { shortNames, shortsOf } from "./short-names.js";
import { shortForms, Voice } from "./voice.js";

// Issue #18: the user said an item's whole title on every mention ("Tiberius Gym Tank उपलब्ध है?",
// "Tiberius Gym Tank के रिव्यू", "मैं Tiberius Gym Tank लूँगा"); people name it once, then say
// "the Tiberius" / "Tiberius वाला". The pack declares which words (wording.short_names).
const retail = loadDomain("retail");

describe("which rows have a short name", () => {
  const shorts = shortNames(retail);

  it("a product line's name, the first word of a title in no other title", () => {
    expect(shorts.get("Tiberius Gym Tank")?.short).toBe("Tiberius");
    expect(shorts.get("Echo Fit Compression Short")?.short).toBe("Echo");
  });

  it("not a common word (written in lower case in the table's text), a value of a field, or a title of two words", () => {
    expect(shorts.has("Girl Summer Dress")).toBe(false);
    expect(shorts.has("Black Women's Gown")).toBe(false);
    expect(shorts.has("Party Glasses")).toBe(false);
    expect(shorts.has("Zoe Tank")).toBe(false);
  });

  it("first_last keeps the first and last words of a title, when no other title has the same two", () => {
    const fake = { titleOf: () => "name", table: () => [{ name: "Dr Priya Raman" }, { name: "Dr Chen Wei" }, { name: "Dr Who" }, { name: "Dr Sam Hill Raman" }] };
    const out = shortsOf(fake as never, "dentists", "first_last");
    expect(out.get("Dr Chen Wei")).toBe("Dr Wei");
    expect(out.get("Dr Priya Raman")).toBeUndefined();
    expect(out.has("Dr Who")).toBe(false);
  });

  it("a pack that declares none has none", () => {
    expect(shortNames(loadDomain("travel")).size).toBe(0);
  });
});

describe("a name said again", () => {
  const persona = { id: "p1", style: "neutral", verbosity: "moderate", gender: "male" } as Persona;
  const voice = (lang: "en" | "hi" | "mixed", seed: string) => new Voice(persona, lang, new Rng(seed), { city: "Pune", weekday: "Monday" }, retail.wording, shortNames(retail));

  it("is the whole title the first time, and mostly the short name after", () => {
    let short = 0;
    for (let i = 0; i < 40; i++) {
      const v = voice("en", `again/${i}`);
      expect(v.user("details", { item: "Tiberius Gym Tank" })).toContain("Tiberius Gym Tank");
      const again = v.user("availability", { item: "Tiberius Gym Tank", c: "" });
      if (!again.includes("Gym Tank")) {
        short++;
        expect(again).toMatch(/the Tiberius/i);
        expect(again).not.toMatch(/\bthe the\b/i);
      }
    }
    expect(short).toBeGreaterThanOrEqual(25);
  });

  it("in Hindi, 'वाला' is 'वाले' before a postposition", () => {
    const said = Array.from({ length: 60 }, (_, i) => {
      const v = voice("hi", `hi/${i}`);
      v.user("details", { item: "Tiberius Gym Tank" });
      return v.user("reviews", { item: "Tiberius Gym Tank" });
    });
    expect(said.some((t) => /Tiberius वाले (के|की|का)/.test(t))).toBe(true);
    expect(said.filter((t) => /वाला (के|की|का|को|में|से|पर)\s/.test(t))).toEqual([]);
  });

  it("a name without a short form is said whole, and draws nothing (other packs unchanged)", () => {
    const a = voice("en", "same");
    const b = new Voice(persona, "en", new Rng("same"), { city: "Pune", weekday: "Monday" }, retail.wording);
    for (let i = 0; i < 5; i++) expect(a.user("details", { item: "Party Glasses" })).toBe(b.user("details", { item: "Party Glasses" }));
  });

  it("shortForms fixes only what a short name needs", () => {
    expect(shortForms("Tiberius वाला के रिव्यू कैसे हैं?", "hi")).toBe("Tiberius वाले के रिव्यू कैसे हैं?");
    expect(shortForms("Tiberius वाला उपलब्ध है?", "hi")).toBe("Tiberius वाला उपलब्ध है?");
    expect(shortForms("tiberius wala ke reviews?", "mixed")).toBe("tiberius wale ke reviews?");
    expect(shortForms("ok, the the Tiberius, please", "en")).toBe("ok, the Tiberius, please");
  });
});
