import { createSession, loadDomain } from "@chatmill/domains";
import { Rng } from "@chatmill/kit";
import { describe, expect, it } from "vitest";
import { sampleScenarios } from "../../testing/scenarios.js";
import { offlineDialogue, type OfflineOptions } from "../dialogue.js";
import type { Shown } from "../present.js";
import type { Dialog } from "./context.js";
import { briefOf } from "./list-lines.js";
import { offerText } from "./list-offer.js";
import { sharedOf } from "./list-shared.js";
import { proseSentence, standalone } from "./prose.js";

// Issue #18, results said as a person says them: what every row shares said once, an offer of one
// or two when many match, and a sentence of the row's declared prose in its details.

const retail = loadDomain("retail");
const disp = { title: "name", id: "id", price: "price" };
const tank = (id: string, name: string, category: string) => ({ id, name, price: 18, brand: "Luma", gender: "men", category, source: "magento" });
const rows = [tank("MT10", "Tiberius Gym Tank", "tanks"), tank("MT11", "Atlas Fitness Tank", "tanks"), tank("MS01", "Aero Tee", "tees")];

function dialog(lang: "en" | "hi" | "mixed", seed = "1"): Dialog {
  return { lang, rng: new Rng(seed), currency: "USD", domain: retail, voice: { offer: () => "", style: "neutral" } } as unknown as Dialog;
}

describe("what every row of a list shares is said once", () => {
  it("says the shared brand, gender and price in the head, and leaves them out of each row", () => {
    for (let seed = 0; seed < 10; seed++) {
      const d = dialog("en", String(seed));
      const shared = sharedOf(d, rows, disp, [], "items");
      expect(shared.fields).toEqual(expect.arrayContaining(["brand", "gender"]));
      expect(shared.price).toBe(true);
      expect(shared.head).toMatch(/Luma/);
      expect(shared.head).toMatch(/\$18/);
      expect(shared.head).toMatch(/:$/);
      // A field the pack gives no fact wording (source) is never said for all rows.
      expect(shared.head).not.toMatch(/magento/);
      const brief = briefOf(d, rows[0]!, rows, disp, [], 2, undefined, shared);
      expect(brief.price).toBe("");
      expect(brief.facts).not.toMatch(/Luma|men/);
    }
  });

  it("says the count in each language's words, and nothing when the rows share nothing worth saying", () => {
    expect(sharedOf(dialog("hi"), rows, disp, [], "items").head).toMatch(/तीन/);
    expect(sharedOf(dialog("mixed"), rows, disp, [], "items").head).toMatch(/[Tt]ee?n/);
    const apart = [{ id: "A", name: "One", brand: "Luma", price: 10 }, { id: "B", name: "Two", brand: "Acme", price: 12 }];
    expect(sharedOf(dialog("en"), apart, disp, [], "items").head).toBe("");
    expect(sharedOf(dialog("en"), rows.slice(0, 1), disp, [], "items").head).toBe("");
  });

  it("a list value the user asked for is shared when every row has it (\"all in gray\")", () => {
    const grey = [{ ...rows[0]!, colors: ["Gray", "Red"] }, { ...rows[2]!, colors: ["Blue", "Gray"] }];
    const shared = sharedOf(dialog("en"), grey, disp, [{ field: "colors", value: "gray" }], "items");
    expect(shared.head).toMatch(/in gray/);
    expect(shared.fields).toContain("colors");
  });
});

describe("an offer of one or two when many match", () => {
  const shown = rows.map((r, i) => ({ key: r.id, name: r.name, row: r, seen: r, table: "items", callId: `c${i}` })) as Shown[];
  it("says how many were found and names only the rows it offers", () => {
    for (const lang of ["en", "hi", "mixed"] as const) {
      for (let seed = 0; seed < 8; seed++) {
        const { text, named } = offerText(dialog(lang, String(seed)), "items", shown, 29);
        expect(text).toMatch(/29/);
        expect(named.length).toBeGreaterThanOrEqual(1);
        expect(named.length).toBeLessThanOrEqual(2);
        for (const s of named) expect(text).toContain(s.name);
        for (const s of shown.filter((x) => !named.includes(x))) expect(text).not.toContain(s.name);
      }
    }
  });
});

describe("an offer of two rows with one name", () => {
  it("names it once and says the second by what sets it apart", () => {
    const twins = [
      { id: "A1", name: "Zoe Tank", price: 29, colors: ["Green"] },
      { id: "A2", name: "Zoe Tank", price: 35, colors: ["Red"] },
    ];
    const shown = twins.map((r, i) => ({ key: r.id, name: r.name, row: r, seen: r, table: "items", callId: `c${i}` })) as Shown[];
    let twos = 0;
    for (const lang of ["en", "hi", "mixed"] as const) {
      for (let seed = 0; seed < 12; seed++) {
        const { text, named } = offerText(dialog(lang, `twin${seed}`), "items", shown, 9);
        if (named.length < 2) continue;
        twos++;
        expect(text.split("Zoe Tank").length - 1, text).toBe(1);
        expect(text).toMatch(lang === "en" ? /the one .*(\$35|red)/i : lang === "hi" ? /उसी का/ : /usi ka/);
      }
    }
    expect(twos).toBeGreaterThan(0);
  });
});

describe("a sentence of the row's declared prose", () => {
  const text = "Ideal for cold-weather training, the Chaz Hoodie promises warmth with every wear. This thick material blocks out the wind. Short one. • Two-tone gray heather hoodie. • Machine wash/dry.";
  it("keeps only sentences that read alone: no bullets, none leaning on the sentence before, none too short", () => {
    expect(standalone(text)).toEqual(["Ideal for cold-weather training, the Chaz Hoodie promises warmth with every wear."]);
  });

  it("is read from the declared field only", () => {
    const row = { id: "MH01", name: "Chaz Hoodie", description: text };
    expect(proseSentence(dialog("en"), row, { ...disp, prose: "description" })).toMatch(/^Ideal for/);
    expect(proseSentence(dialog("en"), row, disp)).toBeUndefined();
  });

  it("retail details answers quote their item's description now and then", () => {
    const opts: OfflineOptions = { failureRate: 0, createSession, tool: "dialogue-sim", version: "test", seed: 0 };
    const sentences = new Set(retail.table("items").flatMap((r) => standalone(String(r.description ?? ""))));
    let quoted = 0;
    for (const s of sampleScenarios("retail", 120, 5)) {
      for (const m of offlineDialogue(s, retail, Rng.for(0, s.id, "dialogue"), opts).dialogue.messages) {
        if (m.role === "assistant" && typeof m.content === "string" && [...sentences].some((q) => (m.content as string).includes(q))) quoted++;
      }
    }
    expect(quoted).toBeGreaterThan(5);
  });
});
