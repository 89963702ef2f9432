import { describe, expect, it } from "vitest";
import { ASSISTANT } from "./assistant-banks.js";
import { MORE_ASSISTANT } from "./variety-banks.js";

// A details line's {facts} are phrases of any shape ("phone 0161 496 0408", "4.5★ from patients"):
// "Dr Rahul Mehta would be phone …" and "About Dr Chen Wei: it's 4.5★ …" were said.
describe("the neutral English details lines", () => {
  it("put no verb before the facts", () => {
    const lines = [...ASSISTANT.en.details, ...(MORE_ASSISTANT.en.details ?? [])];
    expect(lines.length).toBeGreaterThan(5);
    for (const l of lines) expect(l, l).not.toMatch(/\b(is|would be|it's|are)\]? \{facts\}/);
  });
});

// "Here's what `df -h` on cache-01:" and "Output of `free -m` says on web-02:" came from a line
// whose two halves were drawn apart: every reading of a command line has a verb or none, whole.
describe("the neutral English command lines", () => {
  it("read as a sentence in every combination of their alternatives", () => {
    const lines = [...ASSISTANT.en.command, ...(MORE_ASSISTANT.en.command ?? [])];
    // Every reading: each [a|b] group taken each way in turn (the groups here are few).
    const readings = (l: string): string[] => {
      const m = /\[([^\][]*)\]/.exec(l);
      return m ? m[1]!.split("|").flatMap((alt) => readings(l.slice(0, m.index) + alt + l.slice(m.index + m[0].length))) : [l];
    };
    const all = lines.flatMap(readings);
    expect(all.length).toBeGreaterThan(5);
    for (const r of all) {
      expect(r, r).not.toMatch(/^Here's what `\{cmd\}` on/);
      expect(r, r).not.toMatch(/^Output of `\{cmd\}` says/);
    }
  });
});
