import { createHash } from "node:crypto";
import { describe, expect, it } from "vitest";
import { DigestTable } from "./digest-table.js";

const sha = (s: string) => createHash("sha256").update(s).digest("hex");

describe("DigestTable (SHA-256 per record + open-addressing table)", () => {
  it("finds the first record with a digest across growths, and gives the hex back", () => {
    const t = new DigestTable();
    const start = t.capacity;
    const n = 10_000;
    for (let i = 0; i < n; i++) t.set(i, i % 10 === 9 ? undefined : sha(`r${i % 5000}`));
    expect(t.capacity).toBeGreaterThan(start * 4);
    expect(t.find(sha("r1234"))).toBe(1234);
    // r1234 came again as record 6234: the first one is named.
    expect(t.hex(6234)).toBe(sha("r1234"));
    expect(t.find(sha("r19"))).toBe(-1); // record 19 had no digest; 5019 neither
    expect(t.hex(19)).toBeUndefined();
    expect(t.find(sha("never"))).toBe(-1);
    expect(t.hex(0)).toBe(sha("r0"));
  });

  it("tells apart digests that share their first word (same home slot)", () => {
    const t = new DigestTable();
    const base = sha("x");
    const variants = Array.from({ length: 50 }, (_, k) => base.slice(0, 56) + k.toString(16).padStart(8, "0"));
    variants.forEach((h, i) => t.set(i, h));
    variants.forEach((h, i) => expect(t.find(h)).toBe(i));
    expect(t.find(base.slice(0, 56) + "ffffffff")).toBe(-1);
    expect(t.find(base.toUpperCase())).toBe(t.find(base));
  });

  it("records without a digest (no exact method) are stored as none", () => {
    const t = new DigestTable();
    for (let i = 0; i < 100; i++) t.set(i, undefined);
    expect(t.hex(50)).toBeUndefined();
    expect(t.find(sha("a"))).toBe(-1);
    t.set(100, sha("a"));
    expect(t.find(sha("a"))).toBe(100);
    expect(t.hex(100)).toBe(sha("a"));
    expect(t.hex(99)).toBeUndefined();
  });

  it("refuses records out of order and text that is not a digest", () => {
    const t = new DigestTable();
    expect(() => t.set(1, sha("a"))).toThrow(/out of order/);
    expect(() => t.set(0, "abc")).toThrow(/not a SHA-256/);
  });
});
