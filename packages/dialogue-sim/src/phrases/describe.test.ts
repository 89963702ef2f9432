import { humanField, loadDomain } from "@chatmill/domains";
import { Rng } from "@chatmill/kit";
import type { Wording } from "@chatmill/schema";
import { describe, expect, it } from "vitest";
import type { Constraint } from "../contract.js";
import { describeConstraint, type Lang } from "./describe.js";
import { article } from "./grammar.js";

const c = (field: string, value: unknown, op: Constraint["op"] = "eq"): Constraint => ({ field, op, value }) as Constraint;

/** How the built-in packs say their own fields (wording.values): retail's sizes, travel's price ranges. */
const packValues = Object.assign({}, ...["retail", "travel", "ops"].map((p) => loadDomain(p).wording?.values ?? {})) as NonNullable<Wording["values"]>;
const said = (lang: Lang) => (field: string, no: boolean): string | undefined => {
  const spec = packValues[field];
  return no ? spec?.no?.[lang] : spec?.[lang];
};

/** Every way a constraint can be said (with the packs' own phrasings): many draws of its alternatives. */
function sayings(con: Constraint, lang: Lang = "en"): Set<string> {
  const out = new Set<string>();
  const alone = (field: string) => (packValues[field]?.alone === undefined ? undefined : new RegExp(packValues[field]!.alone!, "i"));
  for (let seed = 0; seed < 200; seed++) out.add(describeConstraint(con, lang, new Rng(String(seed)), { currency: "USD", said: said(lang), alone }));
  return out;
}

/** Each "a X" / "an X" in the text, with the article X should have. */
function articleErrors(text: string): string[] {
  return [...text.matchAll(/\b(a|an) ([\p{L}\p{N}][\p{L}\p{N}'-]*)/gu)].filter((m) => article(m[2]!) !== m[1]).map((m) => m[0]);
}

describe("describeConstraint", () => {
  it("puts the article a value's sound asks for before it", () => {
    const values: Array<[string, string]> = [["type", "architecture"], ["type", "entertainment"], ["type", "museum"], ["style", "Eyewear"], ["style", "Tank"], ["pattern", "Solid"], ["pattern", "Animal Print"], ["color", "Orange"], ["color", "Red"], ["size", "M"], ["size", "XL"], ["size", "S"], ["size", "32"], ["pricerange", "expensive"], ["pricerange", "cheap"]];
    const wrong = values.flatMap(([f, v]) => [...sayings(c(f, v))].flatMap(articleErrors));
    expect(wrong).toEqual([]);
    // Both articles are really used (the check above is not vacuous).
    const all = values.flatMap(([f, v]) => [...sayings(c(f, v))]).join(" | ");
    expect(all).toMatch(/\ban architecture\b/);
    expect(all).toMatch(/\bin an XL\b/);
    expect(all).toMatch(/\ba museum\b/);
  });

  it("does not say 'size' twice for a value that names its size ('one size', as the pack's `alone` says)", () => {
    for (const lang of ["en", "hi", "mixed"] as const) {
      for (const field of ["size", "sizes"]) {
        for (const s of sayings(c(field, "one size"), lang)) expect(s, `${lang} ${field}`).not.toMatch(/size.*one size|साइज़.*one size/);
      }
    }
    expect([...sayings(c("size", "M"))].some((s) => /size M/.test(s))).toBe(true);
  });

  it("never doubles a word, in any language", () => {
    const cons = [c("food", "chinese"), c("size", "one size"), c("sizes", "one size"), c("type", "hotel"), c("area", "centre"), c("pricerange", "moderate"), c("name", "curry garden")];
    for (const lang of ["en", "hi", "mixed"] as const) {
      for (const con of cons) for (const s of sayings(con, lang)) expect(s, `${lang} ${con.field}`).not.toMatch(/(?:^|\s)([\p{L}]+) \1(?:\s|$)/u);
    }
    // The Hinglish food phrase was "chinese food milta ho", which in "kya … ho sakta hai?" said "ho ho".
    for (const s of sayings(c("food", "chinese"), "mixed")) expect(s).not.toMatch(/\bho$/);
  });
});

describe("a field is said by the pack's wording, never by its name", () => {
  it("says a 'brand' the pack does not word plainly, and an opaque field the pack words by its words", () => {
    const plain = [...Array(20).keys()].map((seed) => describeConstraint(c("brand", "Acme"), "en", new Rng(String(seed)), { currency: "USD", fieldWords: () => undefined })).join(" | ");
    expect(plain).not.toMatch(/\b(by|from|made by) Acme/);
    expect(plain).toContain("with Acme");
    const own = (f: string) => (f === "zzfield1q" ? "[by|made by] {value}" : undefined);
    expect(describeConstraint(c("zzfield1q", "Acme"), "en", new Rng("1"), { currency: "USD", said: own })).toMatch(/^(by|made by) Acme$/);
  });
});

describe("amounts of money, by the pack's declaration", () => {
  const cap = (field: string): Constraint => ({ field, op: "lte", value: 60, table: "rooms" }) as Constraint;
  const declared = (field: string) => (x: Constraint) => x.table === "rooms" && x.field === field;
  const all = (con: Constraint, isMoney: (x: Constraint) => boolean, lang: Lang) =>
    [...Array(40).keys()].map((seed) => describeConstraint(con, lang, new Rng(String(seed)), { currency: "GBP", isMoney })).join(" | ");

  it("says a field declared as money with the currency, whatever it is called", () => {
    expect(all(cap("nightly_charge"), declared("nightly_charge"), "en")).toMatch(/(under|below|no more than|at most|less than) £60/);
    expect(all(cap("nightly_charge"), declared("nightly_charge"), "hi")).toContain("£60 से कम");
    expect(all(cap("nightly_charge"), declared("nightly_charge"), "mixed")).toMatch(/£60 (ke andar|se kam)|max £60/);
  });

  it("does not take a field for money by its name", () => {
    const said = all(cap("price"), declared("nightly_charge"), "en");
    expect(said).not.toContain("£");
    expect(said).toContain("60");
  });
});

describe("humanField", () => {
  it("names a field by the pack's wording.names; a yes/no field by what it is about, so 'any preference on {field}' reads", () => {
    const retail = loadDomain("retail");
    const travel = loadDomain("travel");
    expect(humanField(retail, "on_sale")).toBe("discount");
    expect(humanField(retail, "new_arrival")).toBe("collection");
    expect(humanField(travel, "pricerange")).toBe("price range");
    expect(humanField(travel, "entrance_fee")).toBe("entrance fee");
    // A name is the pack's own: travel has no words for retail's fields, so one is a "detail", never its key read aloud.
    expect(humanField(travel, "on_sale")).toBe("detail");
    expect(humanField(travel, "area")).toBe("area");
    for (const f of ["on_sale", "eco_friendly", "new_arrival", "performance_fabric"]) expect(`any preference on ${humanField(retail, f)}?`).not.toMatch(/\bon on\b|\bon sale\b/);
  });
});
