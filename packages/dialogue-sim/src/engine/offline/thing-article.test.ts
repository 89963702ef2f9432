import { fileURLToPath } from "node:url";
import { loadPackFile } from "@chatmill/domains";
import { Rng } from "@chatmill/kit";
import { describe, expect, it } from "vitest";
import type { Dialog, Task } from "./context.js";
import { thing } from "./realizer.js";

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
