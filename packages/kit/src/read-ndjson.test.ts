import { Readable } from "node:stream";
import { describe, expect, it } from "vitest";
import type { InputRecord } from "./input-record.js";
import { DEFAULT_MAX_DEPTH, firstInvalidUtf8, readNdjson, type BadLine } from "./read-ndjson.js";

async function collect(chunks: Array<string | Buffer>, maxLineBytes?: number, maxDepth?: number): Promise<Array<InputRecord | BadLine>> {
  const stream = Readable.from(chunks.map((c) => (typeof c === "string" ? Buffer.from(c) : c)), { objectMode: false });
  const out: Array<InputRecord | BadLine> = [];
  for await (const item of readNdjson(stream, "test", { maxLineBytes, maxDepth })) out.push(item);
  return out;
}

/** A record `depth` levels deep: the record, then arrays. */
const nest = (depth: number) => `{"id":"x","deep":${"[".repeat(depth - 1)}${"]".repeat(depth - 1)}}`;

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

  it("keeps the raw text of each record, its line end and the BOM apart", async () => {
    const items = (await collect(['\uFEFF{ "a" : 1 }\r\n{"b":2}\n{"c":3}\r'])) as InputRecord[];
    expect(items.map((r) => [r.raw, r.lineEnd, r.bom ?? false])).toEqual([
      ['{ "a" : 1 }', "\r\n", true],
      ['{"b":2}', "\n", false],
      ['{"c":3}\r', "", false],
    ]);
  });

  it("refuses a record nested deeper than the limit, by objects or arrays, and goes on", async () => {
    const deepObject = `{"id":"x","deep":${'{"a":'.repeat(9_999)}1${"}".repeat(9_999)}}`;
    const items = await collect([`${nest(4)}\n${nest(5)}\n${deepObject}\n${nest(1_000_000)}\n[${nest(4)}]\n{"ok":1}\n`], undefined, 4);
    expect(items.map((i) => ("bad" in i ? `${i.line}:${i.kind}` : `${i.line}:ok`))).toEqual(["1:ok", "2:too_deep", "3:too_deep", "4:too_deep", "5:too_deep", "6:ok"]);
    expect((items[1] as BadLine).reason).toBe("nested more than 4 levels deep (raise the limit with --max-depth)");
    expect((items[1] as BadLine).raw).toBe(nest(5));
  });

  it("accepts the default depth limit exactly and refuses one level more", async () => {
    const objects = `{"id":"x","deep":${'{"a":'.repeat(DEFAULT_MAX_DEPTH - 2)}{}${"}".repeat(DEFAULT_MAX_DEPTH - 2)}}`;
    const items = await collect([`${nest(DEFAULT_MAX_DEPTH)}\n${objects}\n`]);
    expect(items.map((i) => ("bad" in i ? i.kind : "ok"))).toEqual(["ok", "ok"]);
    const over = await collect([`${nest(DEFAULT_MAX_DEPTH + 1)}\n`]);
    expect((over[0] as BadLine).kind).toBe("too_deep");
  });

  it("reports invalid UTF-8 with the exact bytes in rawBase64, wherever the chunks are cut", async () => {
    const bad = Buffer.concat([Buffer.from('{"id":"caf'), Buffer.from([0xe9]), Buffer.from('"}')]);
    const bytes = Buffer.concat([Buffer.from('{"id":"a"}\n'), bad, Buffer.from('\r\n{"id":"b"}\n')]);
    for (let cut = 0; cut <= bytes.length; cut++) {
      const items = await collect([bytes.subarray(0, cut), bytes.subarray(cut)]);
      expect(items.map((i) => ("bad" in i ? i.kind : (i.value as { id: string }).id))).toEqual(["a", "invalid_utf8", "b"]);
      const line = items[1] as BadLine;
      expect(line.line).toBe(2);
      expect(Buffer.from(line.rawBase64!, "base64").equals(bad)).toBe(true);
      expect(line.reason).toMatch(/^not valid UTF-8 \(byte 11 of the line\)/);
    }
  });

  it("refuses overlong encodings and UTF-16 surrogates as UTF-8", async () => {
    const lines = [[0xc0, 0xaf], [0xed, 0xa0, 0x80], [0xf4, 0x90, 0x80, 0x80]].map((b) => Buffer.concat([Buffer.from('{"a":"'), Buffer.from(b), Buffer.from('"}\n')]));
    const items = await collect(lines);
    expect(items.map((i) => (i as BadLine).kind)).toEqual(["invalid_utf8", "invalid_utf8", "invalid_utf8"]);
  });

  it("keeps only the first bytes of an overlong line, cut before a split character", async () => {
    const long = `{"x":"${"é".repeat(3000)}"}`;
    const items = await collect([`${long}\n{"b":2}\n`], 1000);
    const bad = items[0] as BadLine;
    expect(bad.kind).toBe("line_too_long");
    expect(bad.raw).toBe(`{"x":"${"é".repeat(97)}`);
    expect(bad.rawBase64).toBeUndefined();
    expect((items[1] as InputRecord).line).toBe(2);
  });
});

describe("firstInvalidUtf8", () => {
  it("finds the first byte that breaks UTF-8, or -1", () => {
    expect(firstInvalidUtf8(Buffer.from("héllo 👋"))).toBe(-1);
    expect(firstInvalidUtf8(Buffer.from([0x61, 0xe2, 0x82]))).toBe(1); // cut short
    expect(firstInvalidUtf8(Buffer.from([0x61, 0x62, 0xff]))).toBe(2);
  });
});
