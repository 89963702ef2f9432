import { describe, expect, it } from "vitest";
import { Context, formatIssue } from "./context.js";

describe("Context", () => {
  const rec = { line: 4, raw: '{"id":"r1"}', source: "stdin", value: { id: "r1" } };

  it("collects rejected and failed records with their line and id", () => {
    const ctx = new Context({ seed: 1 });
    ctx.reject(rec, "bad field", "invalid_record", "/x");
    ctx.fail(rec, "LLM kept failing", "llm_error");
    ctx.drop(rec, "duplicate:exact");
    expect(ctx.issues).toEqual([
      { source: "stdin", line: 4, id: "r1", kind: "invalid_record", reason: "bad field", path: "/x", raw: '{"id":"r1"}' },
      { source: "stdin", line: 4, id: "r1", kind: "llm_error", reason: "LLM kept failing", raw: '{"id":"r1"}' },
    ]);
    expect(ctx.bad).toBe(1);
    expect(ctx.failures).toBe(1);
    expect(ctx.counters.summary("t", 1.25)).toBe(
      "t: read 0 · written 0 · dropped 2 (invalid_record: 1, duplicate:exact: 1) · failed 1 (llm_error: 1) · 1.3s",
    );
  });

  it("reports on the log in fail mode and caps the number of lines", () => {
    const lines: string[] = [];
    const ctx = new Context({ tool: "validate", log: (l) => lines.push(l) });
    for (let i = 0; i < 30; i++) ctx.reject({ ...rec, line: i + 1 }, "nope");
    expect(lines).toHaveLength(21);
    expect(lines[0]).toBe("validate: line 1: nope");
    expect(lines[20]).toMatch(/--errors FILE/);
  });

  it("stays quiet in skip mode", () => {
    const lines: string[] = [];
    const ctx = new Context({ onError: "skip", log: (l) => lines.push(l), deadLetter: () => {} });
    ctx.reject(rec, "nope");
    expect(lines).toEqual([]);
  });

  it("formats file sources and paths, after the tool's name", () => {
    expect(formatIssue("mix", { source: "a.ndjson", line: 3, reason: "must be string", path: "/x/0" })).toBe("mix: a.ndjson: line 3: /x/0: must be string");
    expect(formatIssue("validate", { source: "stdin", line: 3, reason: "bad", path: "" })).toBe("validate: line 3: /: bad");
    expect(formatIssue("to-sft", { source: "stdin", line: 7, reason: "no messages" })).toBe("to-sft: line 7: no messages");
  });
});
