import { loadDomain } from "@chatmill/domains";
import { Rng } from "@chatmill/kit";
import { describe, expect, it } from "vitest";
import { askFor } from "./reserved-request.js";

// Issue #18: a Hindi or Hinglish user's request for a person only named its thing ("Dr Nowak को
// लेकर किसी से बात करनी है"), the same skeleton whatever it was about (a bill, a treatment); the
// category's own lines (categories.<c>.said) say what it is about.
const own = ["{item} का बिल [ग़लत है|दो बार कटा है], किसी से बात करा दीजिए", "मेरे बिल में गड़बड़ है, किसी से बात करा दीजिए"];
const asks = (item: string | undefined, lines?: string[]) =>
  Array.from({ length: 200 }, (_, i) => askFor("dispute the invoice for my booking at Dr X", "hi", new Rng(`said/${i}`), true, { item, reserved: true, ...(lines ? { own: lines } : {}) }));

describe("a category's own lines for a request", () => {
  it("are said most of the time, the engine's own lines now and then", () => {
    const said = asks("Dr Nowak", own);
    const mine = said.filter((t) => /बिल/.test(t)).length;
    expect(mine).toBeGreaterThan(120);
    expect(mine).toBeLessThan(200);
    expect(said.some((t) => t.includes("Dr Nowak का बिल"))).toBe(true);
  });

  it("a line naming {item} is not said when the request names nothing", () => {
    for (const t of asks(undefined, own)) expect(t).not.toMatch(/\{item\}|का बिल/);
  });

  it("without lines of the pack, the same as before (nothing drawn for them)", () => {
    expect(asks("Dr Nowak")).toEqual(asks("Dr Nowak", []));
  });

  it("the built-in packs and dental declare them for their issue categories, in Hindi and Hinglish", () => {
    for (const [pack, cat] of [["retail", "complaint"], ["ops", "escalation"]] as const) {
      const said = loadDomain(pack).category(cat)?.said;
      expect(said?.hi?.length, pack).toBeGreaterThan(0);
      expect(said?.mixed?.length, pack).toBeGreaterThan(0);
    }
  });
});
