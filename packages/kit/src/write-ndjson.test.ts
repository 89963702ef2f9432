import { Writable } from "node:stream";
import { describe, expect, it } from "vitest";
import { NdjsonWriter, RawLine } from "./write-ndjson.js";

class SlowSink extends Writable {
  chunks: string[] = [];
  constructor() {
    super({ highWaterMark: 1024 });
  }
  override _write(chunk: Buffer, _enc: BufferEncoding, cb: (err?: Error) => void): void {
    this.chunks.push(chunk.toString());
    setTimeout(cb, 1);
  }
}

describe("NdjsonWriter", () => {
  it("writes one value per line with \\n and waits for drain", async () => {
    const sink = new SlowSink();
    const w = new NdjsonWriter(sink);
    let waited = 0;
    for (let i = 0; i < 5000; i++) {
      const p = w.write({ i, pad: "x".repeat(50) });
      if (p) {
        waited += 1;
        await p;
      }
    }
    w.write(new RawLine('{"raw":true}'));
    await w.end();
    const text = sink.chunks.join("");
    const lines = text.split("\n");
    expect(lines.at(-1)).toBe("");
    expect(lines).toHaveLength(5002);
    expect(JSON.parse(lines[4999]!)).toEqual({ i: 4999, pad: "x".repeat(50) });
    expect(lines[5000]).toBe('{"raw":true}');
    expect(text.includes("\r")).toBe(false);
    expect(waited).toBeGreaterThan(0);
    expect(w.written).toBe(5001);
  });

  it("treats EPIPE as a closed reader, not an error", async () => {
    const sink = new Writable({
      write(_c, _e, cb) {
        const err = Object.assign(new Error("write EPIPE"), { code: "EPIPE" });
        cb(err);
      },
    });
    const w = new NdjsonWriter(sink);
    for (let i = 0; i < 3000 && !w.closed; i++) {
      const p = w.write({ i, pad: "y".repeat(100) });
      if (p) await p;
      await new Promise((r) => setImmediate(r));
    }
    expect(w.closed).toBe(true);
    await expect(w.end()).resolves.toBeUndefined();
  });
});

describe("whenWritten", () => {
  it("resolves when a last small write is still queued, where 'drain' never comes", async () => {
    // A write below the high-water mark returns true, so no 'drain' follows it; a pipe
    // with a slow reader leaves it queued. Waiting for 'drain' there hung (exit 13).
    const sink = new SlowSink();
    let drained = false;
    sink.on("drain", () => (drained = true));
    expect(sink.write("x".repeat(10))).toBe(true);
    expect(sink.writableLength).toBeGreaterThan(0);
    const { whenWritten } = await import("./write-ndjson.js");
    await whenWritten(sink);
    expect(sink.writableLength).toBe(0);
    expect(sink.chunks.join("")).toBe("x".repeat(10));
    expect(drained).toBe(false);
  });
});
