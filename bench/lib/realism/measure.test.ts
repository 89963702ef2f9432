import { describe, expect, it } from "vitest";
import { NameFinder } from "./checks.js";
import { around, CorpusMeter } from "./measure.js";
import { LeakFinder } from "./phrases.js";

const meter = () =>
  new CorpusMeter("travel", new NameFinder(["general_inquiry"]), new LeakFinder(new Map(), [{ phrase: "pro tip", packs: ["retail"], why: "" }]), new Map([["visual_search", "visual_search"]]));

describe("a corpus meter", () => {
  it("collects each role's texts in order and tallies every check with examples", () => {
    const m = meter();
    m.add({
      id: "d1",
      scenario: { category: "visual_search", persona: { gender: "female", language: "mixed" } },
      messages: [
        { role: "system", content: "You are an assistant." },
        { role: "user", content: "how does general inquiry work? main dekh raha hoon" },
        { role: "assistant", content: "Sure." },
        { role: "assistant", content: "Pro tip: it costs 5&euro; for a hour." },
        { role: "user", content: "ok, main book karungi" },
        { role: "assistant", content: null, tool_calls: [{ name: "visual_search" }] },
        { role: "tool", content: "{}" },
        { role: "assistant", content: "Done." },
      ],
    });
    expect(m.user).toEqual(["how does general inquiry work? main dekh raha hoon", "ok, main book karungi"]);
    expect(m.assistant).toEqual(["Sure.", "Pro tip: it costs 5&euro; for a hour.", "Done."]);
    expect(m.consecutive.count).toBe(1); // Sure. → Pro tip (the user speaks before the call)
    expect(m.consecutive.examples[0]).toContain('"Sure."');
    expect(m.names.count).toBe(1);
    expect(m.entities.count).toBe(1);
    expect(m.articles.count).toBe(1);
    expect(m.leaks.count).toBe(1);
    expect(m.leakList[0]!.phrase).toBe("pro tip");
    expect(m.gender).toMatchObject({ carrying: 2, agreeing: 1 });
    expect(m.needed.get("visual_search")).toEqual({ tool: "visual_search", dialogues: 1, called: 1 });
  });

  it("counts a needed tool as missing when the dialogue never calls it", () => {
    const m = meter();
    m.add({ scenario: { category: "visual_search" }, messages: [{ role: "assistant", content: null, tool_calls: [{ name: "search_items" }] }, { role: "tool", content: "{}" }] });
    m.add({ scenario: { category: "product_search" }, messages: [] });
    expect(m.needed.get("visual_search")).toEqual({ tool: "visual_search", dialogues: 1, called: 0 });
    expect(m.needed.size).toBe(1);
    expect(m.consecutive.count + m.names.count + m.leaks.count).toBe(0);
  });
});

describe("an example's excerpt", () => {
  it("is the text around what was found, marked where cut", () => {
    const text = `${"x".repeat(100)} Pro tip: I can check stock ${"y".repeat(200)}`;
    const e = around(text, "pro tip", 5, 20);
    // 5 characters before the match, the match (7) and 20 after.
    expect(e).toBe("…xxxx Pro tip: I can check stock …");
    expect(around("short", "absent")).toBe("short");
  });
});
