import { UsageError } from "@chatmill/kit";
import { describe, expect, it } from "vitest";
import { distinctLabels, parseSourceArg } from "./source-arg.js";

describe("parseSourceArg", () => {
  it("reads counts, percentages, multiples, rest and all", () => {
    expect(parseSourceArg("a.ndjson:3000")).toEqual({ path: "a.ndjson", label: "a", target: { kind: "count", n: 3000 }, spec: "3000" });
    expect(parseSourceArg("data/corrections.jsonl:0.8%").target).toEqual({ kind: "percent", p: 0.8 });
    expect(parseSourceArg("c.json:x10").target).toEqual({ kind: "times", x: 10 });
    expect(parseSourceArg("c.ndjson:rest").target).toEqual({ kind: "rest" });
    expect(parseSourceArg("c.ndjson")).toMatchObject({ path: "c.ndjson", target: { kind: "all" }, spec: "all" });
    expect(parseSourceArg("-:50%")).toMatchObject({ path: "-", label: "stdin" });
  });

  it("keeps a colon that belongs to the file name", () => {
    expect(parseSourceArg("runs/2026-11-28T10:00.ndjson")).toMatchObject({ path: "runs/2026-11-28T10:00.ndjson", target: { kind: "all" } });
    expect(parseSourceArg("runs/10:00.ndjson:5")).toMatchObject({ path: "runs/10:00.ndjson", target: { kind: "count", n: 5 } });
  });

  it("refuses targets it cannot read, with what to write instead", () => {
    expect(() => parseSourceArg("a:0.3")).toThrow(/ambiguous; write a percentage \(30%\)/);
    expect(() => parseSourceArg("a:150%")).toThrow(UsageError);
    expect(() => parseSourceArg("a:-5")).toThrow(/cannot read the target/);
    expect(() => parseSourceArg(":5")).toThrow(/names no file/);
  });
});

describe("distinctLabels", () => {
  it("uses the path when two files share a name", () => {
    const labels = distinctLabels(["x/a.ndjson:1", "y/a.ndjson:2", "b.ndjson", "b.ndjson"].map(parseSourceArg)).map((s) => s.label);
    expect(labels).toEqual(["x/a.ndjson", "y/a.ndjson", "b.ndjson", "b.ndjson#4"]);
  });
});
