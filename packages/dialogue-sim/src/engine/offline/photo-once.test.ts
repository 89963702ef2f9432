import { loadDomain } from "@chatmill/domains";
import { Rng } from "@chatmill/kit";
import { describe, expect, it } from "vitest";
import type { Shown } from "../present.js";
import type { Dialog } from "./context.js";
import { lookupText } from "./realize-results.js";

// A person does not paste the same photo link twice in one chat: details after a pick that showed it leave it out.
const retail = loadDomain("retail");
const row = retail.table("items").find((r) => r.id === "WS12")!;
const item = { name: String(row.name), key: "WS12", table: "items", seen: row, row } as unknown as Shown;

function photos(sent: string[]): number {
  let n = 0;
  for (let i = 0; i < 40; i++) {
    const messages = sent.map((content) => ({ role: "assistant", content }));
    const d = { lang: "en", rng: new Rng(`photo/${i}`), currency: "USD", domain: retail, t: { messages }, voice: { offer: () => "", tip: () => "", style: "neutral", assistant: (_a: string, s: { facts: string }) => s.facts } } as unknown as Dialog;
    if (lookupText(d, "details", item, [row]).includes(String(row.image))) n++;
  }
  return n;
}

describe("a details answer's photo link", () => {
  it("comes in some answers, and in none once the dialogue has shown it", () => {
    expect(photos([])).toBeGreaterThan(0);
    expect(photos([`Good pick — Radiant Tee, photo: ${String(row.image)}`])).toBe(0);
  });
});
