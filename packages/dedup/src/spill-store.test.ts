import { mkdtempSync, readdirSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { SpillStore } from "./spill-store.js";

/** Runs `f` with TMPDIR set to `dir`. */
function withTmpdir<T>(dir: string, f: () => T): T {
  const old = process.env.TMPDIR;
  process.env.TMPDIR = dir;
  try {
    return f();
  } finally {
    if (old === undefined) delete process.env.TMPDIR;
    else process.env.TMPDIR = old;
  }
}

describe("SpillStore (per-record data in an unlinked temporary file)", () => {
  it("reads back every record from memory and from the file, including records larger than the buffer", () => {
    const dir = mkdtempSync(join(tmpdir(), "spill-test-"));
    const s = new SpillStore("test sets", 256);
    const data: Array<Uint32Array | undefined> = [];
    withTmpdir(dir, () => {
      for (let i = 0; i < 500; i++) {
        const v = i % 7 === 3 ? undefined : Uint32Array.from({ length: (i * 13) % 40 + (i === 100 ? 200 : 0) }, (_, k) => i * 1000 + k);
        data.push(v);
        expect(s.push(v)).toBe(i);
      }
    });
    expect(s.onDisk).toBe(true);
    // The file was unlinked (and its directory removed) as soon as it was opened.
    expect(readdirSync(dir)).toEqual([]);
    for (let i = 499; i >= 0; i--) {
      const got = s.read(i);
      if (!data[i]) {
        expect(got).toBeUndefined();
        expect(s.has(i)).toBe(false);
        continue;
      }
      expect([...new Uint32Array(got!.buffer, got!.byteOffset, got!.length >> 2)]).toEqual([...data[i]!]);
    }
    // A read is a copy: changing it does not change the store.
    s.read(499)!.fill(0);
    expect(new Uint32Array(s.read(499)!.buffer, 0, 1)[0]).toBe(499_000);
    s.close();
    expect(s.read(0)).toBeUndefined();
  });

  it("stays in memory while the data fits the buffer", () => {
    const s = new SpillStore("small", 1024);
    s.push(new Uint8Array([1, 2, 3, 4]));
    s.push(new Float32Array([0.5]));
    expect(s.onDisk).toBe(false);
    expect(s.bytes).toBe(8);
    expect([...new Float32Array(s.read(1)!.buffer, 0, 1)]).toEqual([0.5]);
    s.close();
  });

  it("says which directory to change when the file cannot be made", () => {
    const s = new SpillStore("doomed", 4);
    withTmpdir("/nonexistent/dir", () => {
      expect(() => s.push(new Uint8Array(8))).toThrow(/could not write it: .*ENOENT.*set TMPDIR to a directory on a disk with room/);
    });
  });
});
