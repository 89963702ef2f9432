import { loadDomain } from "@chatmill/domains";
import { describe, expect, it } from "vitest";
import { judgeGrounded, type Evidence } from "./grounded.js";
import { catalogIndex } from "./mentions.js";
import type { Obj } from "./types.js";

// A reply may say how many it shows ("I've got two to pick from: …") and how many are left
// ("There are 7 more behind these") as well as the total: each is checked against the list.
const domain = loadDomain("retail");
const index = catalogIndex(domain);
const rows = domain.table("items").slice(0, 9) as Obj[];
const [a, b] = [rows[0]!, rows[1]!];
const result: Evidence = { ok: true, rows, objects: rows, text: JSON.stringify(rows).toLowerCase() };
const bg = { context: [], text: "", named: [] };
const judge = (text: string) => judgeGrounded(text, result, bg, index);
const two = `1) ${String(a.name)}\n2) ${String(b.name)}`;

describe("the counts a reply states", () => {
  it("may be the rows it names, the rest beyond them, or the whole list", () => {
    expect(judge(`I've got two to pick from:\n${two}. There are 7 more behind these.`).grounded).toBe(true);
    expect(judge(`I found 9 options. Here are two:\n${two}`).grounded).toBe(true);
  });

  it("are miscounts when they fit none of those", () => {
    const wrongRest = judge(`I've got two to pick from:\n${two}. There are 8 more behind these.`);
    expect(wrongRest.grounded).toBe(false);
    expect(wrongRest.notes).toContain("says 8 more but the result lists 9");
    expect(judge(`I've got three to pick from:\n${two}`).grounded).toBe(false);
    expect(judge(`I found 10 options for you. I've got two to pick from:\n${two}`).support).toBe(0);
    // "I found" claims the whole list, however many the reply then names.
    expect(judge(`I found 2 options for you: ${String(a.name)} and ${String(b.name)}`).grounded).toBe(false);
  });

  it("reads 'plus N more' against a list cut to its limit by the total the result gives", () => {
    const cut: Evidence = { ...result, total: 13 };
    expect(judgeGrounded(`Right, found some:\n${two}. Plus 11 more.`, cut, bg, index).grounded).toBe(true);
    expect(judgeGrounded(`Right, found some:\n${two}. Plus 12 more.`, cut, bg, index).notes).toContain("says 12 more but the result lists 9");
  });
});
