import { readFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { hermesSystemPrompt, hermesToolResponses, jsonOrString, museContext, museContextTexts } from "./text-formats.js";
import type { Message, ToolMessage } from "./types.js";

describe("museContextTexts", () => {
  it("is museContext joined, for every end of every fixture dialogue, with and without tool lines", () => {
    const file = join(import.meta.dirname, "../../../test/fixtures/dialogues/all-clean.ndjson");
    const dialogues = readFileSync(file, "utf8").split("\n").filter(Boolean).map((l) => JSON.parse(l) as { messages: Message[] });
    let ends = 0;
    for (const { messages } of dialogues) {
      for (const tools of [true, false]) {
        const texts = museContextTexts(messages, { tools });
        expect(texts).toHaveLength(messages.length + 1);
        for (let end = 0; end <= messages.length; end++) expect(texts[end]).toBe(museContext(messages, end, { tools }).join("\n"));
        ends += messages.length + 1;
      }
    }
    expect(ends).toBeGreaterThan(100);
  });
});

describe("jsonOrString", () => {
  it("embeds JSON objects and arrays as JSON, anything else as a string", () => {
    const cases = ['{"a":[1,{"b":"x"}]}', "[1,2]", '{"a": 1}', "42", "sold out", "{not json", "[1,2", '{"a":1}\n', " [1]", "", '"quoted"'];
    for (const text of cases) {
      const out = jsonOrString(text);
      let parsed: unknown;
      try {
        parsed = JSON.parse(text);
      } catch {
        parsed = undefined;
      }
      const container = typeof parsed === "object" && parsed !== null && /^[[{]/.test(text);
      expect(JSON.parse(out)).toEqual(container ? parsed : text);
    }
    // A compact result comes out as it went in; one with a trailing newline is made compact.
    expect(jsonOrString('{"a":[1,2]}')).toBe('{"a":[1,2]}');
    expect(jsonOrString('{"a":[1,2]}\n')).toBe('{"a":[1,2]}');
  });
});

describe("Hermes text", () => {
  it("writes each result as a {name, content} block, JSON text kept as JSON", () => {
    const results = [
      { role: "tool", tool_call_id: "c1", name: "find", ok: true, content: '{"rows":[{"id":1}]}' },
      { role: "tool", tool_call_id: "c2", name: "note", ok: false, content: "error: no such order" },
    ] as ToolMessage[];
    expect(hermesToolResponses(results)).toBe(
      '<tool_response>\n{"name":"find","content":{"rows":[{"id":1}]}}\n</tool_response>\n<tool_response>\n{"name":"note","content":"error: no such order"}\n</tool_response>',
    );
  });

  it("gives the same prompt for the same tool list, another for another", () => {
    const tools = (name: string) => [{ type: "function" as const, function: { name, parameters: {} } }];
    const a = hermesSystemPrompt(tools("find"), undefined)!;
    expect(a).toContain('<tools>\n[{"type":"function","function":{"name":"find","parameters":{}}}]\n</tools>');
    expect(hermesSystemPrompt(tools("find"), undefined)).toBe(a);
    expect(hermesSystemPrompt(tools("book"), undefined)).toContain('"name":"book"');
    expect(hermesSystemPrompt(tools("find"), "Be brief.")).toBe(`${a}\n\nBe brief.`);
    expect(hermesSystemPrompt([], "Be brief.")).toBe("Be brief.");
  });
});
