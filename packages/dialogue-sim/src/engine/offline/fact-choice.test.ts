import { loadDomain } from "@chatmill/domains";
import { Rng } from "@chatmill/kit";
import { describe, expect, it } from "vitest";
import type { Row } from "../../contract.js";
import type { Dialog } from "./context.js";
import { drawFacts, drawRare, noteSaid, saidBefore, valueShare } from "./fact-choice.js";
import { factFields, inTitle } from "./list-lines.js";
import { bulletsOf, highlightsText, proseSentence } from "./prose.js";

// Issue #18, details answers: the facts that set a row apart from its table, not what the dialogue
// already said of it, and the row's own prose (a sentence or two, a point of its bullet list).

// A table where every row has the same maker and the same care line, and each its own colour.
const rows: Row[] = Array.from({ length: 8 }, (_, i) => ({ id: `R${i}`, name: `Row ${i}`, maker: "Acme", colour: `shade ${i}`, size: i < 6 ? "M" : `size ${i}`, notes: `Soft. • Machine wash. • Pocket number ${i}.${i === 2 ? " • Hood" : ""}` }));
const domain = { name: "fake", pack: { database: { tables: { things: {} } } }, table: () => rows };

function dialog(seed: string, lang: "en" | "hi" | "mixed" = "en"): Dialog {
  return { lang, rng: new Rng(seed), domain, voice: { style: "neutral" } } as unknown as Dialog;
}

describe("which facts a details answer says", () => {
  it("reads how common a value is from the table's rows", () => {
    const d = dialog("s");
    expect(valueShare(d.domain, "things", "maker", "Acme")).toBe(1);
    // Every row its own colour: a reference, counted as half the rows' (rarity says nothing of it).
    expect(valueShare(d.domain, "things", "colour", "shade 3")).toBe(0.5);
    expect(valueShare(d.domain, "things", "maker", "none of them")).toBe(0);
    expect(valueShare(d.domain, undefined, "maker", "Acme")).toBe(0);
  });

  it("draws the fact that sets the row apart far more often than one every row shares, a reference in between", () => {
    const drawn = { maker: 0, colour: 0, size: 0 };
    for (let seed = 0; seed < 400; seed++) drawn[drawFacts(dialog(String(seed)), rows[7]!, "Row 7", "things", ["maker", "colour", "size"], 1)[0] as keyof typeof drawn]++;
    // size 7 is one row's (weight (7/8)²), colour a reference (weight ¼), maker every row's (weight 0.02).
    expect(drawn.size).toBeGreaterThan(drawn.colour * 2);
    expect(drawn.colour).toBeGreaterThan(drawn.maker * 4);
  });

  it("leaves out what the dialogue already said of the row while others are left, and says it when none are", () => {
    for (let seed = 0; seed < 20; seed++) {
      const d = dialog(String(seed));
      noteSaid(d, "Row 0", ["colour"]);
      expect(saidBefore(d, "Row 0", "colour")).toBe(true);
      expect(saidBefore(d, "Row 1", "colour")).toBe(false);
      expect(drawFacts(d, rows[0]!, "Row 0", "things", ["maker", "colour"], 1)).toEqual(["maker"]);
      expect(drawFacts(d, rows[0]!, "Row 0", "things", ["maker", "colour"], 2).sort()).toEqual(["colour", "maker"]);
    }
  });
});

describe("the row's prose in a details answer", () => {
  const disp = { title: "name", prose: "notes" };

  it("reads the bullet points as fragments, without their stops", () => {
    expect(bulletsOf("Warm. • Zip hand pockets. • 7\" inseam • ")).toEqual(["Zip hand pockets", '7" inseam']);
    expect(bulletsOf("No bullets here.")).toEqual([]);
  });

  it("never says a point a quarter or more of the table's rows share, and lower-cases a plain first word after a colon", () => {
    for (let seed = 0; seed < 40; seed++) {
      const text = highlightsText(dialog(String(seed)), rows[2]!, disp, "things")!;
      expect(text).not.toMatch(/wash/i);
      expect(text).toMatch(/pocket number 2|Hood|hood/i);
      expect(text).toMatch(/^(Pocket number 2|Hood)|: (pocket number 2|hood)/);
    }
  });

  it("says no points in Hindi, nor for a row whose prose has none", () => {
    expect(highlightsText(dialog("1", "hi"), rows[2]!, disp, "things")).toBeUndefined();
    expect(highlightsText(dialog("1"), { name: "X", notes: "Just a sentence here, nothing more." }, disp, "things")).toBeUndefined();
  });

  it("goes on with the next sentence when asked to, even one that leans on the first", () => {
    const row = { name: "Corset", notes: "The Corset is a chic and versatile outfit for evenings. It offers a trendy look for many occasions." };
    expect(proseSentence(dialog("1"), row, disp, 1)).toBe("The Corset is a chic and versatile outfit for evenings. It offers a trendy look for many occasions.");
    expect(proseSentence(dialog("1"), row, disp, 0)).toBe("The Corset is a chic and versatile outfit for evenings.");
  });

  it("draws from the retail catalog's bullet lists, never its commonest care line", () => {
    const retail = loadDomain("retail");
    const d = { lang: "en", rng: new Rng("r"), domain: retail, voice: { style: "neutral" } } as unknown as Dialog;
    const items = retail.table("items").filter((r) => bulletsOf(String(r.description ?? "")).length > 1);
    const said = items.map((r) => drawRare(d, "items", "description", bulletsOf, bulletsOf(String(r.description)), 2, 0.25)).flat();
    expect(said.length).toBeGreaterThan(items.length);
    expect(said).not.toContain("Machine wash/dry");
  });
});

describe("a fact that is a word of the row's name", () => {
  it("is not said beside it ('web-01 — in the web role', 'Rolex Submariner — by Rolex')", () => {
    const disp = { title: "name" };
    expect(inTitle({ name: "web-01", role: "web" }, disp, "role")).toBe(true);
    expect(inTitle({ name: "Rolex Submariner", brand: "Rolex" }, disp, "brand")).toBe(true);
    expect(inTitle({ name: "Tiberius Gym Tank", category: "tanks" }, disp, "category")).toBe(false);
    expect(inTitle({ name: "web-01", env: "prod" }, disp, "env")).toBe(false);
    for (let seed = 0; seed < 20; seed++) {
      const hosts = [{ name: "web-01", role: "web", env: "prod" }, { name: "db-01", role: "database", env: "staging" }];
      expect(factFields(dialog(String(seed)), hosts[0]!, hosts, disp, [], 1)).toEqual(["env"]);
    }
  });
});
