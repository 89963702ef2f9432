import { Context, Rng, UsageError } from "@chatmill/kit";
import { Persona } from "@chatmill/schema";
import { describe, expect, it } from "vitest";
import { CorpusPicker, summaryKey, type Corpus } from "./corpus.js";
import { CITIES, formatMoney } from "./data/cities.js";
import { STYLE_NAMES } from "./data/styles.js";
import { factsFromText, occupationOf } from "./heuristics.js";
import { checkMixValues, parseMix } from "./mix.js";
import { budgetIn, roundAmount } from "./money.js";
import { makePersona, personaId } from "./persona.js";
import { sampleTransform } from "./sample.js";
import { tinyDomain } from "./testing/tiny-domain.js";

async function collect(it: AsyncIterable<unknown>): Promise<unknown[]> {
  const out: unknown[] = [];
  for await (const x of it) out.push(x);
  return out;
}

describe("seed data", () => {
  it("has the 54 cities of seed 003, each with a currency and a time zone", () => {
    expect(CITIES).toHaveLength(54);
    expect(new Set(CITIES.map((c) => c.city)).size).toBe(54);
    for (const c of CITIES) expect(c.currency).toMatch(/^[A-Z]{3}$/);
    expect(STYLE_NAMES).toEqual(["casual", "senior_engineer", "stressed", "learner", "executive"]);
  });

  it("writes money the way people do", () => {
    expect(formatMoney(4500, "INR")).toBe("₹4,500");
    expect(formatMoney(1234567, "IDR")).toBe("1,234,567 IDR");
    expect(roundAmount(4567)).toBe(4600);
    expect(roundAmount(83)).toBe(83);
  });
});

describe("makePersona", () => {
  const domain = tinyDomain();

  it("a history entry is named and priced as the pack declares (display.title, display.price), never by a field's name", () => {
    const seen = { goods: 0 };
    for (let i = 0; i < 300; i++) {
      for (const h of makePersona(i, new Rng(`h${i}`), { seed: 1, domain }).history ?? []) {
        if (h.service !== "shop") continue;
        seen.goods++;
        const row = domain.table("goods").find((r) => r.sku === h.item_id)!;
        expect(h).toMatchObject({ kind: "purchase", name: row.title, price: row.price });
      }
    }
    expect(seen.goods).toBeGreaterThan(10);
    // The same rows with no price declared: a field called price is not taken as one.
    const undeclared = { ...domain, offline: { ...domain.offline, display: { goods: { title: "title" } } } };
    for (let i = 0; i < 100; i++) for (const h of makePersona(i, new Rng(`h${i}`), { seed: 1, domain: undeclared }).history ?? []) expect(h.price).toBeUndefined();
  });

  it("builds valid personas whose preferences, budget and history come from the domain", () => {
    for (let i = 0; i < 300; i++) {
      const p = makePersona(i, new Rng(`t${i}`), { seed: 1, domain });
      expect(Persona.safeParse(p).success).toBe(true);
      expect(p.id).toBe(personaId(1, i, "tiny"));
      expect(p.domain).toBe("tiny");
      const city = CITIES.find((c) => c.city === p.location?.city)!;
      // A customer of the pack: the budget is in the pack's currency (GBP), whatever the city's.
      expect(p.budget?.currency).toBe("GBP");
      expect(p.budget!.max).toBeGreaterThanOrEqual(10);
      expect(p.budget!.max).toBeLessThanOrEqual(400);
      expect(p.budget!.min!).toBeLessThanOrEqual(p.budget!.max);
      for (const c of (p.preferences?.cuisines as string[]) ?? []) expect(["italian", "thai", "greek"]).toContain(c);
      for (const h of p.history ?? []) expect(["c1", "c2", "c3", "c4", "g1", "g2"]).toContain(h.item_id);
      if (city.country !== "India") expect(p.language).toBe("en");
    }
  });

  it("draws the budget in the pack's currency: offline.currency converted by the rate table, else the city's for a pack that sells nothing", () => {
    const base = tinyDomain();
    const euro = { ...base, offline: { ...base.offline, currency: "EUR" } } as typeof base;
    const nothingSold = { ...base, persona: { ...base.persona, budget: undefined } } as typeof base;
    const unknownRate = { ...base, offline: { ...base.offline, currency: "ISK" } } as typeof base;
    for (let i = 0; i < 60; i++) {
      const gbp = makePersona(i, new Rng(`b${i}`), { seed: 1, domain: base });
      const eur = makePersona(i, new Rng(`b${i}`), { seed: 1, domain: euro });
      expect(eur.budget?.currency).toBe("EUR");
      // The same draw, converted GBP → EUR at the table's rates (0.79 and 0.92 per USD) and rounded.
      expect(eur.budget!.max).toBeGreaterThan(gbp.budget!.max * 1.05);
      expect(eur.budget!.max).toBeLessThan(gbp.budget!.max * 1.25);
      const city = CITIES.find((c) => c.city === gbp.location?.city)!;
      expect(makePersona(i, new Rng(`b${i}`), { seed: 1, domain: nothingSold }).budget?.currency).toBe(city.currency);
      expect(makePersona(i, new Rng(`b${i}`), { seed: 1, domain: unknownRate }).budget).toEqual(gbp.budget);
    }
  });

  it("converts a budget to another currency by the rate table, rounded, or says it cannot", () => {
    expect(budgetIn({ min: 20, max: 100, currency: "USD" }, "INR")).toEqual({ min: 1700, max: 8400, currency: "INR" });
    expect(budgetIn({ min: 3900, max: 12000, currency: "INR" }, "USD")).toEqual({ min: 46, max: 140, currency: "USD" });
    expect(budgetIn({ max: 50, currency: "GBP" }, "GBP")).toEqual({ max: 50, currency: "GBP" });
    expect(budgetIn({ max: 50, currency: "GBP" }, "ISK")).toBeUndefined();
  });

  it("offers the domain's own styles besides seed 004's", () => {
    const styles = new Set(Array.from({ length: 400 }, (_, i) => makePersona(i, new Rng(`s${i}`), { seed: 1, domain }).style));
    expect(styles).toEqual(new Set([...STYLE_NAMES, "night_owl"]));
  });

  it("lets --mix override one distribution without reshuffling the others", () => {
    const mix = parseMix(["style=stressed:1"], ["style"]);
    for (let i = 0; i < 50; i++) {
      const plain = makePersona(i, new Rng(`m${i}`), { seed: 1, domain });
      const mixed = makePersona(i, new Rng(`m${i}`), { seed: 1, domain, mix });
      expect(mixed.style).toBe("stressed");
      expect(mixed.location).toEqual(plain.location);
      expect(mixed.age).toBe(plain.age);
    }
  });

  it("reads facts from a corpus persona's text and keeps the text and its source", () => {
    const p = makePersona(0, new Rng("x"), { seed: 1, domain }, {
      dataset: "personahub", index: 12, cluster: "7",
      text: "A 34-year-old software engineer from Mumbai who is passionate about open source; she mentors students.",
    });
    expect(p).toMatchObject({ age: 34, age_range: "25-34", gender: "female", occupation: "software engineer", style: "senior_engineer" });
    expect(p.location?.city).toBe("Mumbai");
    expect(p.traits).toContain("passionate");
    expect(p.description).toMatch(/^A 34-year-old/);
    expect(p.source).toEqual({ dataset: "personahub", index: 12, cluster: "7" });
  });
});

describe("text heuristics", () => {
  it("finds occupations in PersonaHub and Synthetic-Persona-Chat phrasing, and not in family words", () => {
    expect(occupationOf("A sports journalist who has interviewed Michael Jordan")).toBe("sports journalist");
    expect(occupationOf("I love to bake cookies. I work as a nurse at night.")).toBe("nurse");
    expect(occupationOf("I am a teacher.")).toBe("teacher");
    expect(occupationOf("I am a boy. I can move objects with my mind.")).toBeUndefined();
    expect(occupationOf("A die-hard fan of \"Chasing Life\" who supports renewal of the show.")).toBeUndefined();
  });

  it("reads gender, age range, place and style cues", () => {
    expect(factsFromText("I love my wife and our two dogs.").gender).toBe("male");
    expect(factsFromText("A retired schoolteacher who loves gardening").ageRange).toBe("65+");
    expect(factsFromText("An Indian graduate student").cities?.every((c) => c.country === "India")).toBe(true);
    expect(factsFromText("A startup founder and CEO in Berlin").style).toBe("executive");
    expect(factsFromText("I like blue.")).toEqual({ traits: [], indian: false });
  });

  it("reads FinePersonas' summary labels in JSON or Python form", () => {
    expect(summaryKey('["Science", "Education"]')).toBe("Education | Science");
    expect(summaryKey("['Science', 'Education']")).toBe("Education | Science");
    expect(summaryKey(["b", "a"])).toBe("a | b");
    expect(summaryKey(undefined)).toBeUndefined();
  });
});

describe("CorpusPicker", () => {
  const corpus: Corpus = {
    dataset: "finepersonas",
    rows: [
      ...Array.from({ length: 1 }, (_, i) => ({ index: i, text: `a${i}`, cluster: "a" })),
      ...Array.from({ length: 5 }, (_, i) => ({ index: 10 + i, text: `b${i}`, cluster: "b" })),
      ...Array.from({ length: 20 }, (_, i) => ({ index: 100 + i, text: `c${i}`, cluster: "c" })),
    ],
  };

  it("uses every cluster equally often, whatever its size", () => {
    const picker = new CorpusPicker(corpus, 3);
    expect(picker.by).toBe("cluster");
    const counts: Record<string, number> = {};
    for (let i = 0; i < 30; i++) {
      const row = picker.pick(i);
      counts[row.cluster!] = (counts[row.cluster!] ?? 0) + 1;
    }
    expect(counts).toEqual({ a: 10, b: 10, c: 10 });
  });

  it("does not repeat a row of a cluster before the cluster is used up", () => {
    const picker = new CorpusPicker(corpus, 3);
    const fromC = Array.from({ length: 60 }, (_, i) => picker.pick(i)).filter((r) => r.cluster === "c");
    expect(new Set(fromC.map((r) => r.index)).size).toBe(20);
  });

  it("refuses a stratification the corpus has no labels for", () => {
    expect(() => new CorpusPicker(corpus, 1, "summary")).toThrow(UsageError);
  });
});

describe("parseMix", () => {
  it("parses weights and rejects typos", () => {
    expect(parseMix(["style=casual:0.5,stressed:0.5", "language=hi"], ["style", "language"])).toEqual(
      new Map([["style", { casual: 0.5, stressed: 0.5 }], ["language", { hi: 1 }]]),
    );
    expect(() => parseMix(["colour=red:1"], ["style"])).toThrow(/unknown key 'colour'/);
    expect(() => parseMix(["style=casual:x"], ["style"])).toThrow(UsageError);
    expect(() => parseMix(["style=casual:0"], ["style"])).toThrow(/above 0/);
    expect(() => checkMixValues(parseMix(["city=Atlantis:1"], ["city"]), "city", ["Tokyo"])).toThrow(/Atlantis/);
  });
});

describe("sampleTransform", () => {
  it("yields n personas, the same for the same seed and a prefix for a smaller n", async () => {
    const domain = tinyDomain();
    const a = await collect(sampleTransform({ n: 20, seed: 5, domain }, new Context({ seed: 5 }))((async function* () {})(), new Context({ seed: 5 })));
    const b = await collect(sampleTransform({ n: 5, seed: 5, domain }, new Context({ seed: 5 }))((async function* () {})(), new Context({ seed: 5 })));
    expect(a).toHaveLength(20);
    expect(b).toEqual(a.slice(0, 5));
  });
});
