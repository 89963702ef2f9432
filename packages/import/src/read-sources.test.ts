import { mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { Context } from "@chatmill/kit";
import { describe, expect, it } from "vitest";
import { isJsonDocument, isTurn, looksLikeNdjson, readSources, type SourceItem } from "./read-sources.js";

const dir = mkdtempSync(join(tmpdir(), "import-read-"));
function file(name: string, text: string): string {
  const p = join(dir, name);
  writeFileSync(p, text);
  return p;
}
async function read(paths: string[]): Promise<{ items: SourceItem[]; ctx: Context }> {
  const ctx = new Context();
  const items: SourceItem[] = [];
  for await (const it of readSources(paths, ctx)) items.push(it);
  return { items, ctx };
}

describe("isJsonDocument", () => {
  it("tells NDJSON from a JSON document by whether the first line is complete JSON", () => {
    expect(isJsonDocument('{"a":1}\n{"a":2}\n')).toBe(false);
    expect(isJsonDocument('[{"role":"user","content":"x"}]\n')).toBe(false);
    expect(isJsonDocument("[\n  {}\n]")).toBe(true);
    expect(isJsonDocument('\uFEFF{\n "a": 1\n}')).toBe(true);
    expect(isJsonDocument("")).toBe(false);
    expect(isJsonDocument("not json\n")).toBe(false);
  });
});

describe("isTurn", () => {
  it("is a speaker with no nested conversation", () => {
    expect(isTurn({ role: "user", content: "x" })).toBe(true);
    expect(isTurn({ from: "human", value: "x" })).toBe(true);
    expect(isTurn({ role: "user", messages: [] })).toBe(false);
    expect(isTurn([1])).toBe(false);
  });
});

describe("readSources", () => {
  it("reads NDJSON, keeping array lines (bare turn lists) and rejecting lines that are not JSON", async () => {
    const p = file("a.ndjson", '{"messages":[]}\n[{"role":"user","content":"hi"}]\nnope\n\n42\n');
    const { items, ctx } = await read([p]);
    expect(items.map((i) => i.line)).toEqual([1, 2]);
    expect(Array.isArray(items[1]!.value)).toBe(true);
    expect(ctx.issues.map((i) => [i.line, i.kind])).toEqual([[3, "invalid_json"], [5, "not_an_object"]]);
    expect(ctx.counters.read).toBe(4);
  });

  it("reads a JSON array file element by element with each element's first line", async () => {
    const p = file("b.json", '[\n  {"dialogue_id": "1", "turns": []},\n  {"dialogue_id": "2",\n   "turns": []},\n  {bad}\n]\n');
    const { items, ctx } = await read([p]);
    expect(items.map((i) => [i.line, (i.value as { dialogue_id: string }).dialogue_id])).toEqual([[2, "1"], [3, "2"]]);
    expect(ctx.issues).toHaveLength(1);
    expect(ctx.issues[0]).toMatchObject({ line: 5, kind: "invalid_json" });
  });

  it("takes a JSON array of turns as one conversation, and a pretty-printed object as one record", async () => {
    const turns = file("c.json", '[\n {"role": "user", "content": "a"},\n {"role": "assistant", "content": "b"}\n]');
    const obj = file("d.json", '\n{\n  "messages": [{"role": "user", "content": "a"}]\n}\n');
    const { items } = await read([turns, obj]);
    expect(items).toHaveLength(2);
    expect(items[0]!.value).toHaveLength(2);
    expect(items[1]).toMatchObject({ line: 2, source: obj });
  });

  it("streams the elements of a broken array up to the break, then reports it with its line", async () => {
    const p = file("e.json", "[\n{\"a\": 1},\n");
    const { items, ctx } = await read([p]);
    expect(items.map((i) => i.value)).toEqual([{ a: 1 }]);
    expect(ctx.issues).toEqual([expect.objectContaining({ line: 3, reason: "invalid JSON array: the JSON array is not closed with ']'" })]);
  });

  it("reads a mixed array (a turn, then a record) as records", async () => {
    const p = file("f.json", '[\n{"role": "user", "content": "a"},\n{"messages": []}\n]');
    const { items } = await read([p]);
    expect(items.map((i) => i.line)).toEqual([2, 3]);
  });
});

describe("NDJSON whose first line is broken", () => {
  const record = (i: number) => JSON.stringify({ messages: [{ role: "user", content: `hi ${i}` }] });

  it("is read line by line, so the bad first line takes no record with it", async () => {
    for (const first of [record(0).slice(0, 20), "[{\"role\":\"user\",\"content\":\"cut", "{" + "x".repeat(1_100_000)]) {
      const p = file("broken-first.ndjson", `\uFEFF${first}\nnot json\n${record(1)}\n\n${record(2)}\n`);
      const { items, ctx } = await read([p]);
      expect(items.map((i) => i.line)).toEqual([3, 5]);
      expect(ctx.issues.map((i) => [i.line, i.kind])).toEqual([[1, "invalid_json"], [2, "invalid_json"]]);
      expect(ctx.counters.read).toBe(4);
    }
  });

  it("keeps a broken pretty-printed document one bad record, and a one-element array a document", async () => {
    const pretty = file("cut.json", '{\n  "messages": [\n    {"role": "user", "content": "a"}\n');
    const cut = await read([pretty]);
    expect(cut.items).toEqual([]);
    expect(cut.ctx.issues.map((i) => [i.line, i.kind, i.reason.slice(0, 21)])).toEqual([[1, "invalid_json", "invalid JSON document"]]);
    const one = file("one.json", `[\n${record(1)}\n]\n`);
    const r = await read([one]);
    expect(r.items.map((i) => i.line)).toEqual([2]);
    expect(r.ctx.issues).toEqual([]);
  });

  it("tells NDJSON with a broken first line by a whole record on a later line", () => {
    expect(looksLikeNdjson('{"a": \n{"a": 2}\n')).toBe(true);
    expect(looksLikeNdjson('{\n  "a": 1\n}')).toBe(false);
    expect(looksLikeNdjson('[\n{"a":1},\n{"a":2},\n')).toBe(false); // a cut array of one record per line
    expect(looksLikeNdjson('{"a":\n\n  \n[1, 2]')).toBe(true);
    expect(looksLikeNdjson('{\n  "m": [\n    {"role": "user"}\n')).toBe(false);
    expect(looksLikeNdjson('{"a":\r\nxx\r\n{"a": 2}\r\n')).toBe(true);
    expect(looksLikeNdjson('{"a":')).toBe(false);
  });
});

describe("a JSON document that is not all UTF-8", () => {
  it("refuses the records on a bad line with its exact bytes, and reads the others unchanged", async () => {
    const bad = Buffer.from([0x63, 0x61, 0x66, 0xe9]); // "caf" + a Latin-1 é
    const text = Buffer.concat([
      Buffer.from('[\n  {"id": "a", "text": "café"},\n  {"id": "b", "text": "'),
      bad,
      Buffer.from('"},\n  {"id": "c", "text": "ok"}\n]\n'),
    ]);
    const p = join(dir, "latin1.json");
    writeFileSync(p, text);
    const { items, ctx } = await read([p]);
    expect(items.map((i) => i.value)).toEqual([{ id: "a", text: "café" }, { id: "c", text: "ok" }]);
    expect(ctx.issues).toHaveLength(1);
    expect(ctx.issues[0]).toMatchObject({ line: 3, kind: "invalid_utf8" });
    expect(ctx.issues[0]!.reason).toMatch(/not valid UTF-8 \(line 3, byte 27 of the line\)/);
    expect(Buffer.from(ctx.issues[0]!.raw_base64 as string, "base64").includes(bad)).toBe(true);
    expect(ctx.counters.read).toBe(3);
  });

  it("refuses a single pretty-printed object with a bad byte as one record", async () => {
    const p = join(dir, "latin1-object.json");
    writeFileSync(p, Buffer.concat([Buffer.from('{\n  "messages": [{"role": "user", "content": "'), Buffer.from([0xff]), Buffer.from('"}]\n}\n')]));
    const { items, ctx } = await read([p]);
    expect(items).toEqual([]);
    expect(ctx.issues.map((i) => [i.line, i.kind])).toEqual([[1, "invalid_utf8"]]);
  });
});
