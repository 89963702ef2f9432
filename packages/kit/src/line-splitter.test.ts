import { describe, expect, it } from "vitest";
import { LineSplitter, type LineHandler } from "./line-splitter.js";

/** Feeds the chunks and lists what came out, e.g. "1:text:abc", "2:long:5000", "3:utf8:…". */
function split(chunks: Array<string | Buffer>, max = 1000): string[] {
  const out: string[] = [];
  const handler: LineHandler = {
    text: (text, line, eof) => void out.push(`${line}:text:${text}${eof ? ":eof" : ""}`),
    badUtf8: (bytes, line) => void out.push(`${line}:utf8:${bytes.toString("hex")}`),
    overlong: (head, bytes, line) => void out.push(`${line}:long:${bytes}:${head.length}`),
  };
  const splitter = new LineSplitter(max, handler);
  for (const c of chunks) splitter.push(typeof c === "string" ? Buffer.from(c) : c);
  splitter.end();
  return out;
}

describe("LineSplitter", () => {
  it("gives the same lines whatever the chunking", () => {
    const text = 'a\n\nbc\r\n{"d":"é👋"}\nlast';
    const want = ["1:text:a", "2:text:", "3:text:bc\r", '4:text:{"d":"é👋"}', "5:text:last:eof"];
    const bytes = Buffer.from(text);
    for (let cut = 0; cut <= bytes.length; cut++) {
      for (let cut2 = cut; cut2 <= bytes.length; cut2 += 3) {
        expect(split([bytes.subarray(0, cut), bytes.subarray(cut, cut2), bytes.subarray(cut2)])).toEqual(want);
      }
    }
    expect(split([...bytes].map((b) => Buffer.from([b])))).toEqual(want);
  });

  it("counts an overlong line's bytes across chunks, keeping only its head", () => {
    const chunks = ["ok\nxx", ...Array.from({ length: 50 }, () => "y".repeat(100)), "z\nafter\n"];
    expect(split(chunks, 1000)).toEqual(["1:text:ok", "2:long:5003:200", "3:text:after"]);
    // within one chunk too, next to short lines
    expect(split([`a\n${"q".repeat(1500)}\nb\n`], 1000)).toEqual(["1:text:a", "2:long:1500:200", "3:text:b"]);
    // a line of exactly the limit is fine
    expect(split([`${"q".repeat(10)}\n${"r".repeat(11)}`], 10)).toEqual([`1:text:${"q".repeat(10)}`, "2:long:11:11"]);
  });

  it("hands on invalid UTF-8 as bytes, and the lines around it as text", () => {
    expect(split([Buffer.from([0x61, 0x0a, 0x62, 0xff, 0x0a, 0x63, 0x0a])])).toEqual(["1:text:a", "2:utf8:62ff", "3:text:c"]);
    expect(split([Buffer.from([0x61, 0xe2]), Buffer.from([0x82, 0xac, 0x0a, 0xe2, 0x82])])).toEqual(["1:text:a€", "2:utf8:e282"]);
  });
});
