import { Readable } from "node:stream";
import { describe, expect, it } from "vitest";
import type { InputRecord } from "./input-record.js";
import { readNdjson, type BadLine } from "./read-ndjson.js";

async function collect(chunks: Array<string | Buffer>, maxLineBytes?: number): Promise<Array<InputRecord | BadLine>> {
  const stream = Readable.from(chunks.map((c) => (typeof c === "string" ? Buffer.from(c) : c)), { objectMode: false });
  const out: Array<InputRecord | BadLine> = [];
  for await (const item of readNdjson(stream, "test", { maxLineBytes })) out.push(item);
  return out;
}

describe("readNdjson", () => {
  it("numbers lines, skips blank ones, accepts CRLF and a BOM", async () => {
    const items = await collect(["\uFEFF{\"a\":1}\r\n\r\n  \n{\"b\":2}\n", "{\"c\":3}"]);
    expect(items.map((i) => ("value" in i ? [i.line, i.value] : i))).toEqual([
      [1, { a: 1 }],
      [4, { b: 2 }],
      [5, { c: 3 }],
    ]);
  });

  it("keeps multi-byte characters split at every byte position across chunks", async () => {
    const text = `{"t":"héllo 👋 नमस्ते"}\n{"t":"ok"}\n`;
    const bytes = Buffer.from(text);
    for (let cut = 1; cut < bytes.length; cut++) {
      const items = await collect([bytes.subarray(0, cut), bytes.subarray(cut)]);
      expect(items).toHaveLength(2);
      expect((items[0] as InputRecord).value).toEqual({ t: "héllo 👋 नमस्ते" });
      expect((items[1] as InputRecord).line).toBe(2);
    }
  });

  it("splits lines across chunk boundaries", async () => {
    const items = await collect(['{"a":"hello"}\n{"a":"wor', 'ld"}\n{"a":"bye"}']);
    expect(items.map((i) => (i as InputRecord).value)).toEqual([{ a: "hello" }, { a: "world" }, { a: "bye" }]);
  });

  it("reports invalid JSON and non-objects with their line numbers", async () => {
    const items = await collect(['{"a":1}\nnot json\n[1,2]\n"s"\nnull\n{"b":2}\n']);
    const bad = items.filter((i): i is BadLine => "bad" in i);
    expect(bad.map((b) => [b.line, b.kind])).toEqual([
      [2, "invalid_json"],
      [3, "not_an_object"],
      [4, "not_an_object"],
      [5, "not_an_object"],
    ]);
    expect(bad[1]!.reason).toBe("expected a JSON object, got an array");
    expect((items.at(-1) as InputRecord).line).toBe(6);
  });

  it("reports an over-long line without loading it, and keeps counting lines", async () => {
    const long = `{"x":"${"a".repeat(5000)}"}`;
    // feed the long line in small chunks, as a pipe would
    const chunks = ['{"a":1}\n', ...long.match(/.{1,700}/g)!, '\n{"b":2}\n'];
    const items = await collect(chunks, 1000);
    expect(items).toHaveLength(3);
    const bad = items[1] as BadLine;
    expect(bad.kind).toBe("line_too_long");
    expect(bad.line).toBe(2);
    expect(bad.reason).toContain(`${long.length} bytes`);
    expect(bad.raw.length).toBeLessThanOrEqual(200);
    expect((items[2] as InputRecord).value).toEqual({ b: 2 });
    expect((items[2] as InputRecord).line).toBe(3);
  });

  it("reports an over-long last line without a newline", async () => {
    const items = await collect(['{"a":1}\n', "x".repeat(3000)], 100);
    expect((items[1] as BadLine).kind).toBe("line_too_long");
  });

  it("keeps the raw text of each record", async () => {
    const items = await collect(['{ "a" : 1 }\r\n']);
    expect((items[0] as InputRecord).raw).toBe('{ "a" : 1 }');
  });
});
