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
