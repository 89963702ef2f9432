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

describe("sharegpt prompts: turns equal to the last prompt's are the same objects", () => {
  it("every row's prompt is the conversion of its own prefix, and rows share the turns they have in common", async () => {
    const { readFileSync } = await import("node:fs");
    const { join } = await import("node:path");
    const { readDialogue, sharegptConversation } = await import("@chatmill/export");
    const { sharegpt } = await import("./sharegpt.js");
    // The fixtures carry no grades: graded on the way, as dpoTransform does.
    await (await import("../preference-rows.js")).loadAnnotator();
    const lines = readFileSync(join(import.meta.dirname, "../../../../test/fixtures/dialogues/all-clean.ndjson"), "utf8").split("\n").filter(Boolean).slice(0, 8);
    let shared = 0;
    for (const l of lines) {
      const r = readDialogue(JSON.parse(l));
      if ("issue" in r) continue;
      const d = r.dialogue;
      const sink = { note: () => {}, reject: () => {} };
      const rows = [...sharegpt.rows(d, { minMargin: 0, toolsAs: "text" }, sink)] as Array<{ conversations: Array<{ from: string; value: string }> }>;
      for (let k = 1; k < rows.length; k++) {
        const [a, b] = [rows[k - 1]!.conversations, rows[k]!.conversations];
        // Pairs of one prompt end share the whole list; count the turns shared between two prompts.
        if (a === b) continue;
        for (let i = 0; i < Math.min(a.length, b.length) && a[i]!.value === b[i]!.value && a[i]!.from === b[i]!.from; i++) {
          expect(b[i]).toBe(a[i]);
          shared++;
        }
      }
      // The content is what converting each prompt alone gives.
      const ends = new Set<number>();
      for (const row of rows) {
        const n = row.conversations.length;
        let found = false;
        for (let end = 0; end <= d.messages.length && !found; end++) {
          if (ends.has(end)) continue;
          const c = sharegptConversation({ ...d, messages: d.messages.slice(0, end) }, undefined, sink);
          if (c.valid === n && JSON.stringify(c.conv.slice(0, c.valid)) === JSON.stringify(row.conversations)) found = true;
        }
        expect(found).toBe(true);
      }
    }
    expect(shared).toBeGreaterThan(10);
  });
});
