import { fileURLToPath } from "node:url";
import { loadDomain, loadPackFile } from "@chatmill/domains";
import { Rng } from "@chatmill/kit";
import { describe, expect, it } from "vitest";
import type { Dialog, Task } from "./context.js";
import { thing } from "./thing-words.js";

// A pack's offline.nouns may be bare nouns ("dental appointment": scenario-gen puts its own
// article before them); the English user asks for one with its article, never "any chance of
// dental appointment". A template with its articles ("[a table|a restaurant]") is said as written.
const dental = loadPackFile(fileURLToPath(new URL("../../../../../bench/packs/dental/pack.json", import.meta.url)));
const ask = (domain: typeof dental, lang: "en" | "hi", service: string, seed: string) =>
  thing({ lang, rng: new Rng(seed), domain } as unknown as Dialog, { service: { name: service }, constraints: [] } as unknown as Task);

describe("what the user asks for, from the pack's nouns", () => {
  it("puts the article before a bare noun in English", () => {
    const said = new Set<string>();
    for (let i = 0; i < 20; i++) said.add(ask(dental, "en", "dental_care", String(i)));
    expect([...said].sort()).toEqual(["a dental appointment", "a dentist"]);
  });

  it("leaves a noun that has one, and other languages, as written", () => {
    const withArticles = { ...dental, offline: { ...dental.offline, nouns: { dental_care: ["an orthodontist", "[a clinic|some help]"] } } } as unknown as typeof dental;
    for (let i = 0; i < 20; i++) expect(ask(withArticles, "en", "dental_care", String(i))).toMatch(/^(an orthodontist|a clinic|some help)$/);
    expect(ask(dental, "hi", "dental_care", "1")).toMatch(/^(dentist|dental appointment)$/);
  });
});

// A kind that names the thing (travel's type "hotel" of its hotel service) is said as the thing:
// "a hotel". Said instead beside "somewhere to stay" it was left out as a double ("a hotel a
// hotel"), and the wish was lost: a guesthouse is somewhere to stay too.
describe("a kind that names the thing", () => {
  const travel = loadDomain("travel");
  const said = (lang: "en" | "hi", value: string, seed: string) =>
    thing({ lang, rng: new Rng(seed), domain: travel } as unknown as Dialog, { service: { name: "hotel" }, constraints: [{ field: "type", op: "eq", value }] } as unknown as Task);

  it("is the thing said, in every draw", () => {
    for (let i = 0; i < 20; i++) expect(said("en", "hotel", String(i))).toBe("a hotel");
    expect(said("hi", "hotel", "1")).toBe("hotel");
  });

  it("leaves other kinds to be said beside the thing", () => {
    const other = new Set(Array.from({ length: 20 }, (_, i) => said("en", "guesthouse", String(i))));
    expect([...other].some((t) => !/guesthouse/.test(t))).toBe(true);
  });
});
