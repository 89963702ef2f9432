import { Rng } from "@chatmill/kit";
import { describe, expect, it } from "vitest";
import type { Dialog } from "./context.js";
import { goodbye, handoffLine, sorryGoodbye } from "./goodbye.js";

// The assistant's goodbyes and hand-offs, composed from short parts and from what the dialogue
// knows: the day and time it happens, the item it settled on, what the hand-off is about.

interface Fake {
  lang?: "en" | "hi" | "mixed";
  gender?: "m" | "f";
  at?: string;
  weekday?: string;
  own?: string[];
  replace?: string[];
}

/** Just what goodbye.ts reads from a dialogue; the act banks answer "BANK:<act>" so a drawn bank line shows. */
function fake(seed: number, f: Fake = {}): Dialog {
  return {
    lang: f.lang ?? "en",
    rng: new Rng(`bye-${seed}`),
    scenario: { time: { at: f.at ?? "2026-03-13T19:30" } },
    domain: { wording: f.replace ? { replace: f.replace } : undefined },
    voice: {
      slots: { weekday: f.weekday ?? "Friday" },
      assistant: (act: string) => `BANK:${act}`,
      wording: { assistantGender: f.gender ?? "m", ownLines: (_side: string, act: string) => (act === "farewell" ? (f.own ?? []) : []) },
    },
  } as unknown as Dialog;
}

const many = (n: number, line: (seed: number) => string): string[] => Array.from({ length: n }, (_, i) => line(i));

describe("goodbyes composed from parts and from the dialogue", () => {
  it("are many different short lines, a share still from the act banks, none with a slot left", () => {
    const lines = many(400, (i) => goodbye(fake(i)));
    const composed = lines.filter((l) => !l.startsWith("BANK:"));
    expect(lines.length - composed.length).toBeGreaterThan(60);
    expect(new Set(composed).size).toBeGreaterThan(composed.length * 0.5);
    for (const l of composed) {
      expect(l).not.toMatch(/[{}[\]]/);
      expect(l.split(/\s+/).length).toBeLessThanOrEqual(18);
    }
  });

  it("wish for the part of the day the dialogue happens in, never another", () => {
    const evening = many(400, (i) => goodbye(fake(i, { at: "2026-03-13T19:30" }))).join("\n");
    expect(evening).toMatch(/evening/);
    expect(evening).not.toMatch(/morning|afternoon|\bnight\b/);
    const morning = many(400, (i) => goodbye(fake(i, { at: "2026-03-13T08:10" }))).join("\n");
    expect(morning).toMatch(/morning/);
    expect(morning).not.toMatch(/evening|afternoon/);
    // A time that cannot be read: no part of the day at all, and no empty slot.
    const unknown = many(300, (i) => goodbye(fake(i, { at: "soon" }))).join("\n");
    expect(unknown).not.toMatch(/morning|afternoon|evening|\bnight\b|Have a good [.!]/);
  });

  it("say the weekday in Hindi's own word and the assistant's first-person forms in its gender", () => {
    const hi = many(500, (i) => goodbye(fake(i, { lang: "hi", gender: "f" })) + " " + sorryGoodbye(fake(i + 1000, { lang: "hi", gender: "f" }))).join("\n");
    expect(hi).toMatch(/शुक्रवार/);
    expect(hi).toMatch(/शाम/);
    expect(hi).not.toMatch(/Friday/);
    expect(hi).toMatch(/सकी|चाहती/);
    expect(hi).not.toMatch(/सका\b|चाहता/);
  });

  it("name the item the dialogue settled on some of the time", () => {
    const lines = many(300, (i) => goodbye(fake(i), "Chaz Hoodie"));
    const naming = lines.filter((l) => l.includes("Chaz Hoodie")).length;
    expect(naming).toBeGreaterThan(30);
    expect(naming).toBeLessThan(200);
  });

  it("close with the pack's own goodbye as written some of the time", () => {
    const lines = many(400, (i) => goodbye(fake(i, { own: ["Look after those teeth!"] })));
    expect(lines.some((l) => / Look after those teeth!$/.test(l))).toBe(true);
  });

  it("never open two sentences on the same word ('Great. Great that we settled on …')", () => {
    const lines = many(600, (i) => goodbye(fake(i), "gpu-01")).filter((l) => !l.startsWith("BANK:"));
    expect(lines.some((l) => l.includes("gpu-01"))).toBe(true);
    for (const l of lines) expect(l).not.toMatch(/^([\p{L}']+)\b[^.!?]*[.!?] \1\b/iu);
  });

  it("are only the pack's lines when the pack replaces the act", () => {
    for (let i = 0; i < 100; i++) {
      expect(goodbye(fake(i, { replace: ["assistant.farewell"] }))).toMatch(/^BANK:farewell/);
      expect(handoffLine(fake(i, { replace: ["assistant.escalate"] }), { item: "db-01" })).toBe("BANK:escalate");
      expect(sorryGoodbye(fake(i, { replace: ["assistant.give_up_reply"] }))).toBe("BANK:give_up_reply");
    }
  });
});

describe("hand-offs say what the colleague will get", () => {
  it("name the item or say the request back, and otherwise speak of 'this'", () => {
    const withItem = many(300, (i) => handoffLine(fake(i), { item: "web-01" }));
    expect(withItem.filter((l) => l.includes("web-01")).length).toBeGreaterThan(80);
    const withReq = many(300, (i) => handoffLine(fake(i), { req: "return your order of Chaz Hoodie", item: "Chaz Hoodie" }));
    expect(withReq.some((l) => l.includes("help you return your order of Chaz Hoodie"))).toBe(true);
    const plain = many(200, (i) => handoffLine(fake(i))).filter((l) => !l.startsWith("BANK:"));
    for (const l of plain) expect(l).not.toMatch(/[{}]|about \.|into \./);
  });

  it("after the user took an offered hand-off, only connect: short, the matter not said back, no long bank line", () => {
    for (const lang of ["en", "hi", "mixed"] as const) {
      const lines = many(200, (i) => handoffLine(fake(i, { lang }), { req: "return your order of Chaz Hoodie", item: "Chaz Hoodie" }, true));
      for (const l of lines) {
        expect(l).not.toMatch(/BANK:|Chaz Hoodie|[{}]/);
        expect(l.split(/\s+/).length).toBeLessThanOrEqual(18);
        // The wait is not said twice ("… — they'll be with you shortly. It shouldn't be long.").
        if (lang === "en") expect(l).not.toMatch(/shortly.*(long|shortly)|long.*(shortly|long)\b/i);
      }
      expect(new Set(lines).size).toBeGreaterThan(20);
    }
    // A pack that replaces the act still has its own lines said.
    expect(handoffLine(fake(1, { replace: ["assistant.escalate"] }), { item: "db-01" }, true)).toBe("BANK:escalate");
  });

  it("in Hindi and Hinglish, with the assistant's gender and the item named", () => {
    const hi = many(300, (i) => handoffLine(fake(i, { lang: "hi", gender: "f" }), { item: "db-01" })).join("\n");
    expect(hi).toMatch(/db-01 (का|की|वाली)/);
    expect(hi).not.toMatch(/रहा हूँ|गया[।!]/);
    const mixed = many(300, (i) => handoffLine(fake(i, { lang: "mixed", gender: "m" }), { item: "db-01" })).join("\n");
    expect(mixed).toMatch(/db-01 (ka|ki|wali)/);
    expect(mixed).not.toMatch(/rahi hoon|gayi[.!]/);
  });
});
