import { describe, expect, it } from "vitest";
import { formatHelp, parseToolArgs, type ToolSpec } from "./args.js";
import { UsageError } from "./errors.js";

const spec: ToolSpec = {
  name: "demo",
  version: "1.2.3",
  summary: "a demo tool",
  input: "ndjson",
  options: [
    { name: "count", short: "n", type: "int", min: 1, default: 10, description: "how many" },
    { name: "mode", type: "string", choices: ["a", "b"], default: "a", description: "which mode" },
    { name: "tag", type: "string", multiple: true, description: "a tag" },
    { name: "ratio", type: "number", description: "a ratio" },
  ],
  examples: [{ what: "run it", cmd: "demo -n 3 < in.ndjson" }],
};

describe("parseToolArgs", () => {
  it("parses typed options, defaults and positionals", () => {
    const { values, positionals } = parseToolArgs(spec, ["-n", "3", "--tag", "x", "--tag", "y", "--ratio=0.5", "a.ndjson", "--seed", "9"]);
    expect(values.count).toBe(3);
    expect(values.mode).toBe("a");
    expect(values.tag).toEqual(["x", "y"]);
    expect(values.ratio).toBe(0.5);
    expect(values.seed).toBe(9);
    expect(values["on-error"]).toBe("fail");
    expect(positionals).toEqual(["a.ndjson"]);
  });

  it("rejects bad values with messages that say what is expected", () => {
    expect(() => parseToolArgs(spec, ["-n", "x"])).toThrow(new UsageError("--count expects an integer, got 'x'"));
    expect(() => parseToolArgs(spec, ["-n", "0"])).toThrow(/at least 1/);
    expect(() => parseToolArgs(spec, ["--mode", "c"])).toThrow(/one of a, b/);
    expect(() => parseToolArgs(spec, ["--nope"])).toThrow(/unknown option '--nope'/);
    expect(() => parseToolArgs(spec, ["--on-error", "ignore"])).toThrow(/fail, skip/);
  });

  it("formats help with usage, options, common options, examples and exit codes", () => {
    const help = formatHelp(spec);
    expect(help).toMatch(/^demo 1\.2\.3 — a demo tool/);
    expect(help).toContain("-n, --count N");
    expect(help).toContain("[default: 10]");
    expect(help).toContain("--on-error MODE");
    expect(help).toContain("demo -n 3 < in.ndjson");
    expect(help).toContain("3  bad input data");
  });

  it("refuses input files for generators", () => {
    const gen: ToolSpec = { ...spec, input: "none" };
    expect(() => parseToolArgs(gen, ["file.ndjson"])).toThrow(/reads no input files/);
  });
});
