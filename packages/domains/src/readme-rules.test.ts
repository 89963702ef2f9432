// The pack reference's business-rules examples run here: every call shown in README.md's
// "Business rules" section is made on the wallet example pack and must return exactly
// what the README says, and every rule snippet there must be valid pack JSON.
import { readFileSync } from "node:fs";
import { fileURLToPath } from "node:url";
import { Cond, Effect, Expr, Let, RowRef, Rule, TransactRun } from "@chatmill/schema";
import { describe, expect, it } from "vitest";
import { loadDomain, loadPackFile } from "./load.js";
import { expectCallsReturn } from "./readme-calls.test-helper.js";
import { createSession } from "./session.js";

const readme = readFileSync(new URL("../README.md", import.meta.url), "utf8");
const start = readme.indexOf("**`transact`**");
const end = readme.indexOf("## Writing your own pack");
const section = readme.slice(start, end);
const wallet = loadPackFile(fileURLToPath(new URL("../examples/wallet/pack.json", import.meta.url)));

// Blocks run on the wallet example, or on a built-in pack they name (```text tau-retail).
const packs = { wallet, "tau-retail": loadDomain("tau-retail") } as const;
const callBlocks = [...section.matchAll(/```text (wallet|tau-retail)\n([\s\S]*?)```/g)].map((m) => [m[1] as keyof typeof packs, m[2]!] as const);
const jsonBlocks = [...section.matchAll(/```json\n([\s\S]*?)```/g)].map((m) => m[1]!);

describe("README business rules: the calls shown run and return what is written", () => {
  it("has the section and its examples", () => {
    expect(start).toBeGreaterThan(0);
    expect(end).toBeGreaterThan(start);
    expect(callBlocks.length).toBeGreaterThanOrEqual(6);
    expect(callBlocks.some(([pack]) => pack === "tau-retail")).toBe(true);
  });
  for (const [i, [pack, block]] of callBlocks.entries()) {
    it(`block ${i + 1} (${pack}): ${block.split("\n")[0]!.slice(2, 70)}`, () => {
      const s = createSession(packs[pack]);
      const lines = block.trim().split("\n");
      expectCallsReturn(s, lines);
    });
  }
});

describe("README business rules: every snippet is valid pack JSON", () => {
  const kinds = { TransactRun, Rule, Effect, RowRef, Let, Cond, Expr } as const;
  for (const [i, text] of jsonBlocks.entries()) {
    it(`snippet ${i + 1} parses as a ${Object.keys(kinds).join(" | ")}`, () => {
      const value = JSON.parse(text) as unknown;
      const fits = Object.entries(kinds).filter(([, schema]) => schema.safeParse(value).success);
      expect(fits.length, text).toBeGreaterThan(0);
    });
  }
});
