import type { Dialogue } from "@chatmill/export";
import { describe, expect, it } from "vitest";
import type { Side } from "../pairs.js";
import { PairContext } from "./types.js";

const side = (content: string): Side => ({ calls: [], content, result: null, ok: true, success_rate: 1 });

describe("PairContext.side: a side's row value made once", () => {
  it("is the same object for the same side and prompt end, and made again for another side or prompt end", () => {
    const pc = new PairContext({ id: "d", messages: [] } as unknown as Dialogue, { minMargin: 0, toolsAs: "text" });
    let made = 0;
    const make = (s: Side, at: number) => ({ content: s.content, id: `call_${at}`, n: ++made });
    const chosen = side("yes");
    const a = pc.side(chosen, 3, make);
    expect(pc.side(chosen, 3, make)).toBe(a);
    expect(made).toBe(1);
    // Another side object with the same text is another side (rejected sides are their own objects).
    expect(pc.side(side("yes"), 3, make)).not.toBe(a);
    // The call ids depend on the prompt end: the same side at another prompt end is made again.
    expect(pc.side(chosen, 5, make)).toEqual({ content: "yes", id: "call_5", n: 3 });
  });
});
